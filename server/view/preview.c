/* preview.c - the choosers' preview drawing (see preview.h), laid out as tmux 3.3a lays
 * out its tree-mode preview. */
#include "preview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "cmd_find.h"
#include "grid.h"
#include "model.h"
#include "options.h"
#include "pane_line.h"
#include "style.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

/* The canvas cell at (x, y) of the area, NULL outside it. */
static struct grid_cell *cell_at(const struct preview_area *a, int x, int y)
{
    if (x < 0 || y < 0 || x >= a->cols || y >= a->rows)
        return NULL;
    return canvas_cell(a->cv, a->x0 + x, a->y0 + y);
}

/* One character of the box lines in the default colours. */
static void put_line_char(const struct preview_area *a, int x, int y, uint32_t ch)
{
    if (cell_at(a, x, y) == NULL)
        return;
    const struct grid_pen plain = {0};
    canvas_put_cell(a->cv, a->x0 + x, a->y0 + y, ch, 1, &plain);
}

void preview_box(const struct preview_area *a, int x, int y, int w, int h)
{
    if (w < 2 || h < 2)
        return;
    put_line_char(a, x, y, 0x250c);
    put_line_char(a, x + w - 1, y, 0x2510);
    put_line_char(a, x, y + h - 1, 0x2514);
    put_line_char(a, x + w - 1, y + h - 1, 0x2518);
    preview_hline(a, x + 1, y, w - 2);
    preview_hline(a, x + 1, y + h - 1, w - 2);
    preview_vline(a, x, y + 1, h - 2);
    preview_vline(a, x + w - 1, y + 1, h - 2);
}

void preview_hline(const struct preview_area *a, int x, int y, int w)
{
    for (int i = 0; i < w; i++)
        put_line_char(a, x + i, y, 0x2500);
}

void preview_vline(const struct preview_area *a, int x, int y, int h)
{
    for (int i = 0; i < h; i++)
        put_line_char(a, x, y + i, 0x2502);
}

int preview_text(const struct preview_area *a, int x, int y, const char *text,
                 const struct grid_pen *pen, int max)
{
    if (y < 0 || y >= a->rows || x < 0)
        return x;
    int end = x + max < a->cols ? x + max : a->cols;
    if (x >= end)
        return x;
    return canvas_put_text(a->cv, a->x0 + x, a->y0 + y, a->x0 + end, text, pen) - a->x0;
}

/* Where the w x h window on a screen of size cols x rows starts along one axis: a
 * third of the way before the cursor at c, kept inside the screen. */
static int preview_start(int c, int n, int size)
{
    int at = c < n / 3 ? 0 : c - n / 3;
    if (at + n > size)
        at = n > size ? 0 : size - n;
    return at;
}

void preview_pane(const struct preview_area *a, int x, int y, int w, int h, struct pane *p)
{
    if (p == NULL || p->vt == NULL || w <= 0 || h <= 0)
        return;
    const struct grid *g = vt_grid(p->vt);
    int cols = vt_cols(p->vt), rows = vt_rows(p->vt);
    bool cursor = (vt_modes(p->vt) & VT_MODE_CURSOR_VISIBLE) != 0;
    int cx, cy;
    vt_cursor(p->vt, &cx, &cy);
    if (cx >= cols)
        cx = cols - 1;
    int px = cursor ? preview_start(cx, w, cols) : 0;
    int py = cursor ? preview_start(cy, h, rows) : 0;
    /* Only the cells inside the area, the rest of each line cut off. */
    int n = w;
    if (x + n > a->cols)
        n = a->cols - x;
    if (x < 0 || n <= 0)
        return;
    for (int i = 0; i < h && py + i < rows && py + i < grid_rows(g); i++) {
        struct grid_cell *row = cell_at(a, x, y + i);
        if (row == NULL)
            continue;
        const struct grid_line *line = grid_line_const(g, py + i);
        /* The line from column px: a view of its cells from there. */
        struct grid_line from = {0};
        if (line != NULL && line->used > px) {
            from.cells = line->cells + px;
            from.used = line->used - px;
            from.size = from.used;
        }
        pane_line_draw(p, a->cv, row, &from, n);
    }
    if (!cursor)
        return;
    struct grid_cell *at = cell_at(a, x + cx - px, y + cy - py);
    if (at != NULL && cx - px < w && cy - py < h) {
        const struct grid_cell *src = vt_cell(p->vt, cx, cy);
        *at = *src;
        if (grid_cell_width(at) != 1) /* half a wide character: a blank */
            *at = grid_blank_cell;
        at->attr |= ATTR_REVERSE;
    }
}

/* A colour option (display-panes-colour...) as a pen's foreground. */
static struct grid_pen option_colour(const struct options *o, const char *name)
{
    struct grid_pen pen = {0};
    long colour = options_get_number(o, name);
    if (colour != -1)
        pen.fg = (uint32_t)colour;
    return pen;
}

/* A label in the middle of w x h at (x, y), in a box when there is room around it. */
static void draw_label(const struct preview_area *a, int x, int y, int w, int h,
                       const struct grid_pen *pen, const char *label)
{
    int len = (int)strlen(label);
    if (w == 0 || h == 1 || len > w)
        return;
    int ox = (w - len + 1) / 2, oy = (h + 1) / 2;
    if (ox > 1 && ox + len < w - 1 && h >= 3)
        preview_box(a, x + ox - 1, y + oy - 1, len + 2, 3);
    preview_text(a, x + ox, y + oy, label, pen, len);
}

/* One of the things shown side by side: a pane, its label (and a shorter one for when
 * that does not fit), whether it is the current one. */
struct side {
    struct pane *pane;
    char *label, *short_label;
    bool current;
};

/* The sides in w x h at (x, y), the current one in view, *offset moving them: tmux's
 * layout (each the same width, the last one taking what is left, a line between them).
 * The labels are centred in each one's width or, label_each, in the whole share. */
static void draw_sides(const struct preview_area *a, int x, int y, int w, int h,
                       struct side *sides, int total, int *offset, const struct options *o,
                       bool label_each, struct preview_arrows *arrows)
{
    *arrows = (struct preview_arrows){.left = -1, .right = -1};
    if (total == 0)
        return;
    struct grid_pen colour = option_colour(o, "display-panes-colour");
    struct grid_pen active = option_colour(o, "display-panes-active-colour");
    int visible = total;
    if (w / total < 24) {
        visible = w / 24;
        if (visible == 0)
            visible = 1;
    }
    int current = 0;
    while (current < total && !sides[current].current)
        current++;
    if (current == total)
        current = 0;
    int start, end;
    if (current < visible) {
        start = 0;
        end = visible;
    } else if (current >= total - visible) {
        start = total - visible;
        end = total;
    } else {
        start = current - visible / 2;
        end = start + visible;
    }
    if (*offset < -start)
        *offset = -start;
    if (*offset > total - end)
        *offset = total - end;
    start += *offset;
    end += *offset;
    bool left = start != 0, right = end != total;
    if ((left && right && w <= 6) || ((left || right) && w <= 3))
        left = right = false;
    int avail = w - (left && right ? 6 : left || right ? 3 : 0);
    int each = avail / visible, remaining = avail - visible * each;
    if (each == 0)
        return;
    const struct grid_pen plain = {0};
    if (left) {
        preview_vline(a, x + 2, y, h);
        preview_text(a, x, y + h / 2, "<", &plain, 1);
        arrows->left = x + 2;
    }
    if (right) {
        preview_vline(a, x + w - 3, y, h);
        preview_text(a, x + w - 1, y + h / 2, ">", &plain, 1);
        arrows->right = x + w - 3;
    }
    for (int i = start; i < end; i++) {
        int at = (left ? 3 : 0) + (i - start) * each;
        int width = i == end - 1 ? each + remaining : each - 1;
        preview_pane(a, x + at, y, width, h, sides[i].pane);
        const char *label = sides[i].label;
        if ((int)strlen(label) > width && sides[i].short_label != NULL)
            label = sides[i].short_label;
        draw_label(a, x + at, y, label_each ? each : width, h,
                   sides[i].current ? &active : &colour, label);
        if (i != end - 1)
            preview_vline(a, x + at + width, y, h);
    }
}

static void free_sides(struct side *sides, int n)
{
    for (int i = 0; i < n; i++) {
        free(sides[i].label);
        free(sides[i].short_label);
    }
    free(sides);
}

void preview_session(const struct preview_area *a, int x, int y, int w, int h,
                     struct session *s, int *offset, struct preview_arrows *arrows)
{
    int total = 0;
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry)
        total++;
    struct side *sides = xcalloc((size_t)total + 1, sizeof *sides);
    int i = 0;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        sides[i].pane = wl->window->active;
        sides[i].label = xasprintf(" %d:%s ", wl->index, wl->window->name);
        sides[i].short_label = xasprintf(" %d ", wl->index);
        sides[i].current = wl == s->current;
        i++;
    }
    draw_sides(a, x, y, w, h, sides, total, offset, s->options, false, arrows);
    free_sides(sides, total);
}

void preview_window(const struct preview_area *a, int x, int y, int w, int h,
                    struct session *s, struct window *win, int *offset,
                    struct preview_arrows *arrows)
{
    int total = 0;
    struct pane *p;
    TAILQ_FOREACH(p, &win->panes, entry)
        total++;
    struct side *sides = xcalloc((size_t)total + 1, sizeof *sides);
    int i = 0, base = cmd_find_pane_base_index(win);
    TAILQ_FOREACH(p, &win->panes, entry) {
        sides[i].pane = p;
        sides[i].label = xasprintf(" %d ", base + i);
        sides[i].current = p == win->active;
        i++;
    }
    draw_sides(a, x, y, w, h, sides, total, offset, s->options, true, arrows);
    free_sides(sides, total);
}
