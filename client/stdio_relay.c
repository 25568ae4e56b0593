/* stdio_relay.c - the remote end of tmx -H: `tmx [-L|-S] remote-stdio TIMEOUT TOKEN`,
 * started by ssh on the remote host. It says hello on stdout (versions), reads the local
 * client's identification and command from stdin, connects to (or starts) this host's
 * server as a client would, and relays framed messages both ways: stdin -> socket,
 * socket -> stdout. It answers MSG_PING itself and leaves when stdin is silent for
 * TIMEOUT ms (a link that froze), so the server sees a detach, not a client hung for
 * ever. A relay started again with the same TOKEN (the same local client reconnecting)
 * ends the old one first, so the server sees one detach, then one attach. */
#include "stdio_relay.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "clock_ms.h"
#include "cmdline.h"
#include "proto.h"
#include "tty.h"
#include "version.h"
#include "xmalloc.h"

extern char **environ;

/* Stop reading the server while this much waits for stdout (the server then bounds
 * what it keeps for us and repaints once we drain). */
#define RELAY_OUT_HIGH (256u * 1024)
/* Stop reading stdin while this much waits for the server. */
#define RELAY_SOCK_HIGH (4u * 1024 * 1024)

/* A byte queue: data from off to len. */
struct relay_buf {
    char *data;
    size_t off, len, size;
};

static void buf_add(struct relay_buf *b, const void *p, size_t n)
{
    if (b->off > 0 && b->off == b->len)
        b->off = b->len = 0;
    if (b->len + n > b->size) {
        if (b->off > 0) {
            memmove(b->data, b->data + b->off, b->len - b->off);
            b->len -= b->off;
            b->off = 0;
        }
        if (b->len + n > b->size) {
            b->size = (b->len + n) * 2;
            b->data = xrealloc(b->data, b->size);
        }
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static size_t buf_used(const struct relay_buf *b)
{
    return b->len - b->off;
}

static void buf_add_msg(struct relay_buf *b, uint32_t type, const void *payload, size_t len)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, (uint32_t)len, hdr);
    buf_add(b, hdr, sizeof hdr);
    if (len > 0)
        buf_add(b, payload, len);
}

/* Write what fd takes now; false when it is gone. */
static bool buf_flush(struct relay_buf *b, int fd)
{
    while (buf_used(b) > 0) {
        ssize_t n = write(fd, b->data + b->off, buf_used(b));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return true;
        if (n <= 0)
            return false;
        b->off += (size_t)n;
    }
    return true;
}

/* Whether pid is a relay of this token (not a process that took a dead relay's pid). */
static bool is_relay(long pid, const char *token)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%ld/cmdline", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    bool word = false, tok = false;
    for (ssize_t i = 0; i < n;) {
        const char *arg = buf + i;
        size_t len = strnlen(arg, (size_t)(n - i));
        word = word || strcmp(arg, STDIO_RELAY_WORD) == 0;
        tok = tok || strcmp(arg, token) == 0;
        i += (ssize_t)len + 1;
    }
    return word && tok;
}

/* The same local client reconnecting: end the relay it left behind (a frozen link keeps
 * it until its timeout) before this one connects. The lock file holds its pid. */
static int take_token(const char *path, const char *token)
{
    for (const char *p = token; *p != '\0'; p++) {
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')) || p - token > 32)
            return -1;
    }
    char *lock = xasprintf("%s.remote-%s", path, token);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    free(lock);
    if (fd < 0)
        return -1;
    long long deadline = clock_monotonic_ms() + 3000;
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char pidbuf[32] = "";
        ssize_t n = pread(fd, pidbuf, sizeof pidbuf - 1, 0);
        long pid = n > 0 ? strtol(pidbuf, NULL, 10) : 0;
        if (pid > 1 && pid != (long)getpid() && is_relay(pid, token))
            kill((pid_t)pid, SIGTERM);
        if (clock_monotonic_ms() > deadline)
            break; /* connect anyway: two clients attached for a moment at worst */
        struct timespec ts = {0, 10 * 1000000};
        nanosleep(&ts, NULL);
    }
    char pidbuf[32];
    int n = snprintf(pidbuf, sizeof pidbuf, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) == 0 && pwrite(fd, pidbuf, (size_t)n, 0) < 0)
        return fd;
    return fd; /* kept open (and locked) until we exit */
}

/* The client's MSG_IDENTIFY as the server should see it: this host's pid and working
 * directory (the local ones mean nothing here). NULL when malformed. */
static char *rewrite_identify(const char *payload, size_t len, size_t *outlen)
{
    struct proto_identify id;
    if (len < sizeof id)
        return NULL;
    memcpy(&id, payload, sizeof id);
    size_t off = sizeof id;
    const char *term = proto_next_string(payload, len, &off);
    if (term == NULL)
        return NULL;
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        snprintf(cwd, sizeof cwd, "/");
    id.pid = (int32_t)getpid();
    size_t tlen = strlen(term) + 1, clen = strlen(cwd) + 1;
    char *out = xmalloc(sizeof id + tlen + clen);
    memcpy(out, &id, sizeof id);
    memcpy(out + sizeof id, term, tlen);
    memcpy(out + sizeof id + tlen, cwd, clen);
    *outlen = sizeof id + tlen + clen;
    return out;
}

/* Refuse the client in its own protocol, then leave. */
static int relay_refuse(struct relay_buf *out, const char *text)
{
    char *msg = xasprintf("tmx: %s\n", text);
    buf_add_msg(out, MSG_STDERR, msg, strlen(msg));
    free(msg);
    char exitmsg[5] = {1, 0, 0, 0, 0};
    buf_add_msg(out, MSG_EXIT, exitmsg, sizeof exitmsg);
    int flags = fcntl(STDOUT_FILENO, F_GETFL);
    fcntl(STDOUT_FILENO, F_SETFL, flags & ~O_NONBLOCK);
    buf_flush(out, STDOUT_FILENO);
    return 1;
}

int stdio_relay_main(const struct client_options *opts, int argc, char **argv)
{
    long timeout = argc > 1 ? strtol(argv[1], NULL, 10) : 6000;
    const char *token = argc > 2 ? argv[2] : NULL;
    if (timeout < 100 || timeout > 3600000)
        timeout = 6000;
    signal(SIGPIPE, SIG_IGN);

    /* Hello first: the client looks for it past whatever the remote shell printed. */
    uint32_t vmin, vmax;
    proto_versions(&vmin, &vmax);
    char hello[PROTO_HELLO_MAX];
    size_t hlen = proto_hello_format(hello, sizeof hello, vmin, vmax, TMX_VERSION);
    fd_write_all(STDOUT_FILENO, hello, hlen);

    struct relay_buf out = {0}, tosock = {0}, in = {0}, sockin = {0};
    char path[4096], err[1024];
    if (client_socket_path(opts, path, sizeof path, err, sizeof err) != 0)
        return relay_refuse(&out, err);
    int lockfd = token != NULL ? take_token(path, token) : -1;

    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    fcntl(STDOUT_FILENO, F_SETFL, fcntl(STDOUT_FILENO, F_GETFL) | O_NONBLOCK);

    /* Until the command: keep the client's messages (identify rewritten, this host's
     * environment after it), answer pings; then connect, as the command needs. */
    int sock = -1;
    bool identified = false;
    long long last_in = clock_monotonic_ms();
    char rbuf[65536];
    int status = 0;
    for (;;) {
        long long wait = last_in + timeout - clock_monotonic_ms();
        if (wait <= 0)
            break; /* the link is silent: the server sees us go */
        bool sock_room = sock >= 0 && buf_used(&out) < RELAY_OUT_HIGH;
        struct pollfd pfd[4] = {
            {.fd = buf_used(&tosock) < RELAY_SOCK_HIGH ? STDIN_FILENO : -1, .events = POLLIN},
            {.fd = sock_room ? sock : -1, .events = POLLIN},
            {.fd = buf_used(&out) > 0 ? STDOUT_FILENO : -1, .events = POLLOUT},
            {.fd = sock >= 0 && buf_used(&tosock) > 0 ? sock : -1, .events = POLLOUT},
        };
        int n = poll(pfd, 4, wait > 1000 ? 1000 : (int)wait);
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        if (pfd[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
            if (!buf_flush(&out, STDOUT_FILENO))
                break;
        }
        if (pfd[3].revents & (POLLOUT | POLLERR | POLLHUP)) {
            if (!buf_flush(&tosock, sock))
                break;
        }
        if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t r = read(STDIN_FILENO, rbuf, sizeof rbuf);
            if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN))
                break; /* ssh closed: the client went */
            if (r > 0) {
                last_in = clock_monotonic_ms();
                buf_add(&in, rbuf, (size_t)r);
            }
            /* Whole messages from the client. */
            for (;;) {
                struct proto_header hdr;
                const char *why = NULL;
                const char *at = in.data + in.off;
                enum proto_status st = proto_peek(at, buf_used(&in), &hdr, &why);
                if (st == PROTO_INCOMPLETE)
                    break;
                if (st == PROTO_BAD) {
                    status = 1;
                    goto done;
                }
                const char *payload = at + PROTO_HEADER_SIZE;
                if (hdr.type == MSG_PING) {
                    if (hdr.len <= PROTO_PING_MAX)
                        buf_add_msg(&out, MSG_PONG, payload, hdr.len);
                } else if (hdr.type == MSG_IDENTIFY && !identified) {
                    size_t idlen;
                    char *id = rewrite_identify(payload, hdr.len, &idlen);
                    if (id == NULL) {
                        status = 1;
                        goto done;
                    }
                    identified = true;
                    buf_add_msg(&tosock, MSG_IDENTIFY, id, idlen);
                    free(id);
                    for (char **e = environ; *e != NULL; e++) {
                        size_t elen = strlen(*e) + 1;
                        if (elen < 4096)
                            buf_add_msg(&tosock, MSG_ENVIRON, *e, elen);
                    }
                } else if (hdr.type == MSG_ENVIRON) {
                    /* The local machine's environment means nothing here: ours went. */
                } else if (hdr.type == MSG_TTY) {
                    /* No terminal crosses ssh: the server relays (MSG_OUTPUT). */
                } else {
                    buf_add(&tosock, at, PROTO_HEADER_SIZE + hdr.len);
                    if (hdr.type == MSG_COMMAND && sock < 0) {
                        /* Connect now, starting a server only for a command that would. */
                        size_t off = 0;
                        int cargc = 0;
                        char *cargv[256];
                        const char *arg;
                        while (cargc < 255 &&
                               (arg = proto_next_string(payload, hdr.len, &off)) != NULL)
                            cargv[cargc++] = (char *)arg;
                        cargv[cargc] = NULL;
                        bool may_start = cargc == 0 || cmdline_starts_server(cargc, cargv);
                        sock = client_connect(opts, path, may_start, err, sizeof err);
                        if (sock < 0) {
                            char *why2 = *err != '\0' ? xasprintf("no server running on %s (%s)",
                                                                 path, err)
                                                      : xasprintf("no server running on %s", path);
                            status = relay_refuse(&out, why2);
                            free(why2);
                            goto done;
                        }
                        fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
                    }
                }
                in.off += PROTO_HEADER_SIZE + hdr.len;
            }
            if (sock < 0 && buf_used(&tosock) > RELAY_SOCK_HIGH) {
                status = 1;
                goto done; /* a client that never sends its command */
            }
            if (sock >= 0 && !buf_flush(&tosock, sock))
                break;
        }
        if (pfd[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t r = read(sock, rbuf, sizeof rbuf);
            if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN))
                break; /* the server closed: what it sent is flushed below */
            if (r > 0)
                buf_add(&sockin, rbuf, (size_t)r);
            /* Whole messages only, so that a MSG_PONG never lands inside one. */
            for (;;) {
                struct proto_header hdr;
                const char *at = sockin.data + sockin.off;
                enum proto_status st = proto_peek(at, buf_used(&sockin), &hdr, NULL);
                if (st == PROTO_INCOMPLETE)
                    break;
                if (st == PROTO_BAD) {
                    status = 1;
                    goto done;
                }
                buf_add(&out, at, PROTO_HEADER_SIZE + hdr.len);
                sockin.off += PROTO_HEADER_SIZE + hdr.len;
            }
            if (!buf_flush(&out, STDOUT_FILENO))
                break;
        }
    }
done:
    /* What the server said last (its MSG_EXIT) still goes out, for a little while. */
    if (sock >= 0)
        close(sock);
    long long deadline = clock_monotonic_ms() + 2000;
    while (buf_used(&out) > 0 && clock_monotonic_ms() < deadline) {
        struct pollfd p = {.fd = STDOUT_FILENO, .events = POLLOUT};
        if (poll(&p, 1, 100) > 0 && !buf_flush(&out, STDOUT_FILENO))
            break;
    }
    if (lockfd >= 0) {
        if (status == 0 && token != NULL) {
            char *lock = xasprintf("%s.remote-%s", path, token);
            unlink(lock); /* this client is done; a killed relay leaves it to the next */
            free(lock);
        }
        close(lockfd);
    }
    free(out.data);
    free(tosock.data);
    free(in.data);
    free(sockin.data);
    return status;
}
