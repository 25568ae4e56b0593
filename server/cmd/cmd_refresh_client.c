/* cmd_refresh_client.c - refresh-client: draw the client's screen again, whole. */
#include "cmd_impl.h"

#include "server_client.h"

int cmd_refresh_client(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c = cmd_attached_client(ctx, "refresh-client");
    if (c == NULL)
        return -1;
    render_invalidate(c->render);
    c->needs_redraw = true;
    server_client_redraw(c);
    return 0;
}
