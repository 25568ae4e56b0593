/* cmd_list_clients.c - list-clients: one line per attached client. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "format.h"
#include "server_client.h"
#include "server_state.h"

/* list-clients: one line per attached client. */
static int cmd_list_clients_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *only = NULL;
    if (args->flags['t'] != NULL && (only = cmd_find_session(ctx, args->flags['t'])) == NULL)
        return -1;
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
    .exec = cmd_list_clients_exec,
};
