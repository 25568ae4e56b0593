/* cmd_show_options.c - show-options and show-window-options: option values of one scope. */
#include "cmd_impl.h"

#include <string.h>

#include "options.h"

static void show_one(struct cmd_ctx *ctx, struct cmd_args *args, const struct options *o,
                     const struct option_def *d, bool inherited)
{
    char value[1024];
    options_to_string(o, d->name, value, sizeof value);
    if (args->flags['v'] != NULL)
        cmd_print(ctx, "%s", value);
    else
        cmd_print(ctx, "%s%s %s", d->name, inherited ? "*" : "", value);
}

/* show-options [-gsw] [-A] [-v] [-t target] [name]: the values of one scope (-s server,
 * -w window, else session); without -g only those set on the target itself (-A adds the
 * inherited ones, marked with *). */
static int cmd_show_options_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *only = args->argc > 0 ? args->argv[0] : NULL;
    enum option_scope scope = args->flags['s'] != NULL   ? OPTION_SERVER
                              : args->flags['w'] != NULL ? OPTION_WINDOW
                                                         : OPTION_SESSION;
    if (only != NULL) {
        const struct option_def *d = options_find(only);
        if (d == NULL) {
            if (args->flags['q'] != NULL)
                return 0;
            cmd_error(ctx, "invalid option: %s", only);
            return -1;
        }
        scope = d->scope;
    }
    bool global = args->flags['g'] != NULL || scope == OPTION_SERVER;
    for (const struct option_def *d = option_table; d->name != NULL; d++) {
        if (d->scope != scope || (only != NULL && strcmp(only, d->name) != 0))
            continue;
        struct session *sess;
        struct window *w;
        const struct options *o = cmd_options_target(ctx, args, d, &sess, &w);
        if (o == NULL)
            return -1;
        bool local = options_is_set(o, d->name);
        if (global || local || only != NULL || args->flags['A'] != NULL)
            show_one(ctx, args, o, d, !global && !local);
    }
    return 0;
}

static int cmd_show_window_options_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    args->flags['w'] = "";
    return cmd_show_options_exec(ctx, args);
}

const struct cmd_entry cmd_show_options_entry = {
    .name = "show-options",
    .alias = "show",
    .spec = "Agqst:vw",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-Agqsvw] [-t target-pane] [option]",
    .exec = cmd_show_options_exec,
};

const struct cmd_entry cmd_show_window_options_entry = {
    .name = "show-window-options",
    .alias = "showw",
    .spec = "Agqt:vw",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-gv] [-t target-window] [option]",
    .exec = cmd_show_window_options_exec,
};
