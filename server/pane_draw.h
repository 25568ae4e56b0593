/* pane_draw.h - put what a pane shows into a rectangle of a client's canvas: its
 * screen, or the view of a mode over it (copy mode). The one seam between the
 * composer, which lays panes out, and what each pane draws. */
#ifndef TMX_PANE_DRAW_H
#define TMX_PANE_DRAW_H

#include <stdbool.h>

struct canvas;
struct grid_cell;
struct pane;

/* Draw pane p into cv at (x0, y0), at most width x height cells (the pane's own size
 * clipped to them). Cells of the rectangle the pane does not cover are left alone. */
void pane_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height);

/* One line of pane p (its screen's, or a history line copy mode shows) into the n cells
 * of row: the rest blank, a wide character cut at the edge blanked, its links renumbered
 * for cv, and shown reversed when the pane is in DECSCNM (each cell's colours change
 * places and its reverse attribute flips). line may be NULL (all blank). */
struct grid_line;
void pane_draw_line(struct pane *p, struct canvas *cv, struct grid_cell *row,
                    const struct grid_line *line, int n);

/* Where the pane's cursor is, relative to its top-left, its visibility and its shape
 * (DECSCUSR), as pane_draw shows the pane. */
void pane_draw_cursor(struct pane *p, int *x, int *y, bool *visible, int *style);

#endif
