/* cmd_kill_window.c - kill-window: close a window and its panes (-a: every other
 * window). */
#include "cmd_impl.h"

#include "redraw.h"
#include "server_exit.h"
#include "session.h"

static int cmd_kill_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    if (args->flags['a'] != NULL) {
        /* Every other window of the session, in every session it is linked in (the
         * session keeps w, so it stays). */
        for (;;) {
            struct winlink *o;
            TAILQ_FOREACH(o, &sess->windows, entry) {
                if (o->window != w)
                    break;
            }
            if (o == NULL)
                break;
            server_kill_window(ctx->server, o->window, 0);
        }
        /* As tmux: w linked more than once in the session goes too. */
        int n = 0;
        struct winlink *o;
        TAILQ_FOREACH(o, &sess->windows, entry)
            n += o->window == w;
        if (n > 1)
            cmd_destroy_window(ctx, w);
        else
            session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    cmd_destroy_window(ctx, w);
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
