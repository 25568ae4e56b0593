/* server_listen.c - the listening socket: create it, accept connections (checking the
 * peer's credentials, pausing when the descriptors run out), recreate it on SIGUSR1. */
#include "server_listen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <event2/event.h>

#include "client_state.h"
#include "log.h"
#include "proto.h"
#include "server_msg.h"
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

/* The descriptor kept in reserve: /dev/null, never 0-2 (fds_open_stdio keeps them
 * taken), so a server that never listened (fuzzers: zeroed) has none to close. */
static void reserve_open(struct server *s)
{
    if (s->reserve_fd <= 2)
        s->reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
}

static void reserve_close(struct server *s)
{
    if (s->reserve_fd > 2)
        close(s->reserve_fd);
    s->reserve_fd = -1;
}

static void accept_again_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    reserve_open(s);
    if (s->listen_ev != NULL && !s->exiting)
        event_add(s->listen_ev, NULL);
}

int server_listen_start(struct server *s)
{
    s->listen_fd = server_listen(s->socket_path);
    if (s->listen_fd < 0)
        return -1;
    s->listen_ev = event_new(s->base, s->listen_fd, EV_READ | EV_PERSIST, server_accept_cb, s);
    event_add(s->listen_ev, NULL);
    s->accept_timer = evtimer_new(s->base, accept_again_cb, s);
    s->reserve_fd = -1;
    reserve_open(s);
    return 0;
}

void server_listen_stop(struct server *s)
{
    if (s->listen_ev != NULL) {
        event_free(s->listen_ev);
        s->listen_ev = NULL;
        close(s->listen_fd);
        s->listen_fd = -1;
        unlink(s->socket_path);
    }
    if (s->accept_timer != NULL) {
        event_free(s->accept_timer);
        s->accept_timer = NULL;
    }
    reserve_close(s);
}

/* Tell a connection why it is refused (MSG_EXIT, status 1, with the message the client
 * prints) and close it. Never blocks: the message is far smaller than a socket buffer,
 * and a peer that cannot take it just sees the connection closed. None of its bytes is
 * read. */
static void refuse(int fd, const char *message)
{
    size_t mlen = strlen(message);
    char buf[PROTO_HEADER_SIZE + 4 + 512];
    if (mlen > sizeof buf - PROTO_HEADER_SIZE - 5)
        mlen = sizeof buf - PROTO_HEADER_SIZE - 5;
    int32_t status = 1;
    proto_encode_header(MSG_EXIT, (uint32_t)(4 + mlen + 1), buf);
    memcpy(buf + PROTO_HEADER_SIZE, &status, 4);
    memcpy(buf + PROTO_HEADER_SIZE + 4, message, mlen);
    buf[PROTO_HEADER_SIZE + 4 + mlen] = '\0';
    if (send(fd, buf, PROTO_HEADER_SIZE + 4 + mlen + 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
        log_debug("refused connection: %s", strerror(errno));
    close(fd);
}

/* accept found no free descriptor. Spend the reserve to tell the clients waiting why
 * (they would otherwise wait for nothing), then stop accepting for a moment: the
 * listening socket stays readable, and accepting again at once would spin. */
static void accept_out_of_fds(struct server *s, int lfd, int err)
{
    log_debug("accept: %s: not accepting for %d ms", strerror(err), SERVER_ACCEPT_BACKOFF_MS);
    const char *msg = err == ENFILE
                          ? "tmx: the system is out of file descriptors (too many open files "
                            "in system): close some programs, windows or clients"
                          : "tmx: the server is out of file descriptors (too many open files): "
                            "close some windows or clients, or restart it with a higher ulimit -n";
    for (int i = 0; i < 16 && s->reserve_fd > 2; i++) {
        reserve_close(s);
        int cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (cfd < 0) {
            reserve_open(s);
            break;
        }
        refuse(cfd, msg);
        reserve_open(s);
    }
    event_del(s->listen_ev);
    struct timeval tv = {.tv_sec = 0, .tv_usec = SERVER_ACCEPT_BACKOFF_MS * 1000};
    evtimer_add(s->accept_timer, &tv);
}

void server_accept_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)events;
    int cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (cfd < 0) {
        if (errno == EMFILE || errno == ENFILE)
            accept_out_of_fds(s, fd, errno);
        return; /* EAGAIN, ECONNABORTED...: the next one */
    }
    if (s->exiting) {
        close(cfd);
        return;
    }
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
        log_debug("refused connection: no credentials: %s", strerror(errno));
        close(cfd);
        return;
    }
    const struct server_acl *acl = NULL;
    for (size_t i = 0; i < s->nacl; i++) {
        if (s->acl[i].uid == cred.uid)
            acl = &s->acl[i];
    }
    if (cred.uid != getuid() && cred.uid != 0 && acl == NULL) {
        log_debug("refused connection from uid %ld", (long)cred.uid);
        refuse(cfd, "tmx: access not allowed: this server belongs to another user "
                    "(start your own: tmx, or tmx -L NAME)");
        return;
    }
    struct client *c = server_msg_accept(s, cfd);
    c->uid = cred.uid;
    c->pid = cred.pid;
    if (acl != NULL && acl->readonly)
        c->readonly = true; /* server-access -r */
}

static bool is_socket(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

void server_starter_take(struct server *s, int fd)
{
    int flags = is_socket(fd) ? fcntl(fd, F_GETFL) : -1;
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
        close(fd);
        return;
    }
    struct ucred cred = {.pid = 0, .uid = getuid()};
    socklen_t len = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
        cred.uid = getuid(); /* our own socketpair's: the client that forked us */
    struct client *c = server_msg_accept(s, fd);
    c->uid = cred.uid;
    c->pid = cred.pid;
}

void server_starter_refuse(int fd, const char *message)
{
    if (fd < 0)
        return;
    if (is_socket(fd))
        refuse(fd, message);
    else
        close(fd);
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
