/* cmd_kill_pane.c - kill-pane: close a pane (-a: every other pane of its window). */
#include "cmd_impl.h"

#include "redraw.h"
#include "notify.h"
#include "window.h"

/* kill-pane [-a]: close pane p (or, with -a, every other pane of its window). */
static int cmd_kill_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    struct pane *p = ctx->target.pane;
    if (args->flags['a'] != NULL) {
        struct pane *o, *next;
        for (o = TAILQ_FIRST(&w->panes); o != NULL; o = next) {
            next = TAILQ_NEXT(o, entry);
            if (o != p) {
                bool active = w->active == o;
                window_remove_pane(w, o);
                pane_free(o);
                window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
                if (active)
                    window_notify(w, NOTIFY_WINDOW_PANE_CHANGED);
            }
        }
        window_set_active(w, p);
        w->last_pane = NULL;
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    bool active = w->active == p;
    if (window_remove_pane(w, p)) {
        pane_free(p);
        cmd_destroy_window(ctx, w);
        return 0;
    }
    pane_free(p);
    /* As tmux: the layout closes over the pane, then the window loses it. */
    window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    if (active)
        window_notify(w, NOTIFY_WINDOW_PANE_CHANGED);
    window_redraw(w, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_kill_pane_entry = {
    .name = "kill-pane",
    .alias = "killp",
    .spec = "at:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-a] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_kill_pane_exec,
};
