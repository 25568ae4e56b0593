/* cmd_list_commands.c - list-commands: every command with its usage. */
#include "cmd_impl.h"

#include <string.h>

int cmd_list_commands(struct cmd_ctx *ctx, struct cmd_args *args)
{
    for (const struct cmd_entry *e = cmd_table; e->name != NULL; e++) {
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
