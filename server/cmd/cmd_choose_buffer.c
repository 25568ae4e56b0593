/* cmd_choose_buffer.c - choose-buffer: the list of paste buffers in the pane, a pane
 * mode (chooser.c). */
#include "cmd_impl.h"

#include "chooser.h"
#include "paste.h"
#include "server_client.h"

/* choose-buffer [-t target-pane]: the list over the client's screen (chooser.c);
 * Enter pastes the chosen buffer into the pane, d deletes it. */
static int cmd_choose_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct pane *p = ctx->target.pane;
    struct client *c = ctx->client;
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "choose-buffer: needs an attached client (C-b = in a session)");
        return -1;
    }
    if (paste_top(ctx->server) == NULL) {
        cmd_error(ctx, "no buffers (copy some text in copy mode, or use set-buffer)");
        return -1;
    }
    chooser_open_buffers(c, p);
    return 0;
}

const struct cmd_entry cmd_choose_buffer_entry = {
    .name = "choose-buffer",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-pane] [template]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_choose_buffer_exec,
};
