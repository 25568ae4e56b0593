/* cmd_list_windows.c - list-windows: one line per window of a session (-a: of every
 * session). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "format.h"
#include "server_state.h"

static void list_windows_of(struct cmd_ctx *ctx, struct session *sess, const char *fmt, bool all)
{
    struct window *w;
    TAILQ_FOREACH(w, &sess->windows, entry) {
        if (fmt != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = sess, .window = w};
            format_defaults(&f);
            char *line = format_expand(&f, fmt);
            cmd_print(ctx, "%s", line);
            free(line);
            continue;
        }
        int panes = 0;
        struct pane *p;
        TAILQ_FOREACH(p, &w->panes, entry)
            panes++;
        struct format_ctx f = {.server = ctx->server, .session = sess, .window = w};
        char *flag = format_expand(&f, "#{window_flags}");
        cmd_print(ctx, "%s%s%d: %s%s (%d panes) [%dx%d] @%u%s", all ? sess->name : "",
                  all ? ":" : "", w->index, w->name, flag, panes, w->cols, w->rows, w->id,
                  w == sess->current ? " (active)" : "");
        free(flag);
    }
}

/* -t is looked up here: -a lists every session's windows, even with no session at all. */
static int cmd_list_windows_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (args->flags['a'] != NULL) {
        struct session *sess;
        TAILQ_FOREACH(sess, &ctx->server->sessions, entry)
            list_windows_of(ctx, sess, args->flags['F'], true);
        return 0;
    }
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    list_windows_of(ctx, sess, args->flags['F'], false);
    return 0;
}

const struct cmd_entry cmd_list_windows_entry = {
    .name = "list-windows",
    .alias = "lsw",
    .spec = "aF:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-a] [-F format] [-t target-session]",
    .exec = cmd_list_windows_exec,
};
