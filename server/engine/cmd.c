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
    /* Names and aliases are compared only when their first letter is the name's: a
     * config line looks its command up, and this is most of what that costs. */
    for (const struct cmd_entry *const *ep = cmd_table; *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (e->alias != NULL && e->alias[0] == name[0] && strcmp(e->alias, name) == 0)
            return e;
        if ((len > 0 && e->name[0] != name[0]) || strncmp(e->name, name, len) != 0)
            continue;
        if (e->name[len] == '\0')
            return e;
        found = e;
        matches++;
    }
    /* Unambiguous prefixes are accepted, as tmux does. */
    if (matches == 1)
        return found;
    *err = matches > 1 ? "ambiguous command" : "unknown command";
    return NULL;
}

const struct cmd_entry *cmd_lookup_error(const char *name, char **error)
{
    const char *why = NULL;
    const struct cmd_entry *e = cmd_lookup(name, &why);
    if (e != NULL)
        return e;
    if (strcmp(why, "ambiguous command") != 0) {
        *error = xasprintf("unknown command: %s", name);
        return NULL;
    }
    size_t len = strlen(name), size = 0, used = 0;
    char *list = NULL;
    for (const struct cmd_entry *const *ep = cmd_table; *ep != NULL; ep++) {
        if (strncmp((*ep)->name, name, len) != 0)
            continue;
        size_t n = strlen((*ep)->name) + 3;
        if (used + n + 1 > size) {
            size = (used + n + 1) * 2;
            list = xrealloc(list, size);
        }
        used += (size_t)snprintf(list + used, size - used, "%s%s", used > 0 ? ", " : "",
                                 (*ep)->name);
    }
    *error = xasprintf("ambiguous command: %s, could be: %s", name, list != NULL ? list : "");
    free(list);
    return NULL;
}

int cmd_args_parse(const struct cmd_entry *e, int argc, char **argv, struct cmd_args *args,
                   char **cause)
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
        if (a[1] == '-' && e->longs != NULL) {
            /* --name or --name=value: the short flag the entry maps it to (tmx's own). */
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
                *cause = xasprintf("unknown flag --%.*s", (int)nlen, name);
                return -1;
            }
            if (pos[1] == ':') {
                if (eq != NULL)
                    args->flags[(unsigned char)flag] = eq + 1;
                else if (i + 1 < argc)
                    args->flags[(unsigned char)flag] = argv[++i];
                else
                    args->flags[(unsigned char)flag] = "";
            } else
                args->flags[(unsigned char)flag] = "";
            continue;
        }
        for (const char *f = a + 1; *f; f++) {
            unsigned char ch = (unsigned char)*f;
            if (!isalnum(ch)) {
                *cause = xasprintf("invalid flag -%c", *f);
                return -1;
            }
            const char *pos = ch < 128 ? strchr(e->spec, ch) : NULL;
            if (pos == NULL) {
                *cause = xasprintf("unknown flag -%c", *f);
                return -1;
            }
            if (args->count[ch] < 255)
                args->count[ch]++;
            if (pos[1] == ':') {
                /* The rest of the word, else the next word; none: given, empty. */
                if (f[1] != '\0')
                    args->flags[ch] = f + 1;
                else if (i + 1 < argc)
                    args->flags[ch] = argv[++i];
                else {
                    args->flags[ch] = "";
                    args->missing[ch / 64] |= 1ULL << (ch % 64);
                    break;
                }
                if (args->nvalues < (int)(sizeof args->values / sizeof args->values[0])) {
                    args->values[args->nvalues].flag = (char)ch;
                    args->values[args->nvalues++].value = args->flags[ch];
                }
                if (ch == 'e' && *args->flags[ch] != '\0') {
                    /* -e NAME=VALUE may be given several times. */
                    if (strchr(args->flags[ch], '=') == NULL || *args->flags[ch] == '=') {
                        *cause = xasprintf("-e wants NAME=VALUE, not \"%s\"", args->flags[ch]);
                        return -1;
                    }
                    if (args->nenv >= 64) {
                        *cause = xstrdup("too many -e");
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
    if (args->argc < e->min_args) {
        *cause = xasprintf("too few arguments (need at least %d)", e->min_args);
        return -1;
    }
    if (e->max_args >= 0 && args->argc > e->max_args) {
        *cause = xasprintf("too many arguments (need at most %d)", e->max_args);
        return -1;
    }
    return 0;
}

/* Parse flags of argv per spec into args. Returns 0, or -1 with an error. */
static int cmd_parse_flags(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv,
                           struct cmd_args *args)
{
    char *cause = NULL;
    if (cmd_args_parse(e, argc, argv, args, &cause) != 0) {
        cmd_error(ctx, "command %s: %s", e->name, cause);
        free(cause);
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
    bool found = cmd_find_target(ctx, fs, value, spec->type,
                                 (spec->flags & ~(CMD_FIND_IF_GIVEN | CMD_FIND_MAY_BE_MISSING)) |
                                 (may_be_missing ? CMD_FIND_QUIET : 0)) == 0;
    return found || may_be_missing ? 0 : -1;
}

/* Flags parsed: find what the entry declares and run it (argc and argv are the words
 * the args point into; tests/fuzz/cmd_gate.c sees them at the exec call). */
static int cmd_run_entry(struct cmd_ctx *ctx, const struct cmd_entry *e, struct cmd_args *args,
                         int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (ctx->server != NULL && ctx->server->log_command != NULL) /* none in the fuzzers' gate */
        ctx->server->log_command(ctx, e, args);
    /* A command may run others (if-shell -F): theirs are found and forgotten inside. */
    struct cmd_find_state source = ctx->source, target = ctx->target;
    int status = 1;
    if (cmd_find_declared(ctx, &e->source, args, &ctx->source) == 0 &&
        cmd_find_declared(ctx, &e->target, args, &ctx->target) == 0)
        status = e->exec(ctx, args) == 0 ? 0 : 1;
    if (status == 0) {
        ctx->ran = e;
        ctx->ran_target = ctx->target;
    }
    ctx->source = source;
    ctx->target = target;
    return status;
}

int cmd_execute_argv(struct cmd_ctx *ctx, int argc, char **argv)
{
    if (argc == 0)
        return 0;
    char *why = NULL;
    const struct cmd_entry *e = cmd_lookup_error(argv[0], &why);
    if (e == NULL) {
        cmd_error(ctx, "%s", why);
        free(why);
        return 1;
    }
    struct cmd_args args;
    if (cmd_parse_flags(ctx, e, argc, argv, &args) != 0)
        return 1;
    return cmd_run_entry(ctx, e, &args, argc, argv);
}

int cmd_execute_parsed(struct cmd_ctx *ctx, const struct cmd_parsed *c)
{
    struct cmd_args args;
    if (cmd_parse_flags(ctx, c->entry, c->argc, c->argv, &args) != 0)
        return 1;
    int first = (int)(args.argv - c->argv);
    for (int i = 0; i < args.argc && i < 64; i++) {
        if (c->blocks != NULL && c->blocks[first + i] != NULL)
            args.blocks |= 1ULL << i;
    }
    if (c->blocks != NULL)
        args.lists = c->blocks + first;
    return cmd_run_entry(ctx, c->entry, &args, c->argc, c->argv);
}

void cmd_free_argv(char **argv)
{
    if (argv == NULL)
        return;
    for (char **a = argv; *a != NULL; a++)
        free(*a);
    free(argv);
}
