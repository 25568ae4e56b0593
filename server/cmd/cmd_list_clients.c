/* cmd_list_clients.c - list-clients: one line per attached client (-t: of one session),
 * with tmux's line (-F a format, -f a filter). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "cmd_list.h"
#include "format.h"
#include "server_client.h"
#include "server_state.h"

/* tmux 3.3a's line. */
#define LIST_CLIENTS_TEMPLATE                                                                  \
    "#{client_name}: #{session_name} [#{client_width}x#{client_height} #{client_termname}]"  \
    "#{?#{!=:#{client_uid},#{uid}}, [user #{?client_user,#{client_user},#{client_uid},}],}"  \
    "#{?client_flags, (,}#{client_flags}#{?client_flags,),}"

/* list-clients: one line per attached client. */
static int cmd_list_clients_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *only = ctx->target.session; /* NULL without -t: every client */
    struct client *c;
    long line = 0;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || (only != NULL && c->session != only))
            continue;
        struct format_ctx f = {.server = ctx->server, .session = c->session, .client = c};
        format_defaults(&f);
        cmd_list_line(ctx, &f, NULL,
                      args->flags['F'] != NULL ? args->flags['F'] : LIST_CLIENTS_TEMPLATE,
                      line++);
    }
    return 0;
}

const struct cmd_entry cmd_list_clients_entry = {
    .name = "list-clients",
    .alias = "lsc",
    .spec = "F:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-F format] [-t target-session]",
    .target = {'t', CMD_FIND_SESSION, CMD_FIND_IF_GIVEN},
    .exec = cmd_list_clients_exec,
};
