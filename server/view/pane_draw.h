/* pane_draw.h - put what a pane shows into a rectangle of a client's canvas: its
 * screen, or the view of the mode it is in (pane_mode.h). The one seam between the
 * composer, which lays panes out, and what each pane draws. */
#ifndef TMX_PANE_DRAW_H
#define TMX_PANE_DRAW_H

#include <stdbool.h>
#include <stdint.h>

struct canvas;
struct pane;
struct vt;

/* Draw pane p into cv at (x0, y0), at most width x height cells (the pane's own size
 * clipped to them). Cells of the rectangle the pane does not cover are left alone. */
void pane_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height);

/* How a pane was last drawn into a client's canvas, so that the next frame can draw
 * again only the rows whose line changed (grid.h: a line's version). */
struct grid;
struct pane_drawn {
    uint32_t pane_id;
    const struct grid *grid; /* the screen drawn (main or alternate); NULL: a mode's view */
    int x0, y0, cols, rows;  /* where in the canvas, before the status line moves it */
    bool reverse;            /* DECSCNM */
    uint32_t colours;        /* vt_colours_generation: the program's palette and colours */
    bool styled;             /* window-style colours apply: fg, bg */
    uint32_t fg, bg;
    uint64_t *versions;      /* per row: the version of the line drawn there */
    int nversions;
};

/* pane_draw, remembering in d how the pane was drawn. */
void pane_draw_track(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                     int height, struct pane_drawn *d);
/* Whether pane p, drawn at (x0, y0) in width x height, would be drawn as d says but for
 * the rows whose line changed: same pane, screen, place and look, and not in a mode.
 * (Options - window-style - are not compared: changing them asks for a full frame.) */
bool pane_draw_same(const struct pane *p, const struct canvas *cv, int x0, int y0,
                    int width, int height, const struct pane_drawn *d);
/* Draw again the rows of p (pane_draw_same) whose line changed since d, marking each in
 * cv->dirty; the rows are dy lower in the canvas than when d was taken. Returns how many
 * rows were drawn. */
int pane_draw_changed(struct pane *p, struct canvas *cv, int dy, struct pane_drawn *d);

/* Draw the screen of vt (a program that is not in a pane: a popup's) into cv at (x0, y0),
 * cols x rows cells (clipped to the canvas). */
void pane_draw_vt(const struct vt *vt, struct canvas *cv, int x0, int y0, int cols, int rows);

/* Where the pane's cursor is, relative to its top-left, its visibility and its shape
 * (DECSCUSR), as pane_draw shows the pane. */
void pane_draw_cursor(struct pane *p, int *x, int *y, bool *visible, int *style);

#endif
