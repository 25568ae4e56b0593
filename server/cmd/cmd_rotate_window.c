/* cmd_rotate_window.c - rotate-window: the panes of a window move one place along the
 * pane list (-U, the default: up, the first goes last; -D: down), each taking the cell of
 * the pane it replaces; the active pane keeps its place in the list. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "layout.h"
#include "redraw.h"
#include "window.h"
#include "xmalloc.h"

static int cmd_rotate_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct window *w = ctx->target.window;
    bool was_zoomed = w->zoomed;
    window_zoom(w, false);
    int n = 0, active = 0;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (p == w->active)
            active = n;
        n++;
    }
    if (n > 1) {
        struct pane **order = xcalloc((size_t)n, sizeof *order);
        struct layout_cell **cells = xcalloc((size_t)n, sizeof *cells);
        int i = 0;
        TAILQ_FOREACH(p, &w->panes, entry) {
            order[i] = p;
            cells[i++] = p->cell;
        }
        /* The new list: up, the first pane goes to the end; down, the last to the front. */
        bool down = args->flags['D'] != NULL;
        for (i = 0; i < n; i++) {
            struct pane *q = order[down ? (i + n - 1) % n : (i + 1) % n];
            TAILQ_REMOVE(&w->panes, q, entry);
            TAILQ_INSERT_TAIL(&w->panes, q, entry);
            q->cell = cells[i];
            cells[i]->pane = q;
        }
        struct pane *now = TAILQ_FIRST(&w->panes);
        for (i = 0; i < active; i++)
            now = TAILQ_NEXT(now, entry);
        window_set_active(w, now);
        free(order);
        free(cells);
    }
    window_relayout(w);
    if (was_zoomed && args->flags['Z'] != NULL)
        window_zoom(w, true);
    session_redraw(ctx->server, ctx->target.session, REDRAW_FULL);
    return 0;
}

const struct cmd_entry cmd_rotate_window_entry = {
    .name = "rotate-window",
    .alias = "rotatew",
    .spec = "Dt:UZ",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-DUZ] [-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_rotate_window_exec,
};
