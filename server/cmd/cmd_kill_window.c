/* cmd_kill_window.c - kill-window: close a window and its panes (-a: every other
 * window). */
#include "cmd_impl.h"

#include "redraw.h"
#include "session.h"

static int cmd_kill_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    if (args->flags['a'] != NULL) {
        struct window *o, *next;
        for (o = TAILQ_FIRST(&sess->windows); o != NULL; o = next) {
            next = TAILQ_NEXT(o, entry);
            if (o != w)
                session_remove_window(sess, o);
        }
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    cmd_destroy_window(ctx, sess, w);
    return 0;
}

const struct cmd_entry cmd_kill_window_entry = {
    .name = "kill-window",
    .alias = "killw",
    .spec = "at:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-a] [-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_kill_window_exec,
};
