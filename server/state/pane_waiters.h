/* pane_waiters.h - the clients blocked in wait-pane (struct pane_waiter in
 * server_state.h): the list itself. Answering them when their pane's command exits is
 * pane_exit's. */
#ifndef TMX_PANE_WAITERS_H
#define TMX_PANE_WAITERS_H

#include <stddef.h>

struct server;

/* Stop waiting: wait-pane caller i goes (its client left, timed out, or was answered). */
void pane_waiter_remove(struct server *s, size_t i);

#endif
