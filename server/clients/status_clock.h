/* status_clock.h - redrawing status lines that show the time. */
#ifndef TMX_STATUS_CLOCK_H
#define TMX_STATUS_CLOCK_H

struct server;

/* Make sure the status-line clock ticks (called when a client attaches or an option
 * changed). */
void server_clock_start(struct server *s);

#endif
