/* cmd_join_pane.c - join-pane and move-pane (the same command): a pane moves into a
 * split of another pane. */
#include "cmd_impl.h"

#include "layout.h"
#include "notify.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "window.h"

/* Take pane p out of its window (closing the window if it was its last pane). */
static void detach_pane(struct cmd_ctx *ctx, struct session *sess, struct window *w,
                        struct pane *p)
{
    bool active = w->active == p;
    bool empty = window_remove_pane(w, p);
    /* As tmux: the layout closes over the pane, then the window loses it. */
    window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    if (active && !empty)
        window_notify(w, NOTIFY_WINDOW_PANE_CHANGED);
    if (empty) {
        (void)sess;
        cmd_destroy_window(ctx, w);
        return;
    }
    session_redraw(ctx->server, sess, REDRAW_STATUS);
}

/* join-pane / move-pane: move pane -s into a split of pane -t (another window). */
static int cmd_join_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *src_sess = ctx->source.session, *dst_sess = ctx->target.session;
    struct window *src_w = ctx->source.window, *dst_w = ctx->target.window;
    struct pane *src = ctx->source.pane, *dst = ctx->target.pane;
    /* As tmux: both windows unzoom first, even when the command then fails. */
    window_zoom(dst_w, false);
    window_zoom(src_w, false);
    if (src == dst) {
        cmd_error(ctx, "source and target panes must be different");
        return -1;
    }
    /* As tmux: the target is split with the source still in place (so a pane moved
     * within its window splits the target's cell as it is), then the source leaves. */
    struct layout_cell *leaf =
        cmd_split_cell(ctx, args, dst_w, dst, "create pane failed: pane too small", false);
    if (leaf == NULL)
        return -1;
    bool src_gone = TAILQ_NEXT(TAILQ_FIRST(&src_w->panes), entry) == NULL;
    detach_pane(ctx, src_sess, src_w, src);
    window_insert_pane(dst_w, src, leaf, dst,
                       args->flags['b'] != NULL);
    window_relayout(dst_w);
    if (ctx->server->marked_set && ctx->server->marked_pane_id == src->id)
        ctx->server->marked_set = false; /* as tmux: a joined pane is no longer marked */
    if (args->flags['d'] == NULL) {
        window_set_active(dst_w, src);
        if (ctx->target.wl != NULL)
            session_select_window(dst_sess, ctx->target.wl);
    }
    if (!src_gone)
        window_notify(src_w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    window_notify(dst_w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    session_redraw(ctx->server, dst_sess, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_join_pane_entry = {
    .name = "join-pane",
    .alias = "joinp",
    .spec = "bdfhvl:p:s:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-bdfhv] [-l size] [-s src-pane] [-t dst-pane]",
    .source = {'s', CMD_FIND_PANE, CMD_FIND_DEFAULT_MARKED},
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_join_pane_exec,
};

const struct cmd_entry cmd_move_pane_entry = {
    .name = "move-pane",
    .alias = "movep",
    .spec = "bdfhvl:p:s:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-bdfhv] [-l size] [-s src-pane] [-t dst-pane]",
    .source = {'s', CMD_FIND_PANE, CMD_FIND_DEFAULT_MARKED},
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_join_pane_exec,
};
