/* passthrough.h - tmux's allow-passthrough: what a pane's program wrapped in
 * DCS tmux; ... ST goes to the terminals of the clients that show that pane. */
#ifndef TMX_PASSTHROUGH_H
#define TMX_PASSTHROUGH_H

struct server;
struct notify;

/* The listener of NOTIFY_PANE_PASSTHROUGH (registered at start-up). */
void passthrough_notify(struct server *s, const struct notify *n);

#endif
