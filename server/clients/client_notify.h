/* client_notify.h - the clients layer's listener for pane changes. */
#ifndef TMX_CLIENT_NOTIFY_H
#define TMX_CLIENT_NOTIFY_H

struct server;
struct notify;

void client_notify(struct server *s, const struct notify *n);

#endif
