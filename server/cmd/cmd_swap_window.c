/* cmd_swap_window.c - swap-window: two windows exchange places, in one session or
 * between two. */
#include "cmd_impl.h"

#include "redraw.h"
#include "server_client.h"
#include "session.h"

/* Links a and b show each other's window: each link keeps its index, its alerts and its
 * place in its session's stack of windows shown before, as tmux's winlinks do. */
static void swap_link_windows(struct winlink *a, struct winlink *b)
{
    struct window *wa = a->window, *wb = b->window;
    TAILQ_REMOVE(&wa->links, a, wentry);
    TAILQ_REMOVE(&wb->links, b, wentry);
    a->window = wb;
    TAILQ_INSERT_TAIL(&wb->links, a, wentry);
    b->window = wa;
    TAILQ_INSERT_TAIL(&wa->links, b, wentry);
}

/* swap-window -s a -t b: as tmux 3.3a, each session's current window stays at its index
 * (which now shows the other window); with -d, each session goes to the index where the
 * other window landed. Sessions of one group cannot swap (they show the same windows). */
static int cmd_swap_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sa = ctx->source.session, *sb = ctx->target.session;
    struct winlink *a = ctx->source.wl, *b = ctx->target.wl;
    if (sa != sb && session_same_group(sa, sb)) {
        cmd_error(ctx, "can't move window, sessions are grouped");
        return -1;
    }
    if (a->window == b->window)
        return 0;
    swap_link_windows(a, b);
    if (args->flags['d'] != NULL) {
        session_select_window(sb, b);
        if (sa != sb)
            session_select_window(sa, a);
    }
    session_group_sync(sa);
    session_redraw(ctx->server, sa, REDRAW_FULL);
    if (sa != sb) {
        session_group_sync(sb);
        session_redraw(ctx->server, sb, REDRAW_FULL);
    }
    server_client_update_sizes(ctx->server, sa);
    if (sa != sb)
        server_client_update_sizes(ctx->server, sb);
    return 0;
}

const struct cmd_entry cmd_swap_window_entry = {
    .name = "swap-window",
    .alias = "swapw",
    .spec = "ds:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-d] [-s src-window] [-t dst-window]",
    .source = {'s', CMD_FIND_WINDOW, CMD_FIND_DEFAULT_MARKED},
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_swap_window_exec,
};
