/* pane_draw.c - copy a pane's screen (or its mode's view) into a canvas rectangle, in
 * the pane's window-style (window-active-style when it is the active pane). */
#include "pane_draw.h"

#include <string.h>

#include "grid.h"
#include "options.h"
#include "pane.h"
#include "pane_line.h"
#include "pane_mode.h"
#include "render.h"
#include "style.h"
#include "vt.h"
#include "xmalloc.h"

/* window-style, or window-active-style for the active pane when it says more than
 * "default": the colours cells in default colours show in. False when both are the
 * terminal's. */
static bool pane_style(struct pane *p, uint32_t *fg, uint32_t *bg)
{
    const struct options *o = p->options;
    if (o == NULL)
        return false;
    const char *style = options_get_string(o, "window-style");
    if (p->window != NULL && p->window->active == p) {
        const char *active = options_get_string(o, "window-active-style");
        if (strcmp(active, "default") != 0)
            style = active;
    }
    if (strcmp(style, "default") == 0)
        return false;
    struct grid_pen pen = {0};
    char err[128];
    if (style_apply(&pen, style, err, sizeof err) != 0)
        return false;
    *fg = pen.fg;
    *bg = pen.bg;
    return *fg != COLOUR_DEFAULT || *bg != COLOUR_DEFAULT;
}

/* Cells in default colours take the window-style's. */
static void style_row(struct grid_cell *row, int n, uint32_t fg, uint32_t bg)
{
    for (int x = 0; x < n; x++) {
        if (row[x].fg == COLOUR_DEFAULT)
            row[x].fg = fg;
        if (row[x].bg == COLOUR_DEFAULT)
            row[x].bg = bg;
    }
}

void pane_draw_track(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                     int height, struct pane_drawn *d)
{
    if (d != NULL) {
        d->pane_id = p->id;
        d->grid = NULL;
    }
    if (p->mode != NULL) {
        p->mode->draw(p, cv, x0, y0, width, height);
        return;
    }
    int n, rows;
    if (!pane_line_area(p, cv, x0, y0, width, height, &n, &rows))
        return;
    const struct grid *g = vt_grid(p->vt);
    uint32_t fg = COLOUR_DEFAULT, bg = COLOUR_DEFAULT;
    bool styled = pane_style(p, &fg, &bg);
    for (int y = 0; y < rows; y++) { /* the hot part of a full frame */
        struct grid_cell *row = canvas_cell(cv, x0, y0 + y);
        pane_line_draw(p, cv, row, grid_line_const(g, y), n);
        if (styled)
            style_row(row, n, fg, bg);
    }
    if (d == NULL || rows > grid_rows(g))
        return; /* (a pane and its screen out of step: not tracked, drawn in full) */
    *d = (struct pane_drawn){.pane_id = p->id, .grid = g, .x0 = x0, .y0 = y0, .cols = n,
                             .rows = rows,
                             .reverse = (vt_modes(p->vt) & VT_MODE_REVERSE_VIDEO) != 0,
                             .colours = vt_colours_generation(p->vt),
                             .styled = styled, .fg = fg, .bg = bg,
                             .versions = d->versions, .nversions = d->nversions};
    if (d->nversions < rows) {
        d->versions = xreallocarray(d->versions, (size_t)rows, sizeof *d->versions);
        d->nversions = rows;
    }
    for (int y = 0; y < rows; y++)
        d->versions[y] = grid_line_const(g, y)->version;
}

void pane_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height)
{
    pane_draw_track(p, cv, x0, y0, width, height, NULL);
}

bool pane_draw_same(const struct pane *p, const struct canvas *cv, int x0, int y0,
                    int width, int height, const struct pane_drawn *d)
{
    if (p->mode != NULL || d->grid == NULL || d->pane_id != p->id ||
        d->grid != vt_grid(p->vt) || d->x0 != x0 || d->y0 != y0 ||
        d->reverse != ((vt_modes(p->vt) & VT_MODE_REVERSE_VIDEO) != 0) ||
        d->colours != vt_colours_generation(p->vt))
        return false;
    int n, rows;
    if (!pane_line_area(p, cv, x0, y0, width, height, &n, &rows))
        return false;
    return n == d->cols && rows == d->rows && rows <= grid_rows(d->grid);
}

int pane_draw_changed(struct pane *p, struct canvas *cv, int dy, struct pane_drawn *d)
{
    int drawn = 0;
    for (int y = 0; y < d->rows; y++) {
        const struct grid_line *line = grid_line_const(d->grid, y);
        if (line->version == d->versions[y])
            continue;
        d->versions[y] = line->version;
        int cy = d->y0 + y + dy;
        struct grid_cell *row = canvas_cell(cv, d->x0, cy);
        pane_line_draw(p, cv, row, line, d->cols);
        if (d->styled)
            style_row(row, d->cols, d->fg, d->bg);
        cv->dirty[cy] = 1;
        drawn++;
    }
    return drawn;
}

void pane_draw_vt(const struct vt *vt, struct canvas *cv, int x0, int y0, int cols, int rows)
{
    if (x0 < 0 || y0 < 0)
        return;
    if (x0 + cols > cv->cols)
        cols = cv->cols - x0;
    if (y0 + rows > cv->rows)
        rows = cv->rows - y0;
    if (cols <= 0 || rows <= 0)
        return;
    const struct grid *g = vt_grid(vt);
    for (int y = 0; y < rows && y < grid_rows(g); y++)
        pane_line_draw_vt(vt, cv, canvas_cell(cv, x0, y0 + y), grid_line_const(g, y), cols);
}

void pane_draw_cursor(struct pane *p, int *x, int *y, bool *visible, int *style)
{
    *style = vt_cursor_style(p->vt);
    if (p->mode != NULL) {
        *x = *y = 0;
        *visible = false;
        if (p->mode->cursor != NULL)
            p->mode->cursor(p, x, y, visible);
        return;
    }
    vt_cursor(p->vt, x, y);
    *visible = (vt_modes(p->vt) & VT_MODE_CURSOR_VISIBLE) != 0;
}
