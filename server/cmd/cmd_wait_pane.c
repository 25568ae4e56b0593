/* cmd_wait_pane.c - wait-pane: the calling client waits for a pane's command to exit and
 * exits with its status. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "client_frames.h"
#include "pane_exit.h"
#include "pane_waiters.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

static void wait_pane_timeout_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    struct server *s = c->server;
    (void)fd;
    (void)events;
    for (size_t i = 0; i < s->nwaiters; i++) {
        if (s->waiters[i].client == c) {
            const char *msg = "tmx: wait-pane: timed out, the command is still running\n";
            client_send(c, MSG_STDERR, msg, strlen(msg));
            server_client_exit(c, WAIT_PANE_TIMEOUT_STATUS, NULL);
            pane_waiter_remove(s, i);
            return;
        }
    }
}

/* Block the calling client until the pane's command exits, then exit with its status
 * (128 + signal for a signal); at once if it already died (remain-on-exit). */
static int cmd_wait_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    struct pane *p = ctx->target.pane;
    if (ctx->client == NULL || ctx->client->attached) {
        cmd_error(ctx, "wait-pane: only from the command line (tmx wait-pane -t %%%u)", p->id);
        return -1;
    }
    double timeout = -1;
    if (args->flags['T'] != NULL) {
        char *end;
        timeout = strtod(args->flags['T'], &end);
        if (*end != '\0' || !(timeout >= 0) || timeout > 1e9) {
            cmd_error(ctx, "wait-pane: invalid timeout: %s (seconds)", args->flags['T']);
            return -1;
        }
    }
    /* Dead for good: answered now. Dead but about to be restarted (restart policy) or
     * still being closed: waits for the exit that is not restarted. */
    if ((p->dead || p->reaped) && !p->closing && !pane_exit_will_restart(p)) {
        ctx->exit_status = pane_exit_status(p);
        return 0;
    }
    s->waiters = xreallocarray(s->waiters, s->nwaiters + 1, sizeof *s->waiters);
    struct pane_waiter *pw = &s->waiters[s->nwaiters++];
    pw->client = ctx->client;
    pw->pane_id = p->id;
    pw->timer = NULL;
    if (timeout >= 0) {
        pw->timer = evtimer_new(s->base, wait_pane_timeout_cb, ctx->client);
        struct timeval tv = {.tv_sec = (time_t)timeout,
                             .tv_usec = (suseconds_t)((timeout - (double)(time_t)timeout) * 1e6)};
        evtimer_add(pw->timer, &tv);
    }
    ctx->wait = true;
    return 0;
}

const struct cmd_entry cmd_wait_pane_entry = {
    .name = "wait-pane",
    .spec = "t:T:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-pane] [--timeout seconds]",
    .longs = "timeout=T",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_wait_pane_exec,
};
