/* cmd_gate.c - see cmd_gate.h.
 *
 * server/cmd.c is compiled here (its cmd_parse_flags is static, and its exec call must
 * be caught), so the cmd.o of libtmx_server.a is never linked: every symbol it defines
 * is defined by this object, which is compiled into each fuzzer executable directly
 * (not through a library, where the linker could still pick the cmd.o of the server).
 *
 * cmd_execute_argv ends in `return e->exec(ctx, &args) == 0 ? 0 : 1;`. The
 * function-like macro below turns that `exec(` into
 *     e->exec == NULL ? 1 : cmd_gate_exec(e, ctx, &args) == 0 ? 0 : 1
 * (the struct member declaration "(*exec)(" is not followed by '(' and is left alone).
 * cmd_gate_selftest() proves at start-up that this still happens. */
#include "cmd_gate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cmd_ctx;
struct cmd_entry;
struct cmd_args;
static int cmd_gate_exec(const struct cmd_entry *e, struct cmd_ctx *ctx, struct cmd_args *args,
                         int argc, char **argv);

#define exec(c, a) exec == NULL ? 1 : cmd_gate_exec(e, c, a, argc, argv)
#include "../../server/engine/cmd.c"
#undef exec

#include "cmd_table.h"

unsigned long cmd_gate_ran, cmd_gate_stopped;
void (*cmd_gate_parsed)(struct cmd_ctx *ctx, const struct cmd_entry *e,
                        const struct cmd_args *args, int argc, char **argv);

/* Commands that only read or change the in-memory state of the server, or act on the
 * issuing client. Not here, so never run: new-session, new-window, respawn-*, run-shell,
 * if-shell without -F, pipe-pane, source-file (fork or open files), kill-* (signal,
 * free panes, may stop the server), wait-for, wait-pane (block a client), and
 * send-keys -X copy-pipe* and the copy-command option (they run a shell command). */
static const char *const allowed[] = {
    "attach-session", "bind-key", "capture-pane", "choose-tree", "choose-window",
    "clear-history", "clock-mode", "command-prompt", "confirm-before", "detach-client",
    "display-message", "find-window", "has-session", "last-window", "list-clients",
    "list-commands", "list-keys", "list-panes", "list-sessions", "list-windows",
    "move-window", "next-window", "previous-window", "refresh-client", "rename-session",
    "rename-window", "select-window", "send-keys", "send-prefix", "set-environment",
    "set-hook", "show-environment", "show-hooks", "show-options", "show-window-options",
    "start-server", "suspend-client", "swap-window", "switch-client", "unbind-key", NULL,
};

bool cmd_gate_allows(const struct cmd_entry *e, const struct cmd_args *args)
{
    if (strcmp(e->name, "if-shell") == 0)
        return args->flags['F'] != NULL; /* a format condition, no shell */
    if (strcmp(e->name, "set-option") == 0 || strcmp(e->name, "set-window-option") == 0) {
        /* log-file opens files, copy-command is run by a mouse drag's copy; every other
         * option only sets a value. */
        return args->argc > 0 && strncmp(args->argv[0], "log", 3) != 0 &&
               strcmp(args->argv[0], "copy-command") != 0;
    }
    if (strcmp(e->name, "send-keys") == 0 && args->flags['X'] != NULL && args->argc > 0 &&
        strncmp(args->argv[0], "copy-pipe", 9) == 0)
        return false; /* runs a shell command */
    for (const char *const *a = allowed; *a != NULL; a++) {
        if (strcmp(e->name, *a) == 0)
            return true;
    }
    return false;
}

static int cmd_gate_exec(const struct cmd_entry *e, struct cmd_ctx *ctx, struct cmd_args *args,
                         int argc, char **argv)
{
    if (cmd_gate_parsed != NULL)
        cmd_gate_parsed(ctx, e, args, argc, argv);
    if (!cmd_gate_allows(e, args)) {
        /* Like a command that failed: with a message (config.c reports it). */
        cmd_gate_stopped++;
        cmd_error(ctx, "%s: not run by the fuzzer", e->name);
        return -1;
    }
    cmd_gate_ran++;
    size_t errors = evbuffer_get_length(ctx->err);
    int rc = e->exec(ctx, args);
    if (rc != 0 && evbuffer_get_length(ctx->err) == errors && !ctx->wait) {
        /* Not a crash, but worth knowing: say it once per command. */
        static char said[256];
        size_t i = 0;
        while (cmd_table[i] != NULL && cmd_table[i] != e)
            i++;
        if (i < sizeof said && !said[i]) {
            said[i] = 1;
            fprintf(stderr, "cmd_gate: note: %s failed without an error message\n", e->name);
        }
    }
    return rc;
}

void cmd_gate_selftest(void)
{
    /* kill-server parses (no flags, no arguments) and must be stopped by the gate: if
     * it ran, it would dereference the NULL server below and crash here, not later. */
    struct cmd_ctx ctx = {0};
    char *argv[] = {"kill-server", NULL};
    unsigned long before = cmd_gate_stopped;
    void (*parsed)(struct cmd_ctx *, const struct cmd_entry *, const struct cmd_args *, int,
                   char **) = cmd_gate_parsed;
    cmd_gate_parsed = NULL;
    ctx.out = evbuffer_new();
    ctx.err = evbuffer_new();
    cmd_set_table(cmd_table_entries()); /* as fake_server_create does */
    int rc = cmd_execute_argv(&ctx, 1, argv);
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    cmd_gate_parsed = parsed;
    if (rc != 1 || cmd_gate_stopped != before + 1) {
        fprintf(stderr, "cmd_gate: the exec gate is not in effect (server/cmd.c changed?): "
                        "fix tests/fuzz/cmd_gate.c\n");
        abort();
    }
}
