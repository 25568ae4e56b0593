/* cmd_swap_window.c - swap-window: two windows of a session exchange places. */
#include "cmd_impl.h"

#include "redraw.h"
#include "session.h"

/* swap-window -s a -t b: the two windows exchange places (in one session). */
static int cmd_swap_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sa = ctx->source.session, *sb = ctx->target.session;
    struct winlink *a = ctx->source.wl, *b = ctx->target.wl;
    if (sa != sb) {
        cmd_error(ctx, "swap-window: both windows must be in one session");
        return -1;
    }
    if (a == b)
        return 0;
    int ia = a->index;
    a->index = b->index;
    b->index = ia;
    session_sort_window(sa, a, false);
    session_sort_window(sa, b, false);
    if (args->flags['d'] == NULL && sa->current == a)
        session_select_window(sa, a);
    session_redraw(ctx->server, sa, REDRAW_STATUS);
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
