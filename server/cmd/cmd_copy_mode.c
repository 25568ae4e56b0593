/* cmd_copy_mode.c - copy-mode: put a pane in copy mode (its keys: send-keys -X, see
 * copy_mode.c); -q leaves every mode instead. */
#include "cmd_impl.h"

#include "client_state.h"
#include "copy_mode.h"
#include "pane_mode.h"
#include "window.h"

static int cmd_copy_mode_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    if (args->flags['q'] != NULL) {
        /* -q: out of every mode the pane is in. */
        if (pane_mode_depth(p) == 0)
            return 0;
        while (pane_mode_depth(p) > 0)
            pane_mode_pop(p);
        if (p->window != NULL)
            window_redraw(p->window, REDRAW_STATUS);
        return 0;
    }
    if (args->flags['M'] != NULL) {
        /* -M: only for a key binding's mouse event, in the pane under the mouse (the
         * drag itself is the client's mouse handling); without one, nothing. */
        if (ctx->mouse.pane == NULL || ctx->client == NULL ||
            ctx->client->session != ctx->mouse.session)
            return 0;
        p = ctx->mouse.pane;
    }
    bool was = copy_mode_active(p);
    copy_mode_enter(p, args->flags['e'] != NULL);
    if (!was && args->flags['H'] != NULL)
        copy_mode_hide_position(p);
    if (args->flags['u'] != NULL) {
        char *page_up[] = {"page-up", NULL};
        return copy_mode_command(ctx, p, 1, page_up, 1) == 0 ? 0 : -1;
    }
    return 0;
}

const struct cmd_entry cmd_copy_mode_entry = {
    .name = "copy-mode",
    .spec = "eHMqut:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-eHMuq] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_copy_mode_exec,
};
