/* cmd_split_window.c - split-window: a new pane in a split of a pane (or of the whole
 * window, -f); where a new pane goes is shared with join-pane. */
#include "cmd_impl.h"

#include <event2/buffer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "format.h"
#include "layout.h"
#include "option_effects.h"
#include "redraw.h"
#include "server_client.h"
#include "server_find.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

/* -l SIZE or -l N% (-p N: percent) for a split of a cell 'whole' cells long: the new
 * pane's size, -1 for half. Returns false with an error for a bad value. */
static bool split_size(struct cmd_ctx *ctx, struct cmd_args *args, int whole, int *size)
{
    *size = -1;
    const char *l = args->flags['l'], *pct = args->flags['p'];
    if (l == NULL && pct == NULL)
        return true;
    const char *text = l != NULL ? l : pct;
    char *end;
    long v = strtol(text, &end, 10);
    bool percent = pct != NULL && l == NULL;
    if (*end == '%' && end[1] == '\0') {
        percent = true;
    } else if (*end != '\0' || end == text) {
        cmd_error(ctx, "invalid size \"%s\" (a number of cells, or N%%)", text);
        return false;
    }
    if (v < 1 || (percent && v > 100) || v > 100000) {
        cmd_error(ctx, "size out of range: %s", text);
        return false;
    }
    *size = percent ? (int)((whole * v) / 100) : (int)v;
    if (*size < 1)
        *size = 1;
    return true;
}

/* Where a new pane goes in w: the new leaf (not yet holding a pane), or NULL with an
 * error when there is no room. Flags -h/-v, -b, -f, -l, -p. */
struct layout_cell *cmd_split_cell(struct cmd_ctx *ctx, struct cmd_args *args,
                                     struct window *w, struct pane *target, const char *no_room,
                                     bool percent_of_window)
{
    enum layout_type type = args->flags['h'] != NULL ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
    bool full = args->flags['f'] != NULL;
    /* -l N% of the pane as it is now (zoomed: the whole window), or with -f of the
     * window; join-pane's of its target pane always (tmux 3.3a). */
    int whole = type == LAYOUT_LEFTRIGHT ? target->cols : target->rows;
    if (full && percent_of_window)
        whole = type == LAYOUT_LEFTRIGHT ? w->cols : w->rows;
    window_zoom(w, false);
    struct layout_cell *cell = full ? w->layout : target->cell;
    int size;
    if (!split_size(ctx, args, whole, &size))
        return NULL;
    struct layout_cell *leaf = layout_split(cell, type, size, args->flags['b'] != NULL, NULL);
    if (leaf == NULL) {
        cmd_error(ctx, "%s: %s %dx%d is too small to split %s", no_room,
                  full ? "the window" : "the pane", cell->sx, cell->sy,
                  type == LAYOUT_LEFTRIGHT ? "left/right" : "top/bottom");
        return NULL;
    }
    w->layout = layout_root(leaf);
    return leaf;
}

/* The split failed after all: give the space back. */
static void split_undo(struct window *w, struct layout_cell *leaf)
{
    w->layout = layout_remove(leaf);
    window_relayout(w);
}

static void print_pane(struct cmd_ctx *ctx, struct cmd_args *args, struct session *sess,
                       struct window *w, struct pane *p)
{
    if (args->flags['P'] == NULL)
        return;
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p};
    const char *fmt = args->flags['F'] != NULL ? args->flags['F']
                                               : "#{session_name}:#{window_index}.#{pane_index}";
    char *text = format_expand(&f, fmt);
    cmd_print(ctx, "%s", text);
    free(text);
}

/* A piece of the client's stdin for the empty pane split-window -I made (its id in
 * c->stdin_arg): shown as it comes, each line feed also a carriage return (tmux's empty
 * panes are in CRLF mode). The pane gone: the client ends, as tmux's does at its next
 * read. */
static void split_input_piece(struct client *c, const char *text, size_t len)
{
    struct pane *p = server_find_pane(c->server, (uint32_t)strtoul(c->stdin_arg, NULL, 10));
    if (p == NULL || p->vt == NULL) {
        if (!c->exiting)
            server_client_exit(c, 0, NULL);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            vt_feed(p->vt, text + start, i - start);
            vt_feed(p->vt, "\r\n", 2);
            start = i + 1;
        }
    }
    vt_feed(p->vt, text + start, len - start);
    if (p->window != NULL)
        window_redraw(p->window, REDRAW_STATUS);
}

/* The client's stdin ended: the command is done. */
static void split_input_done(struct client *c, struct evbuffer *data, bool too_big)
{
    (void)data;
    (void)too_big;
    if (!c->exiting)
        server_client_exit(c, 0, NULL);
}

static int cmd_split_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    struct pane *target = ctx->target.pane;
    struct layout_cell *leaf = cmd_split_cell(ctx, args, w, target, "no space for new pane", true);
    if (leaf == NULL)
        return -1;

    char *cwd = NULL;
    if (args->flags['c'] != NULL) {
        struct format_ctx f = {.server = ctx->server, .session = sess, .window = w,
                               .pane = target};
        cwd = format_expand(&f, args->flags['c']);
    } else if (ctx->client != NULL && !ctx->client->attached && ctx->client->cwd != NULL) {
        cwd = xstrdup(ctx->client->cwd);
    } else {
        cwd = cmd_spawn_reported_cwd(target); /* the shell's OSC 7 directory, if any */
    }
    char *dc_argv[2];
    struct spawn_args sa = cmd_spawn_args(sess, args->argc, args->argv, cwd, args->env,
                                          leaf->sx, leaf->sy, dc_argv);
    char err[512];
    /* -I with no command: an empty pane showing the client's stdin. */
    bool input = args->flags['I'] != NULL &&
                 (args->argc == 0 || (args->argc == 1 && args->argv[0][0] == '\0'));
    struct pane *p = input ? pane_create_empty(w, &sa) : pane_spawn(w, &sa, err, sizeof err);
    free(cwd);
    if (p == NULL) {
        split_undo(w, leaf);
        cmd_error(ctx, "%s", err);
        return -1;
    }
    window_insert_pane(w, p, leaf, args->flags['f'] != NULL ? NULL : target,
                       args->flags['b'] != NULL);
    if (args->flags['d'] == NULL) {
        window_set_active(w, p);
        cmd_find_set_current(ctx, sess, w, p); /* the rest of the list's, as tmux */
    }
    if (args->flags['Z'] != NULL)
        window_zoom(w, true); /* -Z: the (new) active pane zoomed */
    window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    server_pane_apply_log(ctx->server, p);
    print_pane(ctx, args, sess, w, p);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    struct client *c = ctx->client;
    if (input && c != NULL && !c->attached && !ctx->from_key && c->in_command) {
        char id[16];
        snprintf(id, sizeof id, "%u", p->id);
        server_client_stream_stdin(c, split_input_piece, split_input_done, xstrdup(id));
        ctx->wait = true;
    }
    return 0;
}

const struct cmd_entry cmd_split_window_entry = {
    .name = "split-window",
    .alias = "splitw",
    .spec = "bdfhIvPZc:e:F:l:p:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-bdefhIPvZ] [-c start-directory] [-e environment] [-F format] [-l size] [-t target-pane][shell-command]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_split_window_exec,
};
