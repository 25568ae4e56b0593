/* cmd_move_window.c - move-window: move a window to another index or session. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "redraw.h"
#include "server_exit.h"
#include "session.h"
#include "window.h"
#include "xmalloc.h"

/* -t: a window target that may name a free index (tmux's CMD_FIND_WINDOW_INDEX: s:5,
 * :+1, 3; a session alone: -1, its next free index). Returns the session, NULL after an
 * error. The index may not exist yet, so -t is looked up here rather than by the
 * executor. */
static struct session *index_target(struct cmd_ctx *ctx, const char *target, int *index)
{
    struct cmd_find_state fs;
    *index = -1;
    if (cmd_find_target(ctx, &fs, target, CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX) != 0)
        return NULL;
    *index = fs.idx;
    return fs.session;
}

/* move-window -s src -t session[:index]: move a window to another index or session. */
static int cmd_move_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *src_sess = ctx->source.session;
    struct window *w = ctx->source.window;
    int index;
    struct session *dst = index_target(ctx, args->flags['t'], &index);
    if (dst == NULL)
        return -1;
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    struct window *there = session_window_at(dst, index);
    if (there == w)
        return 0;
    if (there != NULL) {
        if (args->flags['k'] == NULL) {
            cmd_error(ctx, "index in use: %d", index);
            return -1;
        }
        if (session_remove_window(dst, there) && dst != src_sess) {
            /* dst had only that window: it gets w below. */
        }
    }
    /* Unlink from the source without freeing. */
    if (src_sess->current == w)
        src_sess->current = src_sess->last != w ? src_sess->last : NULL;
    if (src_sess->last == w)
        src_sess->last = NULL;
    TAILQ_REMOVE(&src_sess->windows, w, entry);
    if (src_sess->current == NULL)
        src_sess->current = TAILQ_FIRST(&src_sess->windows);
    w->index = index;
    session_attach_window(dst, w);
    if (dst->current == NULL || args->flags['d'] == NULL)
        session_select_window(dst, w);
    window_resize(w, dst->cols, dst->rows);
    session_redraw(ctx->server, dst, REDRAW_STATUS);
    if (src_sess != dst) {
        if (TAILQ_EMPTY(&src_sess->windows))
            server_destroy_session(ctx->server, src_sess, 0);
        else
            session_redraw(ctx->server, src_sess, REDRAW_STATUS);
    }
    return 0;
}

const struct cmd_entry cmd_move_window_entry = {
    .name = "move-window",
    .alias = "movew",
    .spec = "dks:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-dk] [-s src-window] [-t dst-window]",
    .source = {'s', CMD_FIND_WINDOW, 0},
    .exec = cmd_move_window_exec,
};
