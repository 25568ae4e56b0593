/* text_view.h - an overlay (overlay.h) showing text over the window area until a key
 * is pressed: the output of a command run from a key (C-b ?, run-shell), the errors
 * of the configuration file. Up/Down (k/j), PgUp/PgDn (Space) scroll it; any other
 * key closes it. */
#ifndef TMX_TEXT_VIEW_H
#define TMX_TEXT_VIEW_H

#include <stddef.h>

struct client;

/* Show text (len bytes, lines split at '\n') over client c's window, replacing any
 * text shown. */
void text_view_show(struct client *c, const char *text, size_t len);

#endif
