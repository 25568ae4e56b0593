/* cmd_switch_client.c - switch-client: show another session in this client. */
#include "cmd_impl.h"

#include "notify.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"

/* switch-client: show another session in this client (-t session, -n next, -p previous,
 * -l the last one it showed). -t is looked up here: only for an attached client, and
 * not with -n, -p or -l. */
static int cmd_switch_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = ctx->client;
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "switch-client needs an attached client (use it from a key or the : prompt)");
        return -1;
    }
    struct session *target = NULL;
    if (args->flags['n'] != NULL || args->flags['p'] != NULL) {
        struct session *cur = c->session;
        target = args->flags['n'] != NULL ? TAILQ_NEXT(cur, entry)
                                          : TAILQ_PREV(cur, session_list, entry);
        if (target == NULL)
            target = args->flags['n'] != NULL ? TAILQ_FIRST(&ctx->server->sessions)
                                              : TAILQ_LAST(&ctx->server->sessions, session_list);
    } else if (args->flags['l'] != NULL) {
        target = c->last_session_id != 0 || c->has_last_session
                     ? session_find_id(ctx->server, c->last_session_id)
                     : NULL;
        if (target == NULL) {
            cmd_error(ctx, "no last session");
            return -1;
        }
    } else {
        target = cmd_find_session(ctx, args->flags['t']);
        if (target == NULL)
            return -1;
    }
    if (target == c->session)
        return 0;
    struct session *old = c->session;
    c->last_session_id = old->id;
    c->has_last_session = true;
    server_client_attach(c, target);
    server_client_update_sizes(ctx->server, old);
    notify_emit(ctx->server, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = old});
    return 0;
}

const struct cmd_entry cmd_switch_client_entry = {
    .name = "switch-client",
    .alias = "switchc",
    .spec = "lnpt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-ElnprZ] [-c target-client] [-t target-session] [-T key-table]",
    .exec = cmd_switch_client_exec,
};
