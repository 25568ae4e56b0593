/* client_frames.h - what goes to a client's terminal: paced frames, bytes outside a
 * frame, and frames resuming once it drains (client_frames.c). */
#ifndef TMX_CLIENT_FRAMES_H
#define TMX_CLIENT_FRAMES_H

#include <stddef.h>
#include <stdint.h>

struct client;
struct evbuffer;

/* Send a message (header + payload) on the client's socket. */
void client_send(struct client *c, uint32_t type, const void *buf, size_t len);
/* Set up the client's frame timer (when it connects). */
void client_frames_init(struct client *c);
/* Bytes for the client's terminal outside a frame (a bell, OSC 52): through its
 * terminal or as MSG_OUTPUT; dropped while it is not draining. */
void client_write_terminal(struct client *c, const void *buf, size_t len);
/* Its terminal's (or socket's) pending output went down to out: frames may resume. */
void client_frames_drained(struct client *c, struct evbuffer *out);
/* Schedule a frame (paced; immediate if the last frame is old enough). */
void client_frames_schedule(struct client *c);

#endif
