/* render_motion.h - moving the terminal's cursor (render_motion.c). */
#ifndef TMX_RENDER_MOTION_H
#define TMX_RENDER_MOTION_H

#include "render_state.h"

/* Put the terminal's cursor at (x, y) by the shortest of: absolute addressing, home,
 * relative moves from where it is, or carriage return plus relative moves. */
void render_move_to(struct render_state *rs, int x, int y);

#endif
