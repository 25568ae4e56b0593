/* cmd_display_panes.c - display-panes: each pane's number over it for a while; a digit
 * selects that pane (display_panes.c, an overlay). */
#include "cmd_impl.h"

#include <stdint.h>
#include <stdlib.h>

#include "client_state.h"
#include "display_panes.h"

/* display-panes: show each pane's number until display-panes-time passes or a key is
 * pressed; a digit selects that pane. */
static int cmd_display_panes_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_find_client(ctx, args->flags['t'], false);
    if (c == NULL)
        return -1;
    long ms = -1;
    if (args->flags['d'] != NULL) {
        char *end;
        ms = strtol(args->flags['d'], &end, 10);
        if (*args->flags['d'] == '\0' || *end != '\0' || ms < 0 || ms > INT32_MAX) {
            cmd_error(ctx, "invalid duration: %s", args->flags['d']);
            return -1;
        }
    }
    /* Without -b, a command from a shell returns when the numbers go, as tmux's. */
    uint32_t waiting = 0;
    if (args->flags['b'] == NULL && ctx->client != NULL && ctx->client != c &&
        !ctx->from_key) {
        waiting = ctx->client->id;
        ctx->wait = true;
    }
    display_panes_open_with(c, ms, args->flags['N'] != NULL,
                            args->argc > 0 ? args->argv[0] : NULL, waiting);
    return 0;
}

const struct cmd_entry cmd_display_panes_entry = {
    .name = "display-panes",
    .alias = "displayp",
    .spec = "bd:Nt:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-bN] [-d duration] [-t target-client] [template]",
    .exec = cmd_display_panes_exec,
};
