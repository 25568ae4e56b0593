/* keeper.c - the keeper process (see keeper.h): one poll loop over its listening socket,
 * the attached server, a signalfd and, while no server is attached, every pty master.
 * All its state is one struct keeper. */
#include "keeper.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keeper_proto.h"
#include "xmalloc.h"

/* Milliseconds a send to the server may wait for room before the keeper drops it (a
 * stopped server must not stop the keeper). */
#define KEEPER_SEND_TIMEOUT 5000

/* A pane's program, its pty master, and what it printed while no server was attached. */
struct kpane {
    struct kpane *next;
    uint32_t id;
    pid_t pid;
    int master;      /* -1 once closed (EOF with no server, or FORGET) */
    bool exited;     /* reaped: status is valid */
    int status;
    bool forgotten;  /* the server closed it: drop the record once reaped */
    char *tag;
    uint16_t cols, rows;
    char *ring;      /* KEEPER_RING bytes, allocated at the first byte */
    size_t ring_start, ring_len;
    uint64_t dropped; /* bytes the ring lost (oldest first) */
};

struct keeper {
    int listen_fd;
    int server_fd; /* -1: no server attached */
    bool server_closed; /* it closed its end: read what it sent, send nothing */
    int sig_fd;
    char *path;
    struct kpane *panes;
    size_t ring_size;
    bool quit;
    char *packet;
    struct keeper_buf out;
    struct keeper_buf parts; /* a KMSG_SPAWN's payload so far (KMSG_PART) */
};

static struct kpane *keeper_find(struct keeper *k, uint32_t id)
{
    for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
        if (kp->id == id && !kp->forgotten)
            return kp;
    }
    return NULL;
}

static void kpane_close(struct kpane *kp)
{
    if (kp->master >= 0)
        close(kp->master);
    kp->master = -1;
}

static void keeper_remove(struct keeper *k, struct kpane *kp)
{
    for (struct kpane **pp = &k->panes; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == kp) {
            *pp = kp->next;
            break;
        }
    }
    kpane_close(kp);
    free(kp->ring);
    free(kp->tag);
    free(kp);
}

/* Send the packet in k->out to the server; a server that does not take it is dropped. */
static void keeper_drop_server(struct keeper *k);
static void keeper_send_out(struct keeper *k, const int *fds, int nfds)
{
    if (k->server_fd < 0 || k->server_closed)
        return;
    if (!keeper_buf_finish(&k->out) ||
        keeper_send(k->server_fd, &k->out, fds, nfds, KEEPER_SEND_TIMEOUT) != 0) {
        /* A server that closed its end may have left packets (FORGET, BYE) to read:
         * they are read before its end of file. One that does not read is dropped. */
        if (errno == EPIPE || errno == ECONNRESET)
            k->server_closed = true;
        else
            keeper_drop_server(k);
    }
}

/* Bytes read from a pty while no server is attached: the newest ring_size are kept. */
static void kpane_ring_add(struct keeper *k, struct kpane *kp, const char *buf, size_t n)
{
    size_t cap = k->ring_size;
    if (cap == 0) {
        kp->dropped += n;
        return;
    }
    if (kp->ring == NULL)
        kp->ring = xmalloc(cap);
    if (n > cap) {
        kp->dropped += n - cap;
        buf += n - cap;
        n = cap;
    }
    if (kp->ring_len + n > cap) {
        size_t lose = kp->ring_len + n - cap;
        kp->ring_start = (kp->ring_start + lose) % cap;
        kp->ring_len -= lose;
        kp->dropped += lose;
    }
    size_t at = (kp->ring_start + kp->ring_len) % cap;
    size_t first = n < cap - at ? n : cap - at;
    memcpy(kp->ring + at, buf, first);
    memcpy(kp->ring, buf + first, n - first);
    kp->ring_len += n;
}

/* Reap every child: a pane's exit is reported to the server, or kept for the next one;
 * orphans of the panes' programs (the keeper is their subreaper) are only reaped. */
static void keeper_reap(struct keeper *k)
{
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid <= 0)
            return;
        if (!WIFEXITED(status) && !WIFSIGNALED(status))
            continue;
        struct kpane *kp;
        for (kp = k->panes; kp != NULL; kp = kp->next) {
            if (kp->pid == pid && !kp->exited)
                break;
        }
        if (kp == NULL)
            continue;
        kp->exited = true;
        kp->status = status;
        if (kp->forgotten) {
            keeper_remove(k, kp);
            continue;
        }
        if (k->server_fd >= 0) {
            keeper_buf_start(&k->out, KMSG_EXIT);
            keeper_buf_u32(&k->out, kp->id);
            keeper_buf_u32(&k->out, (uint32_t)pid);
            keeper_buf_u32(&k->out, (uint32_t)status);
            keeper_send_out(k, NULL, 0);
        }
    }
}

/* In the child: the pty's slave as the controlling terminal and stdio, the server's
 * environment and directory, then the program. An exec failure goes to errfd. */
static void keeper_child(const struct keeper_msg *m, int slave, int errfd)
{
    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    ioctl(slave, TIOCSCTTY, 0);
    dup2(slave, STDIN_FILENO);
    dup2(slave, STDOUT_FILENO);
    dup2(slave, STDERR_FILENO);
    int keep = errfd > 3 ? errfd : 3;
    if (errfd != 3) {
        dup2(errfd, 3); /* close-on-exec: it closes when exec works */
        fcntl(3, F_SETFD, FD_CLOEXEC);
        keep = 3;
    }
    close_range((unsigned)keep + 1, ~0u, 0);
    environ = m->env;
    if (*m->cwd == '\0' || chdir(m->cwd) != 0) {
        const char *home = getenv("HOME");
        if (home == NULL || chdir(home) != 0) {
            if (chdir("/") != 0) {
                /* nothing more to try */
            }
        }
    }
    execvp(m->file, m->argv);
    int e = errno;
    if (write(3, &e, sizeof e) < 0) {
        /* the server learns nothing more; the pane just exits */
    }
    _exit(127);
}

/* KMSG_SPAWN: fork the program on the pty the server opened. Answers KMSG_SPAWNED. */
static void keeper_spawn(struct keeper *k, const struct keeper_msg *m, int master, int slave)
{
    int err = 0;
    pid_t pid = -1;
    int errpipe[2] = {-1, -1};
    struct kpane *old = keeper_find(k, m->id);
    if (old != NULL) {
        /* The same pane id again (respawn) without a FORGET: the old one is the server's
         * no more. */
        kpane_close(old);
        old->forgotten = true;
        if (old->exited)
            keeper_remove(k, old);
    }
    if (master < 0 || slave < 0)
        err = EBADF;
    else if (pipe2(errpipe, O_CLOEXEC) != 0)
        err = errno;
    else {
        sigset_t all, saved;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &saved);
        pid = fork();
        if (pid == 0) {
            close(errpipe[0]);
            close(master);
            keeper_child(m, slave, errpipe[1]);
        }
        err = errno;
        sigprocmask(SIG_SETMASK, &saved, NULL);
        close(errpipe[1]);
        if (pid > 0) {
            int child_errno = 0;
            ssize_t n;
            do
                n = read(errpipe[0], &child_errno, sizeof child_errno);
            while (n < 0 && errno == EINTR);
            if (n == (ssize_t)sizeof child_errno) {
                err = child_errno;
                waitpid(pid, NULL, 0); /* it exits at once after the failed exec */
                pid = -1;
            } else
                err = 0;
        }
        close(errpipe[0]);
    }
    if (slave >= 0)
        close(slave);
    if (pid > 0) {
        struct kpane *kp = xcalloc(1, sizeof *kp);
        kp->id = m->id;
        kp->pid = pid;
        kp->master = master;
        kp->cols = m->cols;
        kp->rows = m->rows;
        kp->tag = xstrdup(m->text);
        kp->next = k->panes;
        k->panes = kp;
    } else if (master >= 0)
        close(master);
    keeper_buf_start(&k->out, KMSG_SPAWNED);
    keeper_buf_u32(&k->out, m->id);
    keeper_buf_u32(&k->out, (uint32_t)(pid > 0 ? pid : -1));
    keeper_buf_u32(&k->out, (uint32_t)err);
    keeper_send_out(k, NULL, 0);
}

/* KMSG_HELLO: a server adopts every pane: its master, its status if it ended, and the
 * ring of what it printed meanwhile. */
static void keeper_hello(struct keeper *k, const struct keeper_msg *m)
{
    if (m->version != KEEPER_PROTO_VERSION) {
        keeper_buf_start(&k->out, KMSG_REFUSED);
        char why[160];
        snprintf(why, sizeof why, "the keeper speaks version %u, this server %u",
                 KEEPER_PROTO_VERSION, m->version);
        keeper_buf_str(&k->out, why);
        keeper_send_out(k, NULL, 0);
        keeper_drop_server(k);
        return;
    }
    k->ring_size = m->ring_size <= KEEPER_RING_MAX ? m->ring_size : KEEPER_RING_MAX;
    uint32_t n = 0;
    for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next)
        n += !kp->forgotten;
    keeper_buf_start(&k->out, KMSG_WELCOME);
    keeper_buf_u32(&k->out, KEEPER_PROTO_VERSION);
    keeper_buf_u32(&k->out, (uint32_t)getpid());
    keeper_buf_u32(&k->out, n);
    keeper_send_out(k, NULL, 0);
    struct kpane *kp = k->panes, *next;
    for (; kp != NULL && k->server_fd >= 0; kp = next) {
        next = kp->next;
        if (kp->forgotten)
            continue;
        keeper_buf_start(&k->out, KMSG_PANE);
        keeper_buf_u32(&k->out, kp->id);
        keeper_buf_u32(&k->out, (uint32_t)kp->pid);
        keeper_buf_u32(&k->out, (kp->exited ? KPANE_EXITED : 0) | (kp->master >= 0 ? KPANE_FD : 0));
        keeper_buf_u32(&k->out, (uint32_t)kp->status);
        keeper_buf_u32(&k->out, (uint32_t)kp->ring_len);
        keeper_buf_u32(&k->out, kp->dropped > UINT32_MAX ? UINT32_MAX : (uint32_t)kp->dropped);
        keeper_buf_u16(&k->out, kp->cols);
        keeper_buf_u16(&k->out, kp->rows);
        keeper_buf_str(&k->out, kp->tag);
        keeper_send_out(k, &kp->master, kp->master >= 0 ? 1 : 0);
        size_t cap = k->ring_size;
        while (kp->ring_len > 0 && k->server_fd >= 0) {
            size_t chunk = kp->ring_len < KEEPER_RING_CHUNK ? kp->ring_len : KEEPER_RING_CHUNK;
            if (chunk > cap - kp->ring_start)
                chunk = cap - kp->ring_start;
            keeper_buf_start(&k->out, KMSG_RING);
            keeper_buf_u32(&k->out, kp->id);
            keeper_buf_bytes(&k->out, kp->ring + kp->ring_start, chunk);
            keeper_send_out(k, NULL, 0);
            kp->ring_start = (kp->ring_start + chunk) % cap;
            kp->ring_len -= chunk;
        }
        if (k->server_fd < 0)
            return; /* the next server gets what is left */
        free(kp->ring);
        kp->ring = NULL;
        kp->ring_start = kp->ring_len = 0;
        kp->dropped = 0;
        if (kp->exited && kp->master < 0)
            keeper_remove(k, kp); /* the server has its status */
    }
    keeper_buf_start(&k->out, KMSG_DONE);
    keeper_send_out(k, NULL, 0);
}

/* Hang up every program still running (the server ends them on purpose). */
static void keeper_hangup_all(struct keeper *k)
{
    for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
        if (!kp->exited && kp->pid > 0) {
            kill(-kp->pid, SIGHUP);
            kill(kp->pid, SIGHUP);
        }
    }
}

static void keeper_drop_server(struct keeper *k)
{
    if (k->server_fd < 0)
        return;
    close(k->server_fd);
    k->server_fd = -1;
    k->server_closed = false;
    for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
        if (kp->master >= 0)
            fcntl(kp->master, F_SETFL, fcntl(kp->master, F_GETFL) | O_NONBLOCK);
    }
}

/* One packet from the server. */
static void keeper_server_read(struct keeper *k)
{
    int fds[2];
    ssize_t n = keeper_recv(k->server_fd, k->packet, fds);
    if (n < 0 && errno == EAGAIN)
        return;
    struct keeper_msg m;
    int bad;
    if (n >= KEEPER_HEADER_SIZE && k->parts.len > 0 && (unsigned char)k->packet[0] == KMSG_SPAWN &&
        memcmp(k->packet + 1, "\0\0\0", 3) == 0) {
        /* The last part of a large spawn: decoded with the parts before it. */
        keeper_buf_bytes(&k->parts, k->packet + KEEPER_HEADER_SIZE, (size_t)n - KEEPER_HEADER_SIZE);
        bad = !keeper_buf_finish(&k->parts) ||
              keeper_msg_decode(k->parts.data, k->parts.len, &m) != 0;
    } else {
        bad = n <= 0 || keeper_msg_decode(k->packet, (size_t)n, &m) != 0;
        if (!bad && m.type == KMSG_PART) {
            /* A large spawn's first bytes: kept (bounded) until its KMSG_SPAWN. */
            if (k->parts.len == 0)
                keeper_buf_start(&k->parts, KMSG_SPAWN);
            bad = k->parts.len + m.size > KEEPER_SPAWN_MAX || fds[0] >= 0;
            if (!bad) {
                keeper_buf_bytes(&k->parts, m.data, m.size);
                return;
            }
        }
    }
    if (bad) {
        k->parts.len = 0;
        for (int i = 0; i < 2; i++) {
            if (fds[i] >= 0)
                close(fds[i]);
        }
        keeper_drop_server(k);
        return;
    }
    if (m.type != KMSG_SPAWN) {
        for (int i = 0; i < 2; i++) {
            if (fds[i] >= 0)
                close(fds[i]);
        }
    }
    struct kpane *kp;
    switch (m.type) {
    case KMSG_HELLO:
        keeper_hello(k, &m);
        break;
    case KMSG_SPAWN:
        keeper_spawn(k, &m, fds[0], fds[1]);
        k->parts.len = 0;
        break;
    case KMSG_FORGET:
        kp = keeper_find(k, m.id);
        if (kp != NULL && kp->pid == m.pid) {
            kpane_close(kp);
            kp->forgotten = true;
            if (kp->exited)
                keeper_remove(k, kp);
        }
        break;
    case KMSG_TAG:
        kp = keeper_find(k, m.id);
        if (kp != NULL) {
            free(kp->tag);
            kp->tag = xstrdup(m.text);
        }
        break;
    case KMSG_BYE:
        keeper_hangup_all(k);
        k->quit = true;
        break;
    default:
        keeper_drop_server(k); /* a keeper's message from the server: not a server */
        break;
    }
    keeper_msg_clear(&m);
}

/* A new connection of our uid (anyone else is closed at once): its first packet says
 * what it is. A client's probe is answered (WELCOME with the number of panes when no
 * server is attached, else REFUSED) and closed; a server's HELLO makes it the server,
 * unless one is attached (REFUSED: one server adopts the panes). */
static void keeper_accept(struct keeper *k)
{
    int fd = accept4(k->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0)
        return;
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != getuid()) {
        close(fd);
        return;
    }
    struct pollfd pfd = {fd, POLLIN, 0};
    int fds[2] = {-1, -1};
    ssize_t n = poll(&pfd, 1, 1000) == 1 ? keeper_recv(fd, k->packet, fds) : -1;
    for (int i = 0; i < 2; i++) {
        if (fds[i] >= 0)
            close(fds[i]);
    }
    struct keeper_msg m;
    if (n <= 0 || keeper_msg_decode(k->packet, (size_t)n, &m) != 0) {
        close(fd);
        return;
    }
    keeper_msg_clear(&m);
    struct keeper_buf b = {0};
    if (k->server_fd >= 0) {
        keeper_buf_start(&b, KMSG_REFUSED);
        keeper_buf_str(&b, "another server has adopted this keeper's panes");
    } else if (m.type == KMSG_PROBE) {
        uint32_t npanes = 0;
        for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next)
            npanes += !kp->forgotten;
        keeper_buf_start(&b, KMSG_WELCOME);
        keeper_buf_u32(&b, KEEPER_PROTO_VERSION);
        keeper_buf_u32(&b, (uint32_t)getpid());
        keeper_buf_u32(&b, npanes);
    } else if (m.type == KMSG_HELLO) {
        k->server_fd = fd;
        keeper_hello(k, &m);
        return;
    }
    if (b.len > 0 && keeper_buf_finish(&b))
        keeper_send(fd, &b, NULL, 0, 100);
    keeper_buf_free(&b);
    close(fd);
}

/* No server attached: read what a program printed into its ring. */
static void keeper_pty_read(struct keeper *k, struct kpane *kp)
{
    char buf[65536];
    ssize_t n = read(kp->master, buf, sizeof buf);
    if (n > 0) {
        kpane_ring_add(k, kp, buf, (size_t)n);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    kpane_close(kp); /* EIO: every holder of the slave closed it */
}

static int keeper_listen(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path)
        return -1;
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    unlink(path);
    mode_t old = umask(0177);
    int r = bind(fd, (struct sockaddr *)&sa, sizeof sa);
    umask(old);
    if (r != 0 || listen(fd, 16) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void keeper_loop(struct keeper *k)
{
    struct pollfd *pfd = NULL;
    struct kpane **who = NULL;
    size_t cap = 0;
    while (!k->quit) {
        size_t n = 0, np = 0;
        for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next)
            np++;
        if (np + 3 > cap) {
            cap = (np + 3) * 2;
            pfd = xreallocarray(pfd, cap, sizeof *pfd);
            who = xreallocarray(who, cap, sizeof *who);
        }
        pfd[n++] = (struct pollfd){k->sig_fd, POLLIN, 0};
        pfd[n++] = (struct pollfd){k->listen_fd, POLLIN, 0};
        if (k->server_fd >= 0)
            pfd[n++] = (struct pollfd){k->server_fd, POLLIN, 0};
        size_t first = n;
        if (k->server_fd < 0) {
            for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
                if (kp->master >= 0 && !kp->forgotten) {
                    who[n] = kp;
                    pfd[n++] = (struct pollfd){kp->master, POLLIN, 0};
                }
            }
        }
        if (poll(pfd, n, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (pfd[0].revents != 0) {
            struct signalfd_siginfo si;
            while (read(k->sig_fd, &si, sizeof si) == (ssize_t)sizeof si) {
                if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT) {
                    keeper_hangup_all(k);
                    k->quit = true;
                }
            }
            keeper_reap(k);
        }
        bool had_server = k->server_fd >= 0;
        if (had_server && (pfd[2].revents & (POLLIN | POLLHUP | POLLERR)) != 0)
            keeper_server_read(k);
        for (size_t i = first; i < n && !had_server; i++) {
            if (pfd[i].revents != 0)
                keeper_pty_read(k, who[i]);
        }
        if (pfd[1].revents != 0)
            keeper_accept(k);
        /* No server and nothing left to keep: the keeper's work is done. */
        if (k->server_fd < 0 && k->panes == NULL)
            k->quit = true;
    }
    free(pfd);
    free(who);
}

int keeper_main(int argc, char **argv)
{
    if (argc < 4)
        return 1;
    struct keeper k = {.server_fd = atoi(argv[3]), .ring_size = KEEPER_RING_DEFAULT};
    k.path = argv[2];
    prctl(PR_SET_NAME, "tmx: keeper");
    /* The subreaper of every pane's program: their orphans come to us to be reaped. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, NULL);
    k.sig_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (k.server_fd < 3 || fcntl(k.server_fd, F_SETFD, FD_CLOEXEC) != 0 || k.sig_fd < 0)
        return 1;
    k.listen_fd = keeper_listen(k.path);
    if (k.listen_fd < 0)
        return 1;
    k.packet = xmalloc(KEEPER_MSG_MAX);
    keeper_loop(&k);
    close(k.listen_fd);
    unlink(k.path);
    while (k.panes != NULL)
        keeper_remove(&k, k.panes);
    if (k.server_fd >= 0)
        close(k.server_fd);
    close(k.sig_fd);
    keeper_buf_free(&k.out);
    keeper_buf_free(&k.parts);
    free(k.packet);
    return 0;
}
