/* cmd_link_window.c - link-window and unlink-window: a window shown by more than one
 * session (or twice in one), and taken out of one of them. */
#include "cmd_impl.h"

#include "hooks.h"
#include "options.h"
#include "server_exit.h"
#include "session.h"
#include "window.h"

/* link-window -s src -t dst[:index]: link the source window at an index of the target
 * session, as tmux: -a/-b after or before the target window (moving the others up), -k
 * replaces a window at that index, -d leaves the session's current window alone. -t is
 * looked up here: it may name an index that is free. */
static int cmd_link_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct winlink *src = cmd_find_winlink(ctx, args->flags['s']);
    if (src == NULL)
        return -1;
    struct window *w = src->window;
    struct session *dst;
    int index;
    if (args->flags['a'] != NULL || args->flags['b'] != NULL) {
        struct winlink *tw = cmd_find_winlink(ctx, args->flags['t']);
        if (tw == NULL)
            return -1;
        dst = tw->session;
        index = cmd_shuffle_up(dst, tw->index + (args->flags['b'] != NULL ? 0 : 1));
    } else if ((dst = cmd_index_target(ctx, args->flags['t'], &index)) == NULL)
        return -1;
    if (dst != src->session && session_same_group(src->session, dst)) {
        cmd_error(ctx, "sessions are grouped");
        return -1;
    }
    bool select = args->flags['d'] == NULL;
    window_hold(w); /* -k may take away a link of w itself */
    struct winlink *there = index >= 0 ? session_window_at(dst, index) : NULL;
    if (there != NULL && there->window == w) {
        window_release(w);
        cmd_error(ctx, "same index: %d", index);
        return -1;
    }
    if (there != NULL && args->flags['k'] != NULL) {
        /* Replaced: dst may be empty for a moment, it gets w below. */
        if (dst->current == there)
            select = true;
        hooks_fire(ctx->server, "window-unlinked",
                   &(struct hook_event){.session = dst, .window = there->window});
        session_unlink_window(dst, there);
        there = NULL;
    }
    if (there != NULL) {
        window_release(w);
        cmd_error(ctx, "index in use: %d", index);
        return -1;
    }
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    struct winlink *nl = session_link_window(dst, w, index);
    window_release(w);
    hooks_fire(ctx->server, "window-linked", &(struct hook_event){.session = dst, .window = w});
    if (select)
        session_select_window(dst, nl);
    server_redraw_session_group(ctx->server, dst);
    return 0;
}

/* unlink-window -t: take the window out of its session; without -k only a window linked
 * elsewhere too (with -k the last link kills it). A session left empty goes, with its
 * group. */
static int cmd_unlink_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct winlink *wl = ctx->target.wl;
    if (wl == NULL)
        return -1;
    int expect = sess->group != NULL ? session_group_count(sess->group) : 1;
    if (args->flags['k'] == NULL && window_link_count(wl->window) == expect) {
        cmd_error(ctx, "window only linked to one session");
        return -1;
    }
    hooks_fire(ctx->server, "window-unlinked",
               &(struct hook_event){.session = sess, .window = wl->window});
    if (session_unlink_window(sess, wl))
        server_destroy_session(ctx->server, sess, 0); /* alone: its group keep the window */
    else
        server_redraw_session_group(ctx->server, sess);
    return 0;
}

const struct cmd_entry cmd_link_window_entry = {
    .name = "link-window",
    .alias = "linkw",
    .spec = "abdks:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-abdk] [-s src-window] [-t dst-window]",
    .exec = cmd_link_window_exec,
};

const struct cmd_entry cmd_unlink_window_entry = {
    .name = "unlink-window",
    .alias = "unlinkw",
    .spec = "kt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-k] [-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_unlink_window_exec,
};
