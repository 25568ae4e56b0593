/* cmd_clear_history.c - clear-history: forget a pane's scrollback. */
#include "cmd_impl.h"

#include "vt.h"

/* clear-history: forget the pane's scrollback. */
static int cmd_clear_history_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct pane *p = ctx->target.pane;
    vt_clear_history(p->vt);
    return 0;
}

const struct cmd_entry cmd_clear_history_entry = {
    .name = "clear-history",
    .alias = "clearhist",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_clear_history_exec,
};
