/* cmd_show_hooks.c - show-hooks: every hook and its command. */
#include "cmd_impl.h"

#include <string.h>

#include "hooks.h"

static int cmd_show_hooks_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    for (const char *const *n = hook_names; *n != NULL; n++) {
        if (args->argc > 0 && strcmp(args->argv[0], *n) != 0)
            continue;
        const char *command = hooks_get(ctx->server, *n);
        if (command != NULL)
            cmd_print(ctx, "%s %s", *n, command);
        else
            cmd_print(ctx, "%s", *n);
    }
    return 0;
}

const struct cmd_entry cmd_show_hooks_entry = {
    .name = "show-hooks",
    .spec = "g",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-g]",
    .exec = cmd_show_hooks_exec,
};
