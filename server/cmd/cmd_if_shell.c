/* cmd_if_shell.c - if-shell: run one command or another as a shell command (or, -F, a
 * format) says. */
#include "cmd_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_frames.h"
#include "format.h"
#include "job.h"
#include "proto.h"
#include "server_client.h"
#include "server_find.h"
#include "server_state.h"
#include "xmalloc.h"

struct if_shell_state {
    struct server *server;
    uint32_t client_id;     /* waiting command-line client, or 0 */
    uint32_t pane_id;
    char *then_cmd, *else_cmd;
};

/* The if-shell condition finished: run the branch it chose. */
static void if_shell_done(void *arg, const char *output, size_t len, int status)
{
    struct if_shell_state *st = arg;
    (void)output;
    (void)len;
    const char *command = status == 0 ? st->then_cmd : st->else_cmd;
    /* The client may have gone meanwhile: look it up by id. */
    struct client *c = st->client_id != 0 ? server_find_client(st->server, st->client_id) : NULL;
    struct cmd_ctx ctx = {.server = st->server, .client = c,
                          .out = evbuffer_new(), .err = evbuffer_new(),
                          .target_pane = server_find_pane(st->server, st->pane_id)};
    int rc = command != NULL ? cmd_execute_string(&ctx, command) : 0;
    if (c != NULL && !c->attached && !c->exiting) {
        size_t n;
        if ((n = evbuffer_get_length(ctx.out)) > 0)
            client_send(c, MSG_STDOUT, evbuffer_pullup(ctx.out, -1), n);
        if ((n = evbuffer_get_length(ctx.err)) > 0)
            client_send(c, MSG_STDERR, evbuffer_pullup(ctx.err, -1), n);
        if (!ctx.wait && !ctx.attached)
            server_client_exit(c, rc, NULL);
    }
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    free(st->then_cmd);
    free(st->else_cmd);
    free(st);
}

/* if-shell [-F] CONDITION THEN [ELSE]: run THEN if the shell command succeeds (with -F,
 * if the format is non-empty and not 0), else ELSE. */
static int cmd_if_shell_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane; /* may be NULL: no session yet */
    struct format_ctx f = {.server = ctx->server, .session = ctx->target.session,
                           .window = ctx->target.window, .pane = p, .client = ctx->client};
    char *condition = format_expand(&f, args->argv[0]);
    if (args->flags['F'] != NULL) {
        bool yes = *condition != '\0' && strcmp(condition, "0") != 0;
        free(condition);
        const char *command = yes ? args->argv[1] : args->argc > 2 ? args->argv[2] : NULL;
        return command != NULL ? cmd_execute_string(ctx, command) : 0;
    }
    struct if_shell_state *st = xcalloc(1, sizeof *st);
    st->server = ctx->server;
    st->pane_id = p != NULL ? p->id : UINT32_MAX;
    st->then_cmd = xstrdup(args->argv[1]);
    st->else_cmd = args->argc > 2 ? xstrdup(args->argv[2]) : NULL;
    bool wait = ctx->client != NULL && !ctx->client->attached && args->flags['b'] == NULL;
    st->client_id = wait ? ctx->client->id : 0;
    char err[256];
    struct job *j = job_run(ctx->server, condition, p != NULL ? p->cwd : NULL, if_shell_done, st,
                            err, sizeof err);
    free(condition);
    if (j == NULL) {
        cmd_error(ctx, "if-shell: %s", err);
        free(st->then_cmd);
        free(st->else_cmd);
        free(st);
        return -1;
    }
    if (wait) {
        /* A client that leaves early: the job then runs its branch without it. */
        ctx->client->waiting = true;
        ctx->wait = true;
    }
    return 0;
}

const struct cmd_entry cmd_if_shell_entry = {
    .name = "if-shell",
    .alias = "if",
    .spec = "bFt:",
    .min_args = 2,
    .max_args = 3,
    .usage = "[-bF] [-t target-pane] shell-command command [command]",
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
    .exec = cmd_if_shell_exec,
};
