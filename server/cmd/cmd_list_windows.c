/* cmd_list_windows.c - list-windows: one line per window of a session (-a: of every
 * session, by name), with tmux's lines (-F a format, -f a filter, -O an order, -r). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "cmd_list.h"
#include "format.h"
#include "xmalloc.h"

/* tmux 3.3a's lines: one session's windows, and every session's (-a). */
#define LIST_WINDOWS_TEMPLATE                                                                  \
    "#{window_index}: #{window_name}#{window_raw_flags} (#{window_panes} panes) "            \
    "[#{window_width}x#{window_height}] [layout #{window_layout}] #{window_id}"              \
    "#{?window_active, (active),}"
#define LIST_WINDOWS_WITH_SESSION_TEMPLATE                                                     \
    "#{session_name}:#{window_index}: #{window_name}#{window_raw_flags} "                    \
    "(#{window_panes} panes) [#{window_width}x#{window_height}] "

/* Append sess's windows to items. */
static void add_windows(struct session *sess, struct cmd_list_item **items, size_t *n,
                        size_t *size)
{
    struct winlink *wl;
    long line = 0;
    TAILQ_FOREACH(wl, &sess->windows, entry) {
        if (*n == *size) {
            *size = *size * 2 + 8;
            *items = xreallocarray(*items, *size, sizeof **items);
        }
        (*items)[*n] = (struct cmd_list_item){.session = sess, .wl = wl, .window = wl->window,
                                              .position = (long)*n, .line = line++};
        (*n)++;
    }
}

static int cmd_list_windows_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct cmd_list_item *items = NULL;
    size_t n = 0, size = 0;
    bool all = args->flags['a'] != NULL;
    if (all) {
        size_t ns;
        struct session **sessions = cmd_sessions_by_name(ctx->server, &ns);
        for (size_t i = 0; i < ns; i++)
            add_windows(sessions[i], &items, &n, &size);
        free(sessions);
    } else
        add_windows(ctx->target.session, &items, &n, &size);
    int rc = cmd_list_sort(ctx, args, items, n);
    const char *template = args->flags['F'] != NULL ? args->flags['F']
                           : all                    ? LIST_WINDOWS_WITH_SESSION_TEMPLATE
                                                    : LIST_WINDOWS_TEMPLATE;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct format_ctx f = {.server = ctx->server, .session = items[i].session,
                               .wl = items[i].wl, .window = items[i].window,
                               .client = ctx->client};
        format_defaults(&f);
        cmd_list_line(ctx, &f, args->flags['f'], template, items[i].line);
    }
    free(items);
    return rc;
}

const struct cmd_entry cmd_list_windows_entry = {
    .name = "list-windows",
    .alias = "lsw",
    .spec = "aF:f:O:rt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-ar] [-F format] [-f filter] [-O order] [-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_list_windows_exec,
};
