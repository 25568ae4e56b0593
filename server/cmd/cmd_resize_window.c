/* cmd_resize_window.c - resize-window: a window's size set (-x -y), grown or shrunk
 * (-L -R -U -D by the adjustment), or taken from the largest (-A) or smallest (-a)
 * client showing it (the session's default-size when none does); the window's
 * window-size becomes manual. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "client_state.h"
#include "options.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "window.h"

#define RESIZE_WINDOW_MAX 10000

/* A -x/-y value, checked as tmux does ("width too small"...). */
static bool parse_dim(struct cmd_ctx *ctx, const char *text, const char *what, int *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0') {
        cmd_error(ctx, "%s invalid", what);
        return false;
    }
    if (v < 1) {
        cmd_error(ctx, "%s too small", what);
        return false;
    }
    if (v > RESIZE_WINDOW_MAX) {
        cmd_error(ctx, "%s too large", what);
        return false;
    }
    *out = (int)v;
    return true;
}

/* resize-window -A/-a: the size of the largest (or smallest) attached client showing w,
 * in any session; with none, sess's default-size (as tmux 3.3a; 80x24 if unreadable). */
static void client_size(struct server *srv, struct session *sess, struct window *w,
                        bool largest, int *cols, int *rows)
{
    if (server_client_window_size(srv, w, largest, cols, rows))
        return;
    if (sscanf(options_get_string(sess->options, "default-size"), "%dx%d", cols, rows) != 2) {
        *cols = 80;
        *rows = 24;
    }
}

static int cmd_resize_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    long adjust = 1;
    if (args->argc > 0) {
        char *end;
        adjust = strtol(args->argv[0], &end, 10);
        if (*args->argv[0] == '\0' || *end != '\0' || adjust < 1 || adjust > INT32_MAX) {
            cmd_error(ctx, "adjustment invalid");
            return -1;
        }
    }
    int cols = w->cols, rows = w->rows;
    if (args->flags['x'] != NULL && !parse_dim(ctx, args->flags['x'], "width", &cols))
        return -1;
    if (args->flags['y'] != NULL && !parse_dim(ctx, args->flags['y'], "height", &rows))
        return -1;
    /* Shrinking by more than the size leaves it as it is, as tmux does. */
    long x = cols, y = rows;
    /* One direction only, the first of -L -R -U -D given, as tmux. */
    if (args->flags['L'] != NULL) {
        if (x >= adjust)
            x -= adjust;
    } else if (args->flags['R'] != NULL)
        x += adjust;
    else if (args->flags['U'] != NULL) {
        if (y >= adjust)
            y -= adjust;
    } else if (args->flags['D'] != NULL)
        y += adjust;
    if (args->flags['A'] != NULL || args->flags['a'] != NULL) {
        int cx, cy;
        client_size(ctx->server, sess, w, args->flags['A'] != NULL, &cx, &cy);
        x = cx;
        y = cy;
    }
    cols = (int)(x < 1 ? 1 : x > RESIZE_WINDOW_MAX ? RESIZE_WINDOW_MAX : x);
    rows = (int)(y < 1 ? 1 : y > RESIZE_WINDOW_MAX ? RESIZE_WINDOW_MAX : y);
    if (options_find("window-size") != NULL) {
        char err[256];
        options_set(w->options, "window-size", "manual", false, err, sizeof err);
    }
    w->manual_cols = cols; /* what a later sizing (a client's resize) keeps */
    w->manual_rows = rows;
    if (w->cols == cols && w->rows == rows) {
        /* Resized to the size it has: tmux still tells both (window_resize does when it
         * changes). */
        window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
        window_notify(w, NOTIFY_WINDOW_RESIZED);
    }
    window_resize(w, cols, rows);
    session_redraw(ctx->server, sess, REDRAW_FULL);
    return 0;
}

const struct cmd_entry cmd_resize_window_entry = {
    .name = "resize-window",
    .alias = "resizew",
    .spec = "aADLRt:Ux:y:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-aADLRU] [-x width] [-y height] [-t target-window] [adjustment]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_resize_window_exec,
};
