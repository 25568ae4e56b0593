/* cmd_respawn_window.c - respawn-window: the window's first pane respawned, the others
 * closed. */
#include "cmd_impl.h"

#include "window.h"

static int cmd_respawn_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    if (args->flags['k'] == NULL) {
        struct pane *p;
        TAILQ_FOREACH(p, &w->panes, entry) {
            if (!p->dead) {
                cmd_error(ctx, "respawn window failed: window %s:%d still active", sess->name,
                          ctx->target.wl != NULL ? ctx->target.wl->index : 0);
                return -1;
            }
        }
    }
    /* As tmux: the first pane is kept (respawned), the others go. */
    struct pane *first = TAILQ_FIRST(&w->panes), *p, *next;
    for (p = TAILQ_NEXT(first, entry); p != NULL; p = next) {
        next = TAILQ_NEXT(p, entry);
        window_remove_pane(w, p);
        pane_free(p);
    }
    window_zoom(w, false);
    window_set_active(w, first);
    w->last_pane = NULL;
    window_relayout(w);
    return cmd_respawn(ctx, args, sess, first);
}

const struct cmd_entry cmd_respawn_window_entry = {
    .name = "respawn-window",
    .alias = "respawnw",
    .spec = "kc:e:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-k] [-c start-directory] [-e environment] [-t target-window] [shell-command]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_respawn_window_exec,
};
