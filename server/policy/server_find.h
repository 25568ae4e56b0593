/* server_find.h - a pane or a client by its id (NULL if it is gone). */
#ifndef TMX_SERVER_FIND_H
#define TMX_SERVER_FIND_H

#include <stdint.h>

struct server;

struct pane *server_find_pane(struct server *s, uint32_t id);
struct client *server_find_client(struct server *s, uint32_t id);

#endif
