/* pane_draw.h - put what a pane shows into a rectangle of a client's canvas: its
 * screen, or the view of the mode it is in (pane_mode.h). The one seam between the
 * composer, which lays panes out, and what each pane draws. */
#ifndef TMX_PANE_DRAW_H
#define TMX_PANE_DRAW_H

#include <stdbool.h>

struct canvas;
struct pane;
struct vt;

/* Draw pane p into cv at (x0, y0), at most width x height cells (the pane's own size
 * clipped to them). Cells of the rectangle the pane does not cover are left alone. */
void pane_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height);

/* Draw the screen of vt (a program that is not in a pane: a popup's) into cv at (x0, y0),
 * cols x rows cells (clipped to the canvas). */
void pane_draw_vt(const struct vt *vt, struct canvas *cv, int x0, int y0, int cols, int rows);

/* Where the pane's cursor is, relative to its top-left, its visibility and its shape
 * (DECSCUSR), as pane_draw shows the pane. */
void pane_draw_cursor(struct pane *p, int *x, int *y, bool *visible, int *style);

#endif
