/* cmd_run_shell.c - run-shell: a shell command run by the server (as the user, never
 * anyone else), or with -C tmux commands, maybe after a delay (-d). Without -b the
 * commands after it wait until it is done (a config's run-shell finishes before the
 * next line), and a command-line client exits with its status. Its output (and "'cmd'
 * returned N" when it fails) goes to the view mode of its pane. */
#include "cmd_impl.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "client_message.h"
#include "cmd_queue.h"
#include "format.h"
#include "job.h"
#include "server_client.h"
#include "server_find.h"
#include "server_state.h"
#include "session.h"
#include "view_mode.h"
#include "xmalloc.h"

struct run_shell {
    struct server *server;
    struct cmdq_item *item;   /* the waiting command, or NULL (-b) */
    uint32_t client_id;       /* who to show the output to (attached), or 0 */
    char *command;            /* shell command (or, -C, tmux commands) */
    char *cwd;
    bool tmux_commands;       /* -C */
    uint32_t pane_id;
    struct event *timer;      /* -d */
};

static void run_shell_free(struct run_shell *rs)
{
    if (rs->timer != NULL)
        event_free(rs->timer);
    free(rs->command);
    free(rs->cwd);
    free(rs);
}

/* As tmux: the output goes to the view mode of the pane it ran for (the client's
 * current pane from a key, the current or -t pane from the command line); with no
 * pane (no session yet), nowhere. */
static void run_shell_show(struct run_shell *rs, const char *text, size_t len)
{
    struct pane *p = rs->pane_id != UINT32_MAX ? session_find_pane(rs->server, rs->pane_id)
                                               : NULL;
    if (p != NULL && len > 0)
        view_mode_add(p, text, len, true);
}

static void run_shell_done(void *arg, const char *output, size_t len, int status)
{
    struct run_shell *rs = arg;
    char *text = xstrndup(output, len);
    if (status != 0) {
        char *more = xasprintf("%s%s'%s' returned %d", text,
                               len > 0 && output[len - 1] != '\n' ? "\n" : "", rs->command,
                               status);
        free(text);
        text = more;
    }
    run_shell_show(rs, text, strlen(text));
    /* A startup config's failing run-shell is not a config error (tmux 3.3a shows
     * nothing of it at the attach). */
    free(text);
    if (rs->item != NULL) {
        struct cmdq_state *st = cmdq_item_state(rs->item);
        if (st->client != NULL && !st->client->attached) {
            st->status = status;
            st->status_set = true;
        }
        cmdq_resume(rs->item, 0);
    }
    run_shell_free(rs);
}

/* Start the command (after the delay, if any). */
static void run_shell_start(struct run_shell *rs)
{
    if (rs->command == NULL || *rs->command == '\0') {
        if (rs->item != NULL)
            cmdq_resume(rs->item, 0);
        run_shell_free(rs);
        return;
    }
    if (rs->tmux_commands) {
        /* -C: the commands run on the server's queue, or after this one when it waits. */
        char *error = NULL;
        struct cmd_parse_input pi = {.server = rs->server};
        struct cmd_list *list = cmd_parse_string(rs->command, &pi, &error);
        int status = 0;
        if (list == NULL) {
            struct client *c = rs->client_id != 0 ? server_find_client(rs->server, rs->client_id)
                                                  : NULL;
            if (c != NULL && c->attached)
                client_message(c, "%s", error);
            free(error);
            status = 1;
        } else if (rs->item != NULL) {
            struct cmd_ctx ctx = {.server = rs->server, .item = rs->item};
            cmdq_insert_after(&ctx, list);
        } else {
            struct cmdq_state *st = cmdq_state_new(rs->server, NULL, false, NULL, NULL);
            cmdq_append(cmdq_get(rs->server, NULL), list, st);
            cmdq_state_unref(st);
        }
        if (list != NULL)
            cmd_list_free(list);
        if (rs->item != NULL)
            cmdq_resume(rs->item, status);
        run_shell_free(rs);
        return;
    }
    char err[256];
    struct job *j = job_run(rs->server, rs->command, rs->cwd, run_shell_done, rs, err, sizeof err);
    if (j == NULL) {
        if (rs->item != NULL)
            cmdq_resume(rs->item, 1);
        run_shell_free(rs);
    }
}

static void run_shell_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    run_shell_start(arg);
}

/* run-shell: formats in the command are expanded for the target pane, then it runs in
 * the background; the command (or the client) waits unless -b. */
static int cmd_run_shell_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane; /* may be NULL: no session yet */
    double delay = -1;
    if (args->flags['d'] != NULL) {
        char *end;
        delay = strtod(args->flags['d'], &end);
        if (*args->flags['d'] == '\0' || *end != '\0' || !(delay >= 0) || isinf(delay)) {
            cmd_error(ctx, "invalid delay time: %s", args->flags['d']);
            return -1;
        }
    }
    struct run_shell *rs = xcalloc(1, sizeof *rs);
    rs->server = ctx->server;
    rs->pane_id = p != NULL ? p->id : UINT32_MAX;
    rs->tmux_commands = args->flags['C'] != NULL;
    if (args->argc > 0) {
        if (rs->tmux_commands)
            rs->command = xstrdup(args->argv[0]);
        else {
            struct format_ctx f = {.server = ctx->server, .session = ctx->target.session,
                                   .window = ctx->target.window, .pane = p,
                                   .client = ctx->client};
            rs->command = format_expand(&f, args->argv[0]);
        }
    }
    const char *cwd = p != NULL ? p->cwd : NULL;
    rs->cwd = cwd != NULL ? xstrdup(cwd) : NULL;
    struct client *c = ctx->client;
    rs->client_id = c != NULL ? c->id : 0;
    if (args->flags['b'] == NULL)
        rs->item = cmdq_suspend(ctx);
    if (delay >= 0) {
        rs->timer = evtimer_new(ctx->server->base, run_shell_timer_cb, rs);
        double whole, part = modf(delay, &whole); /* modf is libc's: no libm */
        struct timeval tv = {.tv_sec = (time_t)whole, .tv_usec = (suseconds_t)(part * 1e6)};
        evtimer_add(rs->timer, &tv);
        return 0;
    }
    run_shell_start(rs);
    return 0;
}

const struct cmd_entry cmd_run_shell_entry = {
    .name = "run-shell",
    .alias = "run",
    .spec = "bd:Ct:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-bC] [-d delay] [-t target-pane] [shell-command]",
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
    .exec = cmd_run_shell_exec,
};
