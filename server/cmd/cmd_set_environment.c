/* cmd_set_environment.c - set-environment: a variable for the windows a session starts
 * from now on. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* set-environment NAME VALUE (-u removes): for windows created from now on, in the target
 * session (or, with -g, in every session: tmx keeps no separate global environment, so -g
 * sets it in every existing session). */
static int cmd_set_environment_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    if (*name == '\0' || strchr(name, '=') != NULL) {
        cmd_error(ctx, "set-environment: invalid variable name: %s", name);
        return -1;
    }
    if (args->flags['u'] == NULL && args->argc < 2) {
        cmd_error(ctx, "set-environment %s: no value (-u removes it)", name);
        return -1;
    }
    /* -t is looked up here: -g needs none, and the name is checked first. */
    struct session *only = NULL;
    if (args->flags['g'] == NULL && (only = cmd_find_session(ctx, args->flags['t'])) == NULL)
        return -1;
    char *pair = args->argc > 1 ? xasprintf("%s=%s", name, args->argv[1]) : NULL;
    struct session *sess;
    TAILQ_FOREACH(sess, &ctx->server->sessions, entry) {
        if (only != NULL && sess != only)
            continue;
        if (pair != NULL)
            session_setenv(sess, pair);
        else
            session_unsetenv(sess, name);
    }
    free(pair);
    return 0;
}

const struct cmd_entry cmd_set_environment_entry = {
    .name = "set-environment",
    .alias = "setenv",
    .spec = "gt:u",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-gu] [-t target-session] name [value]",
    .exec = cmd_set_environment_exec,
};
