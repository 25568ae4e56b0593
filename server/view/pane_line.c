/* pane_line.c - a pane's line into a canvas row (see pane_line.h). */
#include "pane_line.h"

#include <string.h>

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

/* Colours the program (OSC 4, 10, 11) or pane-colours changed: an indexed colour with
 * an entry in map is drawn in that RGB colour, default colours in the program's own
 * foreground and background. */
static void program_colours(const struct vt *vt, struct grid_cell *row, int n)
{
    const uint32_t *map = vt_palette_map(vt);
    uint32_t fg = vt_program_colour(vt, 0), bg = vt_program_colour(vt, 1);
    if (map == NULL && fg == COLOUR_DEFAULT && bg == COLOUR_DEFAULT)
        return;
    for (int x = 0; x < n; x++) {
        struct grid_cell *c = &row[x];
        if (map != NULL) {
            if (COLOUR_KIND(c->fg) == COLOUR_PALETTE && map[COLOUR_VALUE(c->fg) & 0xff] != 0)
                c->fg = map[COLOUR_VALUE(c->fg) & 0xff];
            if (COLOUR_KIND(c->bg) == COLOUR_PALETTE && map[COLOUR_VALUE(c->bg) & 0xff] != 0)
                c->bg = map[COLOUR_VALUE(c->bg) & 0xff];
            if (COLOUR_KIND(c->ul) == COLOUR_PALETTE && map[COLOUR_VALUE(c->ul) & 0xff] != 0)
                c->ul = map[COLOUR_VALUE(c->ul) & 0xff];
        }
        if (c->fg == COLOUR_DEFAULT)
            c->fg = fg;
        if (c->bg == COLOUR_DEFAULT)
            c->bg = bg;
    }
}

void pane_line_draw(struct pane *p, struct canvas *cv, struct grid_cell *row,
                    const struct grid_line *line, int n)
{
    pane_line_draw_vt(p->vt, cv, row, line, n);
}

void pane_line_draw_vt(const struct vt *vt, struct canvas *cv, struct grid_cell *row,
                       const struct grid_line *line, int n)
{
    int used = line != NULL ? (line->used < n ? line->used : n) : 0;
    if (used > 0)
        memcpy(row, line->cells, (size_t)used * sizeof *row);
    canvas_import_links(cv, row, used, vt_links(vt));
    for (int x = used; x < n; x++)
        row[x] = grid_blank_cell;
    /* A wide character cut by the rectangle's edge would be split: blank it. */
    if (grid_cell_width(&row[n - 1]) == 2)
        row[n - 1] = grid_blank_cell;
    /* Several combining marks on a cell: renumbered for the renderer's table. */
    canvas_import_combs(cv, row, used, vt_grid(vt));
    program_colours(vt, row, n);
    if (vt_modes(vt) & VT_MODE_REVERSE_VIDEO) /* DECSCNM */
        reverse_screen(row, n);
}

bool pane_line_area(const struct pane *p, const struct canvas *cv, int x0, int y0,
                    int width, int height, int *cols, int *rows)
{
    *cols = p->cols < width ? p->cols : width;
    *rows = p->rows < height ? p->rows : height;
    if (x0 + *cols > cv->cols)
        *cols = cv->cols - x0;
    if (y0 + *rows > cv->rows)
        *rows = cv->rows - y0;
    return *cols > 0 && *rows > 0;
}
