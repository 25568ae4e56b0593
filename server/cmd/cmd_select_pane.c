/* cmd_select_pane.c - choosing and ordering panes: select-pane (by target, direction,
 * last; -T title), last-pane, swap-pane, display-panes (numbers over the panes, a digit
 * selects). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "layout.h"
#include "options.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

/* Make p the active pane of its window (keeping the zoom with keep_zoom). */
static void select_and_redraw(struct cmd_ctx *ctx, struct session *sess, struct window *w,
                   struct pane *p, bool keep_zoom)
{
    bool zoomed = w->zoomed;
    window_set_active(w, p);
    if (zoomed && keep_zoom)
        window_zoom(w, true);
    cmd_session_changed(ctx, sess);
}

/* select-pane -T: the pane's title, as a program would set it (OSC 2). */
static void set_title(struct pane *p, const char *title)
{
    size_t len = strlen(title);
    if (len > 255)
        len = 255;
    char *seq = xmalloc(len + 8);
    memcpy(seq, "\033]2;", 4);
    size_t n = 4;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)title[i];
        if (ch >= 0x20 && ch != 0x7f)
            seq[n++] = (char)ch;
    }
    seq[n++] = '\007';
    vt_feed(p->vt, seq, n);
    free(seq);
}

int cmd_select_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    if (args->flags['T'] != NULL) {
        set_title(p, args->flags['T']);
        cmd_session_changed(ctx, sess);
        return 0;
    }
    if (args->flags['l'] != NULL)
        return cmd_last_pane(ctx, args);
    enum layout_type axis = LAYOUT_PANE;
    bool forward = false;
    if (args->flags['L'] != NULL || args->flags['R'] != NULL) {
        axis = LAYOUT_LEFTRIGHT;
        forward = args->flags['R'] != NULL;
    } else if (args->flags['U'] != NULL || args->flags['D'] != NULL) {
        axis = LAYOUT_TOPBOTTOM;
        forward = args->flags['D'] != NULL;
    }
    if (axis != LAYOUT_PANE) {
        if (w->zoomed && args->flags['Z'] == NULL)
            window_zoom(w, false);
        int cx, cy;
        vt_cursor(p->vt, &cx, &cy);
        struct layout_cell *lc = layout_neighbour(w->layout, p->cell, axis, forward,
                                                  p->xoff + cx, p->yoff + cy);
        if (lc == NULL || lc->pane == NULL)
            return 0; /* alone in that direction: nothing to do, as tmux */
        p = lc->pane;
    }
    select_and_redraw(ctx, sess, w, p, args->flags['Z'] != NULL);
    return 0;
}

int cmd_last_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    if (w->last_pane == NULL) {
        cmd_error(ctx, "no last pane in window %d", w->index);
        return -1;
    }
    select_and_redraw(ctx, sess, w, w->last_pane, args->flags['Z'] != NULL);
    return 0;
}

/* Rebuild w's pane list with 'from' replaced by 'to'. */
static void replace_in_list(struct window *w, struct pane *from, struct pane *to)
{
    TAILQ_INSERT_BEFORE(from, to, entry);
    TAILQ_REMOVE(&w->panes, from, entry);
}

/* swap-pane: two panes exchange places (cells, order, even windows). */
int cmd_swap_pane(struct cmd_ctx *ctx, struct cmd_args *args)
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
            /* swap-pane -t X: the active pane and X. */
            a = cmd_find_pane(ctx, NULL, &wa, &sa);
            if (a == NULL)
                return -1;
        }
        b = cmd_find_pane(ctx, args->flags['t'], &wb, &sb);
        if (b == NULL)
            return -1;
    }
    if (a == b)
        return 0;
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
    cmd_session_changed(ctx, sa);
    if (sb != sa)
        cmd_session_changed(ctx, sb);
    return 0;
}

static void panes_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    c->display_panes = false;
    c->needs_redraw = true;
    server_client_redraw(c);
}

/* display-panes: show each pane's number until display-panes-time passes or a key is
 * pressed; a digit selects that pane (client_input.c). */
int cmd_display_panes(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c = ctx->client;
    if (c == NULL || !c->attached || c->session == NULL) {
        cmd_error(ctx, "display-panes: needs an attached client (run it from a key binding)");
        return -1;
    }
    long ms = options_get_number(c->session->options, "display-panes-time");
    if (c->panes_timer == NULL)
        c->panes_timer = evtimer_new(ctx->server->base, panes_timer_cb, c);
    struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
    evtimer_add(c->panes_timer, &tv);
    c->display_panes = true;
    c->needs_redraw = true;
    server_client_redraw(c);
    return 0;
}
