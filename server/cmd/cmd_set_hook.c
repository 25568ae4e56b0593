/* cmd_set_hook.c - set-hook: the command run when something happens (hooks.c). */
#include "cmd_impl.h"

#include "hooks.h"

static int cmd_set_hook_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    if (!hooks_valid_name(name)) {
        cmd_error(ctx, "unknown hook: %s (show-hooks lists them)", name);
        return -1;
    }
    if (args->flags['u'] != NULL) {
        hooks_set(ctx->server, name, NULL);
        return 0;
    }
    if (args->argc < 2) {
        cmd_error(ctx, "set-hook %s: no command (set-hook -u %s removes it)", name, name);
        return -1;
    }
    hooks_set(ctx->server, name, args->argv[1]);
    return 0;
}

const struct cmd_entry cmd_set_hook_entry = {
    .name = "set-hook",
    .spec = "gu",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-gu] hook [command]",
    .exec = cmd_set_hook_exec,
};
