/* cmd_copy_mode.c - copy-mode: put a pane in copy mode (its keys: send-keys -X, see
 * copy_mode.c); -q leaves every mode instead. */
#include "cmd_impl.h"

#include <event2/buffer.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"

#include "client_state.h"
#include "copy_mode.h"
#include "pane_mode.h"
#include "vt.h"
#include "window.h"

/* copy-mode -s: a screen of p's size holding src's lines (history and screen, colours
 * kept, the blank lines at the end left out), with src's cursor placed on it (on the
 * last line when its own line was left out). */
static void enter_from(struct pane *p, struct pane *src, bool exit_at_bottom)
{
    int history = capture_history_size(src->vt, false);
    struct capture_opts o = {.start = -history, .end = vt_rows(src->vt) - 1, .escapes = true};
    struct evbuffer *text = evbuffer_new();
    capture_text(src->vt, &o, text);
    size_t len = evbuffer_get_length(text);
    char *buf = (char *)evbuffer_pullup(text, -1);
    /* Lines, without the empty ones at the end ("\n" ends each; SGR-only lines count
     * as empty only when nothing but the line end is left). */
    while (len > 0 && buf[len - 1] == '\n' && (len == 1 || buf[len - 2] == '\n'))
        len--;
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += buf[i] == '\n';
    if (len > 0 && buf[len - 1] != '\n')
        lines++;
    int cols = p->cols, rows = p->rows;
    struct vt *view = vt_create(cols, rows, lines + rows);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || buf[i] == '\n') {
            if (start > 0)
                vt_feed(view, "\r\n", 2);
            vt_feed(view, buf + start, i - start);
            start = i + 1;
            if (i == len || i + 1 == len)
                break;
        }
    }
    evbuffer_free(text);
    int sx, sy;
    vt_cursor(src->vt, &sx, &sy);
    int abs = history + sy, last = lines > 0 ? lines - 1 : 0;
    if (abs > last)
        abs = last;
    int top = lines > rows ? lines - rows : 0;
    int y = abs - top;
    if (y < 0)
        y = 0;
    if (sx >= cols)
        sx = cols - 1;
    copy_mode_enter_view(p, view, sx, y, exit_at_bottom);
}

static int cmd_copy_mode_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    if (args->flags['q'] != NULL) {
        /* -q: out of every mode the pane is in. */
        if (pane_mode_depth(p) == 0)
            return 0;
        while (pane_mode_depth(p) > 0)
            pane_mode_pop(p);
        if (p->window != NULL)
            window_redraw(p->window, REDRAW_STATUS);
        return 0;
    }
    if (args->flags['M'] != NULL) {
        /* -M: only for a key binding's mouse event, in the pane under the mouse (the
         * drag itself is the client's mouse handling); without one, nothing. */
        if (ctx->mouse.pane == NULL || ctx->client == NULL ||
            ctx->client->session != ctx->mouse.session)
            return 0;
        p = ctx->mouse.pane;
    }
    bool was = copy_mode_active(p);
    struct pane *src = args->flags['s'] != NULL ? ctx->source.pane : NULL;
    if (!was && src != NULL && src != p)
        enter_from(p, src, args->flags['e'] != NULL);
    else
        copy_mode_enter(p, args->flags['e'] != NULL);
    if (!was && args->flags['H'] != NULL)
        copy_mode_hide_position(p);
    if (!was && args->flags['M'] != NULL)
        copy_mode_entered_by_mouse(p);
    if (args->flags['u'] != NULL) {
        char *page_up[] = {"page-up", NULL};
        return copy_mode_command(ctx, p, 1, page_up, 1) == 0 ? 0 : -1;
    }
    return 0;
}

const struct cmd_entry cmd_copy_mode_entry = {
    .name = "copy-mode",
    .spec = "eHMqs:ut:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-eHMuq] [-s src-pane] [-t target-pane]",
    .source = {'s', CMD_FIND_PANE, CMD_FIND_IF_GIVEN},
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_copy_mode_exec,
};
