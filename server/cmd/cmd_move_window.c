/* cmd_move_window.c - move-window: move a window to another index or session. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "hooks.h"
#include "options.h"
#include "redraw.h"
#include "server_client.h"
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
    session_group_sync(sess);
    return index;
}

int cmd_move_window_to(struct cmd_ctx *ctx, struct winlink *wl, struct session *dst, int index,
                       bool kill, bool select)
{
    struct session *src_sess = wl->session;
    struct window *w = wl->window;
    if (dst != src_sess && session_same_group(src_sess, dst)) {
        cmd_error(ctx, "sessions are grouped");
        return -1;
    }
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    struct winlink *there = session_window_at(dst, index);
    if (there != NULL && there->window == w) {
        cmd_error(ctx, "same index: %d", index);
        return -1;
    }
    if (there != NULL) {
        if (!kill) {
            cmd_error(ctx, "index in use: %d", index);
            return -1;
        }
        /* dst may be left empty for a moment: it gets w below. */
        hooks_fire(ctx->server, "window-unlinked",
                   &(struct hook_event){.session = dst, .window = there->window});
        session_unlink_window(dst, there);
    }
    /* Linked at its new place first, so that unlinking the old one keeps the window. */
    int old_index = wl->index;
    session_link_window(dst, w, index);
    hooks_fire(ctx->server, "window-linked", &(struct hook_event){.session = dst, .window = w});
    /* Looked up again: linking or unlinking in a session makes its group's others
     * follow with new links. */
    wl = session_window_at(src_sess, old_index);
    if (wl != NULL && wl->window == w) {
        hooks_fire(ctx->server, "window-unlinked",
                   &(struct hook_event){.session = src_sess, .window = w});
        session_unlink_window(src_sess, wl);
    }
    struct winlink *nl = session_window_at(dst, index);
    if (nl != NULL && (dst->current == NULL || select))
        session_select_window(dst, nl);
    /* Sized as its clients say, if any sees it (as tmux: nobody attached, it keeps its
     * size). */
    server_client_update_sizes(ctx->server, dst);
    session_redraw(ctx->server, dst, REDRAW_STATUS);
    if (src_sess != dst) {
        /* Left empty, the session goes, alone: the rest of its group keep the window
         * (tmux 3.3a). */
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
    session_renumber_all(sess, (int)options_get_number(sess->options, "base-index"));
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
    struct winlink *wl = cmd_find_winlink(ctx, args->flags['s']);
    if (wl == NULL)
        return -1;
    int index;
    struct session *dst;
    if (args->flags['a'] != NULL || args->flags['b'] != NULL) {
        struct winlink *tw = cmd_find_winlink(ctx, args->flags['t']);
        if (tw == NULL)
            return -1;
        dst = tw->session;
        index = cmd_shuffle_up(dst, tw->index + (args->flags['b'] != NULL ? 0 : 1));
    } else if ((dst = cmd_index_target(ctx, args->flags['t'], &index)) == NULL)
        return -1;
    return cmd_move_window_to(ctx, wl, dst, index, args->flags['k'] != NULL,
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
