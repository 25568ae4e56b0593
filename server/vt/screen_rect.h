/* screen_rect.h - selective erase and VT420 rectangle operations on the screen
 * (internal to vt/). */
#ifndef TMX_VT_SCREEN_RECT_H
#define TMX_VT_SCREEN_RECT_H

#include <stdbool.h>
#include <stdint.h>

#include "screen.h"

/* Selective erase (DECSED, DECSEL): like the erase operations but protected cells
 * (ATTR_PROTECTED) are kept. mode: 0 from the cursor, 1 to the cursor, 2 all. */
void screen_selective_erase_display(struct screen *s, int mode);
void screen_selective_erase_line(struct screen *s, int mode);

/* VT420 rectangles: 0-based inclusive bounds, already clamped to the screen. */
struct screen_rect {
    int top, left, bottom, right;
};
void screen_rect_fill(struct screen *s, const struct screen_rect *r, uint32_t ch);
void screen_rect_erase(struct screen *s, const struct screen_rect *r, bool selective);
void screen_rect_copy(struct screen *s, const struct screen_rect *r, int dst_top, int dst_left);
/* DECCARA (set/clear) and DECRARA (toggle) attributes: 'set', 'clear' and 'toggle'
 * are ATTR_* masks. Stream or rectangle by DECSACE. */
void screen_rect_attrs(struct screen *s, const struct screen_rect *r, uint16_t set,
                       uint16_t clear, uint16_t toggle);
/* DECRQCRA checksum of the rectangle. */
unsigned screen_rect_checksum(struct screen *s, const struct screen_rect *r);

#endif
