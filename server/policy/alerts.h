/* alerts.h - activity, bell and silence alerts of windows not being looked at. */
#ifndef TMX_ALERTS_H
#define TMX_ALERTS_H

struct server;
struct window;
struct notify;

/* (Re)start the monitor-silence countdown of a window (after output, or when the
 * option changed). */
void alerts_silence_restart(struct server *s, struct window *w);
/* The listener (registered at start-up). */
void alerts_notify(struct server *s, const struct notify *n);

#endif
