/* cmd_kill_session.c - kill-session: destroy a session (-a: every other one; -C: clear
 * its windows' alerts instead). */
#include "cmd_impl.h"

#include "redraw.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_state.h"

static int cmd_kill_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    if (args->flags['C'] != NULL) {
        /* -C: the session's windows' alerts (bell, activity, silence) are cleared; the
         * session stays. */
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry)
            wl->alerts = 0;
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    if (args->flags['a'] != NULL) {
        struct session *o, *next;
        TAILQ_FOREACH_SAFE(o, &ctx->server->sessions, entry, next) {
            if (o != sess)
                server_destroy_session(ctx->server, o, 0);
        }
        return 0;
    }
    if (ctx->client != NULL && ctx->client->session == sess)
        ctx->detached = true;
    server_destroy_session(ctx->server, sess, 0);
    return 0;
}

const struct cmd_entry cmd_kill_session_entry = {
    .name = "kill-session",
    .spec = "aCt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-aC] [-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_kill_session_exec,
};
