/* cmd_set_environment.c - set-environment: a variable of the global environment (-g) or
 * of a session's, as tmux 3.3a: -u unsets it, -r marks it removed from new processes'
 * environments, -h hides it from them, -F expands the value as a format. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "envset.h"
#include "format.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* The environment set-environment and show-environment act on: the global one (-g) or
 * the target session's; NULL with tmux's error if there is no such session. */
struct envset *cmd_environment_target(struct cmd_ctx *ctx, struct cmd_args *args,
                                       struct session **sp)
{
    *sp = NULL;
    if (args->flags['g'] != NULL)
        return ctx->server->environ;
    const char *target = args->flags['t'];
    struct cmd_ctx quiet = *ctx;
    quiet.err = evbuffer_new();
    *sp = cmd_find_session(&quiet, target);
    if (*sp == NULL && target != NULL) {
        /* As tmux: the session of sess:99, whose window part names nothing. */
        struct cmd_find_state fs;
        if (cmd_find_target(&quiet, &fs, target, CMD_FIND_SESSION,
                            CMD_FIND_CANFAIL | CMD_FIND_QUIET | CMD_FIND_PARTIAL) == 0)
            *sp = fs.session;
    }
    evbuffer_free(quiet.err);
    if (*sp == NULL) {
        if (target != NULL)
            cmd_error(ctx, "no such session: %s", target);
        else
            cmd_error(ctx, "no current session");
        return NULL;
    }
    return (*sp)->environ;
}

static int cmd_set_environment_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    if (*name == '\0') {
        cmd_error(ctx, "empty variable name");
        return -1;
    }
    if (strchr(name, '=') != NULL) {
        cmd_error(ctx, "variable name contains =");
        return -1;
    }
    struct session *sess;
    struct envset *env = cmd_environment_target(ctx, args, &sess);
    if (env == NULL)
        return -1;
    const char *value = args->argc > 1 ? args->argv[1] : NULL;
    char *expanded = NULL;
    if (value != NULL && args->flags['F'] != NULL) {
        struct format_ctx f = {.server = ctx->server, .session = sess, .client = ctx->client};
        format_defaults(&f);
        value = expanded = format_expand(&f, value);
    }
    int rc = 0;
    if (args->flags['u'] != NULL) {
        if (value != NULL) {
            cmd_error(ctx, "can't specify a value with -u");
            rc = -1;
        } else
            envset_unset(env, name);
    } else if (args->flags['r'] != NULL) {
        if (value != NULL) {
            cmd_error(ctx, "can't specify a value with -r");
            rc = -1;
        } else {
            const struct environ_entry *old = envset_find(env, name);
            envset_set(env, name, NULL, old != NULL && old->hidden);
        }
    } else if (value == NULL) {
        cmd_error(ctx, "no value specified");
        rc = -1;
    } else
        envset_set(env, name, value, args->flags['h'] != NULL);
    free(expanded);
    return rc;
}

const struct cmd_entry cmd_set_environment_entry = {
    .name = "set-environment",
    .alias = "setenv",
    .spec = "Fhgrt:u",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-Fhgru] [-t target-session] name [value]",
    .exec = cmd_set_environment_exec,
};
