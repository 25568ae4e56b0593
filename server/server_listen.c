/* server_listen.c - the listening socket: create it, accept connections (checking the
 * peer's credentials), recreate it on SIGUSR1. */
#include "server_listen.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <event2/event.h>

#include "client_state.h"
#include "log.h"
#include "server_client.h"
#include "server_state.h"

/* Create, bind and listen on the socket. The umask makes it 0600 from the start. */
int server_listen(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    mode_t old = umask(0177);
    int rc = bind(fd, (struct sockaddr *)&sa, sizeof sa);
    umask(old);
    if (rc != 0 || listen(fd, 128) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    chmod(path, 0600);
    return fd;
}

void server_accept_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)events;
    int cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (cfd < 0)
        return;
    if (s->exiting) {
        close(cfd);
        return;
    }
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != getuid()) {
        log_debug("refused connection from uid %ld", (long)cred.uid);
        close(cfd);
        return;
    }
    struct client *c = server_client_create(s, cfd);
    c->uid = cred.uid;
    c->pid = cred.pid;
}

/* SIGUSR1: recreate the socket (for when it was deleted under a running server). */
void server_sigusr1_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)sig;
    (void)events;
    if (s->listen_ev != NULL) {
        event_free(s->listen_ev);
        close(s->listen_fd);
    }
    unlink(s->socket_path);
    s->listen_fd = server_listen(s->socket_path);
    if (s->listen_fd < 0) {
        log_debug("cannot recreate socket %s: %s", s->socket_path, strerror(errno));
        s->listen_ev = NULL;
        return;
    }
    s->listen_ev = event_new(s->base, s->listen_fd, EV_READ | EV_PERSIST, server_accept_cb, s);
    event_add(s->listen_ev, NULL);
}
