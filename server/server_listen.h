/* server_listen.h - the server's listening socket and the connections it accepts. */
#ifndef TMX_SERVER_LISTEN_H
#define TMX_SERVER_LISTEN_H

#include <event2/util.h>

/* Create, bind and listen on the socket at path (mode 0600). Returns the fd, or -1 with
 * errno. */
int server_listen(const char *path);
/* The listening socket is readable: accept a client (arg is the struct server). */
void server_accept_cb(evutil_socket_t fd, short events, void *arg);
/* SIGUSR1: recreate the socket (arg is the struct server). */
void server_sigusr1_cb(evutil_socket_t sig, short events, void *arg);

#endif
