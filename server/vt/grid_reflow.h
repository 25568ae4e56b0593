/* grid_reflow.h - a grid's lines rewrapped to a new width (internal to vt/; the grid's
 * users call grid_reflow in grid.h). */
#ifndef TMX_VT_GRID_REFLOW_H
#define TMX_VT_GRID_REFLOW_H

#include <stdbool.h>

#include "cell.h"

struct history;

/* A position on the screen that a reflow moves with its character. */
struct grid_pos {
    int x, y;
    bool pending; /* the cursor is past x (a wrap is pending) */
};

/* Rewrap the screen visible[0, rows) and the history h (the lines above them) from the
 * width the lines were written at to 'cols' (not the same). Lines joined by autowrap
 * ('wrapped') are joined and cut again; pos[0] (the cursor) keeps its row when there are
 * enough lines above it; every position (at most 4) follows its character, one that
 * ends above the screen gets y < 0. The rows are replaced (visible[] keeps its size);
 * history lines keep their sequence numbers and h its limits. */
void grid_reflow_lines(struct history *h, struct grid_line *visible, int rows, int cols,
                       struct grid_pos *pos, int npos);

#endif
