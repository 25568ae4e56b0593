/* cmd_list_sessions.c - list-sessions: one line per session, sorted by name as tmux
 * (-F a format, -f a filter, -O an order, -r reversed). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_list.h"
#include "format.h"
#include "snapshot.h"
#include "xmalloc.h"

/* tmux 3.3a's line. */
#define LIST_SESSIONS_TEMPLATE                                                                 \
    "#{session_name}: #{session_windows} windows (created #{t:session_created})"             \
    "#{?session_grouped, (group ,}#{session_group}#{?session_grouped,),}"                    \
    "#{?session_attached, (attached),}"

static int cmd_list_sessions_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    size_t n;
    struct session **sessions = cmd_sessions_by_name(ctx->server, &n);
    struct cmd_list_item *items = xcalloc(n + 1, sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = (struct cmd_list_item){.session = sessions[i], .position = (long)i,
                                                  .line = (long)i};
    free(sessions);
    int rc = cmd_list_sort(ctx, args, items, n);
    const char *template = args->flags['F'] != NULL ? args->flags['F'] : LIST_SESSIONS_TEMPLATE;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct format_ctx f = {.server = ctx->server, .session = items[i].session,
                               .client = ctx->client};
        format_defaults(&f);
        cmd_list_line(ctx, &f, args->flags['f'], template, items[i].line);
    }
    free(items);
    if (rc == 0 && args->flags['F'] == NULL && args->flags['f'] == NULL) {
        /* Sessions a server that died left, apart (tmx resurrect brings them back). */
        char *dead = snapshot_resurrectable(ctx->server);
        if (dead != NULL) {
            dead[strlen(dead) - 1] = '\0'; /* the last newline: cmd_print adds it */
            cmd_print(ctx, "%s", dead);
        }
        free(dead);
    }
    return rc;
}

const struct cmd_entry cmd_list_sessions_entry = {
    .name = "list-sessions",
    .alias = "ls",
    .spec = "F:f:O:r",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-r] [-F format] [-f filter] [-O order]",
    .exec = cmd_list_sessions_exec,
};
