/* cmd_start_server.c - start-server: nothing to do (running any command starts the
 * server). */
#include "cmd_impl.h"

static int cmd_start_server_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)ctx;
    (void)args;
    return 0;
}

const struct cmd_entry cmd_start_server_entry = {
    .name = "start-server",
    .alias = "start",
    .spec = "",
    .min_args = 0,
    .max_args = 0,
    .usage = "",
    .exec = cmd_start_server_exec,
};
