/* pane_exit.h - a pane whose program finished: pane-exited, remain-on-exit or close,
 * and the clients waiting for it (wait-pane). */
#ifndef TMX_PANE_EXIT_H
#define TMX_PANE_EXIT_H

#include <stddef.h>

struct server;
struct notify;

/* Stop waiting: wait-pane caller i goes (its client left, or timed out). */
void server_pane_waiter_remove(struct server *s, size_t i);
/* The listener (registered at start-up). */
void pane_exit_notify(struct server *s, const struct notify *n);

#endif
