/* cmd_run_shell.c - run-shell: a shell command run by the server in the background (as
 * the user, never anyone else). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "client_frames.h"
#include "client_message.h"
#include "format.h"
#include "job.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "text_view.h"

/* A run-shell a command-line client waits for has finished: its output and status. */
static void run_shell_done(void *arg, const char *output, size_t len, int status)
{
    struct client *c = arg;
    if (c->attached) {
        if (len > 0)
            text_view_show(c, output, len);
        else if (status != 0)
            client_message(c, "run-shell: command returned %d", status);
        return;
    }
    if (len > 0)
        client_send(c, MSG_STDOUT, output, len);
    server_client_exit(c, status, NULL);
}

/* run-shell: formats in the command are expanded for the target pane, then it runs in
 * the background; a command-line client waits for it (unless -b) and gets its output and
 * exit status; from a key binding, its output is shown over the pane. */
static int cmd_run_shell_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane; /* may be NULL: no session yet */
    struct format_ctx f = {.server = ctx->server, .session = ctx->target.session,
                           .window = ctx->target.window, .pane = p, .client = ctx->client};
    char *command = format_expand(&f, args->argv[0]);
    struct client *c = ctx->client;
    bool wait = c != NULL && args->flags['b'] == NULL && !c->exiting;
    char err[256];
    const char *cwd = p != NULL ? p->cwd : NULL;
    struct job *j = job_run(ctx->server, command, cwd, wait ? run_shell_done : NULL,
                            wait ? c : NULL, err, sizeof err);
    free(command);
    if (j == NULL) {
        cmd_error(ctx, "run-shell: %s", err);
        return -1;
    }
    if (wait && !c->attached) {
        c->waiting = true;
        ctx->wait = true;
    }
    return 0;
}

const struct cmd_entry cmd_run_shell_entry = {
    .name = "run-shell",
    .alias = "run",
    .spec = "bt:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-b] [-t target-pane] shell-command",
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
    .exec = cmd_run_shell_exec,
};
