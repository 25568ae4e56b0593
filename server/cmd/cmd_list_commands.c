/* cmd_list_commands.c - list-commands: every command with its usage. */
#include "cmd_impl.h"

#include <string.h>

static int cmd_list_commands_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    for (const struct cmd_entry *const *ep = cmd_get_table(); *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (args->argc > 0 && strcmp(args->argv[0], e->name) != 0 &&
            (e->alias == NULL || strcmp(args->argv[0], e->alias) != 0))
            continue;
        if (e->alias != NULL)
            cmd_print(ctx, "%s (%s) %s", e->name, e->alias, e->usage);
        else
            cmd_print(ctx, "%s %s", e->name, e->usage);
    }
    return 0;
}

const struct cmd_entry cmd_list_commands_entry = {
    .name = "list-commands",
    .alias = "lscm",
    .spec = "",
    .min_args = 0,
    .max_args = 1,
    .usage = "[command]",
    .exec = cmd_list_commands_exec,
};
