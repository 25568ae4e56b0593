/* server_listen.h - the server's listening socket and the connections it accepts.
 * Another user's connection is refused with a message, before any byte of it is read.
 * When the server runs out of file descriptors (EMFILE, ENFILE) it stops accepting for
 * a moment instead of spinning on a socket it cannot accept from, and a descriptor kept
 * in reserve lets it tell one waiting client why. */
#ifndef TMX_SERVER_LISTEN_H
#define TMX_SERVER_LISTEN_H

#include <event2/util.h>

struct server;

/* How long accepting pauses after accept found no free descriptor. */
#define SERVER_ACCEPT_BACKOFF_MS 100

/* Create, bind and listen on the socket at path (mode 0600). Returns the fd, or -1 with
 * errno. */
int server_listen(const char *path);
/* Listen on s->socket_path from the loop s->base, with a reserve descriptor. Returns 0,
 * or -1 with errno. */
int server_listen_start(struct server *s);
/* Stop listening: close the socket and remove it, free the events, the reserve. Does
 * nothing when not listening. */
void server_listen_stop(struct server *s);
/* The listening socket is readable: accept a client (arg is the struct server). */
void server_accept_cb(evutil_socket_t fd, short events, void *arg);
/* fd is the connection of the client that started the server (its socketpair, which
 * is never accepted): a client from now on, connected before the loop runs, so a
 * config's short-lived `new-session -d` cannot take the server away before that
 * client's own command is read (the server does not exit under a client that has not
 * sent its command, as tmux does not). Anything else (server-upgrade's start lock, a
 * file) is closed. */
void server_starter_take(struct server *s, int fd);
/* Tell the starting client's connection fd (not a socket, or -1: nothing) why there
 * is no server, as a refused connection is told, and close it. */
void server_starter_refuse(int fd, const char *message);
/* SIGUSR1: recreate the socket (arg is the struct server). */
void server_sigusr1_cb(evutil_socket_t sig, short events, void *arg);

#endif
