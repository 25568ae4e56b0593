/* cmd_kill_server.c - kill-server: every client is told, every session ends, the server
 * exits. */
#include "cmd_impl.h"

#include "server_exit.h"

static int cmd_kill_server_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    server_shutdown(ctx->server, "[server exited]");
    return 0;
}

const struct cmd_entry cmd_kill_server_entry = {
    .name = "kill-server",
    .spec = "",
    .min_args = 0,
    .max_args = 0,
    .usage = "",
    .exec = cmd_kill_server_exec,
};
