/* cmd_choose_buffer.c - choose-buffer: the list of paste buffers in the pane, a pane
 * mode (chooser.c). */
#include "cmd_impl.h"

#include "chooser.h"
#include "paste.h"
#include "server_client.h"

/* choose-buffer [-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order]
 * [-t target-pane] [template]: the list in the pane (chooser.c); Enter pastes the chosen
 * buffer into the pane (or runs the template, %% its name), d deletes it. -N: no
 * preview; -r reverses; -Z zooms; -F each item's text; -f keeps the buffers the format
 * is true for; -O time, name or size; -K each buffer's shortcut key (a format), as tmux. */
static int cmd_choose_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    struct client *c = cmd_find_client(ctx, NULL, true);
    if (paste_top(ctx->server) == NULL)
        return 0; /* nothing to choose: the mode does not start, as in tmux */
    struct chooser_opts opts = {
        .template = args->argc > 0 ? args->argv[0] : NULL,
        .format = args->flags['F'],
        .filter = args->flags['f'],
        .sort = args->flags['O'],
        .reverse = args->flags['r'] != NULL,
        .zoom = args->flags['Z'] != NULL,
        .no_preview = args->flags['N'] != NULL,
        .key_format = args->flags['K'],
    };
    chooser_open_buffers(c, p, &opts);
    return 0;
}

const struct cmd_entry cmd_choose_buffer_entry = {
    .name = "choose-buffer",
    .spec = "F:f:K:NO:rt:Z",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order] "
             "[-t target-pane] [template]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_choose_buffer_exec,
};
