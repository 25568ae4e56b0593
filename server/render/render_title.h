/* render_title.h - a window title made safe to send to a terminal inside an OSC
 * string, whatever a program put in it (render_title.c). */
#ifndef TMX_RENDER_TITLE_H
#define TMX_RENDER_TITLE_H

#include <stdbool.h>

/* Longest title sent to a terminal, in bytes. */
#define RENDER_TITLE_MAX 256

/* Copy title into out (size > RENDER_TITLE_MAX) as something safe to put inside an OSC
 * string: only whole, valid UTF-8 characters that are not C0/C1 controls or DEL, at most
 * RENDER_TITLE_MAX bytes, never a character cut. On a terminal that cannot show UTF-8
 * each non-ASCII character becomes '?'. */
void render_title_clean(const char *title, bool utf8, char *out);

#endif
