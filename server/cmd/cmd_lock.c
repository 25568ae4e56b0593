/* cmd_lock.c - lock-server, lock-session and lock-client: the clients (all, those of a
 * session, or one) run lock-command on their terminals and come back when it exits. */
#include "cmd_impl.h"

#include "server_client.h"
#include "server_state.h"

static int cmd_lock_server_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c, *next;
    TAILQ_FOREACH_SAFE(c, &ctx->server->clients, entry, next)
        server_client_lock(c);
    return 0;
}

static int cmd_lock_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c, *next;
    TAILQ_FOREACH_SAFE(c, &ctx->server->clients, entry, next) {
        if (c->attached && c->session == ctx->target.session)
            server_client_lock(c);
    }
    return 0;
}

static int cmd_lock_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_find_client(ctx, args->flags['t'], false);
    if (c == NULL)
        return -1;
    server_client_lock(c);
    return 0;
}

const struct cmd_entry cmd_lock_server_entry = {
    .name = "lock-server",
    .alias = "lock",
    .spec = "",
    .min_args = 0,
    .max_args = 0,
    .usage = "",
    .exec = cmd_lock_server_exec,
};

const struct cmd_entry cmd_lock_session_entry = {
    .name = "lock-session",
    .alias = "locks",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_lock_session_exec,
};

const struct cmd_entry cmd_lock_client_entry = {
    .name = "lock-client",
    .alias = "lockc",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-client]",
    .exec = cmd_lock_client_exec,
};
