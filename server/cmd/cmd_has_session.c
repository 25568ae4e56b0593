/* cmd_has_session.c - has-session: exit 0 if the session exists, else 1. */
#include "cmd_impl.h"

#include <string.h>

#include "session.h"

int cmd_has_session(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *t = args->flags['t'];
    if (t != NULL && strchr(t, ':') == NULL && *t != '$') {
        /* has-session wants the session itself: an exact name or unique prefix. */
        if (session_find(ctx->server, t) == NULL) {
            return cmd_find_session(ctx, t) != NULL ? 0 : -1;
        }
        return 0;
    }
    return cmd_find_session(ctx, t) != NULL ? 0 : -1;
}
