/* compose_window.h - draw the panes of a window, their borders and the marker past
 * the window into a client's canvas (part of compose_client). */
#ifndef TMX_COMPOSE_WINDOW_H
#define TMX_COMPOSE_WINDOW_H

struct client;
struct window;

/* Draw window w (with at least one pane) into the first 'rows' rows of c's canvas. */
void compose_window(struct client *c, struct window *w, int rows);

#endif
