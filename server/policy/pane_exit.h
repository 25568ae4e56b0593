/* pane_exit.h - a pane whose program finished: pane-exited, remain-on-exit or close,
 * and the clients waiting for it (wait-pane). */
#ifndef TMX_PANE_EXIT_H
#define TMX_PANE_EXIT_H

struct server;
struct notify;

/* The listener (registered at start-up). */
void pane_exit_notify(struct server *s, const struct notify *n);

#endif
