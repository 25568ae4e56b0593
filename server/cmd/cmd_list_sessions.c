/* cmd_list_sessions.c - list-sessions: one line per session (-F a format). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"

static int attached_count(struct server *srv, struct session *sess)
{
    int n = 0;
    struct client *c;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        if (c->attached && c->session == sess)
            n++;
    }
    return n;
}

static int cmd_list_sessions_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &ctx->server->sessions, entry) {
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = sess, .client = ctx->client};
            format_defaults(&f);
            char *line = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", line);
            free(line);
            continue;
        }
        char created[64];
        struct tm tm;
        localtime_r(&sess->created, &tm);
        strftime(created, sizeof created, "%a %b %e %H:%M:%S %Y", &tm);
        cmd_print(ctx, "%s: %d windows (created %s)%s", sess->name, session_count_windows(sess),
                  created, attached_count(ctx->server, sess) > 0 ? " (attached)" : "");
    }
    return 0;
}

const struct cmd_entry cmd_list_sessions_entry = {
    .name = "list-sessions",
    .alias = "ls",
    .spec = "F:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-F format]",
    .exec = cmd_list_sessions_exec,
};
