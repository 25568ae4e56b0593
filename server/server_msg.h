/* server_msg.h - a client's connection and the messages it sends (server_msg.c). */
#ifndef TMX_SERVER_MSG_H
#define TMX_SERVER_MSG_H

struct server;

/* Accept a new connection (after the credential check). */
struct client *server_msg_accept(struct server *s, int fd);

#endif
