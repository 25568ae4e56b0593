/* cmd_has_session.c - has-session: exit 0 if the target session exists, else 1 with
 * tmux's error (the executor finds -t: "can't find session: X"). */
#include "cmd_impl.h"

static int cmd_has_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)ctx;
    (void)args;
    return 0;
}

const struct cmd_entry cmd_has_session_entry = {
    .name = "has-session",
    .alias = "has",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_has_session_exec,
};
