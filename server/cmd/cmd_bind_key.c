/* cmd_bind_key.c - bind-key: bind a key of a key table to a command. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "key_bindings.h"
#include "server_state.h"
#include "xmalloc.h"

key_code cmd_binding_key(const char *name)
{
    key_code key = key_from_name(name);
    switch (key) {
    case KEYC_MOUSE:
    case KEYC_PASTE_START:
    case KEYC_PASTE_END:
    case KEYC_FOCUS_IN:
    case KEYC_FOCUS_OUT:
        return KEYC_NONE; /* names tmx reads in input, no key a table binds */
    }
    return key;
}

void cmd_no_key_table(struct cmd_ctx *ctx, const char *name)
{
    char *tables = NULL;
    for (const char *t = key_table_next(ctx->server, NULL); t != NULL;
         t = key_table_next(ctx->server, t)) {
        char *more = xasprintf("%s%s%s", tables != NULL ? tables : "", tables != NULL ? ", " : "", t);
        free(tables);
        tables = more;
    }
    cmd_error(ctx, "table %s doesn't exist (tables: %s)", name, tables);
    free(tables);
}

int cmd_binding_table(struct cmd_ctx *ctx, struct cmd_args *args, bool must_exist,
                      const char **table)
{
    const char *name = args->flags['T'];
    if (name == NULL)
        name = args->flags['n'] != NULL ? KEY_TABLE_ROOT : KEY_TABLE_PREFIX;
    if (must_exist && !key_table_exists(ctx->server, name)) {
        cmd_no_key_table(ctx, name);
        return -1;
    }
    *table = name;
    return 0;
}

static int cmd_bind_key_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *table;
    if (cmd_binding_table(ctx, args, false, &table) != 0)
        return -1;
    key_code key = cmd_binding_key(args->argv[0]);
    if (key == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    const char *note = args->flags['N'];
    if (args->argc < 2) {
        /* bind -N NOTE KEY: a new note for a bound key. */
        const struct key_binding *b = key_bindings_find(ctx->server, table, key);
        if (note != NULL && b != NULL) {
            char *command = xstrdup(b->command), *display = xstrdup(b->display);
            struct cmd_list *list = b->list;
            if (list != NULL)
                cmd_list_ref(list);
            key_bindings_add_full(ctx->server, table, key, command, display, note,
                                  args->flags['r'] != NULL);
            if (list != NULL)
                key_bindings_set_list(ctx->server, table, key, list);
            free(command);
            free(display);
        }
        return 0;
    }
    /* One argument is a command string or a { } block; more are the words of the
     * commands, a word ending in ';' ending one. Parsed now, as tmux does: an error
     * binds nothing. */
    struct cmd_parse_input pi = {.server = ctx->server};
    struct cmd_list *list;
    char *err = NULL;
    if (args->argc == 2 && args->lists != NULL && args->lists[1] != NULL) {
        list = args->lists[1];
        cmd_list_ref(list);
    } else if (args->argc == 2)
        list = cmd_parse_string(args->argv[1], &pi, &err);
    else
        list = cmd_parse_argv_lists(args->argc - 1, args->argv + 1,
                                    args->lists != NULL ? args->lists + 1 : NULL, &pi, &err);
    if (list == NULL) {
        cmd_error(ctx, "%s", err != NULL ? err : "syntax error");
        free(err);
        return -1;
    }
    /* list-keys shows the list as tmux prints it; what runs is the list itself, kept in
     * the binding (a { } block's lines stay groups of their own, as in tmux); the text
     * that parses back into it is kept too. */
    char *display = cmd_list_print(list, true);
    char *run = cmd_list_run_text(list);
    key_bindings_add_full(ctx->server, table, key, run, display, note, args->flags['r'] != NULL);
    ctx->server->binding_list_free = cmd_list_free;
    key_bindings_set_list(ctx->server, table, key, list);
    free(display);
    free(run);
    return 0;
}

const struct cmd_entry cmd_bind_key_entry = {
    .name = "bind-key",
    .alias = "bind",
    .spec = "nrT:N:",
    .min_args = 1,
    .max_args = -1,
    .usage = "[-nr] [-T key-table] [-N note] key [command [arguments]]",
    .exec = cmd_bind_key_exec,
};
