/* window.c - windows (linked in one or more sessions): name (automatic or set by the user), panes and their layout,
 * size, zoom. */
#include "window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "client_state.h"
#include "layout.h"
#include "notify.h"
#include "options.h"
#include "pane.h"
#include "redraw.h"
#include "server_state.h"
#include "xmalloc.h"

struct window *window_create(struct session *s, const char *name)
{
    struct window *w = xcalloc(1, sizeof *w);
    TAILQ_INIT(&w->links);
    w->server = s->server;
    w->id = s->server->next_window_id++;
    w->name = xstrdup(name != NULL ? name : "");
    TAILQ_INIT(&w->panes);
    w->cols = s->cols;
    w->rows = s->rows;
    w->manual_cols = w->cols;
    w->manual_rows = w->rows;
    w->preset = -1;
    w->activity = time(NULL);
    w->options = options_create(s->server->window_options);
    if (name != NULL) {
        char err[128];
        options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    }
    return w;
}

void window_free(struct window *w)
{
    struct pane *p;
    while ((p = TAILQ_FIRST(&w->panes)) != NULL) {
        TAILQ_REMOVE(&w->panes, p, entry);
        pane_free(p);
    }
    layout_free(w->layout);
    if (w->silence_timer != NULL)
        event_free(w->silence_timer);
    options_free(w->options);
    free(w->old_layout);
    free(w->name);
    free(w);
}

void window_notify(struct window *w, int type)
{
    notify_emit(w->server, &(struct notify){.type = (enum notify_type)type, .window = w});
}

void window_resize(struct window *w, int cols, int rows)
{
    if (cols < 1)
        cols = 1;
    if (rows < 1)
        rows = 1;
    int old_cols = w->cols, old_rows = w->rows;
    w->resize_pending = false; /* a size waiting for a client to see it is old now */
    w->cols = cols;
    w->rows = rows;
    window_relayout(w);
    if (w->layout != NULL) {
        /* As tmux 3.3a: a window is no smaller than its layout, which stops at a cell
         * and a border for each pane (a zoomed pane fills that size too). */
        if (w->layout->sx > w->cols || w->layout->sy > w->rows) {
            if (w->layout->sx > w->cols)
                w->cols = w->layout->sx;
            if (w->layout->sy > w->rows)
                w->rows = w->layout->sy;
            window_relayout(w);
        }
    }
    bool changed = w->cols != old_cols || w->rows != old_rows;
    if (changed) { /* count 1: a resize, which tmux does from its loop, never in a hook */
        notify_emit(w->server, &(struct notify){.type = NOTIFY_WINDOW_LAYOUT_CHANGED,
                                                .window = w, .count = 1});
        notify_emit(w->server, &(struct notify){.type = NOTIFY_WINDOW_RESIZED, .window = w,
                                                .count = 1});
    }
}

void window_add_first_pane(struct window *w, struct pane *p)
{
    TAILQ_INSERT_TAIL(&w->panes, p, entry);
    options_set_parent(p->options, w->options);
    w->active = p;
    w->layout = layout_create(w->cols, w->rows, p);
    p->cell = w->layout;
    window_relayout(w);
}

int window_status_edge(const struct window *w)
{
    switch (options_get_number(w->options, "pane-border-status")) {
    case 1:
        return LAYOUT_STATUS_TOP;
    case 2:
        return LAYOUT_STATUS_BOTTOM;
    default:
        return LAYOUT_STATUS_OFF;
    }
}

void window_relayout(struct window *w)
{
    if (w->layout == NULL)
        return;
    /* The layout covers the whole window; with pane-border-status a pane at the top
     * (bottom) of the window gives its top (bottom) row to its line. */
    w->layout->status_edge = window_status_edge(w);
    if (w->layout->sx != w->cols || w->layout->sy != w->rows)
        layout_resize(w->layout, w->cols, w->rows);
    layout_fix_offsets(w->layout, 0, 0);
    for (struct layout_cell *lc = layout_first_leaf(w->layout); lc != NULL;
         lc = layout_next_leaf(lc)) {
        struct pane *p = lc->pane;
        if (p == NULL)
            continue;
        int x = lc->xoff, y = lc->yoff, sx = lc->sx, sy = lc->sy;
        if (w->zoomed && p == w->active) {
            x = y = 0;
            sx = w->cols;
            sy = w->rows;
        }
        int edge = w->layout->status_edge;
        if (edge != LAYOUT_STATUS_OFF && sy > 1 &&
            ((w->zoomed && p == w->active) || layout_at_status_edge(lc))) {
            y += edge == LAYOUT_STATUS_TOP ? 1 : 0;
            sy--;
        }
        p->xoff = x;
        p->yoff = y;
        pane_resize(p, sx, sy);
    }
}

void window_insert_pane(struct window *w, struct pane *p, struct layout_cell *leaf,
                        struct pane *next_to, bool before)
{
    leaf->pane = p;
    p->cell = leaf;
    p->window = w;
    options_set_parent(p->options, w->options);
    if (next_to == NULL && before)
        TAILQ_INSERT_HEAD(&w->panes, p, entry);
    else if (next_to == NULL)
        TAILQ_INSERT_TAIL(&w->panes, p, entry);
    else if (before)
        TAILQ_INSERT_BEFORE(next_to, p, entry);
    else
        TAILQ_INSERT_AFTER(&w->panes, next_to, p, entry);
    if (w->active == NULL)
        w->active = p;
    window_relayout(w);
}

bool window_remove_pane(struct window *w, struct pane *p)
{
    if (w->zoomed)
        window_zoom(w, false);
    /* Without a last pane, the active one gives way to the pane before it, else the
     * one after (tmux 3.3a). */
    struct pane *beside = TAILQ_PREV(p, pane_list, entry);
    if (beside == NULL)
        beside = TAILQ_NEXT(p, entry);
    TAILQ_REMOVE(&w->panes, p, entry);
    if (p->cell != NULL)
        w->layout = layout_remove(p->cell);
    p->cell = NULL;
    if (w->last_pane == p)
        w->last_pane = NULL;
    if (w->active == p) {
        w->active = w->last_pane != NULL ? w->last_pane : beside;
        w->last_pane = NULL;
    }
    window_relayout(w);
    return TAILQ_EMPTY(&w->panes);
}

void window_mark_active(struct window *w, struct pane *p)
{
    /* As tmux's count, from 0: the first pane ever made active ties with the panes never
     * made active. */
    p->active_point = w->server->next_active_point++;
}

void window_set_active(struct window *w, struct pane *p)
{
    if (p == w->active)
        return;
    if (w->zoomed)
        window_zoom(w, false);
    w->last_pane = w->active;
    w->active = p;
    window_mark_active(w, p);
    window_notify(w, NOTIFY_WINDOW_PANE_CHANGED);
}

struct pane *window_pane_beside(struct window *w, struct pane *p, enum layout_type axis,
                                bool forward)
{
    struct pane *q, *best = NULL;
    TAILQ_FOREACH(q, &w->panes, entry) {
        if (q->cell == NULL || p->cell == NULL ||
            !layout_beside(w->layout, p->cell, q->cell, axis, forward))
            continue;
        if (best == NULL || q->active_point > best->active_point)
            best = q;
    }
    return best;
}

void window_zoom(struct window *w, bool on)
{
    if (on && (w->active == NULL || TAILQ_NEXT(TAILQ_FIRST(&w->panes), entry) == NULL))
        return; /* one pane: nothing to zoom */
    bool changed = w->zoomed != on;
    w->zoomed = on;
    window_relayout(w);
    if (changed)
        window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
}

struct pane *window_pane_at(struct window *w, int x, int y)
{
    if (w->zoomed)
        return w->active;
    struct layout_cell *lc = layout_leaf_at(w->layout, x, y);
    return lc != NULL ? lc->pane : NULL;
}

int window_pane_index(const struct window *w, const struct pane *p)
{
    int i = 0;
    const struct pane *q;
    TAILQ_FOREACH(q, &w->panes, entry) {
        if (q == p)
            return i;
        i++;
    }
    return -1;
}

void window_set_name(struct window *w, const char *name)
{
    w->renames++;
    free(w->name);
    /* Keep control characters out of anything drawn on the status line. */
    w->name = xstrdup(name);
    for (char *p = w->name; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '_';
    }
}

bool window_update_name(struct window *w)
{
    char buf[256];
    if (!options_get_number(w->options, "automatic-rename") || w->active == NULL)
        return false;
    if (!pane_current_command(w->active, buf, sizeof buf))
        return false;
    if (strcmp(buf, w->name) == 0)
        return false;
    window_set_name(w, buf);
    return true;
}

void window_hold(struct window *w)
{
    w->holds++;
}

void window_release(struct window *w)
{
    if (--w->holds == 0 && TAILQ_EMPTY(&w->links))
        window_free(w);
}

struct session *window_session(const struct window *w)
{
    const struct winlink *wl = TAILQ_FIRST(&w->links);
    return wl != NULL ? wl->session : NULL;
}

int window_link_count(const struct window *w)
{
    int n = 0;
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &w->links, wentry)
        n++;
    return n;
}

void window_redraw(struct window *w, enum redraw_what what)
{
    struct client *c;
    TAILQ_FOREACH(c, &w->server->clients, entry) {
        if (!c->attached || c->session == NULL)
            continue;
        const struct winlink *wl;
        TAILQ_FOREACH(wl, &w->links, wentry) {
            if (wl->session == c->session) {
                client_redraw(c, what);
                break;
            }
        }
    }
}
