/* cmd_refresh_client.c - refresh-client: draw the client's screen again, whole. */
#include "cmd_impl.h"

#include "client_frames.h"
#include "redraw.h"
#include "server_client.h"

static int cmd_refresh_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c = cmd_attached_client(ctx, "refresh-client");
    if (c == NULL)
        return -1;
    client_redraw(c, REDRAW_FULL);
    return 0;
}

const struct cmd_entry cmd_refresh_client_entry = {
    .name = "refresh-client",
    .alias = "refresh",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-cDlLRSU] [-A pane:state] [-B name:what:format] [-C XxY] [-f flags] "
             "[-t target-client] [adjustment]",
    .exec = cmd_refresh_client_exec,
};
