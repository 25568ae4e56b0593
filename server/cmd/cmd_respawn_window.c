/* cmd_respawn_window.c - respawn-window: respawn-pane on a window's active pane. */
#include "cmd_impl.h"

int cmd_respawn_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    if (w->active == NULL) {
        cmd_error(ctx, "window %d has no pane", w->index);
        return -1;
    }
    return cmd_respawn(ctx, args, sess, w->active);
}
