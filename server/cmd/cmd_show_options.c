/* cmd_show_options.c - show-options, show-window-options and show-hooks, as tmux 3.3a
 * prints them: "name value" (string values quoted as a command would need them), array
 * items as "name[N] value", an empty array as its bare name, inherited values (-A)
 * marked "name*"; user options (@name) of the set first, then the table's in its order.
 * Without -g only what the target itself sets is shown. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "xmalloc.h"

/* Print one value: item idx of an array (-1: not an array) of option d (NULL: the user
 * option name). */
static void show_value(struct cmd_ctx *ctx, struct cmd_args *args, const char *name,
                       const struct option_def *d, long idx, const char *value, bool parent)
{
    if (args->flags['v'] != NULL) {
        cmd_print(ctx, "%s", value);
        return;
    }
    char label[300];
    if (idx >= 0)
        snprintf(label, sizeof label, "%s[%ld]%s", name, idx, parent ? "*" : "");
    else
        snprintf(label, sizeof label, "%s%s", name, parent ? "*" : "");
    bool quoted = d == NULL || d->type == OPTION_STRING || d->type == OPTION_STYLE;
    if (quoted) {
        char *escaped = options_escape(value);
        cmd_print(ctx, "%s %s", label, escaped);
        free(escaped);
    } else
        cmd_print(ctx, "%s %s", label, value);
}

/* Print option d as held (or inherited, parent) by oo: one line, or one per item. */
static void show_table_option(struct cmd_ctx *ctx, struct cmd_args *args,
                              const struct options *oo, const struct option_def *d, long idx,
                              bool parent)
{
    char buf[8192];
    if (!(d->flags & OPTION_F_ARRAY)) {
        show_value(ctx, args, d->name, d, -1, options_to_string(oo, d->name, buf, sizeof buf),
                   parent);
        return;
    }
    if (idx >= 0) {
        const char *item = options_array_get(oo, d->name, idx);
        show_value(ctx, args, d->name, d, idx, item != NULL ? item : "", parent);
        return;
    }
    const char *item;
    long i = options_array_next(oo, d->name, -1, &item);
    if (i < 0) {
        if (args->flags['v'] == NULL)
            cmd_print(ctx, "%s%s", d->name, parent ? "*" : "");
        return;
    }
    for (; i >= 0; i = options_array_next(oo, d->name, i, &item))
        show_value(ctx, args, d->name, d, i, item, parent);
}

/* tmx's own options and those of newer tmux (not 3.3a's) are listed only when they
 * differ from their default, so a listing reads as tmux 3.3a's does (docs/tmux-compat.md,
 * "options"). */
static bool tmx_option_at_default(const struct options *oo, const struct option_def *d)
{
    char buf[1024];
    if (!(d->flags & (OPTION_F_TMX | OPTION_F_NEWER)))
        return false;
    if (d->flags & OPTION_F_ARRAY) {
        /* An array of tmx's that is empty by default: at its default while empty. */
        const char *item;
        return (d->default_array == NULL || d->default_array[0] == NULL) &&
               options_array_next(oo, d->name, -1, &item) < 0;
    }
    return strcmp(options_to_string(oo, d->name, buf, sizeof buf), d->default_value) == 0;
}

static int show_all(struct cmd_ctx *ctx, struct cmd_args *args,
                    const struct cmd_options_scope *sc, bool hooks)
{
    const struct options *oo = sc->options;
    if (!hooks) {
        for (const char *u = options_user_next(oo, NULL); u != NULL;
             u = options_user_next(oo, u))
            show_value(ctx, args, u, NULL, -1, options_get_user(oo, u, false), false);
    }
    for (const struct option_def *d = option_table; d->name != NULL; d++) {
        if (d->scope != sc->scope || (sc->is_pane && !(d->flags & OPTION_F_PANE)))
            continue;
        bool is_hook = (d->flags & OPTION_F_HOOK) != 0;
        if (hooks ? !is_hook : (is_hook && args->flags['H'] == NULL))
            continue;
        bool parent = false;
        if (!options_is_set(oo, d->name)) {
            if (args->flags['A'] == NULL)
                continue;
            parent = true;
        }
        if (tmx_option_at_default(oo, d))
            continue;
        show_table_option(ctx, args, oo, d, -1, parent);
    }
    return 0;
}

static int show_run(struct cmd_ctx *ctx, struct cmd_args *args, bool window_cmd, bool hooks)
{
    struct cmd_options_scope sc;
    char *cause;
    if (args->argc == 0) {
        if (cmd_options_scope(ctx, args, window_cmd, NULL, &sc, &cause) != 0) {
            if (args->flags['q'] != NULL) {
                free(cause);
                return 0;
            }
            cmd_error(ctx, "%s", cause);
            free(cause);
            return -1;
        }
        return show_all(ctx, args, &sc, hooks);
    }

    const char *argument = args->argv[0];
    char name[256];
    long idx;
    bool ambiguous = false;
    const struct option_def *d = NULL;
    if (options_parse_name(argument, name, sizeof name, &idx) == 0 && *name != '@')
        d = options_match(name, &ambiguous);
    if (d == NULL && (*name != '@' || idx != -1)) {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "%s option: %s", ambiguous ? "ambiguous" : "invalid", argument);
        return -1;
    }
    if (cmd_options_scope(ctx, args, window_cmd, d, &sc, &cause) != 0) {
        if (args->flags['q'] != NULL) {
            free(cause);
            return 0;
        }
        cmd_error(ctx, "%s", cause);
        free(cause);
        return -1;
    }
    const struct options *oo = sc.options;
    if (d == NULL) {
        const char *value = options_get_user(oo, name, false);
        bool parent = false;
        if (value == NULL && args->flags['A'] != NULL) {
            value = options_get_user(oo, name, true);
            parent = true;
        }
        if (value == NULL) {
            if (args->flags['q'] != NULL)
                return 0;
            cmd_error(ctx, "invalid option: %s", argument);
            return -1;
        }
        show_value(ctx, args, name, NULL, -1, value, parent);
        return 0;
    }
    if (idx != -1 && !(d->flags & OPTION_F_ARRAY)) {
        cmd_error(ctx, "not an array: %s", argument);
        return -1;
    }
    bool parent = false;
    if (!options_is_set(oo, d->name)) {
        if (args->flags['A'] == NULL)
            return 0;
        parent = true;
    }
    show_table_option(ctx, args, oo, d, idx, parent);
    return 0;
}

static int cmd_show_options_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return show_run(ctx, args, false, false);
}

static int cmd_show_window_options_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return show_run(ctx, args, true, false);
}

static int cmd_show_hooks_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return show_run(ctx, args, false, true);
}

const struct cmd_entry cmd_show_options_entry = {
    .name = "show-options",
    .alias = "show",
    .spec = "AgHpqst:vw",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-AgHpqsvw] [-t target-pane] [option]",
    .exec = cmd_show_options_exec,
};

const struct cmd_entry cmd_show_window_options_entry = {
    .name = "show-window-options",
    .alias = "showw",
    .spec = "gvt:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-gv] [-t target-window] [option]",
    .exec = cmd_show_window_options_exec,
};

const struct cmd_entry cmd_show_hooks_entry = {
    .name = "show-hooks",
    .spec = "gpt:w",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-gpw] [-t target-pane]",
    .exec = cmd_show_hooks_exec,
};
