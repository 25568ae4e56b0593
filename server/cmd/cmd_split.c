/* cmd_split.c - commands that make or move panes between windows: split-window,
 * break-pane (a pane becomes a window), join-pane/move-pane (a pane moves into a split
 * of another window). */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "hooks.h"
#include "layout.h"
#include "option_effects.h"
#include "options.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "window.h"
#include "xmalloc.h"

/* -l SIZE or -l N% (-p N: percent) for a split of a cell 'whole' cells long: the new
 * pane's size, -1 for half. Returns false with an error for a bad value. */
static bool split_size(struct cmd_ctx *ctx, struct cmd_args *args, int whole, int *size)
{
    *size = -1;
    const char *l = args->flags['l'], *pct = args->flags['p'];
    if (l == NULL && pct == NULL)
        return true;
    const char *text = l != NULL ? l : pct;
    char *end;
    long v = strtol(text, &end, 10);
    bool percent = pct != NULL && l == NULL;
    if (*end == '%' && end[1] == '\0') {
        percent = true;
    } else if (*end != '\0' || end == text) {
        cmd_error(ctx, "invalid size \"%s\" (a number of cells, or N%%)", text);
        return false;
    }
    if (v < 1 || (percent && v > 100) || v > 100000) {
        cmd_error(ctx, "size out of range: %s", text);
        return false;
    }
    *size = percent ? (int)((whole * v) / 100) : (int)v;
    if (*size < 1)
        *size = 1;
    return true;
}

/* Where a new pane goes in w: the new leaf (not yet holding a pane), or NULL with an
 * error when there is no room. Flags -h/-v, -b, -f, -l, -p. */
static struct layout_cell *split_for(struct cmd_ctx *ctx, struct cmd_args *args,
                                     struct window *w, struct pane *target)
{
    enum layout_type type = args->flags['h'] != NULL ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
    bool full = args->flags['f'] != NULL;
    window_zoom(w, false);
    struct layout_cell *cell = full ? w->layout : target->cell;
    int whole = type == LAYOUT_LEFTRIGHT ? cell->sx : cell->sy;
    int size;
    if (!split_size(ctx, args, whole, &size))
        return NULL;
    struct layout_cell *leaf = layout_split(cell, type, size, args->flags['b'] != NULL, NULL);
    if (leaf == NULL) {
        cmd_error(ctx, "no space for a new pane: %s %dx%d is too small to split %s",
                  full ? "the window" : "the pane", cell->sx, cell->sy,
                  type == LAYOUT_LEFTRIGHT ? "left/right" : "top/bottom");
        return NULL;
    }
    w->layout = layout_root(leaf);
    return leaf;
}

/* The split failed after all: give the space back. */
static void split_undo(struct window *w, struct layout_cell *leaf)
{
    w->layout = layout_remove(leaf);
    window_relayout(w);
}

static void print_pane(struct cmd_ctx *ctx, struct cmd_args *args, struct session *sess,
                       struct window *w, struct pane *p)
{
    if (args->flags['P'] == NULL)
        return;
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p};
    const char *fmt = args->flags['F'] != NULL ? args->flags['F']
                                               : "#{session_name}:#{window_index}.#{pane_index}";
    char *text = format_expand(&f, fmt);
    cmd_print(ctx, "%s", text);
    free(text);
}

int cmd_split_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *target = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (target == NULL)
        return -1;
    struct layout_cell *leaf = split_for(ctx, args, w, target);
    if (leaf == NULL)
        return -1;

    char *cwd = NULL;
    if (args->flags['c'] != NULL) {
        struct format_ctx f = {.server = ctx->server, .session = sess, .window = w,
                               .pane = target};
        cwd = format_expand(&f, args->flags['c']);
    } else if (ctx->client != NULL && !ctx->client->attached && ctx->client->cwd != NULL)
        cwd = xstrdup(ctx->client->cwd);
    char *dc_argv[2];
    struct spawn_args sa = cmd_spawn_args(sess, args->argc, args->argv, cwd, args->env,
                                          leaf->sx, leaf->sy, dc_argv);
    char err[512];
    struct pane *p = pane_spawn(w, &sa, err, sizeof err);
    free(cwd);
    if (p == NULL) {
        split_undo(w, leaf);
        cmd_error(ctx, "%s", err);
        return -1;
    }
    window_insert_pane(w, p, leaf, args->flags['f'] != NULL ? NULL : target,
                       args->flags['b'] != NULL);
    if (args->flags['d'] == NULL)
        window_set_active(w, p);
    server_pane_apply_log(ctx->server, p);
    print_pane(ctx, args, sess, w, p);
    cmd_session_changed(ctx, sess);
    hooks_run(ctx->server, "after-split-window", sess, p);
    return 0;
}

/* Take pane p out of its window (closing the window if it was its last pane). */
static void detach_pane(struct cmd_ctx *ctx, struct session *sess, struct window *w,
                        struct pane *p)
{
    if (window_remove_pane(w, p)) {
        cmd_destroy_window(ctx, sess, w);
        return;
    }
    cmd_session_changed(ctx, sess);
}

/* break-pane: the pane leaves its window for a new window of its own. */
int cmd_break_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['s'], &w, &sess);
    if (p == NULL)
        return -1;
    if (TAILQ_NEXT(TAILQ_FIRST(&w->panes), entry) == NULL) {
        cmd_error(ctx, "break-pane: the window has only one pane");
        return -1;
    }
    struct session *dst = sess;
    if (args->flags['t'] != NULL && (dst = cmd_find_session(ctx, args->flags['t'])) == NULL)
        return -1;
    int index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    window_remove_pane(w, p);
    struct window *nw = window_create(dst, index, args->flags['n']);
    p->window = nw;
    window_add_first_pane(nw, p);
    window_update_name(nw);
    session_attach_window(dst, nw);
    window_resize(nw, dst->cols, dst->rows);
    if (args->flags['d'] == NULL || dst->current == NULL)
        session_select_window(dst, nw);
    struct format_ctx f = {.server = ctx->server, .session = dst, .window = nw, .pane = p};
    if (args->flags['P'] != NULL) {
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F']
                                                                : "#{session_name}:#{window_index}.#{pane_index}");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    cmd_session_changed(ctx, sess);
    if (dst != sess)
        cmd_session_changed(ctx, dst);
    return 0;
}

/* join-pane / move-pane: move pane -s into a split of pane -t (another window). */
int cmd_join_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *src_sess, *dst_sess;
    struct window *src_w, *dst_w;
    struct pane *src = cmd_find_pane(ctx, args->flags['s'], &src_w, &src_sess);
    if (src == NULL)
        return -1;
    struct pane *dst = cmd_find_pane(ctx, args->flags['t'], &dst_w, &dst_sess);
    if (dst == NULL)
        return -1;
    if (src == dst) {
        cmd_error(ctx, "join-pane: source and target are the same pane");
        return -1;
    }
    if (src_w == dst_w && args->flags['f'] == NULL) {
        /* Moving within a window: take it out first so the target keeps its place. */
        window_remove_pane(src_w, src);
    }
    struct layout_cell *leaf = split_for(ctx, args, dst_w, dst);
    if (leaf == NULL) {
        if (src->cell == NULL) {
            /* Put it back where there is room: a split of the largest pane. */
            struct layout_cell *back = layout_split(dst_w->layout, LAYOUT_TOPBOTTOM, -1, false, NULL);
            if (back == NULL)
                back = layout_split(dst_w->layout, LAYOUT_LEFTRIGHT, -1, false, NULL);
            if (back != NULL) {
                dst_w->layout = layout_root(back);
                window_insert_pane(dst_w, src, back, NULL, false);
            } else {
                pane_free(src);
            }
        }
        return -1;
    }
    if (src->cell != NULL)
        detach_pane(ctx, src_sess, src_w, src);
    window_insert_pane(dst_w, src, leaf, args->flags['f'] != NULL ? NULL : dst,
                       args->flags['b'] != NULL);
    window_relayout(dst_w);
    if (args->flags['d'] == NULL) {
        window_set_active(dst_w, src);
        session_select_window(dst_sess, dst_w);
    }
    cmd_session_changed(ctx, dst_sess);
    return 0;
}
