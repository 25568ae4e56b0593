/* client_tty.h - the client's own terminal, passed to the server with MSG_TTY (an
 * SCM_RIGHTS fd). While a client is attached the server reads its keys from it and
 * writes frames to it directly: a keystroke's echo then crosses no socket and wakes no
 * client process. The client keeps the terminal's modes (raw mode, restore on exit).
 * See docs/architecture.md, "The terminal path". */
#ifndef TMX_CLIENT_TTY_H
#define TMX_CLIENT_TTY_H

#include <stdbool.h>
#include <stddef.h>

struct client;
struct evbuffer;

/* An fd arrived with a message from client c: kept until MSG_TTY takes it (an
 * earlier one still waiting is closed). */
void client_tty_received(struct client *c, int fd);
/* What the terminal reports to the layer that adopted it (both called from the loop). */
struct client_tty_ops {
    void (*input)(struct client *c, const char *buf, size_t len); /* keys typed */
    void (*drained)(struct client *c, struct evbuffer *out);      /* output went down */
};
/* MSG_TTY: the fd that came with it becomes c's terminal if it is one, reporting
 * through ops (which must outlive it). False if there was no fd or it is not a
 * terminal (the client then relays as before). */
bool client_tty_adopt(struct client *c, const struct client_tty_ops *ops);
/* MSG_TTY_READY: the client's terminal is in raw mode: read keys, draw a full frame. */
void client_tty_ready(struct client *c);
/* suspend-client: stop reading keys and drawing (what the terminal takes at once is
 * written, the rest dropped) until client_tty_ready. */
void client_tty_suspend(struct client *c);
/* Whether frames and keys go through c's terminal rather than its socket. */
bool client_tty_active(const struct client *c);
/* Whether the server may draw on it now (MSG_TTY_READY came). */
bool client_tty_drawable(const struct client *c);
/* The bytes waiting to be written to the terminal. */
struct evbuffer *client_tty_output(struct client *c);
/* Stop using the terminal (the client leaves or hung up): what the terminal takes
 * without blocking is written, the rest dropped, the fd closed. Safe to call twice. */
void client_tty_close(struct client *c);

/* The terminal answered CSI ? u (asked at attach): it speaks the kitty keyboard
 * protocol, and CLIENT_TTY_KITTY_FLAGS are pushed there once. */
#define CLIENT_TTY_KITTY_FLAGS 31
void client_tty_kitty_answered(struct client *c, int flags);

#endif
