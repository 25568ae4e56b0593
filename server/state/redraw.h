/* redraw.h - the one way to ask for a frame. Anything that changes what a client shows
 * says what changed; the frame itself is drawn later, paced, by the scheduler that the
 * clients layer registered (struct server's schedule_frame), so asking is cheap and can
 * be done from any layer above the state. */
#ifndef TMX_REDRAW_H
#define TMX_REDRAW_H

struct server;
struct session;
struct client;

enum redraw_what {
    REDRAW_PANES = 0,  /* only cells of panes changed: the frame's diff finds them */
    REDRAW_STATUS = 1, /* the status line, borders or an overlay changed: expand and draw
                          them again (their cache is dropped) */
    REDRAW_FULL = 3    /* the terminal lost what it showed (cleared, resized, attached):
                          every cell is sent again, and all of the above */
};

/* Schedule a frame for client c. */
void client_redraw(struct client *c, enum redraw_what what);
/* Schedule a frame for every client attached to sess. */
void session_redraw(struct server *s, struct session *sess, enum redraw_what what);

#endif
