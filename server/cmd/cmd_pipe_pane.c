/* cmd_pipe_pane.c - pipe-pane: a pane's output to a shell command, and/or its output
 * typed into the pane. */
#include "cmd_impl.h"

#include "pane_pipe.h"

/* pipe-pane: copy the pane's output to a shell command (-O, the default) and/or type the
 * command's output into the pane (-I). Without a command, stop piping. -o only opens a
 * pipe when none is open (a toggle for key bindings). */
static int cmd_pipe_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    bool was_open = pane_pipe_is_open(p);
    pane_pipe_close(p);
    if (args->argc == 0 || *args->argv[0] == '\0')
        return 0;
    if (args->flags['o'] != NULL && was_open)
        return 0;
    if (p->dead) {
        cmd_error(ctx, "pane %%%u is dead: nothing to pipe", p->id);
        return -1;
    }
    bool in = args->flags['I'] != NULL;
    bool out = args->flags['O'] != NULL || !in;
    char err[256];
    if (pane_pipe_open(p, args->argv[0], in, out, err, sizeof err) != 0) {
        cmd_error(ctx, "pipe-pane: %s", err);
        return -1;
    }
    return 0;
}

const struct cmd_entry cmd_pipe_pane_entry = {
    .name = "pipe-pane",
    .alias = "pipep",
    .spec = "IOot:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-IOo] [-t target-pane] [shell-command]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_pipe_pane_exec,
};
