/* render_scroll.h - scrolling the terminal instead of redrawing (render_scroll.c). */
#ifndef TMX_RENDER_SCROLL_H
#define TMX_RENDER_SCROLL_H

#include <stdbool.h>

#include "canvas.h"
#include "render_state.h"

/* If the wanted screen is (part of) the front buffer scrolled by some lines, scroll
 * the terminal (and the front buffer) instead of redrawing them; false if not worth it. */
bool render_try_scroll(struct render_state *rs, const struct canvas *want);

#endif
