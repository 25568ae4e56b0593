/* chooser.h - choose-tree: an interactive list of sessions and their windows drawn over
 * the client's screen, with a preview of the selected window below it. Up/Down (j/k),
 * PgUp/PgDn, Home/End move; Enter switches to the choice; q, Escape or C-c cancel. */
#ifndef TMX_CHOOSER_H
#define TMX_CHOOSER_H

#include <stdbool.h>
#include <stdint.h>

#include "keys.h"

struct client;
struct canvas;

/* Open the chooser on client c: sessions, and their windows unless sessions_only. */
void chooser_open(struct client *c, bool sessions_only);
void chooser_close(struct client *c);
/* A key while the chooser is open. */
void chooser_key(struct client *c, key_code key);
/* Draw it over rows [0, rows) of the canvas. */
void chooser_draw(struct client *c, struct canvas *cv, int rows);

#endif
