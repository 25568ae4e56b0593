/* cmd_resize_pane.c - resize-pane: move a pane's border, set its size, or zoom it (-Z). */
#include "cmd_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "notify.h"
#include "pane_mode.h"
#include "redraw.h"
#include "vt.h"
#include "window.h"

/* A -x/-y value: cells, or N% of the window's size 'whole'; errors as tmux's ("height
 * too large"). */

/* Whether pane p is in a split along axis (a resize along it changes the layout). */
static int split_along(const struct pane *p, enum layout_type axis)
{
    for (const struct layout_cell *lc = p->cell; lc != NULL && lc->parent != NULL; lc = lc->parent) {
        if (lc->parent->type == axis)
            return 1;
    }
    return 0;
}

static bool parse_size(struct cmd_ctx *ctx, const char *text, const char *what, int whole,
                       int *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    bool percent = end != text && *end == '%' && end[1] == '\0';
    const char *why = NULL;
    if (end == text || (*end != '\0' && !percent))
        why = "invalid";
    else if (v < 0)
        why = "too small";
    else if (percent ? v > 100 : v > INT32_MAX)
        why = "too large";
    if (why != NULL) {
        cmd_error(ctx, "%s %s", what, why);
        return false;
    }
    *out = percent ? (int)(whole * v / 100) : (int)(v > 100000 ? 100000 : v);
    if (*out < 1)
        *out = 1;
    return true;
}

static int cmd_resize_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    struct pane *p = ctx->target.pane;
    if (args->flags['M'] != NULL) {
        /* A border drag of the mouse: tmx resizes by its own mouse handling, so with
         * or without an event this does nothing more (tmux: nothing without one). */
        return 0;
    }
    if (args->flags['T'] != NULL) {
        /* Trim below the cursor, history coming back at the top; not in a mode. */
        if (pane_mode_depth(p) == 0 && vt_trim_below_cursor(p->vt) > 0)
            session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    if (args->flags['Z'] != NULL) {
        /* As tmux: a zoomed window unzooms (whichever pane is named); else the pane
         * becomes active and fills it. */
        if (w->zoomed)
            window_zoom(w, false);
        else {
            window_set_active(w, p);
            window_zoom(w, true);
        }
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    long adjust = 1;
    if (args->argc > 0) {
        char *end;
        adjust = strtol(args->argv[0], &end, 10);
        if (end == args->argv[0] || *end != '\0') {
            cmd_error(ctx, "adjustment invalid");
            return -1;
        }
        if (adjust < 1 || adjust > INT32_MAX) {
            cmd_error(ctx, "adjustment too %s", adjust < 1 ? "small" : "large");
            return -1;
        }
        if (adjust > 100000)
            adjust = 100000;
    }
    window_zoom(w, false);
    int size, told = 0;
    if (args->flags['x'] != NULL) {
        if (!parse_size(ctx, args->flags['x'], "width", w->cols, &size))
            return -1;
        layout_set_pane_size(p->cell, LAYOUT_LEFTRIGHT, size);
        told += split_along(p, LAYOUT_LEFTRIGHT);
    }
    if (args->flags['y'] != NULL) {
        if (!parse_size(ctx, args->flags['y'], "height", w->rows, &size))
            return -1;
        layout_set_pane_size(p->cell, LAYOUT_TOPBOTTOM, size);
        told += split_along(p, LAYOUT_TOPBOTTOM);
    }
    if (args->flags['L'] != NULL) {
        layout_resize_pane(p->cell, LAYOUT_LEFTRIGHT, -(int)adjust);
        told += split_along(p, LAYOUT_LEFTRIGHT);
    }
    if (args->flags['R'] != NULL) {
        layout_resize_pane(p->cell, LAYOUT_LEFTRIGHT, (int)adjust);
        told += split_along(p, LAYOUT_LEFTRIGHT);
    }
    if (args->flags['U'] != NULL) {
        layout_resize_pane(p->cell, LAYOUT_TOPBOTTOM, -(int)adjust);
        told += split_along(p, LAYOUT_TOPBOTTOM);
    }
    if (args->flags['D'] != NULL) {
        layout_resize_pane(p->cell, LAYOUT_TOPBOTTOM, (int)adjust);
        told += split_along(p, LAYOUT_TOPBOTTOM);
    }
    window_relayout(w);
    while (told-- > 0) /* tmux tells each resize along a split the pane is in */
        window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_resize_pane_entry = {
    .name = "resize-pane",
    .alias = "resizep",
    .spec = "DLMRTt:Ux:y:Z",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-DLMRTUZ] [-x width] [-y height] [-t target-pane] [adjustment]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_resize_pane_exec,
};
