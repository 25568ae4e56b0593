/* cmd_kill_server.c - kill-server: every client is told, every session ends, the server
 * exits. */
#include "cmd_impl.h"

#include "server_exit.h"

int cmd_kill_server(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    server_shutdown(ctx->server, "[server exited]");
    return 0;
}
