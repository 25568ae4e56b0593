/* cmd_break_pane.c - break-pane: a pane leaves its window for a new window of its own. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "format.h"
#include "options.h"
#include "redraw.h"
#include "session.h"
#include "window.h"

/* break-pane: the pane leaves its window for a new window of its own. */
static int cmd_break_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->source.session;
    struct window *w = ctx->source.window;
    struct pane *p = ctx->source.pane;
    if (TAILQ_NEXT(TAILQ_FIRST(&w->panes), entry) == NULL) {
        cmd_error(ctx, "break-pane: the window has only one pane");
        return -1;
    }
    /* -t (where the new window goes: a window target that may name a free index, as
     * tmux's) is looked up only after that check, so its error comes first. */
    struct session *dst = sess;
    int index = -1;
    if (args->flags['t'] != NULL) {
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, args->flags['t'], CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX) != 0)
            return -1;
        dst = fs.session;
        index = fs.idx;
        if (index >= 0 && session_window_at(dst, index) != NULL) {
            cmd_error(ctx, "index in use: %d", index);
            return -1;
        }
    }
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    window_remove_pane(w, p);
    struct window *nw = window_create(dst, index, args->flags['n']);
    p->window = nw;
    window_add_first_pane(nw, p);
    window_update_name(nw);
    session_attach_window(dst, nw);
    window_resize(nw, dst->cols, dst->rows);
    if (args->flags['d'] == NULL || dst->current == NULL)
        session_select_window(dst, nw);
    struct format_ctx f = {.server = ctx->server, .session = dst, .window = nw, .pane = p};
    if (args->flags['P'] != NULL) {
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F']
                                                                : "#{session_name}:#{window_index}.#{pane_index}");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    if (dst != sess)
        session_redraw(ctx->server, dst, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_break_pane_entry = {
    .name = "break-pane",
    .alias = "breakp",
    .spec = "dPF:n:s:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-dP] [-F format] [-n window-name] [-s src-pane] [-t dst-session]",
    .source = {'s', CMD_FIND_PANE, 0},
    .exec = cmd_break_pane_exec,
};
