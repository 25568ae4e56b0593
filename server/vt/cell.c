/* cell.c - the one blank cell (cell.h): what grid_get returns outside a line, and what
 * erasing writes in the default colours. */
#include "cell.h"

const struct grid_cell grid_blank_cell = GRID_BLANK_CELL;
