/* cmd_detach_client.c - detach-client: detach a client (-t), every client of a session
 * (-s), or every other client (-a); -P hangs up the shell the client ran from, -E makes
 * the client a shell command. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

/* How the command detaches: -P (SIGHUP to the client's parent), -E (the client becomes
 * a shell command), or plainly; set once per command in cmd_detach_client_exec. */
struct detach_how {
    int how;             /* PROTO_EXIT_* */
    const char *command; /* -E */
};

/* Detach c, saying from which session. */
static void detach_client(struct client *c, const struct detach_how *dh)
{
    char *msg = NULL;
    if (dh->how == PROTO_EXIT_HUP)
        msg = xasprintf("[detached and SIGHUP (from session %s)]", c->session->name);
    else if (dh->how == PROTO_EXIT_PLAIN)
        msg = xasprintf("[detached (from session %s)]", c->session->name);
    server_client_exit_how(c, 0, msg, dh->how, dh->command);
    free(msg);
}

/* Detach every client of sess. */
static int detach_session(struct cmd_ctx *ctx, struct session *sess, const struct detach_how *dh)
{
    struct client *c, *next;
    TAILQ_FOREACH_SAFE(c, &ctx->server->clients, entry, next) {
        if (c->attached && c->session == sess)
            detach_client(c, dh);
    }
    return 0;
}

static int cmd_detach_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct detach_how how = {.how = PROTO_EXIT_PLAIN};
    if (args->flags['E'] != NULL)
        how = (struct detach_how){.how = PROTO_EXIT_EXEC, .command = args->flags['E']};
    else if (args->flags['P'] != NULL)
        how.how = PROTO_EXIT_HUP;
    const struct detach_how *dh = &how;
    struct server *srv = ctx->server;
    if (args->flags['s'] != NULL)
        return detach_session(ctx, ctx->source.session, dh);
    struct client *self = ctx->client;
    /* -t names a client by its terminal (#{client_tty}), as tmux's target-client;
     * anything else is taken as a session, every client of which is detached. */
    struct client *target = args->flags['t'] != NULL ? cmd_client_by_tty(srv, args->flags['t']) : NULL;
    if (target != NULL && args->flags['a'] == NULL) {
        detach_client(target, dh);
        if (target == self)
            ctx->detached = true;
        return 0;
    }
    if (target != NULL)
        self = target; /* -a -t: every client but that one */
    if (args->flags['a'] != NULL) {
        struct client *c, *next;
        TAILQ_FOREACH_SAFE(c, &srv->clients, entry, next) {
            if (c != self && c->attached)
                detach_client(c, dh);
        }
        return 0;
    }
    if (self == NULL || !self->attached) {
        /* From the command line: the most recently attached client is not tracked yet,
         * so detach every client of the current session. -t, not a client's terminal,
         * is taken as a session here: a lookup of this command's own. */
        struct session *sess = cmd_find_session(ctx, args->flags['t']);
        return sess != NULL ? detach_session(ctx, sess, dh) : -1;
    }
    detach_client(self, dh);
    ctx->detached = true;
    return 0;
}

const struct cmd_entry cmd_detach_client_entry = {
    .name = "detach-client",
    .alias = "detach",
    .spec = "aE:Ps:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-aP] [-E shell-command] [-s target-session] [-t target-client]",
    .source = {'s', CMD_FIND_SESSION, CMD_FIND_IF_GIVEN},
    .exec = cmd_detach_client_exec,
};
