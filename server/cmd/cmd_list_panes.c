/* cmd_list_panes.c - list-panes: one line per pane of a window. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "format.h"
#include "options.h"
#include "vt.h"

static int cmd_list_panes_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    int i = 0;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p};
            char *line = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", line);
            free(line);
        } else {
            cmd_print(ctx, "%d: [%dx%d] [history %d/%d] %%%u%s", i, p->cols, p->rows,
                      grid_history_size(vt_main_grid(p->vt)),
                      (int)options_get_number(sess->options, "history-limit"), p->id,
                      p == w->active ? " (active)" : "");
        }
        i++;
    }
    return 0;
}

const struct cmd_entry cmd_list_panes_entry = {
    .name = "list-panes",
    .alias = "lsp",
    .spec = "F:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-F format] [-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_list_panes_exec,
};
