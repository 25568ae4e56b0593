/* render_pen.h - the terminal's pen: the attributes, colours and hyperlink the next
 * characters are written with, changed with as few bytes as the terminal allows
 * (render_pen.c). */
#ifndef TMX_RENDER_PEN_H
#define TMX_RENDER_PEN_H

#include <stdint.h>

#include "render_state.h"

/* The attributes the terminal has a capability for (before underline styles and
 * overline, which render_create decides on). */
uint16_t render_pen_attrs(const struct render_caps *caps);
/* A colour as the terminal can show it: unchanged, or the nearest palette entry. */
uint32_t render_map_colour(const struct render_caps *caps, uint32_t c);
/* Reset the terminal's pen (sgr0) and note it as the default. */
void render_pen_reset(struct render_state *rs);
/* Change the terminal's pen to t, sending only what differs. */
void render_pen_set(struct render_state *rs, const struct render_pen *t);
/* The pen that draws cell c on this terminal. */
void render_cell_pen(const struct render_state *rs, const struct grid_cell *c,
                     struct render_pen *p);
/* Set the pen for an erasure to background bg, disturbing as little as possible. */
void render_pen_for_erase(struct render_state *rs, uint32_t bg);
/* Make n the hyperlink the terminal has open (0: none), sending OSC 8 if it is not. */
void render_link_set(struct render_state *rs, uint16_t n);

#endif
