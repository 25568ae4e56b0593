/* pane_exit.h - a pane whose program finished: pane-exited, remain-on-exit or close,
 * and the clients waiting for it (wait-pane). */
#ifndef TMX_PANE_EXIT_H
#define TMX_PANE_EXIT_H

#include <stdbool.h>

struct server;
struct notify;
struct pane;

/* The listener (registered at start-up). */
void pane_exit_notify(struct server *s, const struct notify *n);

/* Pane p's program exited and its restart policy runs it again (a restart is pending or
 * about to be): wait-pane waits for a later exit. */
bool pane_exit_will_restart(struct pane *p);

#endif
