/* compose.h - what an attached client should see, as a canvas: the current window's
 * panes and borders, a marker outside the window when the client is larger than it, the
 * status line (or a message), and the client's overlays (overlay.h: the prompt, the text
 * view, display-panes). The renderer diffs it. */
#ifndef TMX_COMPOSE_H
#define TMX_COMPOSE_H

struct client;

void compose_client(struct client *c);

#endif
