/* cmd_bind_key.c - bind-key: bind a key of a key table to a command. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "key_bindings.h"
#include "xmalloc.h"

/* Join arguments back into one command line, quoting where needed. */
static char *join_command(int argc, char **argv)
{
    char *out = xstrdup("");
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool plain = *a != '\0' && strpbrk(a, " \t\"'\\;#$") == NULL;
        char *quoted;
        if (plain)
            quoted = xstrdup(a);
        else {
            size_t n = 2;
            for (const char *p = a; *p; p++)
                n += *p == '\'' ? 4 : 1;
            quoted = xmalloc(n + 1);
            char *w = quoted;
            *w++ = '\'';
            for (const char *p = a; *p; p++) {
                if (*p == '\'') {
                    memcpy(w, "'\\''", 4);
                    w += 4;
                } else
                    *w++ = *p;
            }
            *w++ = '\'';
            *w = '\0';
        }
        char *joined = xasprintf("%s%s%s", out, i > 0 ? " " : "", quoted);
        free(out);
        free(quoted);
        out = joined;
    }
    return out;
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
    cmd_error(ctx, "no key table named \"%s\" (tables: %s)", name, tables);
    free(tables);
}

int cmd_binding_table(struct cmd_ctx *ctx, struct cmd_args *args, bool must_exist,
                      const char **table)
{
    const char *name = args->flags['T'];
    if (name == NULL)
        name = args->flags['n'] != NULL ? KEY_TABLE_ROOT : KEY_TABLE_PREFIX;
    if (*name == '\0' || (must_exist && !key_table_exists(ctx->server, name))) {
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
    key_code key = key_from_name(args->argv[0]);
    if (key == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    if (args->argc < 2) {
        cmd_error(ctx, "bind-key: no command given for %s", args->argv[0]);
        return -1;
    }
    char *command = join_command(args->argc - 1, args->argv + 1);
    key_bindings_add(ctx->server, table, key, command, args->flags['N'], args->flags['r'] != NULL);
    free(command);
    return 0;
}

const struct cmd_entry cmd_bind_key_entry = {
    .name = "bind-key",
    .alias = "bind",
    .spec = "nrT:N:",
    .min_args = 1,
    .max_args = -1,
    .usage = "[-nr] [-T key-table] key command [arguments]",
    .exec = cmd_bind_key_exec,
};
