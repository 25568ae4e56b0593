/* canvas.h - the cells and cursor the server wants a client's terminal to show
 * (canvas.c), what the renderer draws from. */
#ifndef TMX_CANVAS_H
#define TMX_CANVAS_H

#include <stdbool.h>
#include <stdint.h>

#include "grid.h"

/* What the server wants on the client's screen. cells is cols*rows, row-major. */
struct links;
struct canvas {
    int cols, rows;
    struct grid_cell *cells;
    int cx, cy;            /* cursor position */
    bool cursor_visible;
    int cursor_style;      /* DECSCUSR value, 0 = terminal default */
    uint32_t cursor_colour; /* COLOUR_* of the cursor, COLOUR_DEFAULT = the terminal's */
    /* What the cells' link numbers mean: the table of the renderer that draws the
     * canvas (render_links), NULL when its terminal shows no hyperlinks and the cells
     * carry none. Cells copied from a vt get their numbers through canvas_import_links. */
    struct links *links;
    /* What the cells' sequences of combining marks (comb with GRID_COMB_SEQ) mean: the
     * table of the renderer that draws the canvas (render_combs); NULL: a cell keeps
     * its first mark only. Cells copied from a vt get numbers through canvas_import_combs. */
    struct combs *combs;
    /* What changed since the canvas was last drawn, for the renderer to look at only
     * that: with all_dirty false, only rows whose dirty[y] is set may differ from the
     * previous frame's canvas (the composer says so when it knows it); all_dirty (or
     * dirty NULL) means any row may. canvas_init: all dirty. */
    uint8_t *dirty;
    bool all_dirty;
};

void canvas_init(struct canvas *c, int cols, int rows); /* blank cells, cursor 0,0, no links */
/* Every row may have changed / none has (the composer marks rows after this). */
void canvas_all_dirty(struct canvas *c);
void canvas_none_dirty(struct canvas *c);
void canvas_free(struct canvas *c);
struct grid_cell *canvas_cell(struct canvas *c, int x, int y);
/* Put one character (width 1 or 2) with a pen at (x, y). */
void canvas_put_cell(struct canvas *c, int x, int y, uint32_t ch, int width,
                     const struct grid_pen *pen);
/* Write UTF-8 text at (x, y), stopping before column 'end' (a wide character that does
 * not fit is left out); control characters show as '_'. Returns the column after it. */
int canvas_put_text(struct canvas *c, int x, int y, int end, const char *text,
                    const struct grid_pen *pen);
/* The columns canvas_put_text would give text with no end (controls count one '_'). */
int canvas_text_width(const char *text);
/* The n cells (already copied into the canvas from a vt whose links table is 'from')
 * get the canvas's numbers for their links, or none when the canvas has no links
 * table or no room in it. */
void canvas_import_links(struct canvas *c, struct grid_cell *cells, int n,
                         const struct links *from);
/* The n cells (already copied into the canvas from grid 'from') get the canvas's
 * numbers for their sequences of combining marks, or their first mark when the canvas
 * has no table or no room in it. */
void canvas_import_combs(struct canvas *c, struct grid_cell *cells, int n,
                         const struct grid *from);

#endif
