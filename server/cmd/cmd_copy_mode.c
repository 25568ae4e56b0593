/* cmd_copy_mode.c - copy-mode: put a pane in copy mode (its keys: send-keys -X, see
 * copy_mode.c). */
#include "cmd_impl.h"

#include "copy_mode.h"

static int cmd_copy_mode_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    copy_mode_enter(p, args->flags['e'] != NULL);
    if (args->flags['u'] != NULL) {
        char *page_up[] = {"page-up", NULL};
        return copy_mode_command(ctx, p, 1, page_up, 1) == 0 ? 0 : -1;
    }
    return 0;
}

const struct cmd_entry cmd_copy_mode_entry = {
    .name = "copy-mode",
    .spec = "eut:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-eu] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_copy_mode_exec,
};
