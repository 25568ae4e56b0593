/* canvas.c - the cells and cursor the server wants a client's terminal to show. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void canvas_init(struct canvas *c, int cols, int rows)
{
    if (cols < 1)
        cols = 1;
    if (rows < 1)
        rows = 1;
    c->cols = cols;
    c->rows = rows;
    c->cells = xcalloc((size_t)cols * (size_t)rows, sizeof *c->cells);
    for (size_t i = 0; i < (size_t)cols * (size_t)rows; i++)
        c->cells[i].width = 1;
    c->cx = 0;
    c->cy = 0;
    c->cursor_visible = true;
    c->cursor_style = 0;
}

void canvas_free(struct canvas *c)
{
    free(c->cells);
    c->cells = NULL;
    c->cols = 0;
    c->rows = 0;
}

/* The cell at (x, y), or NULL outside the canvas. */
struct grid_cell *canvas_cell(struct canvas *c, int x, int y)
{
    if (x < 0 || y < 0 || x >= c->cols || y >= c->rows)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}
