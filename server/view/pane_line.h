/* pane_line.h - one line of a pane as it shows in a client's canvas: the cells copied,
 * links renumbered for the canvas, reverse screen (DECSCNM) applied. Below both the
 * pane drawing (pane_draw) and the modes that show a pane's lines (copy mode). */
#ifndef TMX_PANE_LINE_H
#define TMX_PANE_LINE_H

#include <stdbool.h>

struct canvas;
struct grid_cell;
struct grid_line;
struct pane;
struct vt;

/* One line of pane p (its screen's, or a history line copy mode shows) into the n cells
 * of row: the rest blank, a wide character cut at the edge blanked, its links renumbered
 * for cv, and shown reversed when the pane is in DECSCNM (each cell's colours change
 * places and its reverse attribute flips). line may be NULL (all blank). */
void pane_line_draw(struct pane *p, struct canvas *cv, struct grid_cell *row,
                    const struct grid_line *line, int n);
/* The same for a line of any vt (a popup's program). */
void pane_line_draw_vt(const struct vt *vt, struct canvas *cv, struct grid_cell *row,
                       const struct grid_line *line, int n);

/* The cells pane p's view takes in cv when drawn at (x0, y0) with at most width x
 * height: its own size, clipped to those and to the canvas. False when nothing shows. */
bool pane_line_area(const struct pane *p, const struct canvas *cv, int x0, int y0,
                    int width, int height, int *cols, int *rows);

#endif
