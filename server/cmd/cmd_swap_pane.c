/* cmd_swap_pane.c - swap-pane: two panes exchange places (cells, order, even windows). */
#include "cmd_impl.h"

#include "layout.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "window.h"

/* Rebuild w's pane list with 'from' replaced by 'to'. */
static void replace_in_list(struct window *w, struct pane *from, struct pane *to)
{
    TAILQ_INSERT_BEFORE(from, to, entry);
    TAILQ_REMOVE(&w->panes, from, entry);
}

/* swap-pane, as tmux: the destination is -t (else the current pane), the source -s
 * (else the current pane), or with -U/-D the pane before/after the destination. Without
 * -d the destination becomes (or stays) active; with -d the active place stays. -Z keeps
 * a zoomed window zoomed. The panes are looked up here. */
static int cmd_swap_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sd, *ss;
    struct window *wd, *ws;
    struct pane *dst = cmd_find_pane(ctx, args->flags['t'], &wd, &sd);
    if (dst == NULL)
        return -1;
    struct pane *src;
    if (args->flags['D'] != NULL || args->flags['U'] != NULL) {
        ws = wd;
        ss = sd;
        src = args->flags['D'] != NULL ? TAILQ_NEXT(dst, entry) : TAILQ_PREV(dst, pane_list, entry);
        if (src == NULL)
            src = args->flags['D'] != NULL ? TAILQ_FIRST(&wd->panes)
                                           : TAILQ_LAST(&wd->panes, pane_list);
    } else if (args->flags['s'] == NULL) {
        /* No -s: the marked pane (if any, as tmux) or the current one. */
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, NULL, CMD_FIND_PANE, CMD_FIND_DEFAULT_MARKED) != 0)
            return -1;
        src = fs.pane;
        ws = fs.window;
        ss = fs.session;
    } else if ((src = cmd_find_pane(ctx, args->flags['s'], &ws, &ss)) == NULL)
        return -1;
    bool rezoom = wd->zoomed && args->flags['Z'] != NULL;
    /* Unzoomed first, as tmux: a pane swapped with itself too (-Z zooms it again). */
    window_zoom(wd, false);
    window_zoom(ws, false);
    if (src == dst) {
        if (rezoom)
            window_zoom(wd, true);
        return 0;
    }
    struct server *srv = ctx->server;
    if (srv->marked_set && (srv->marked_pane_id == src->id || srv->marked_pane_id == dst->id))
        srv->marked_set = false; /* as tmux: a swapped pane is no longer marked */
    /* Cells. */
    struct layout_cell *cs = src->cell, *cd = dst->cell;
    src->cell = cd;
    dst->cell = cs;
    cs->pane = dst;
    cd->pane = src;
    /* Order in the lists: a marker-free swap through a temporary placeholder. */
    struct pane tmp = {0};
    replace_in_list(ws, src, &tmp);
    replace_in_list(wd, dst, src);
    replace_in_list(ws, &tmp, dst);
    src->window = wd;
    dst->window = ws;
    options_set_parent(src->options, wd->options);
    options_set_parent(dst->options, ws->options);
    /* The active pane, as tmux: a window whose active pane went to the other window
     * takes the one that came (which makes the one that went its last pane, below
     * forgotten). */
    if (args->flags['d'] == NULL) {
        if (ws != wd) {
            window_set_active(ws, dst);
            window_set_active(wd, src);
        } else
            window_set_active(wd, dst);
    } else {
        if (ws->active == src)
            window_set_active(ws, dst);
        if (wd->active == dst)
            window_set_active(wd, src);
    }
    if (ws != wd) {
        /* A last pane that went to the other window is no longer one; the others stay. */
        if (ws->last_pane == src)
            ws->last_pane = NULL;
        if (wd->last_pane == dst)
            wd->last_pane = NULL;
    }
    window_relayout(ws);
    if (wd != ws)
        window_relayout(wd);
    window_notify(ws, NOTIFY_WINDOW_LAYOUT_CHANGED);
    if (wd != ws)
        window_notify(wd, NOTIFY_WINDOW_LAYOUT_CHANGED);
    if (rezoom)
        window_zoom(wd, true);
    session_redraw(ctx->server, ss, REDRAW_STATUS);
    if (sd != ss)
        session_redraw(ctx->server, sd, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_swap_pane_entry = {
    .name = "swap-pane",
    .alias = "swapp",
    .spec = "dDs:t:UZ",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-dDUZ] [-s src-pane] [-t dst-pane]",
    .exec = cmd_swap_pane_exec,
};
