/* cmd_kill_pane.c - kill-pane: close a pane (-a: every other pane of its window). */
#include "cmd_impl.h"

#include "redraw.h"
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
                window_remove_pane(w, o);
                pane_free(o);
            }
        }
        window_set_active(w, p);
        w->last_pane = NULL;
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    if (window_remove_pane(w, p)) {
        pane_free(p);
        cmd_destroy_window(ctx, w);
        return 0;
    }
    pane_free(p);
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
