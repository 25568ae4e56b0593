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

void pane_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height)
{
    if (p->mode != NULL) {
        p->mode->draw(p, cv, x0, y0, width, height);
        return;
    }
    int n, rows;
    if (!pane_line_area(p, cv, x0, y0, width, height, &n, &rows))
        return;
    const struct grid *g = vt_grid(p->vt);
    for (int y = 0; y < rows; y++) /* the hot part of every frame */
        pane_line_draw(p, cv, canvas_cell(cv, x0, y0 + y), grid_line_const(g, y), n);
    uint32_t fg, bg;
    if (!pane_style(p, &fg, &bg))
        return;
    for (int y = 0; y < rows; y++) {
        struct grid_cell *row = canvas_cell(cv, x0, y0 + y);
        for (int x = 0; x < n; x++) {
            if (row[x].fg == COLOUR_DEFAULT)
                row[x].fg = fg;
            if (row[x].bg == COLOUR_DEFAULT)
                row[x].bg = bg;
        }
    }
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
