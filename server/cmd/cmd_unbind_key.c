/* cmd_unbind_key.c - unbind-key: remove a key's binding (-a: every binding of the
 * table). */
#include "cmd_impl.h"

#include "key_bindings.h"

static int cmd_unbind_key_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *table;
    if (cmd_binding_table(ctx, args, true, &table) != 0)
        return -1;
    if (args->flags['a'] != NULL) {
        key_bindings_remove_table(ctx->server, table);
        return 0;
    }
    if (args->argc < 1) {
        cmd_error(ctx, "unbind-key: which key?");
        return -1;
    }
    key_code key = key_from_name(args->argv[0]);
    if (key == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    key_bindings_remove(ctx->server, table, key);
    return 0;
}

const struct cmd_entry cmd_unbind_key_entry = {
    .name = "unbind-key",
    .alias = "unbind",
    .spec = "anT:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-an] [-T key-table] key",
    .exec = cmd_unbind_key_exec,
};
