/* compose.c - build the client's canvas for a frame (see compose.h): the window (in
 * compose_window.c), the overlays under the status line, the status lines (each from
 * its status-format, drawn by status_format.c) or message, and the overlays over it
 * (overlay.h). */
#include "compose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compose_window.h"
#include "render.h"
#include "format.h"
#include "options.h"
#include "overlay.h"
#include "proto.h"
#include "client_state.h"
#include "server_state.h"
#include "session.h"
#include "status_format.h"
#include "style.h"
#include "utf8.h"
#include "vt.h"
#include "xmalloc.h"


static void fill_row(struct canvas *cv, int y, const struct grid_pen *pen)
{
    for (int x = 0; x < cv->cols; x++)
        canvas_put_cell(cv, x, y, ' ', 1, pen);
}

/* Expand a status-line format for this client's session: strftime's % sequences,
 * then #{...} (status-left and status-right show the time that way, as in tmux). */
static char *status_expand(struct client *c, const char *template)
{
    struct format_ctx f = {.server = c->server, .session = c->session, .client = c};
    format_defaults(&f);
    return format_expand_time(&f, template);
}

/* The pen a style option gives on top of the default pen, its formats expanded for the
 * client first as tmux does (catppuccin's status-style is "bg=#{@thm_bg},..."). */
static struct grid_pen option_pen(struct client *c, const struct options *o, const char *name)
{
    struct grid_pen pen = {0};
    char err[128];
    const char *style = options_get_string(o, name);
    if (strstr(style, "#{") != NULL && c->session != NULL) {
        struct format_ctx f = {.server = c->server, .session = c->session, .client = c};
        format_defaults(&f);
        char *expanded = format_expand(&f, style);
        style_apply(&pen, expanded, err, sizeof err);
        free(expanded);
    } else
        style_apply(&pen, style, err, sizeof err);
    return pen;
}

int compose_message_row(const struct client *c)
{
    int lines = c->status_lines;
    if (lines <= 1 || c->session == NULL)
        return c->rows - 1;
    /* At its default (0), tmux 3.3a's place: the last line. */
    long line = options_get_number(c->session->options, "message-line");
    if (line == 0 || line > lines - 1)
        line = lines - 1;
    return c->rows - lines + (int)line;
}

/* A message, over the status line (or the last row without one). */
static bool compose_message(struct client *c, int y)
{
    if (c->message == NULL)
        return false;
    struct canvas *cv = &c->canvas;
    const struct options *so = c->session != NULL ? c->session->options
                                                  : c->server->session_options;
    struct grid_pen pen = option_pen(c, so, "message-style");
    /* Drawn as a status line is, #[...] styles and all, over message-style: as tmux draws
     * a message. */
    struct status_format_range *ranges = NULL;
    size_t nranges = 0;
    fill_row(cv, y, &pen);
    status_format_draw(cv, y, c->message, &pen, &ranges, &nranges);
    free(ranges);
    return true;
}

/* The status line's base pen: status-style, with status-fg and status-bg (the old way)
 * over it when not default. */
static struct grid_pen status_base(struct client *c, const struct options *so)
{
    struct grid_pen base = option_pen(c, so, "status-style");
    long fg = options_get_number(so, "status-fg"), bg = options_get_number(so, "status-bg");
    if (fg > 0)
        base.fg = (uint32_t)fg;
    if (bg > 0)
        base.bg = (uint32_t)bg;
    return base;
}

/* Line 'line' of the status line on row y from status-format[line], as tmux draws
 * every line (the default line 0 is the status-left, window list and status-right
 * options). Window ranges of line 0 are kept for mouse clicks. */
static void compose_status_format(struct client *c, int y, int line, const char *template)
{
    struct canvas *cv = &c->canvas;
    struct session *s = c->session;
    struct grid_pen base = status_base(c, s->options);
    fill_row(cv, y, &base);
    if (template == NULL)
        return;
    char *text = status_expand(c, template);
    struct status_format_range *ranges = NULL;
    size_t nranges = 0;
    status_format_draw(cv, y, text, &base, &ranges, &nranges);
    free(text);
    for (size_t i = 0; line == 0 && i < nranges; i++) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            struct window *w = wl->window;
            if (ranges[i].range != STYLE_RANGE_WINDOW || wl->index != ranges[i].arg)
                continue;
            c->status_ranges = xreallocarray(c->status_ranges, c->nstatus_ranges + 1,
                                             sizeof *c->status_ranges);
            c->status_ranges[c->nstatus_ranges++] = (struct status_range){
                .window_id = w->id, .x0 = ranges[i].x0, .x1 = ranges[i].x1};
        }
    }
    free(ranges);
}

/* The status line's lines from row y0, each from status-format[N]. */
static void compose_status_lines(struct client *c, int y0, int lines)
{
    const struct options *so = c->session->options;
    for (int i = 0; i < lines; i++)
        compose_status_format(c, y0 + i, i, options_array_get(so, "status-format", i));
}

/* The status line, from the cache when nothing it shows has changed since it was drawn:
 * most frames are a pane's output, and expanding formats for each would cost more than
 * the rest of the frame. The message, if any, goes over its last line. */
static void compose_status_cached(struct client *c, struct pane *p, int lines)
{
    struct canvas *cv = &c->canvas;
    int y0 = c->rows - lines;
    c->status_row = y0;
    c->status_lines = lines;
    const char *title = p != NULL ? vt_title(p->vt) : "";
    struct grid_cell *row = canvas_cell(cv, 0, y0);
    size_t bytes = (size_t)cv->cols * (size_t)lines * sizeof *row;
    if (!c->needs_redraw && c->status_cache != NULL && c->status_cache_cols == cv->cols &&
        c->status_cache_lines == lines && strcmp(title, c->status_cache_title) == 0) {
        memcpy(row, c->status_cache, bytes);
    } else {
        c->nstatus_ranges = 0;
        compose_status_lines(c, y0, lines);
        c->status_cache = xrealloc(c->status_cache, bytes);
        memcpy(c->status_cache, row, bytes);
        c->status_cache_cols = cv->cols;
        c->status_cache_lines = lines;
        free(c->status_cache_title);
        c->status_cache_title = xstrdup(title);
    }
    compose_message(c, compose_message_row(c));
}

/* status-position top: the canvas was composed with the status lines last; they move to
 * the first rows, in order, and everything else down. */
static void status_to_top(struct client *c, int lines)
{
    struct canvas *cv = &c->canvas;
    if (cv->rows <= lines)
        return;
    size_t row = (size_t)cv->cols;
    size_t n = row * (size_t)lines;
    struct grid_cell *last = xmalloc(n * sizeof *last);
    memcpy(last, canvas_cell(cv, 0, cv->rows - lines), n * sizeof *last);
    memmove(canvas_cell(cv, 0, lines), canvas_cell(cv, 0, 0),
            row * (size_t)(cv->rows - lines) * sizeof *last);
    memcpy(canvas_cell(cv, 0, 0), last, n * sizeof *last);
    free(last);
    /* A prompt's cursor goes with its line. */
    cv->cy = cv->cy >= cv->rows - lines ? cv->cy - (cv->rows - lines) : cv->cy + lines;
    c->status_row = 0;
}

void compose_forget(struct client *c)
{
    compose_window_forget(c);
}

/* Whether this frame may draw only the changed rows of the window's panes over the
 * last frame's canvas: nothing but pane cells can have changed. The window itself is
 * checked by compose_window_changed. */
static bool only_panes_changed(struct client *c, struct pane *p, int lines, int top)
{
    const struct compose_cache *cc = c->compose_cache;
    const struct canvas *cv = &c->canvas;
    if (cc == NULL || !cc->valid || c->needs_redraw || c->overlays != NULL || p == NULL ||
        c->render == NULL || cc->epoch != render_epoch(c->render) || cc->cols != cv->cols ||
        cc->rows != cv->rows || cc->lines != lines || cc->top != top)
        return false;
    if (lines == 0)
        return c->message == NULL; /* a message over the last row of the window */
    /* The status line is the cached one (compose_status_cached) while the title holds. */
    return c->status_cache != NULL && c->status_cache_title != NULL &&
           strcmp(vt_title(p->vt), c->status_cache_title) == 0;
}

void compose_client(struct client *c)
{
    struct canvas *cv = &c->canvas;
    if (cv->cells == NULL || cv->cols != c->cols || cv->rows != c->rows) {
        canvas_free(cv);
        canvas_init(cv, c->cols, c->rows);
    }
    cv->links = c->render != NULL ? render_links(c->render) : NULL;
    cv->combs = c->render != NULL ? render_combs(c->render) : NULL;
    struct session *s = c->session;
    int lines = s != NULL ? (int)options_get_number(s->options, "status") : 0;
    if (lines > c->rows - 1)
        lines = c->rows > 1 ? c->rows - 1 : 0;
    int rows = c->rows - lines;
    struct window *w = s != NULL && s->current != NULL ? s->current->window : NULL;
    struct pane *p = w != NULL ? w->active : NULL;
    int top = lines > 0 && options_get_number(s->options, "status-position") == 0 ? lines : 0;

    cv->cursor_visible = false;
    cv->cursor_style = 0;
    cv->cursor_colour = COLOUR_DEFAULT;
    if (only_panes_changed(c, p, lines, top) && compose_window_changed(c, w, rows, top))
        return;
    canvas_all_dirty(cv);
    if (c->compose_cache != NULL)
        c->compose_cache->valid = false;
    if (p != NULL)
        compose_window(c, w, rows);
    else {
        const struct grid_pen blank = {0};
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cv->cols; x++)
                canvas_put_cell(cv, x, y, ' ', 1, &blank);
        }
    }
    overlay_draw(c, cv, rows, false);
    if (lines > 0)
        compose_status_cached(c, p, lines);
    else {
        c->status_row = -1;
        c->status_lines = 0;
        c->nstatus_ranges = 0;
        compose_message(c, c->rows - 1); /* over the last row, for a moment */
    }
    if (c->message != NULL)
        cv->cursor_visible = false; /* as tmux, while a message shows (a prompt may show it) */
    overlay_draw(c, cv, rows, true);
    if (top > 0)
        status_to_top(c, lines);
    if (p != NULL && c->compose_cache != NULL) {
        struct compose_cache *cc = c->compose_cache;
        cc->valid = true;
        cc->epoch = c->render != NULL ? render_epoch(c->render) : 0;
        cc->cols = cv->cols;
        cc->rows = cv->rows;
        cc->lines = lines;
        cc->top = top;
    }
}
