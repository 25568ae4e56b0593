/* chooser.h - choose-tree: an interactive list of sessions and their windows drawn over
 * the client's screen, with a preview of the selected window below it. Up/Down (j/k),
 * PgUp/PgDn, Home/End move; Enter switches to the choice; q, Escape or C-c cancel.
 * choose-buffer: the same list of paste buffers, the preview shows the buffer's text;
 * Enter pastes it into the pane (paste-buffer -p), d deletes it. */
#ifndef TMX_CHOOSER_H
#define TMX_CHOOSER_H

#include <stdbool.h>
#include <stdint.h>

#include "keys.h"

struct client;
struct canvas;

/* Open the chooser on client c: sessions, and their windows unless sessions_only. */
void chooser_open(struct client *c, bool sessions_only);
/* Open the list of paste buffers; Enter pastes into pane %pane_id. */
void chooser_open_buffers(struct client *c, uint32_t pane_id);
void chooser_close(struct client *c);
/* A key while the chooser is open. */
void chooser_key(struct client *c, key_code key);
/* Draw it over rows [0, rows) of the canvas. */
void chooser_draw(struct client *c, struct canvas *cv, int rows);

#endif
