/* cmd_select_pane.c - select-pane and last-pane: make a pane its window's active one (by
 * target, direction or the last one; -T sets its title; -d/-e turn its input off/on;
 * -m/-M mark and unmark it). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "redraw.h"
#include "server_state.h"
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
    session_redraw(ctx->server, sess, REDRAW_STATUS);
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
    p->titles = 0; /* told here: pane-title-changed */
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_TITLE, .pane = p});
}

/* last-pane, select-pane -l: the window's last pane; with none and two panes, the other
 * one (the one before the active pane, else after it), as tmux 3.3a. */
static int cmd_last_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    struct pane *last = w->last_pane;
    struct pane *first = TAILQ_FIRST(&w->panes);
    if (last == NULL && first != NULL && TAILQ_NEXT(first, entry) != NULL &&
        TAILQ_NEXT(TAILQ_NEXT(first, entry), entry) == NULL)
        last = w->active == first ? TAILQ_NEXT(first, entry) : first;
    if (last == NULL) {
        cmd_error(ctx, "no last pane");
        return -1;
    }
    if (args->flags['e'] != NULL || args->flags['d'] != NULL) {
        last->input_off = args->flags['d'] != NULL;
        return 0;
    }
    select_and_redraw(ctx, sess, w, last, args->flags['Z'] != NULL);
    return 0;
}

static int cmd_select_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    struct pane *p = ctx->target.pane;
    if (args->flags['e'] != NULL || args->flags['d'] != NULL) {
        /* -e / -d: keys reach the pane again / no longer. */
        p->input_off = args->flags['d'] != NULL;
        return 0;
    }
    if (args->flags['T'] != NULL) {
        set_title(p, args->flags['T']);
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    if (args->flags['m'] != NULL || args->flags['M'] != NULL) {
        /* -m marks the pane (or unmarks it if it is the marked one), -M unmarks: the
         * active pane stays. A pane hidden by a zoom is not marked, as tmux. */
        struct server *srv = ctx->server;
        bool marked = cmd_find_marked(srv, NULL) && srv->marked_pane_id == p->id;
        if (args->flags['m'] != NULL && args->flags['M'] == NULL && w->zoomed && p != w->active)
            return 0;
        if (args->flags['M'] != NULL || marked)
            srv->marked_set = false;
        else {
            srv->marked_set = true;
            srv->marked_pane_id = p->id;
        }
        session_redraw(srv, sess, REDRAW_FULL);
        return 0;
    }
    if (args->flags['l'] != NULL)
        return cmd_last_pane_exec(ctx, args);
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
        /* Found in the unzoomed layout; a zoom stays if the active pane does. */
        p = window_pane_beside(w, p, axis, forward);
        if (p == NULL)
            return 0; /* alone in that direction: nothing to do, as tmux */
    }
    select_and_redraw(ctx, sess, w, p, args->flags['Z'] != NULL);
    return 0;
}

const struct cmd_entry cmd_last_pane_entry = {
    .name = "last-pane",
    .alias = "lastp",
    .spec = "deZt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-deZ] [-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_last_pane_exec,
};

const struct cmd_entry cmd_select_pane_entry = {
    .name = "select-pane",
    .alias = "selectp",
    .spec = "DdelLmMRT:t:UZ",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-DdeLlMmRUZ] [-T title] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_select_pane_exec,
};
