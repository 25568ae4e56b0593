/* cmd_show_environment.c - show-environment: a session's environment. */
#include "cmd_impl.h"

#include <string.h>

static int cmd_show_environment_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    size_t len = args->argc > 0 ? strlen(args->argv[0]) : 0;
    bool found = false;
    for (size_t i = 0; i < sess->nenv; i++) {
        if (len > 0 && (strncmp(sess->env[i], args->argv[0], len) != 0 || sess->env[i][len] != '='))
            continue;
        cmd_print(ctx, "%s", sess->env[i]);
        found = true;
    }
    if (len > 0 && !found) {
        cmd_error(ctx, "unknown variable: %s", args->argv[0]);
        return -1;
    }
    return 0;
}

const struct cmd_entry cmd_show_environment_entry = {
    .name = "show-environment",
    .alias = "showenv",
    .spec = "gt:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-g] [-t target-session] [name]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_show_environment_exec,
};
