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

/* swap-pane: two panes exchange places (cells, order, even windows). The panes are looked
 * up here: with -U/-D the one pane is -s or else -t; without, -s defaults to the active
 * pane, found after -t. */
static int cmd_swap_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sa, *sb;
    struct window *wa, *wb;
    struct pane *a = cmd_find_pane(ctx, args->flags['s'] != NULL ? args->flags['s'] : args->flags['t'],
                                   &wa, &sa);
    if (a == NULL)
        return -1;
    struct pane *b;
    if (args->flags['U'] != NULL || args->flags['D'] != NULL) {
        wb = wa;
        sb = sa;
        if (args->flags['s'] == NULL && args->flags['t'] == NULL)
            a = wa->active;
        b = args->flags['U'] != NULL ? TAILQ_PREV(a, pane_list, entry) : TAILQ_NEXT(a, entry);
        if (b == NULL)
            b = args->flags['U'] != NULL ? TAILQ_LAST(&wa->panes, pane_list)
                                         : TAILQ_FIRST(&wa->panes);
    } else {
        if (args->flags['s'] == NULL) {
            /* swap-pane -t X: the marked pane (if any, as tmux) or the active one, and X. */
            struct cmd_find_state fs;
            if (cmd_find_target(ctx, &fs, NULL, CMD_FIND_PANE, CMD_FIND_DEFAULT_MARKED) != 0)
                return -1;
            a = fs.pane;
            wa = fs.window;
            sa = fs.session;
        }
        b = cmd_find_pane(ctx, args->flags['t'], &wb, &sb);
        if (b == NULL)
            return -1;
    }
    if (a == b)
        return 0;
    struct server *srv = ctx->server;
    if (srv->marked_set && (srv->marked_pane_id == a->id || srv->marked_pane_id == b->id))
        srv->marked_set = false; /* as tmux: a swapped pane is no longer marked */
    window_zoom(wa, false);
    window_zoom(wb, false);
    /* Cells. */
    struct layout_cell *ca = a->cell, *cb = b->cell;
    a->cell = cb;
    b->cell = ca;
    ca->pane = b;
    cb->pane = a;
    /* Order in the lists: a marker-free swap through a temporary placeholder. */
    struct pane tmp = {0};
    replace_in_list(wa, a, &tmp);
    replace_in_list(wb, b, a);
    replace_in_list(wa, &tmp, b);
    a->window = wb;
    b->window = wa;
    if (wa != wb) {
        if (wa->active == a)
            wa->active = b;
        if (wb->active == b)
            wb->active = a;
        wa->last_pane = wb->last_pane = NULL;
    }
    if (args->flags['d'] == NULL) {
        window_set_active(wb, a);
        if (wb != wa)
            session_select_window(sb, wb);
    }
    window_relayout(wa);
    if (wb != wa)
        window_relayout(wb);
    session_redraw(ctx->server, sa, REDRAW_STATUS);
    if (sb != sa)
        session_redraw(ctx->server, sb, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_swap_pane_entry = {
    .name = "swap-pane",
    .alias = "swapp",
    .spec = "dDs:t:U",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-dDU] [-s src-pane] [-t dst-pane]",
    .exec = cmd_swap_pane_exec,
};
