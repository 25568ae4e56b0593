/* cmd_clock_mode.c - clock-mode: the pane shows a clock until a key is pressed
 * (clock_mode.c, a pane mode). */
#include "cmd_impl.h"

#include "clock_mode.h"

static int cmd_clock_mode_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    clock_mode_enter(ctx->target.pane);
    return 0;
}

const struct cmd_entry cmd_clock_mode_entry = {
    .name = "clock-mode",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_clock_mode_exec,
};
