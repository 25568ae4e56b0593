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

/* A window target that may name a free index: "session:index". Returns the session and
 * sets *index (-1 if the target names no index). The index may not exist yet, so -t is
 * looked up here rather than by the executor. */
struct session *cmd_index_target(struct cmd_ctx *ctx, const char *target, int *index)
{
    struct cmd_find_state fs;
    *index = -1;
    if (cmd_find_target(ctx, &fs, target, CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX) != 0)
        return NULL;
    *index = fs.idx;
    return fs.session;
}

int cmd_shuffle_up(struct session *sess, int index)
{
    int last = index;
    while (session_window_at(sess, last) != NULL)
        last++;
    for (; last > index; last--)
        session_window_at(sess, last - 1)->index = last;
    return index;
}

int cmd_move_window_to(struct cmd_ctx *ctx, struct session *src_sess, struct window *w,
                       struct session *dst, int index, bool kill, bool select)
{
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    struct window *there = session_window_at(dst, index);
    if (there == w)
        return 0;
    if (there != NULL) {
        if (!kill) {
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
    if (dst->current == NULL || select)
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

/* move-window -r: the session's windows numbered again from base-index, in order. */
static int renumber(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    int index = (int)options_get_number(sess->options, "base-index");
    struct window *w;
    TAILQ_FOREACH(w, &sess->windows, entry)
        w->index = index++;
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

/* move-window -s src -t session[:index]: move a window to another index or session (-a
 * after, -b before the target window, moving the others up); -r renumbers. The source
 * is looked up here: -r has none. */
static int cmd_move_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (args->flags['r'] != NULL)
        return renumber(ctx, args);
    struct session *src_sess;
    struct window *w = cmd_find_window(ctx, args->flags['s'], &src_sess);
    if (w == NULL)
        return -1;
    int index;
    struct session *dst;
    if (args->flags['a'] != NULL || args->flags['b'] != NULL) {
        struct window *tw = cmd_find_window(ctx, args->flags['t'], &dst);
        if (tw == NULL)
            return -1;
        index = cmd_shuffle_up(dst, tw->index + (args->flags['b'] != NULL ? 0 : 1));
    } else if ((dst = cmd_index_target(ctx, args->flags['t'], &index)) == NULL)
        return -1;
    return cmd_move_window_to(ctx, src_sess, w, dst, index, args->flags['k'] != NULL,
                              args->flags['d'] == NULL);
}

const struct cmd_entry cmd_move_window_entry = {
    .name = "move-window",
    .alias = "movew",
    .spec = "abdkrs:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-abdkr] [-s src-window] [-t dst-window]",
    .exec = cmd_move_window_exec,
};
