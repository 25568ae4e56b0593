/* cmd_unbind_key.c - unbind-key: remove a key's binding (-a: every binding of the
 * table; -q: no error for a missing table or key). */
#include "cmd_impl.h"

#include "key_bindings.h"

static int cmd_unbind_key_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    bool quiet = args->flags['q'] != NULL;
    if (args->flags['a'] != NULL) {
        if (args->argc > 0) {
            if (!quiet)
                cmd_error(ctx, "key given with -a");
            return quiet ? 0 : -1;
        }
    } else if (args->argc < 1) {
        if (!quiet)
            cmd_error(ctx, "missing key");
        return quiet ? 0 : -1;
    }
    key_code key = KEYC_NONE;
    if (args->argc > 0 && (key = cmd_binding_key(args->argv[0])) == KEYC_NONE) {
        if (!quiet)
            cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return quiet ? 0 : -1;
    }
    const char *table = args->flags['T'];
    if (table == NULL)
        table = args->flags['n'] != NULL ? KEY_TABLE_ROOT : KEY_TABLE_PREFIX;
    if (!key_table_exists(ctx->server, table)) {
        if (quiet)
            return 0;
        cmd_no_key_table(ctx, table);
        return -1;
    }
    if (args->flags['a'] != NULL)
        key_bindings_remove_table(ctx->server, table);
    else
        key_bindings_remove(ctx->server, table, key);
    return 0;
}

const struct cmd_entry cmd_unbind_key_entry = {
    .name = "unbind-key",
    .alias = "unbind",
    .spec = "anqT:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-anq] [-T key-table] key",
    .exec = cmd_unbind_key_exec,
};
