/* cmd_rename_session.c - rename-session: give a session a new name. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "hooks.h"
#include "redraw.h"
#include "session.h"
#include "xmalloc.h"

static int cmd_rename_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    char *name = cmd_session_name(ctx, args->argv[0]);
    if (name == NULL)
        return -1;
    struct session *other = session_find(ctx->server, name);
    if (other != NULL && other != sess) {
        cmd_error(ctx, "duplicate session: %s", name);
        free(name);
        return -1;
    }
    free(sess->name);
    sess->name = name;
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    hooks_fire(ctx->server, "session-renamed", &(struct hook_event){.session = sess});
    return 0;
}

const struct cmd_entry cmd_rename_session_entry = {
    .name = "rename-session",
    .alias = "rename",
    .spec = "t:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-t target-session] new-name",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_rename_session_exec,
};
