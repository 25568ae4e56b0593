/* cmd_show_environment.c - show-environment: the global (-g) or a session's environment,
 * as tmux 3.3a prints it: NAME=value, -NAME for a removed variable; -s as shell commands;
 * hidden variables only (and only they) with -h. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "envset.h"

static void show_entry(struct cmd_ctx *ctx, struct cmd_args *args, const struct environ_entry *e)
{
    if ((args->flags['h'] != NULL) != e->hidden)
        return;
    if (args->flags['s'] == NULL) {
        if (e->value != NULL)
            cmd_print(ctx, "%s=%s", e->name, e->value);
        else
            cmd_print(ctx, "-%s", e->name);
        return;
    }
    if (e->value == NULL) {
        cmd_print(ctx, "unset %s;", e->name);
        return;
    }
    /* Inside double quotes for the shell: $ ` " and \ escaped. */
    struct evbuffer *b = evbuffer_new();
    for (const char *c = e->value; *c != '\0'; c++) {
        if (strchr("$`\"\\", *c) != NULL)
            evbuffer_add(b, "\\", 1);
        evbuffer_add(b, c, 1);
    }
    size_t len = evbuffer_get_length(b);
    cmd_print(ctx, "%s=\"%.*s\"; export %s;", e->name, (int)len,
              (const char *)evbuffer_pullup(b, -1), e->name);
    evbuffer_free(b);
}

static int cmd_show_environment_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct envset *env = cmd_environment_target(ctx, args, &sess);
    if (env == NULL)
        return -1;
    if (args->argc > 0) {
        const struct environ_entry *e = envset_find(env, args->argv[0]);
        if (e == NULL) {
            cmd_error(ctx, "unknown variable: %s", args->argv[0]);
            return -1;
        }
        show_entry(ctx, args, e);
        return 0;
    }
    for (size_t i = 0; i < env->n; i++)
        show_entry(ctx, args, &env->entries[i]);
    return 0;
}

const struct cmd_entry cmd_show_environment_entry = {
    .name = "show-environment",
    .alias = "showenv",
    .spec = "hgst:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-hgs] [-t target-session] [name]",
    .exec = cmd_show_environment_exec,
};
