/* quiet.h - work that may hold the loop for a while (building the snapshot's records;
 * its disk work is a thread's) waits for a moment when no keystroke waits for its echo. While an attached client
 * types, such work runs a millisecond after the next frame has gone out to a client (the
 * echo of the last key, once it has reached the terminal: the next key is then furthest
 * away), at the latest QUIET_WAIT_MAX_MS after it asked; when nobody typed lately it
 * runs at once. So a keystroke is not held up behind the disk. */
#ifndef TMX_QUIET_H
#define TMX_QUIET_H

struct event;
struct server;

/* A client's terminal sent input (the clients layer, for every read). */
void quiet_typed(struct server *s);
/* A frame went out to a client (the clients layer): what waits runs a little later. */
void quiet_frame_sent(struct server *s);
/* Make ev (an event of s->base, added or not) active at the next quiet moment: now, or
 * after the next frame. Asking again while it waits changes nothing. */
void quiet_run(struct server *s, struct event *ev);
/* ev is being freed: it waits no more. */
void quiet_cancel(struct server *s, struct event *ev);
/* The server is going away. */
void quiet_free(struct server *s);

#endif
