/* compose_window.h - draw the panes of a window, their borders and the marker past
 * the window into a client's canvas (part of compose_client). */
#ifndef TMX_COMPOSE_WINDOW_H
#define TMX_COMPOSE_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct client;
struct window;
struct pane_drawn;

/* What a client's last full frame composed (struct client's compose_cache), for the
 * next frames to draw only the rows of panes whose lines changed when nothing else did.
 * compose.c fills the client-wide fields, compose_window the window's. */
struct compose_cache {
    bool valid;
    unsigned epoch;              /* render_epoch when composed */
    int cols, rows, lines, top;  /* canvas size, status lines and where they went */
    uint32_t window_id;
    int wcols, wrows, vw, vh;    /* the window's size and the part of it shown */
    bool zoomed;
    uint32_t active_id;
    bool tracked;                /* every pane tracked, no border status lines */
    struct pane_drawn *panes;    /* the panes drawn, in window order */
    size_t npanes, size;
};

/* Draw window w (with at least one pane) into the first 'rows' rows of c's canvas,
 * remembering how in c's compose cache. */
void compose_window(struct client *c, struct window *w, int rows);
/* Draw again only what changed in window w's panes since the cache was taken, when that
 * is all that can have changed in the window (same window, layout, sizes, active pane,
 * no pane in a mode): their changed rows, dy rows lower than when composed, marked in
 * the canvas's dirty rows, and the cursor. False (nothing drawn) otherwise. */
bool compose_window_changed(struct client *c, struct window *w, int rows, int dy);
/* Forget the cache (freed with it). */
void compose_window_forget(struct client *c);

#endif
