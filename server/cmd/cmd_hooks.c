/* cmd_hooks.c - set-hook, show-hooks and run-shell: commands that run when something
 * happens, and shell commands run by the server (as the user, never anyone else). */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <event2/buffer.h>

#include "format.h"
#include "hooks.h"
#include "job.h"
#include "proto.h"
#include "server_client.h"
#include "server_find.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

int cmd_set_hook(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    if (!hooks_valid_name(name)) {
        cmd_error(ctx, "unknown hook: %s (show-hooks lists them)", name);
        return -1;
    }
    if (args->flags['u'] != NULL) {
        hooks_set(ctx->server, name, NULL);
        return 0;
    }
    if (args->argc < 2) {
        cmd_error(ctx, "set-hook %s: no command (set-hook -u %s removes it)", name, name);
        return -1;
    }
    hooks_set(ctx->server, name, args->argv[1]);
    return 0;
}

int cmd_show_hooks(struct cmd_ctx *ctx, struct cmd_args *args)
{
    for (const char *const *n = hook_names; *n != NULL; n++) {
        if (args->argc > 0 && strcmp(args->argv[0], *n) != 0)
            continue;
        const char *command = hooks_get(ctx->server, *n);
        if (command != NULL)
            cmd_print(ctx, "%s %s", *n, command);
        else
            cmd_print(ctx, "%s", *n);
    }
    return 0;
}

/* A run-shell a command-line client waits for has finished: its output and status. */
static void run_shell_done(void *arg, const char *output, size_t len, int status)
{
    struct client *c = arg;
    if (c->attached) {
        if (len > 0)
            server_client_show_text(c, output, len);
        else if (status != 0)
            server_client_message(c, "run-shell: command returned %d", status);
        return;
    }
    if (len > 0)
        server_client_send(c, MSG_STDOUT, output, len);
    server_client_exit(c, status, NULL);
}

/* run-shell: formats in the command are expanded for the target pane, then it runs in
 * the background; a command-line client waits for it (unless -b) and gets its output and
 * exit status; from a key binding, its output is shown over the pane. */
int cmd_run_shell(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = NULL;
    struct window *w = NULL;
    struct pane *p = NULL;
    if (args->flags['t'] != NULL || ctx->target_pane != NULL ||
        !TAILQ_EMPTY(&ctx->server->sessions)) {
        p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
        if (p == NULL && args->flags['t'] != NULL)
            return -1;
    }
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p,
                           .client = ctx->client};
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
            server_client_send(c, MSG_STDOUT, evbuffer_pullup(ctx.out, -1), n);
        if ((n = evbuffer_get_length(ctx.err)) > 0)
            server_client_send(c, MSG_STDERR, evbuffer_pullup(ctx.err, -1), n);
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
int cmd_if_shell(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = NULL;
    struct window *w = NULL;
    struct pane *p = NULL;
    if (args->flags['t'] != NULL || ctx->target_pane != NULL || !TAILQ_EMPTY(&ctx->server->sessions)) {
        p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
        if (p == NULL && args->flags['t'] != NULL)
            return -1;
    }
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p,
                           .client = ctx->client};
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
