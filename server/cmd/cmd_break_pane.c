/* cmd_break_pane.c - break-pane: a pane leaves its window for a new window of its own. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "hooks.h"
#include "options.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "window.h"

/* break-pane: the pane leaves its window for a new window of its own. */
static int cmd_break_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->source.session;
    struct winlink *wl = ctx->source.wl;
    struct window *w = ctx->source.window;
    struct pane *p = ctx->source.pane;
    /* -t names the window to make (a window target that may name a free index, as
     * tmux's), or with -a/-b the one to go after or before, moving the others up. */
    struct session *dst = sess;
    int index = -1;
    if (args->flags['a'] != NULL || args->flags['b'] != NULL) {
        struct winlink *tw = cmd_find_winlink(ctx, args->flags['t']);
        if (tw == NULL)
            return -1;
        dst = tw->session;
        index = cmd_shuffle_up(dst, tw->index + (args->flags['b'] != NULL ? 0 : 1));
    } else if (args->flags['t'] != NULL) {
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, args->flags['t'], CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX) != 0)
            return -1;
        dst = fs.session;
        index = fs.idx;
        if (index >= 0 && session_window_at(dst, index) != NULL) {
            cmd_error(ctx, "index in use: %d", index);
            return -1;
        }
    } else {
        /* No -t: a new window of the current session (from outside any pane, the one
         * tmux calls current, which need not be the pane's), as tmux. */
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, NULL, CMD_FIND_SESSION, 0) != 0)
            return -1;
        dst = fs.session;
    }
    if (TAILQ_NEXT(TAILQ_FIRST(&w->panes), entry) == NULL) {
        /* The pane is alone: its window moves, as tmux does (and prints nothing). */
        if (cmd_move_window_to(ctx, wl, dst, index, false, args->flags['d'] == NULL) != 0)
            return -1;
        if (args->flags['n'] != NULL) {
            char err[128];
            window_set_name(w, args->flags['n']);
            options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
        }
        return 0;
    }
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    bool active = w->active == p;
    window_remove_pane(w, p);
    /* As tmux: the window loses the pane, then its layout closes over it. */
    if (active)
        window_notify(w, NOTIFY_WINDOW_PANE_CHANGED);
    window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    /* The new window is the size of the one the pane leaves, as tmux; its clients (if
     * any see it) size it after. */
    struct window *nw = window_create(dst, args->flags['n']);
    nw->cols = nw->manual_cols = w->cols;
    nw->rows = nw->manual_rows = w->rows;
    p->window = nw;
    window_add_first_pane(nw, p);
    if (args->flags['n'] == NULL && !window_update_name(nw)) {
        /* Without -n named after the pane's command, as tmux (cmd_spawn.c does so). */
        char name[256];
        snprintf(name, sizeof name, "%s", p->argc > 0 ? p->argv[0] : ctx->server->default_shell);
        name[strcspn(name, " ")] = '\0';
        const char *slash = strrchr(name, '/');
        window_set_name(nw, slash != NULL ? slash + 1 : name);
    }
    struct winlink *nl = session_link_window(dst, nw, index);
    hooks_fire(ctx->server, "window-linked", &(struct hook_event){.session = dst, .window = nw});
    server_client_update_sizes(ctx->server, dst);
    if (args->flags['d'] == NULL || dst->current == NULL)
        session_select_window(dst, nl);
    struct format_ctx f = {.server = ctx->server, .session = dst, .wl = nl, .window = nw,
                           .pane = p};
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
    .spec = "abdPF:n:s:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-abdP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]",
    .source = {'s', CMD_FIND_PANE, 0},
    .exec = cmd_break_pane_exec,
};
