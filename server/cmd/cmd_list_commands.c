/* cmd_list_commands.c - list-commands: every command with its usage, or (-F) a format of
 * each. tmx's own commands are listed only when named. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_table.h"
#include "format.h"

static int cmd_list_commands_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argc > 0 ? args->argv[0] : NULL;
    for (const struct cmd_entry *const *ep = cmd_get_table(); *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (name == NULL ? cmd_table_is_extension(e)
                         : strcmp(name, e->name) != 0 &&
                               (e->alias == NULL || strcmp(name, e->alias) != 0))
            continue;
        if (args->flags['F'] != NULL) {
            const char *vars[] = {"command_list_name", e->name,
                                  "command_list_alias", e->alias != NULL ? e->alias : "",
                                  "command_list_usage", e->usage, NULL};
            struct format_ctx f = {.server = ctx->server, .vars = vars};
            char *text = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", text);
            free(text);
        } else if (e->alias != NULL)
            cmd_print(ctx, "%s (%s) %s", e->name, e->alias, e->usage);
        else
            cmd_print(ctx, "%s %s", e->name, e->usage);
    }
    return 0;
}

const struct cmd_entry cmd_list_commands_entry = {
    .name = "list-commands",
    .alias = "lscm",
    .spec = "F:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-F format] [command]",
    .exec = cmd_list_commands_exec,
};
