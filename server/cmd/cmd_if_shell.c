/* cmd_if_shell.c - if-shell: run one command list or another as a shell command (or,
 * -F, a format) says. Without -b the commands after it wait for the shell command; the
 * branch chosen runs right after it, in the same queue (so a config's if-shell is done
 * before its next line). */
#include "cmd_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_message.h"
#include "cmd_queue.h"
#include "format.h"
#include "job.h"
#include "server_client.h"
#include "server_find.h"
#include "server_state.h"
#include "xmalloc.h"

struct if_shell_state {
    struct server *server;
    struct cmdq_item *item;  /* the waiting command, or NULL (-b) */
    uint32_t client_id;      /* for -b: the client the branch runs for, or 0 */
    uint32_t pane_id;
    struct cmd_list *then_list, *else_list;
};

/* Errors of a branch run in the background go to the client's status line. */
static void if_shell_output(void *arg, struct cmd_ctx *ctx, int status)
{
    (void)arg;
    (void)status;
    struct client *c = ctx->client;
    size_t n = evbuffer_get_length(ctx->err);
    if (c != NULL && c->attached && n > 0) {
        char *text = xstrndup((const char *)evbuffer_pullup(ctx->err, -1), n);
        text[strcspn(text, "\n")] = '\0';
        client_message(c, "%s", text);
        free(text);
    }
}

/* The condition finished: run the branch it chose after the if-shell (or, -b, on the
 * server's queue). */
static void if_shell_done(void *arg, const char *output, size_t len, int status)
{
    struct if_shell_state *st = arg;
    (void)output;
    (void)len;
    struct cmd_list *list = status == 0 ? st->then_list : st->else_list;
    if (st->item != NULL) {
        if (list != NULL) {
            struct cmd_ctx ctx = {.server = st->server, .item = st->item};
            cmdq_insert_after(&ctx, list);
        }
        cmdq_resume(st->item, 0);
    } else if (list != NULL) {
        struct client *c = st->client_id != 0 ? server_find_client(st->server, st->client_id) : NULL;
        struct cmdq_state *qs = cmdq_state_new(st->server, c, c != NULL, if_shell_output, NULL);
        qs->target_pane = st->pane_id;
        cmdq_append(cmdq_get(st->server, NULL), list, qs);
        cmdq_state_unref(qs);
    }
    cmd_list_free(st->then_list);
    cmd_list_free(st->else_list);
    free(st);
}

/* A branch: its text parsed now, so that a bad one fails the if-shell. */
static struct cmd_list *if_shell_parse(struct cmd_ctx *ctx, const char *text)
{
    char *error = NULL;
    struct cmd_parse_input pi = {.server = ctx->server, .client = ctx->client};
    struct cmd_list *list = cmd_parse_string(text, &pi, &error);
    if (list == NULL) {
        cmd_error(ctx, "%s", error);
        free(error);
    }
    return list;
}

/* if-shell [-bF] CONDITION THEN [ELSE]: THEN if the shell command succeeds (with -F, if
 * the format is not empty and not 0), else ELSE. */
static int cmd_if_shell_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane; /* may be NULL: no session yet */
    struct format_ctx f = {.server = ctx->server, .session = ctx->target.session,
                           .window = ctx->target.window, .pane = p, .client = ctx->client};
    char *condition = format_expand(&f, args->argv[0]);
    if (args->flags['F'] != NULL) {
        bool yes = *condition != '\0' && strcmp(condition, "0") != 0;
        free(condition);
        const char *text = yes ? args->argv[1] : args->argc > 2 ? args->argv[2] : NULL;
        if (text == NULL)
            return 0;
        struct cmd_list *list = if_shell_parse(ctx, text);
        if (list == NULL)
            return -1;
        int rc = cmd_execute_list(ctx, list);
        cmd_list_free(list);
        return rc == 0 ? 0 : -1;
    }
    struct if_shell_state *st = xcalloc(1, sizeof *st);
    st->server = ctx->server;
    st->pane_id = p != NULL ? p->id : UINT32_MAX;
    st->then_list = if_shell_parse(ctx, args->argv[1]);
    if (st->then_list != NULL && args->argc > 2)
        st->else_list = if_shell_parse(ctx, args->argv[2]);
    if (st->then_list == NULL || (args->argc > 2 && st->else_list == NULL)) {
        cmd_list_free(st->then_list);
        cmd_list_free(st->else_list);
        free(st);
        free(condition);
        return -1;
    }
    st->client_id = ctx->client != NULL ? ctx->client->id : 0;
    if (args->flags['b'] == NULL)
        st->item = cmdq_suspend(ctx);
    char err[256];
    struct job *j = job_run(ctx->server, condition, p != NULL ? p->cwd : NULL, if_shell_done, st,
                            err, sizeof err);
    free(condition);
    if (j == NULL) {
        cmd_error(ctx, "if-shell: %s", err);
        if (st->item != NULL)
            cmdq_resume(st->item, 1);
        cmd_list_free(st->then_list);
        cmd_list_free(st->else_list);
        free(st);
        return -1;
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
