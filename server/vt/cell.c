/* cell.c - the one blank cell (cell.h): what grid_get returns outside a line, and what
 * erasing writes in the default colours; and the two operations on a whole line that
 * the grid, its reflow and the grid's users share. */
#include "cell.h"

#include <stdlib.h>

const struct grid_cell grid_blank_cell = GRID_BLANK_CELL;

void grid_line_release(struct grid_line *l)
{
    free(l->cells);
    memset(l, 0, sizeof *l);
}

/* Cut l to cols cells; a wide character cut in half is blanked. */
void grid_line_truncate(struct grid_line *l, int cols)
{
    if (l->used > cols) {
        l->used = cols;
        if (grid_cell_width(&l->cells[cols - 1]) == 2)
            l->cells[cols - 1] = grid_blank_cell;
    }
}
