/* overlay.h - the overlay interface: something a client shows over what it sees of
 * its session and that takes its keys first (the status-line prompt, the text view of
 * command output, display-panes' numbers; menus and popups next). Unlike a pane mode
 * (pane_mode.h), an overlay belongs to one client, not to a pane.
 *
 * A client holds a stack of overlays ordered by their ops' layer (at most one of each
 * ops): keys go from the top down until one takes the key; drawing goes from the bottom
 * up, the overlays under OVERLAY_LAYER_STATUS before the status line (a message shows
 * over them), the others after it (the prompt covers the status line). compose and
 * client_input reach overlays only through this header. */
#ifndef TMX_OVERLAY_H
#define TMX_OVERLAY_H

#include <stdbool.h>

#include "keys.h"

struct canvas;
struct client;

/* Layers of the overlays tmx has, bottom to top. */
#define OVERLAY_LAYER_PANES 10   /* display-panes: numbers over the panes */
#define OVERLAY_LAYER_STATUS 100 /* the status line is drawn here */
#define OVERLAY_LAYER_PROMPT 110 /* the prompt over the status line */

struct overlay_ops {
    const char *name;
    int layer;
    /* Draw over cv; rows is the height of the window area (the status line, if any,
     * is the row below it). May place or hide the cursor. */
    void (*draw)(struct client *c, void *data, struct canvas *cv, int rows);
    /* A key: true if taken; false lets it go on to the overlays below and then the
     * session. It may close its own overlay (and only its own) either way. */
    bool (*key)(struct client *c, void *data, key_code key);
    /* A mouse event: true if taken (NULL: every event is taken, nothing reaches the
     * session while the overlay is shown). */
    bool (*mouse)(struct client *c, void *data, const struct mouse_event *m);
    /* The client's terminal changed size (may be NULL). */
    void (*resize)(struct client *c, void *data);
    /* Free data (the overlay closes). Must not redraw. */
    void (*free)(void *data);
};

/* One open overlay: the client's list, top first. */
struct overlay {
    const struct overlay_ops *ops;
    void *data;
    struct overlay *below;
};

/* Open an overlay with its state on client c, replacing any open one of the same ops,
 * and redraw. */
void overlay_open(struct client *c, const struct overlay_ops *ops, void *data);
/* Close the overlay of these ops, if open, and redraw. */
void overlay_close(struct client *c, const struct overlay_ops *ops);
/* Close every overlay (the client goes, or shows another session). */
void overlay_close_all(struct client *c);
/* The state of the open overlay of these ops, or NULL. */
void *overlay_data(struct client *c, const struct overlay_ops *ops);
/* A key for the overlays, top first: true if one took it. */
bool overlay_key(struct client *c, key_code key);
/* A mouse event: true if an overlay took it. */
bool overlay_mouse(struct client *c, const struct mouse_event *m);
/* Draw the overlays under the status layer (above_status false) or over it. */
void overlay_draw(struct client *c, struct canvas *cv, int rows, bool above_status);
/* The client's terminal changed size. */
void overlay_resize(struct client *c);

#endif
