/* cmd_respawn_window.c - respawn-window: respawn-pane on a window's active pane. */
#include "cmd_impl.h"

static int cmd_respawn_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    if (w->active == NULL) {
        cmd_error(ctx, "window %d has no pane", w->index);
        return -1;
    }
    return cmd_respawn(ctx, args, sess, w->active);
}

const struct cmd_entry cmd_respawn_window_entry = {
    .name = "respawn-window",
    .alias = "respawnw",
    .spec = "kc:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-k] [-c start-directory] [-e environment] [-t target-window] [shell-command]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_respawn_window_exec,
};
