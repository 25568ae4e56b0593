/* cmd_list_panes.c - list-panes: one line per pane of a window (-s: of its session, -a:
 * of every session, by name), with tmux's lines (-F a format, -f a filter, -O, -r). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "cmd_list.h"
#include "format.h"
#include "xmalloc.h"

/* tmux 3.3a's line, after "#{session_name}:#{window_index}." with -a and
 * "#{window_index}." with -s. */
#define LIST_PANES_TEMPLATE                                                                    \
    "#{pane_index}: [#{pane_width}x#{pane_height}] [history "                                \
    "#{history_size}/#{history_limit}, #{history_bytes} bytes] #{pane_id}"                  \
    "#{?pane_active, (active),}#{?pane_dead, (dead),}"

struct pane_list_items {
    struct cmd_list_item *items;
    size_t n, size;
};

static void add_panes(struct pane_list_items *l, struct session *sess, struct winlink *wl)
{
    struct window *w = wl->window;
    struct pane *p;
    long line = 0;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (l->n == l->size) {
            l->size = l->size * 2 + 8;
            l->items = xreallocarray(l->items, l->size, sizeof *l->items);
        }
        l->items[l->n] = (struct cmd_list_item){.session = sess, .wl = wl, .window = w,
                                                .pane = p, .position = (long)l->n,
                                                .line = line++};
        l->n++;
    }
}

static void add_session(struct pane_list_items *l, struct session *sess)
{
    struct winlink *wl;
    TAILQ_FOREACH(wl, &sess->windows, entry)
        add_panes(l, sess, wl);
}

static int cmd_list_panes_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane_list_items l = {0};
    const char *prefix = "";
    if (args->flags['a'] != NULL) {
        size_t ns;
        struct session **sessions = cmd_sessions_by_name(ctx->server, &ns);
        for (size_t i = 0; i < ns; i++)
            add_session(&l, sessions[i]);
        free(sessions);
        prefix = "#{session_name}:#{window_index}.";
    } else if (args->flags['s'] != NULL) {
        add_session(&l, ctx->target.session);
        prefix = "#{window_index}.";
    } else
        add_panes(&l, ctx->target.session, ctx->target.wl);
    int rc = cmd_list_sort(ctx, args, l.items, l.n);
    char *template = args->flags['F'] != NULL ? xstrdup(args->flags['F'])
                                              : xasprintf("%s%s", prefix, LIST_PANES_TEMPLATE);
    for (size_t i = 0; rc == 0 && i < l.n; i++) {
        struct format_ctx f = {.server = ctx->server, .session = l.items[i].session,
                               .wl = l.items[i].wl, .window = l.items[i].window,
                               .pane = l.items[i].pane,
                               .client = ctx->client};
        cmd_list_line(ctx, &f, args->flags['f'], template, l.items[i].line);
    }
    free(template);
    free(l.items);
    return rc;
}

const struct cmd_entry cmd_list_panes_entry = {
    .name = "list-panes",
    .alias = "lsp",
    .spec = "aF:f:O:rst:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-asr] [-F format] [-f filter] [-O order] [-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_list_panes_exec,
};
