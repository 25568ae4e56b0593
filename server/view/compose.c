/* compose.c - build the client's canvas for a frame (see compose.h): the window (in
 * compose_window.c), the overlays under the status line, the status line or message,
 * and the overlays over it (overlay.h). */
#include "compose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compose_window.h"
#include "format.h"
#include "options.h"
#include "overlay.h"
#include "proto.h"
#include "client_state.h"
#include "server_state.h"
#include "session.h"
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
static char *status_expand(struct client *c, struct window *w, const char *template)
{
    struct format_ctx f = {.server = c->server, .session = c->session, .window = w,
                           .client = c};
    format_defaults(&f);
    return format_expand_time(&f, template);
}

/* Draw text with #[style] blocks from column x, stopping before 'end'. Returns the
 * column after it. */
static int put_styled(struct canvas *cv, int x, int y, int end, const char *text,
                      const struct grid_pen *base)
{
    size_t n = style_split(text, base, NULL, 0);
    if (n == 0)
        return x;
    struct style_run *runs = xcalloc(n, sizeof *runs);
    style_split(text, base, runs, n);
    for (size_t i = 0; i < n && x < end; i++) {
        char *piece = xstrndup(runs[i].text, runs[i].len);
        x = canvas_put_text(cv, x, y, end, piece, &runs[i].pen);
        free(piece);
    }
    free(runs);
    return x;
}

/* Width of text as drawn (style blocks removed). */
static int styled_width(const char *text)
{
    char *plain = style_strip(text);
    int w = canvas_text_width(plain);
    free(plain);
    return w;
}

/* The pen a style option gives on top of the default pen. */
static struct grid_pen option_pen(const struct options *o, const char *name)
{
    struct grid_pen pen = {0};
    char err[128];
    style_apply(&pen, options_get_string(o, name), err, sizeof err);
    return pen;
}

/* A message, over the status line (or the last row without one). */
static bool compose_message(struct client *c, int y)
{
    if (c->message == NULL)
        return false;
    struct canvas *cv = &c->canvas;
    const struct options *so = c->session != NULL ? c->session->options
                                                  : c->server->session_options;
    struct grid_pen pen = option_pen(so, "message-style");
    fill_row(cv, y, &pen);
    canvas_put_text(cv, 0, y, cv->cols, c->message, &pen);
    return true;
}

/* The pen a style option of o gives over base ("default" keeps base's colours). */
static struct grid_pen style_over(const struct options *o, const char *name,
                                  const struct grid_pen *base)
{
    struct grid_pen pen = *base;
    char err[128];
    const char *style = options_get_string(o, name);
    if (*style != '\0' && strstr(style, "#{") == NULL)
        style_apply_base(&pen, style, base, err, sizeof err);
    return pen;
}

/* One window's entry of the status line's window list. */
struct status_entry {
    struct window *w;
    char *text;
    int width;
    struct grid_pen pen;
};

/* The status line from the options: status-left (status-left-style), the window list
 * (window-status-format and -current-format in their styles, window-status-separator
 * between them, placed by status-justify), status-right (status-right-style), in
 * status-style. */
static void compose_status(struct client *c, int y)
{
    struct canvas *cv = &c->canvas;
    struct session *s = c->session;
    const struct options *so = s->options;
    struct grid_pen base = option_pen(so, "status-style");
    /* status-fg and status-bg, the old way, over status-style when not default. */
    long fg = options_get_number(so, "status-fg"), bg = options_get_number(so, "status-bg");
    if (fg > 0)
        base.fg = (uint32_t)fg;
    if (bg > 0)
        base.bg = (uint32_t)bg;
    fill_row(cv, y, &base);
    if (compose_message(c, y))
        return;

    struct grid_pen left_pen = style_over(so, "status-left-style", &base);
    char *left = status_expand(c, NULL, options_get_string(so, "status-left"));
    int left_max = (int)options_get_number(so, "status-left-length");
    int x = put_styled(cv, 0, y, left_max < cv->cols ? left_max : cv->cols, left, &left_pen);
    free(left);

    struct grid_pen right_pen = style_over(so, "status-right-style", &base);
    char *right = status_expand(c, NULL, options_get_string(so, "status-right"));
    int rwidth = styled_width(right);
    int right_max = (int)options_get_number(so, "status-right-length");
    if (rwidth > right_max)
        rwidth = right_max;
    int list_end = cv->cols - rwidth; /* as tmux: no gap of its own before status-right */
    if (list_end < x)
        list_end = cv->cols;
    else
        put_styled(cv, cv->cols - rwidth, y, cv->cols, right, &right_pen);
    free(right);

    /* The entries first: status-justify needs the list's width. */
    size_t n = 0;
    struct window *w;
    TAILQ_FOREACH(w, &s->windows, entry)
        n++;
    struct status_entry *entries = xcalloc(n + 1, sizeof *entries);
    int total = 0;
    size_t i = 0;
    char *separator = NULL;
    TAILQ_FOREACH(w, &s->windows, entry) {
        struct status_entry *e = &entries[i++];
        bool current = w == s->current;
        e->w = w;
        e->text = status_expand(c, w, options_get_string(w->options, current
                                                             ? "window-status-current-format"
                                                             : "window-status-format"));
        e->width = styled_width(e->text);
        e->pen = style_over(w->options, "window-status-style", &base);
        if (current) {
            const char *cs = options_get_string(w->options, "window-status-current-style");
            if (strcmp(cs, "default") != 0)
                e->pen = style_over(w->options, "window-status-current-style", &base);
        }
        if (w == s->last)
            e->pen = style_over(w->options, "window-status-last-style", &e->pen);
        /* Alerted windows stand out, as in tmux. */
        if (w->alerts & WINDOW_ALERT_BELL)
            e->pen = style_over(w->options, "window-status-bell-style", &e->pen);
        else if (w->alerts != 0)
            e->pen = style_over(w->options, "window-status-activity-style", &e->pen);
        if (separator == NULL)
            separator = status_expand(c, w, options_get_string(w->options,
                                                               "window-status-separator"));
        total += e->width;
    }
    int sep_width = separator != NULL ? styled_width(separator) : 0;
    if (n > 1)
        total += sep_width * (int)(n - 1);
    int avail = list_end - x;
    long justify = options_get_number(so, "status-justify");
    if (total < avail) {
        if (justify == 1)
            x += (avail - total) / 2;
        else if (justify == 2)
            x = list_end - total;
        else if (justify == 3 && (cv->cols - total) / 2 >= x &&
                 (cv->cols - total) / 2 + total <= list_end)
            x = (cv->cols - total) / 2;
    }

    c->nstatus_ranges = 0;
    c->status_row = y;
    for (i = 0; i < n && x < list_end; i++) {
        struct status_entry *e = &entries[i];
        int x0 = x;
        x = put_styled(cv, x, y, list_end, e->text, &e->pen);
        c->status_ranges = xreallocarray(c->status_ranges, c->nstatus_ranges + 1,
                                         sizeof *c->status_ranges);
        c->status_ranges[c->nstatus_ranges++] =
            (struct status_range){.window_id = e->w->id, .x0 = x0, .x1 = x};
        if (x < list_end && i + 1 < n)
            x = put_styled(cv, x, y, list_end, separator, &base);
    }
    for (i = 0; i < n; i++)
        free(entries[i].text);
    free(entries);
    free(separator);
}

/* The status line, from the cache when nothing it shows has changed since it was drawn:
 * most frames are a pane's output, and expanding formats for each would cost more than
 * the rest of the frame. */
static void compose_status_cached(struct client *c, struct pane *p)
{
    struct canvas *cv = &c->canvas;
    int y = c->rows - 1;
    const char *title = p != NULL ? vt_title(p->vt) : "";
    struct grid_cell *row = canvas_cell(cv, 0, y);
    size_t bytes = (size_t)cv->cols * sizeof *row;
    if (!c->needs_redraw && c->status_cache != NULL && c->status_cache_cols == cv->cols &&
        c->message == NULL &&
        strcmp(title, c->status_cache_title) == 0) {
        memcpy(row, c->status_cache, bytes);
        return;
    }
    c->nstatus_ranges = 0;
    compose_status(c, y);
    c->status_cache = xrealloc(c->status_cache, bytes);
    memcpy(c->status_cache, row, bytes);
    c->status_cache_cols = cv->cols;
    free(c->status_cache_title);
    c->status_cache_title = xstrdup(title);
}

/* status-position top: the canvas was composed with the status line last; it moves to
 * the first row and everything else one row down. */
static void status_to_top(struct client *c)
{
    struct canvas *cv = &c->canvas;
    if (cv->rows < 2)
        return;
    size_t row = (size_t)cv->cols;
    struct grid_cell *last = xmalloc(row * sizeof *last);
    memcpy(last, canvas_cell(cv, 0, cv->rows - 1), row * sizeof *last);
    memmove(canvas_cell(cv, 0, 1), canvas_cell(cv, 0, 0), row * (size_t)(cv->rows - 1) * sizeof *last);
    memcpy(canvas_cell(cv, 0, 0), last, row * sizeof *last);
    free(last);
    cv->cy = cv->cy == cv->rows - 1 ? 0 : cv->cy + 1; /* a prompt's cursor goes with it */
    c->status_row = 0;
}

void compose_client(struct client *c)
{
    struct canvas *cv = &c->canvas;
    if (cv->cells == NULL || cv->cols != c->cols || cv->rows != c->rows) {
        canvas_free(cv);
        canvas_init(cv, c->cols, c->rows);
    }
    cv->links = c->render != NULL ? render_links(c->render) : NULL;
    struct session *s = c->session;
    bool status = s != NULL && options_get_number(s->options, "status");
    int rows = status ? c->rows - 1 : c->rows;
    struct window *w = s != NULL ? s->current : NULL;
    struct pane *p = w != NULL ? w->active : NULL;

    cv->cursor_visible = false;
    cv->cursor_style = 0;
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
    if (status)
        compose_status_cached(c, p);
    else {
        c->status_row = -1;
        c->nstatus_ranges = 0;
        compose_message(c, c->rows - 1); /* over the last row, for a moment */
    }
    overlay_draw(c, cv, rows, true);
    if (status && options_get_number(s->options, "status-position") == 0)
        status_to_top(c);
}
