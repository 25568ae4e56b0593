/* cmd_list_keys.c - list-keys: the key bindings, as bind-key commands or (-N) with their
 * notes. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "key_bindings.h"
#include "options.h"
#include "server_state.h"
#include "xmalloc.h"

static int cmd_list_keys_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    char prefix[32], name[32];
    const char *only = args->flags['T'];
    if (only != NULL && !key_table_exists(s, only)) {
        cmd_no_key_table(ctx, only);
        return -1;
    }
    key_code want = KEYC_NONE;
    if (args->argc > 0 && (want = key_from_name(args->argv[0])) == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    key_to_name((key_code)options_get_number(s->session_options, "prefix"), prefix, sizeof prefix);
    /* Table by table (key_table_next's order), each in the order its keys were bound. */
    for (const char *t = key_table_next(s, NULL); t != NULL; t = key_table_next(s, t)) {
        if (only != NULL && strcmp(t, only) != 0)
            continue;
        /* -N without -T: the keys a user presses outside modes, as tmux. */
        if (args->flags['N'] != NULL && only == NULL && strcmp(t, KEY_TABLE_ROOT) != 0 &&
            strcmp(t, KEY_TABLE_PREFIX) != 0)
            continue;
        for (size_t i = 0; i < s->nbindings; i++) {
            const struct key_binding *b = &s->bindings[i];
            if (strcmp(b->table, t) != 0 || (want != KEYC_NONE && b->key != want))
                continue;
            key_to_name(b->key, name, sizeof name);
            if (args->flags['N'] != NULL) {
                const char *what = b->note != NULL ? b->note : b->command;
                if (strcmp(t, KEY_TABLE_PREFIX) == 0) {
                    char *k = xasprintf("%s %s", prefix, name);
                    cmd_print(ctx, "%-10s %s", k, what);
                    free(k);
                } else
                    cmd_print(ctx, "%-10s %s", name, what);
            } else {
                cmd_print(ctx, "bind-key %s-T %-12s %-8s %s", b->repeat ? "-r " : "",
                          b->table, name, b->command);
            }
        }
    }
    return 0;
}

const struct cmd_entry cmd_list_keys_entry = {
    .name = "list-keys",
    .alias = "lsk",
    .spec = "NT:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-N] [-T key-table] [key]",
    .exec = cmd_list_keys_exec,
};
