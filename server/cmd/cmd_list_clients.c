/* cmd_list_clients.c - list-clients: one line per attached client. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "format.h"
#include "server_client.h"
#include "server_state.h"

/* list-clients: one line per attached client. */
static int cmd_list_clients_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *only = ctx->target.session; /* NULL without -t: every client */
    struct client *c;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || (only != NULL && c->session != only))
            continue;
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = c->session, .client = c};
            format_defaults(&f);
            char *line = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", line);
            free(line);
            continue;
        }
        cmd_print(ctx, "pid %ld: %s [%dx%d %s]%s", (long)c->pid, c->session->name, c->cols,
                  c->rows, c->term, c->readonly ? " (read-only)" : "");
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
