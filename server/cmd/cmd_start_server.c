/* cmd_start_server.c - start-server: nothing to do (running any command starts the
 * server). */
#include "cmd_impl.h"

int cmd_start_server(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)ctx;
    (void)args;
    return 0;
}
