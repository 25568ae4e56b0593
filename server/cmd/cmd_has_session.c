/* cmd_has_session.c - has-session: exit 0 if the session exists, else 1. */
#include "cmd_impl.h"

#include <string.h>

#include "session.h"

/* has-session wants the session itself, so it looks -t up here: an exact name first, even
 * one that reads like a window or pane id ("@x", "%x"), then as any session target. */
static int cmd_has_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *t = args->flags['t'];
    if (t != NULL && strchr(t, ':') == NULL && *t != '$' && session_find(ctx->server, t) != NULL)
        return 0;
    return cmd_find_session(ctx, t) != NULL ? 0 : -1;
}

const struct cmd_entry cmd_has_session_entry = {
    .name = "has-session",
    .alias = "has",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .exec = cmd_has_session_exec,
};
