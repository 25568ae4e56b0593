/* cmd.c - command parsing, flag parsing, execution and target resolution (see cmd.h). */
#include "cmd.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

void cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(ctx->err, fmt, ap);
    va_end(ap);
    evbuffer_add(ctx->err, "\n", 1);
}

void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(ctx->out, fmt, ap);
    va_end(ap);
    evbuffer_add(ctx->out, "\n", 1);
}

/* The registered command table: the one process-wide variable of the engine. It points
 * to const data, is set once at startup before any command runs, and is the same for
 * every server a process could hold (the table is code, not server state). */
static const struct cmd_entry *const cmd_no_entries[] = {NULL};
static const struct cmd_entry *const *cmd_table = cmd_no_entries;

void cmd_set_table(const struct cmd_entry *const *table)
{
    cmd_table = table != NULL ? table : cmd_no_entries;
}

const struct cmd_entry *const *cmd_get_table(void)
{
    return cmd_table;
}

const struct cmd_entry *cmd_lookup(const char *name, const char **err)
{
    const struct cmd_entry *found = NULL;
    size_t len = strlen(name);
    int matches = 0;
    for (const struct cmd_entry *const *ep = cmd_table; *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (strcmp(e->name, name) == 0 || (e->alias != NULL && strcmp(e->alias, name) == 0))
            return e;
        if (strncmp(e->name, name, len) == 0) {
            found = e;
            matches++;
        }
    }
    /* Unambiguous prefixes are accepted, as tmux does. */
    if (matches == 1)
        return found;
    *err = matches > 1 ? "ambiguous command" : "unknown command";
    return NULL;
}

/* Parse flags of argv per spec into args. Returns 0, or -1 with an error. */
static int cmd_parse_flags(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv,
                           struct cmd_args *args)
{
    memset(args, 0, sizeof *args);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            /* --name or --name=value: the short flag the entry maps it to. */
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t nlen = eq != NULL ? (size_t)(eq - name) : strlen(name);
            char flag = 0;
            for (const char *l = e->longs; l != NULL && *l != '\0';) {
                const char *le = strchr(l, '=');
                if (le == NULL)
                    break;
                if ((size_t)(le - l) == nlen && strncmp(l, name, nlen) == 0)
                    flag = le[1];
                l = strchr(le, ',');
                l = l != NULL ? l + 1 : NULL;
            }
            const char *pos = flag != 0 ? strchr(e->spec, flag) : NULL;
            if (pos == NULL) {
                cmd_error(ctx, "%s: unknown option --%.*s (usage: %s %s)", e->name, (int)nlen, name,
                          e->name, e->usage);
                return -1;
            }
            if (pos[1] == ':') {
                if (eq != NULL)
                    args->flags[(unsigned char)flag] = eq + 1;
                else if (i + 1 < argc)
                    args->flags[(unsigned char)flag] = argv[++i];
                else {
                    cmd_error(ctx, "%s: --%.*s needs a value", e->name, (int)nlen, name);
                    return -1;
                }
            } else
                args->flags[(unsigned char)flag] = "";
            continue;
        }
        for (const char *f = a + 1; *f; f++) {
            unsigned char ch = (unsigned char)*f;
            const char *pos = ch < 128 && ch != ':' ? strchr(e->spec, ch) : NULL;
            if (pos == NULL) {
                cmd_error(ctx, "%s: unknown flag -%c (usage: %s %s)", e->name, *f, e->name, e->usage);
                return -1;
            }
            if (args->count[ch] < 255)
                args->count[ch]++;
            if (pos[1] == ':') {
                if (f[1] != '\0')
                    args->flags[ch] = f + 1;
                else if (i + 1 < argc)
                    args->flags[ch] = argv[++i];
                else {
                    cmd_error(ctx, "%s: -%c needs an argument (usage: %s %s)", e->name, *f, e->name,
                              e->usage);
                    return -1;
                }
                if (ch == 'e') {
                    /* -e NAME=VALUE may be given several times. */
                    if (strchr(args->flags[ch], '=') == NULL || *args->flags[ch] == '=') {
                        cmd_error(ctx, "%s: -e wants NAME=VALUE, not \"%s\"", e->name,
                                  args->flags[ch]);
                        return -1;
                    }
                    if (args->nenv >= 64) {
                        cmd_error(ctx, "%s: too many -e", e->name);
                        return -1;
                    }
                    args->env[args->nenv++] = args->flags[ch];
                }
                break;
            }
            args->flags[ch] = "";
        }
    }
    args->argc = argc - i;
    args->argv = argv + i;
    if (args->argc < e->min_args || (e->max_args >= 0 && args->argc > e->max_args)) {
        cmd_error(ctx, "%s: wrong number of arguments (usage: %s %s)", e->name, e->name, e->usage);
        return -1;
    }
    return 0;
}

/* Find what spec names for the command about to run into *fs. Returns 0, or -1 when
 * it is not found (the error is reported). */
static int cmd_find_declared(struct cmd_ctx *ctx, const struct cmd_find_spec *spec,
                         const struct cmd_args *args, struct cmd_find_state *fs)
{
    memset(fs, 0, sizeof *fs);
    if (spec->type == CMD_FIND_NONE)
        return 0;
    const char *value = args->flags[(unsigned char)spec->flag];
    bool may_be_missing = value == NULL && (spec->flags & CMD_FIND_MAY_BE_MISSING);
    if (value == NULL && (spec->flags & CMD_FIND_IF_GIVEN))
        return 0;
    if (may_be_missing && ctx->target_pane == NULL && TAILQ_EMPTY(&ctx->server->sessions))
        return 0;
    bool found = false;
    switch (spec->type) {
    case CMD_FIND_SESSION:
        found = (fs->session = cmd_find_session(ctx, value)) != NULL;
        break;
    case CMD_FIND_WINDOW:
        found = (fs->window = cmd_find_window(ctx, value, &fs->session)) != NULL;
        break;
    case CMD_FIND_PANE:
        found = (fs->pane = cmd_find_pane(ctx, value, &fs->window, &fs->session)) != NULL;
        break;
    case CMD_FIND_NONE:
        break;
    }
    return found || may_be_missing ? 0 : -1;
}

int cmd_execute_argv(struct cmd_ctx *ctx, int argc, char **argv)
{
    if (argc == 0)
        return 0;
    const char *why = NULL;
    const struct cmd_entry *e = cmd_lookup(argv[0], &why);
    if (e == NULL) {
        cmd_error(ctx, "%s: %s (tmx list-commands lists them)", why, argv[0]);
        return 1;
    }
    struct cmd_args args;
    if (cmd_parse_flags(ctx, e, argc, argv, &args) != 0)
        return 1;
    /* A command may run others (if-shell -F): theirs are found and forgotten inside. */
    struct cmd_find_state source = ctx->source, target = ctx->target;
    int status = 1;
    if (cmd_find_declared(ctx, &e->source, &args, &ctx->source) == 0 &&
        cmd_find_declared(ctx, &e->target, &args, &ctx->target) == 0)
        status = e->exec(ctx, &args) == 0 ? 0 : 1;
    ctx->source = source;
    ctx->target = target;
    return status;
}

void cmd_free_argv(char **argv)
{
    if (argv == NULL)
        return;
    for (char **a = argv; *a != NULL; a++)
        free(*a);
    free(argv);
}
