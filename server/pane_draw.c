/* pane_draw.c - copy a pane's screen (or its mode's view) into a canvas rectangle. */
#include "pane_draw.h"

#include <string.h>

#include "copy_mode.h"
#include "grid.h"
#include "pane.h"
#include "render.h"
#include "vt.h"

/* xterm shows DECSCNM by exchanging the default foreground and background colours, so
 * reverse-video cells look normal again. The outer terminal's default colours are not
 * known here, but the same picture comes from exchanging each cell's two colours
 * (a default foreground becomes a default background, and so on) and flipping its
 * reverse attribute: a plain cell then shows its foreground on the terminal's default
 * foreground colour, a reverse one its foreground on the default background. */
static void reverse_screen(struct grid_cell *row, int n)
{
    for (int x = 0; x < n; x++) {
        uint32_t fg = row[x].fg;
        row[x].fg = row[x].bg;
        row[x].bg = fg;
        row[x].attr ^= ATTR_REVERSE;
    }
}

void pane_draw_line(struct pane *p, struct canvas *cv, struct grid_cell *row,
                    const struct grid_line *line, int n)
{
    int used = line != NULL ? (line->used < n ? line->used : n) : 0;
    if (used > 0)
        memcpy(row, line->cells, (size_t)used * sizeof *row);
    canvas_import_links(cv, row, used, vt_links(p->vt));
    for (int x = used; x < n; x++)
        row[x] = grid_blank_cell;
    /* A wide character cut by the rectangle's edge would be split: blank it. */
    if (grid_cell_width(&row[n - 1]) == 2)
        row[n - 1] = grid_blank_cell;
    if (vt_modes(p->vt) & VT_MODE_REVERSE_VIDEO) /* DECSCNM */
        reverse_screen(row, n);
}

void pane_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height)
{
    if (p->mode != NULL) {
        copy_mode_draw(p, cv, x0, y0, width, height);
        return;
    }
    int n = p->cols < width ? p->cols : width;
    int rows = p->rows < height ? p->rows : height;
    if (x0 + n > cv->cols)
        n = cv->cols - x0;
    if (y0 + rows > cv->rows)
        rows = cv->rows - y0;
    if (n <= 0)
        return;
    const struct grid *g = vt_grid(p->vt);
    for (int y = 0; y < rows; y++) /* the hot part of every frame */
        pane_draw_line(p, cv, canvas_cell(cv, x0, y0 + y), grid_line_const(g, y), n);
}

void pane_draw_cursor(struct pane *p, int *x, int *y, bool *visible, int *style)
{
    if (p->mode != NULL) {
        copy_mode_cursor(p, x, y);
        *visible = true;
        *style = vt_cursor_style(p->vt);
        return;
    }
    vt_cursor(p->vt, x, y);
    *visible = (vt_modes(p->vt) & VT_MODE_CURSOR_VISIBLE) != 0;
    *style = vt_cursor_style(p->vt);
}
