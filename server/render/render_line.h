/* render_line.h - drawing one row of a frame (render_line.c). */
#ifndef TMX_RENDER_LINE_H
#define TMX_RENDER_LINE_H

#include "canvas.h"
#include "render_state.h"

/* Turn row y of the terminal (the front buffer) into row y of want, writing only the
 * cells that differ. */
void render_draw_row(struct render_state *rs, const struct canvas *want, int y);

#endif
