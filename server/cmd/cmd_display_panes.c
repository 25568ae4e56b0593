/* cmd_display_panes.c - display-panes: each pane's number over it for a while; a digit
 * selects that pane (display_panes.c, an overlay). */
#include "cmd_impl.h"

#include "client_state.h"
#include "display_panes.h"

/* display-panes: show each pane's number until display-panes-time passes or a key is
 * pressed; a digit selects that pane. */
static int cmd_display_panes_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c = ctx->client;
    if (c == NULL || !c->attached || c->session == NULL) {
        cmd_error(ctx, "display-panes: needs an attached client (run it from a key binding)");
        return -1;
    }
    display_panes_open(c);
    return 0;
}

const struct cmd_entry cmd_display_panes_entry = {
    .name = "display-panes",
    .alias = "displayp",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-bN] [-d duration] [-t target-client] [template]",
    .exec = cmd_display_panes_exec,
};
