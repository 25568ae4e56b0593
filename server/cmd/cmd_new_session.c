/* cmd_new_session.c - new-session: a session with its first window, attached or (-d)
 * not. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "client_limits.h"
#include "format.h"
#include "hooks.h"
#include "options.h"
#include "proto.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_state.h"
#include "session.h"

/* Parse a -x/-y size; returns -1 if invalid. */
static int parse_size(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || v < 1 || v > 10000)
        return -1;
    return (int)v;
}

static int cmd_new_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *srv = ctx->server;
    const char *name = args->flags['s'];
    /* Without a client (config file, tmx -D new ...) a session can only be detached. */
    bool detached = args->flags['d'] != NULL || ctx->client == NULL;

    if (name != NULL && !session_valid_name(name)) {
        cmd_error(ctx, "invalid session name \"%s\" (no ':' or '.', not empty)", name);
        return -1;
    }
    if (name != NULL && session_find(srv, name) != NULL) {
        if (args->flags['A'] != NULL)
            return cmd_attach_client(ctx, session_find(srv, name), args->flags['D'] != NULL, false);
        cmd_error(ctx, "duplicate session: %s", name);
        return -1;
    }
    if (!detached) {
        if (ctx->client == NULL || ctx->from_key) {
            cmd_error(ctx, "new-session needs -d here (sessions should be nested with care)");
            return -1;
        }
        if (!(ctx->client->flags & IDENT_TTY)) {
            cmd_error(ctx, "open terminal failed: not a terminal");
            return -1;
        }
        if (!client_limits_frame_fits(ctx->client->cols, ctx->client->rows)) {
            /* Before a session of that size is made (cmd_attach_client says it too). */
            char why[512];
            client_limits_frame_error(ctx->client->cols, ctx->client->rows, why, sizeof why);
            cmd_error(ctx, "%s", why);
            return -1;
        }
    }
    int cols = 80, rows = 24;
    if (args->flags['x'] != NULL && (cols = parse_size(args->flags['x'])) < 0) {
        cmd_error(ctx, "invalid width: %s", args->flags['x']);
        return -1;
    }
    if (args->flags['y'] != NULL && (rows = parse_size(args->flags['y'])) < 0) {
        cmd_error(ctx, "invalid height: %s", args->flags['y']);
        return -1;
    }
    if (!detached && ctx->client != NULL) {
        cols = ctx->client->cols;
        rows = ctx->client->rows - (options_get_number(srv->session_options, "status") ? 1 : 0);
        if (rows < 1)
            rows = 1;
    }
    const char *cwd = args->flags['c'];
    if (cwd == NULL && ctx->client != NULL)
        cwd = ctx->client->cwd;
    if (cwd == NULL)
        cwd = getenv("HOME");

    struct client *c = ctx->client;
    struct session *sess = session_create(srv, name, cwd, c != NULL ? c->env : NULL,
                                          c != NULL ? c->nenv : 0, cols, rows);
    for (int i = 0; i < args->nenv; i++)
        session_setenv(sess, args->env[i]);
    if (cmd_spawn_window(ctx, sess, -1, args->flags['n'], cwd, args->argc, args->argv,
                         args->env) == NULL) {
        session_free(sess);
        server_check_exit(srv);
        return -1;
    }
    if (args->flags['P'] != NULL) {
        struct format_ctx f = {.server = srv, .session = sess, .client = c};
        format_defaults(&f);
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F'] : "#{session_name}:");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    cmd_find_set_current(ctx, sess, NULL, NULL); /* the rest of the list's, as tmux */
    if (!detached && cmd_attach_client(ctx, sess, false, false) != 0) {
        server_destroy_session(srv, sess, 0);
        return -1;
    }
    /* Last: the hook may run any command, even one that ends this session. */
    hooks_run(srv, "session-created", sess, NULL);
    return 0;
}

const struct cmd_entry cmd_new_session_entry = {
    .name = "new-session",
    .alias = "new",
    .spec = "AdDPc:e:F:n:s:x:y:",
    .min_args = 0,
    .max_args = -1,
    .usage =
        "[-AdP] [-c start-directory] [-F format] [-n window-name] [-s session-name] [-x width] [-y height] [command]",
    .exec = cmd_new_session_exec,
};
