/* defer.h - work the server does "soon", from its own turn of the event loop: the
 * pane-exited hook and the close of a pane, alert hooks, destroy-unattached. Deferring
 * keeps a callback that is deep in a pty read or a detach from running commands that
 * may free what it is using. Items refer to objects by id, looked up when they run. */
#ifndef TMX_DEFER_H
#define TMX_DEFER_H

#include <stdint.h>

struct server;

typedef void (*defer_fn)(struct server *s, uint32_t id, const char *arg);

/* Run fn(s, id, arg) soon; arg must outlive it (a string constant). */
void defer_add(struct server *s, defer_fn fn, uint32_t id, const char *arg);
/* Drop what is pending (the server is going away). */
void defer_free(struct server *s);

#endif
