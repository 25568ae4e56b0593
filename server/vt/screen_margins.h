/* screen_margins.h - left/right margins (DECLRMM, DECSLRM) and the operations that
 * move columns between them (DECIC, DECDC, SL, SR), built on the screen (internal to
 * vt/). How the other operations honour the margins is in screen.c. */
#ifndef TMX_VT_SCREEN_MARGINS_H
#define TMX_VT_SCREEN_MARGINS_H

#include <stdbool.h>

#include "screen.h"

/* DECLRMM on or off (off resets the margins). */
void screen_set_lr_mode(struct screen *s, bool on);
/* DECSLRM with 0-based inclusive columns (ignored unless left < right; the cursor goes
 * home). */
void screen_set_lr_margins(struct screen *s, int left, int right);
/* DECIC / DECDC: insert / delete n columns at the cursor, in every line of the scroll
 * region, between the cursor and the right margin. Nothing outside the margins. */
void screen_insert_columns(struct screen *s, int n);
void screen_delete_columns(struct screen *s, int n);
/* SL / SR: every line of the scroll region shifted n columns left (right) between the
 * left and right margins, wherever the cursor is; the cursor does not move. */
void screen_shift_columns(struct screen *s, int n, bool left);

#endif
