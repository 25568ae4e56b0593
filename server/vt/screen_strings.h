/* screen_strings.h - title, title stack, working directory and window name of the
 * screen (internal to vt/): what vt_title, vt_cwd and vt_window_name return. */
#ifndef TMX_VT_SCREEN_STRINGS_H
#define TMX_VT_SCREEN_STRINGS_H

#include <stddef.h>
#include <stdint.h>

#include "screen.h"

/* OSC 0 / 2: the title. */
void screen_set_title(struct screen *s, const uint8_t *text, size_t len);
/* CSI 22 t / CSI 23 t: save the title on the stack / restore the last one saved. */
void screen_push_title(struct screen *s);
void screen_pop_title(struct screen *s);
/* OSC 7: the working directory. */
void screen_set_cwd(struct screen *s, const uint8_t *text, size_t len);
/* ESC k name ST: the window name; the owner's vt_ops.window_name is called. */
void screen_set_window_name(struct screen *s, const uint8_t *text, size_t len);

#endif
