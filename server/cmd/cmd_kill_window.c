/* cmd_kill_window.c - kill-window: close a window and its panes (-a: every other
 * window). */
#include "cmd_impl.h"

#include "session.h"

static int cmd_kill_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    if (args->flags['a'] != NULL) {
        struct window *o, *next;
        for (o = TAILQ_FIRST(&sess->windows); o != NULL; o = next) {
            next = TAILQ_NEXT(o, entry);
            if (o != w)
                session_remove_window(sess, o);
        }
        cmd_session_changed(ctx, sess);
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
    .exec = cmd_kill_window_exec,
};
