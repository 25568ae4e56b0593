/* compose.c - build the client's canvas for a frame (see compose.h). */
#include "compose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "format.h"
#include "proto.h"
#include "server_client.h"
#include "server_int.h"
#include "session.h"
#include "utf8.h"
#include "vt.h"
#include "xmalloc.h"

/* The status line's colours: black on green, as tmux users know it. */
static const struct grid_pen status_pen = {.fg = COLOUR_PALETTE | 0, .bg = COLOUR_PALETTE | 2};
static const struct grid_pen message_pen = {.fg = COLOUR_PALETTE | 0, .bg = COLOUR_PALETTE | 3};

static void put_cell(struct canvas *cv, int x, int y, uint32_t ch, int width,
                     const struct grid_pen *pen)
{
    struct grid_cell *cell = canvas_cell(cv, x, y);
    cell->ch = ch;
    cell->comb = 0;
    cell->width = (uint8_t)width;
    cell->fg = pen->fg;
    cell->bg = pen->bg;
    cell->attr = pen->attr;
    if (width == 2) {
        struct grid_cell *right = canvas_cell(cv, x + 1, y);
        *right = *cell;
        right->ch = 0;
        right->width = 0;
    }
}

/* Write UTF-8 text at (x, y), stopping before column 'end'; control characters are
 * shown as '_'. Returns the column after the text. */
static int put_text(struct canvas *cv, int x, int y, int end, const char *text,
                    const struct grid_pen *pen)
{
    struct utf8_decoder d = {0};
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0' && x < end; p++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, *p, &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            cp = 0xfffd;
            if (reprocess)
                p--;
        }
        if (cp < 0x20 || cp == 0x7f)
            cp = '_';
        int w = utf8_width((uint32_t)cp);
        if (w == 0)
            continue;
        if (x + w > end)
            break;
        put_cell(cv, x, y, (uint32_t)cp, w, pen);
        x += w;
    }
    return x;
}

static int text_width(const char *text)
{
    struct utf8_decoder d = {0};
    int width = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, *p, &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            cp = 0xfffd;
            if (reprocess)
                p--;
        }
        width += cp < 0x20 ? 1 : utf8_width((uint32_t)cp);
    }
    return width;
}

/* The first bytes of text that fit in 'cols' columns, as a new string (never cutting a
 * UTF-8 character in half). */
static char *truncate_to_width(const char *text, int cols)
{
    struct utf8_decoder d = {0};
    int width = 0;
    const unsigned char *p = (const unsigned char *)text, *end = p;
    for (; *p != '\0'; p++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, *p, &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            cp = 0xfffd;
            if (reprocess)
                p--;
        }
        int w = cp < 0x20 ? 1 : utf8_width((uint32_t)cp);
        if (width + w > cols)
            break;
        width += w;
        end = p + 1;
    }
    return xstrndup(text, (size_t)(end - (const unsigned char *)text));
}

static void fill_row(struct canvas *cv, int y, const struct grid_pen *pen)
{
    for (int x = 0; x < cv->cols; x++)
        put_cell(cv, x, y, ' ', 1, pen);
}

/* The status line: "[session] 0:name* 1:name-" on the left, the pane title on the right. */
static void compose_status(struct client *c, int y)
{
    struct canvas *cv = &c->canvas;
    struct session *s = c->session;
    fill_row(cv, y, &status_pen);

    if (c->prompt.kind != PROMPT_NONE) {
        fill_row(cv, y, &message_pen);
        int x = put_text(cv, 0, y, cv->cols, c->prompt.label, &message_pen);
        if (c->prompt.kind == PROMPT_INPUT) {
            x = put_text(cv, x, y, cv->cols, " ", &message_pen);
            char *before = xstrndup(c->prompt.input, c->prompt.cursor);
            int cx = x + text_width(before);
            free(before);
            put_text(cv, x, y, cv->cols, c->prompt.input, &message_pen);
            x = cx;
        }
        cv->cx = x < cv->cols ? x : cv->cols - 1;
        cv->cy = y;
        cv->cursor_visible = true;
        return;
    }
    if (c->message != NULL) {
        fill_row(cv, y, &message_pen);
        put_text(cv, 0, y, cv->cols, c->message, &message_pen);
        return;
    }

    char *left = xasprintf("[%s] ", s->name);
    int x = put_text(cv, 0, y, cv->cols, left, &status_pen);
    free(left);

    struct format_ctx fctx = {.server = c->server, .session = s, .client = c};
    format_defaults(&fctx);
    const char *title = fctx.pane != NULL ? vt_title(fctx.pane->vt) : "";
    char host[256] = "";
    if (*title == '\0') {
        gethostname(host, sizeof host);
        host[sizeof host - 1] = '\0';
        host[strcspn(host, ".")] = '\0';
        title = host;
    }
    char clock[32] = "";
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(clock, sizeof clock, "%H:%M %d-%b-%y", &tm);
    char *short_title = truncate_to_width(title, 21);
    char *right = xasprintf("\"%s\" %s", short_title, clock);
    free(short_title);
    int rwidth = text_width(right);
    int list_end = cv->cols - rwidth - 1;
    if (list_end < x)
        list_end = cv->cols;
    else
        put_text(cv, cv->cols - rwidth, y, cv->cols, right, &status_pen);
    free(right);

    struct window *w;
    TAILQ_FOREACH(w, &s->windows, entry) {
        /* As tmux: * current, - last, # activity, ! bell, ~ silence; alerts reversed. */
        char flags[8], *f = flags;
        if (w == s->current)
            *f++ = '*';
        else if (w == s->last)
            *f++ = '-';
        if (w->alerts & WINDOW_ALERT_ACTIVITY)
            *f++ = '#';
        if (w->alerts & WINDOW_ALERT_BELL)
            *f++ = '!';
        if (w->alerts & WINDOW_ALERT_SILENCE)
            *f++ = '~';
        if (f == flags)
            *f++ = ' ';
        *f = '\0';
        struct grid_pen pen = status_pen;
        if (w->alerts != 0)
            pen.attr |= ATTR_REVERSE;
        char *entry = xasprintf("%d:%s%s", w->index, w->name, flags);
        x = put_text(cv, x, y, list_end, entry, &pen);
        free(entry);
        if (x < list_end)
            x = put_text(cv, x, y, list_end, " ", &status_pen);
        if (x >= list_end)
            break;
    }
}

static void compose_overlay(struct client *c, int rows)
{
    struct canvas *cv = &c->canvas;
    const struct grid_pen pen = {0};
    for (int y = 0; y < rows; y++) {
        fill_row(cv, y, &pen);
        size_t i = c->overlay_top + (size_t)y;
        if (i < c->noverlay)
            put_text(cv, 0, y, cv->cols, c->overlay[i], &pen);
    }
    cv->cursor_visible = false;
}

void compose_client(struct client *c)
{
    struct canvas *cv = &c->canvas;
    if (cv->cells == NULL || cv->cols != c->cols || cv->rows != c->rows) {
        canvas_free(cv);
        canvas_init(cv, c->cols, c->rows);
    }
    struct session *s = c->session;
    int rows = c->rows - 1;
    struct window *w = s != NULL ? s->current : NULL;
    struct pane *p = w != NULL ? w->active : NULL;
    const struct grid_pen blank = {0};
    const struct grid_pen marker = {.fg = COLOUR_PALETTE | 8};
    uint32_t marker_ch = (c->flags & IDENT_UTF8) ? 0xb7 : '.';

    cv->cursor_visible = false;
    cv->cursor_style = 0;
    if (c->overlay != NULL)
        compose_overlay(c, rows);
    else {
        for (int y = 0; y < rows; y++) {
            struct grid_cell *row = canvas_cell(cv, 0, y);
            int x = 0;
            if (p != NULL && y < p->rows) {
                /* A line of the pane, copied whole: the hot part of every frame. */
                int n = p->cols < cv->cols ? p->cols : cv->cols;
                const struct grid_line *line = grid_line_const(vt_grid(p->vt), y);
                int used = line != NULL ? (line->used < n ? line->used : n) : 0;
                if (used > 0)
                    memcpy(row, line->cells, (size_t)used * sizeof *row);
                for (x = used; x < n; x++)
                    row[x] = grid_blank_cell;
                /* A wide character cut by the client's edge would be split: blank it. */
                if (n > 0 && row[n - 1].width == 2) {
                    row[n - 1] = (struct grid_cell){.width = 1};
                }
            }
            for (; x < cv->cols; x++)
                put_cell(cv, x, y, p != NULL ? marker_ch : ' ', 1, p != NULL ? &marker : &blank);
        }
        if (p != NULL) {
            int cx, cy;
            vt_cursor(p->vt, &cx, &cy);
            cv->cx = cx < cv->cols ? cx : cv->cols - 1;
            cv->cy = cy < rows ? cy : rows - 1;
            cv->cursor_visible = (vt_modes(p->vt) & VT_MODE_CURSOR_VISIBLE) && cx < cv->cols &&
                                 cy < rows;
            cv->cursor_style = vt_cursor_style(p->vt);
        }
    }
    if (s != NULL && rows >= 0)
        compose_status(c, c->rows - 1);
}
