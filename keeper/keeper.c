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
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock_ms.h"
#include "keeper_proto.h"
#include "keeper_ring.h"
#include "sbuf.h"
#include "xmalloc.h"

/* Milliseconds a send to the server may wait for room before the keeper drops it (a
 * stopped server must not stop the keeper). */
#define KEEPER_SEND_TIMEOUT 5000

/* New connections whose first packet has not come yet, and how long one may take to
 * send it: they are polled with everything else, so a silent one never stops the loop. */
#define KEEPER_PENDING_MAX 8
#define KEEPER_FIRST_PACKET_MS 1000

/* While another keeper lives at SOCKET.keeper, how often the path is tried again. */
#define KEEPER_RETRY_MS 1000

struct keeper_pending {
    int fd;          /* -1: a free slot */
    int64_t expires; /* CLOCK_MONOTONIC ms */
};

/* A pane's program, its pty master, and its output ring (keeper_ring.h): the server
 * appends what it reads while attached, the keeper while none is. */
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
    struct keeper_ring *ring; /* NULL: none (size 0, or no memfd) */
    uint64_t handed;  /* the ring's head when the last server let go of it: a version-1
                       * server is sent the bytes after it */
    uint64_t dropped; /* bytes read with no ring to keep them */
};

struct keeper {
    int listen_fd;  /* -1: not listening (keeper_start_listening) */
    bool listen_failed; /* no socket: nobody could adopt the programs after the server */
    int64_t listen_retry_at; /* CLOCK_MONOTONIC ms of the next try while another keeper
                              * holds the path; 0: not waiting for it */
    int server_fd; /* -1: no server attached */
    uint32_t server_version; /* the protocol its HELLO spoke */
    bool server_closed; /* it closed its end: read what it sent, send nothing */
    int sig_fd;
    char *path;
    struct kpane *panes;
    size_t ring_size;
    bool quit;
    char *packet;
    struct keeper_buf out;
    struct keeper_buf parts; /* a KMSG_SPAWN's payload so far (KMSG_PART) */
    struct rlimit nofile;    /* the descriptor limit it was started with: the programs'
                              * (the keeper's own is raised to the hard limit: two
                              * descriptors a pane, the master and its ring) */
    uint32_t grace;          /* KMSG_KEEP: seconds to wait with no server and no program
                              * left (KEEPER_GRACE_FOREVER until a server says) */
    char *snap_path;         /* the snapshot the exits go to ("" or NULL: none) */
    int64_t leave_at;        /* CLOCK_MONOTONIC ms at which it leaves; 0: not waiting */
    struct keeper_pending pending[KEEPER_PENDING_MAX]; /* accepted, first packet not yet in */
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
    keeper_ring_free(kp->ring);
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

/* The signals the keeper ignores (keeper_run); every other disposition is the default
 * it was started with (keeper.h), and it catches none (its signals come through a
 * signalfd, blocked). */
static const int keeper_ignored[] = {SIGPIPE, SIGHUP};

/* In the child (born in the pane's directory: keeper_spawn_program): the pty's slave as
 * the controlling terminal and stdio, the server's environment, then the program. The keeper has already answered with
 * this pid (keeper_exec_check found the program), so an exec that fails anyway is told
 * where a shell tells it, on the terminal, and is the pane's exit status 127. The
 * program starts with every signal at its default and none blocked: the keeper's
 * ignored ones are put back (an ignored signal stays ignored across exec; the rest are
 * the defaults already), not all 64 (a system call each, on every pane's start). */
static void keeper_child(const struct keeper_msg *m, int slave, const struct rlimit *nofile)
{
    if (nofile->rlim_max > 0)
        setrlimit(RLIMIT_NOFILE, nofile); /* the limit programs get from a shell */
    for (size_t i = 0; i < sizeof keeper_ignored / sizeof keeper_ignored[0]; i++)
        signal(keeper_ignored[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    ioctl(slave, TIOCSCTTY, 0);
    dup2(slave, STDIN_FILENO);
    dup2(slave, STDOUT_FILENO);
    dup2(slave, STDERR_FILENO);
    close_range(3, ~0u, 0);
    environ = m->env;
    execvp(m->file, m->argv);
    dprintf(STDERR_FILENO, "tmx: cannot run \"%s\": %s\n", m->file, strerror(errno));
    _exit(127);
}

/* The value of NAME in a spawn's environment, or NULL. */
static const char *keeper_env_get(const struct keeper_msg *m, const char *name)
{
    size_t len = strlen(name);
    for (char **e = m->env; e != NULL && *e != NULL; e++) {
        if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
            return *e + len + 1;
    }
    return NULL;
}

/* Whether execve(path) would start: 0, or the errno it would fail with for the reasons
 * a user meets (missing, not executable, a directory, a script whose interpreter is
 * missing). Others (ETXTBSY, a missing dynamic loader...) show at the exec itself. */
static int keeper_exec_candidate(const char *path)
{
    struct stat st;
    if (access(path, X_OK) != 0)
        return errno;
    if (stat(path, &st) != 0)
        return errno;
    if (!S_ISREG(st.st_mode))
        return EACCES;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return 0; /* execute-only: the kernel reads it, we cannot */
    char head[256];
    ssize_t n = read(fd, head, sizeof head - 1);
    close(fd);
    if (n < 3 || head[0] != '#' || head[1] != '!')
        return 0;
    head[n] = '\0';
    if (strchr(head + 2, '\n') == NULL)
        return 0; /* a line longer than we read: the kernel decides */
    char *interp = head + 2;
    interp += strspn(interp, " \t");
    interp[strcspn(interp, " \t\n")] = '\0';
    if (*interp != '/')
        return 0; /* relative to the child's directory: the kernel decides */
    if (access(interp, X_OK) != 0)
        return errno == EACCES ? EACCES : ENOENT;
    return 0;
}

/* Before the fork, what execvp in the child would fail with (0: it will start), looked
 * up as execvp does (the spawn's PATH, or /bin:/usr/bin; EACCES kept while the search
 * goes on): the keeper answers SPAWNED without waiting for the exec, and a program that
 * cannot run is still an error of the command that asked for it. */
static int keeper_exec_check(const struct keeper_msg *m)
{
    const char *file = m->file;
    if (*file == '\0')
        return ENOENT;
    if (strchr(file, '/') != NULL)
        return keeper_exec_candidate(file); /* relative: to the pane's directory, ours now */
    const char *search = keeper_env_get(m, "PATH");
    if (search == NULL)
        search = "/bin:/usr/bin";
    bool denied = false;
    for (const char *p = search;; p++) {
        const char *end = strchrnul(p, ':');
        /* An empty entry is the current directory: the pane's, ours now. */
        char *path = end == p ? xstrdup(file) : xasprintf("%.*s/%s", (int)(end - p), p, file);
        int e = keeper_exec_candidate(path);
        free(path);
        if (e == 0)
            return 0;
        if (e == EACCES)
            denied = true;
        else if (e != ENOENT && e != ENOTDIR && e != ESTALE && e != ENODEV &&
                 e != ETIMEDOUT)
            return e;
        if (*end == '\0')
            break;
        p = end;
    }
    return denied ? EACCES : ENOENT;
}

/* KMSG_SPAWN: fork the program on the pty the server opened. Answers KMSG_SPAWNED. */
static void keeper_spawn_program(struct keeper *k, const struct keeper_msg *m, int master,
                                 int slave)
{
    int err = 0;
    pid_t pid = -1;
    struct kpane *old = keeper_find(k, m->id);
    if (old != NULL) {
        /* The same pane id again (respawn) without a FORGET: the old one is the server's
         * no more. */
        kpane_close(old);
        old->forgotten = true;
        if (old->exited)
            keeper_remove(k, old);
    }
    /* The pane's directory (else its HOME, else /) becomes ours around the fork: the
     * child is born there (#{pane_current_path} is right before its exec), and a
     * relative program is looked up from there. */
    int here = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    const char *home = keeper_env_get(m, "HOME");
    if ((*m->cwd == '\0' || chdir(m->cwd) != 0) && (home == NULL || chdir(home) != 0) &&
        chdir("/") != 0) {
        /* nothing more to try: the child stays in ours */
    }
    if (master < 0 || slave < 0)
        err = EBADF;
    else if ((err = keeper_exec_check(m)) == 0) {
        sigset_t all, saved;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &saved);
        /* The child is born with the name its exec will give it (what a pane's
         * #{pane_current_command} and automatic name read before the exec), not ours. */
        char name[16] = "";
        const char *base = strrchr(m->file, '/');
        prctl(PR_GET_NAME, name);
        prctl(PR_SET_NAME, base != NULL ? base + 1 : m->file);
        pid = fork();
        if (pid == 0) {
            close(master);
            keeper_child(m, slave, &k->nofile);
        }
        err = pid < 0 ? errno : 0;
        prctl(PR_SET_NAME, name);
        sigprocmask(SIG_SETMASK, &saved, NULL);
    }
    if (here >= 0) {
        if (fchdir(here) != 0) {
            /* it was there a moment ago; the keeper works from any directory */
        }
        close(here);
    }
    if (slave >= 0)
        close(slave);
    struct kpane *kp = NULL;
    if (pid > 0) {
        kp = xcalloc(1, sizeof *kp);
        kp->id = m->id;
        kp->pid = pid;
        kp->master = master;
        kp->cols = m->cols;
        kp->rows = m->rows;
        kp->tag = xstrdup(m->text);
        /* Its output ring: the size the server asked for (a version-1 server: its
         * HELLO's). Without one (0, or no memfd) the pane still runs; only what it
         * prints with no server attached is lost. */
        size_t size = m->has_ring_size ? m->ring_size : k->ring_size;
        if (size > 0)
            kp->ring = keeper_ring_create(size);
        kp->next = k->panes;
        k->panes = kp;
    } else if (master >= 0)
        close(master);
    keeper_buf_start(&k->out, KMSG_SPAWNED);
    keeper_buf_u32(&k->out, m->id);
    keeper_buf_u32(&k->out, (uint32_t)(pid > 0 ? pid : -1));
    keeper_buf_u32(&k->out, (uint32_t)err);
    bool ring = kp != NULL && kp->ring != NULL && k->server_version >= 2;
    keeper_send_out(k, ring ? &kp->ring->fd : NULL, ring ? 1 : 0);
}

/* A version-1 server: the bytes of kp's ring it has not seen (after handed), as RING
 * packets; what the ring no longer holds is counted as dropped. */
static void keeper_hello_v1_ring(struct keeper *k, struct kpane *kp, uint64_t *dropped,
                                 uint32_t *bytes, const unsigned char **from)
{
    *dropped = kp->dropped;
    *bytes = 0;
    *from = NULL;
    if (kp->ring == NULL)
        return;
    uint64_t head;
    size_t len;
    const unsigned char *win = keeper_ring_window(kp->ring, &head, &len);
    uint64_t want = head >= kp->handed ? head - kp->handed : 0;
    if (want > len) {
        *dropped += want - len;
        want = len;
    }
    *bytes = (uint32_t)want;
    *from = win + (len - (size_t)want);
    (void)k;
}

/* KMSG_HELLO: a server adopts every pane: its master, its status if it ended, and its
 * output ring (version 1: the bytes it printed since the last server, copied). */
static void keeper_hello(struct keeper *k, const struct keeper_msg *m)
{
    if (m->version < KEEPER_PROTO_MIN || m->version > KEEPER_PROTO_VERSION) {
        keeper_buf_start(&k->out, KMSG_REFUSED);
        char why[160];
        snprintf(why, sizeof why, "the keeper speaks versions %u to %u, this server %u",
                 KEEPER_PROTO_MIN, KEEPER_PROTO_VERSION, m->version);
        keeper_buf_str(&k->out, why);
        keeper_send_out(k, NULL, 0);
        keeper_drop_server(k);
        return;
    }
    k->server_version = m->version;
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
        uint64_t dropped = kp->dropped;
        uint32_t bytes = 0;
        const unsigned char *from = NULL;
        bool v2 = k->server_version >= 2;
        if (!v2)
            keeper_hello_v1_ring(k, kp, &dropped, &bytes, &from);
        int fds[2], nfds = 0;
        uint32_t flags = kp->exited ? KPANE_EXITED : 0;
        if (kp->master >= 0) {
            flags |= KPANE_FD;
            fds[nfds++] = kp->master;
        }
        if (v2 && kp->ring != NULL) {
            flags |= KPANE_RING;
            fds[nfds++] = kp->ring->fd;
        }
        keeper_buf_start(&k->out, KMSG_PANE);
        keeper_buf_u32(&k->out, kp->id);
        keeper_buf_u32(&k->out, (uint32_t)kp->pid);
        keeper_buf_u32(&k->out, flags);
        keeper_buf_u32(&k->out, (uint32_t)kp->status);
        keeper_buf_u32(&k->out, bytes);
        keeper_buf_u32(&k->out, dropped > UINT32_MAX ? UINT32_MAX : (uint32_t)dropped);
        keeper_buf_u16(&k->out, kp->cols);
        keeper_buf_u16(&k->out, kp->rows);
        keeper_buf_str(&k->out, kp->tag);
        keeper_send_out(k, fds, nfds);
        while (bytes > 0 && k->server_fd >= 0) {
            uint32_t chunk = bytes < KEEPER_RING_CHUNK ? bytes : KEEPER_RING_CHUNK;
            keeper_buf_start(&k->out, KMSG_RING);
            keeper_buf_u32(&k->out, kp->id);
            keeper_buf_bytes(&k->out, from, chunk);
            keeper_send_out(k, NULL, 0);
            from += chunk;
            bytes -= chunk;
        }
        if (k->server_fd < 0)
            return; /* the next server gets it all again */
        kp->dropped = 0;
        if (kp->exited && kp->master < 0)
            keeper_remove(k, kp); /* the server has its status (and its ring) */
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
        /* The server had every byte up to here (it appended them itself, or a
         * version-1 one was sent them): the keeper appends from here on. */
        if (kp->ring != NULL)
            kp->handed = keeper_ring_head(kp->ring);
    }
}

/* One packet from the server. */
static void keeper_server_read(struct keeper *k)
{
    int fds[2];
    ssize_t n = keeper_recv(k->server_fd, k->packet, fds);
    if (n < 0 && errno == EAGAIN)
        return;
    if (n < 0 && errno == ECONNRESET) {
        /* The server closed with a packet of ours unread (a pane's EXIT as it left):
         * Linux reports that reset before the packets the server sent first (FORGET,
         * BYE). Those are read next, then its end of file: dropped here, the server's
         * panes would be kept as if it had died, and the next command adopts them. */
        k->server_closed = true;
        return;
    }
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
        keeper_spawn_program(k, &m, fds[0], fds[1]);
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
    case KMSG_KEEP:
        k->grace = m.grace;
        free(k->snap_path);
        k->snap_path = xstrdup(m.text);
        break;
    default:
        keeper_drop_server(k); /* a keeper's message from the server: not a server */
        break;
    }
    keeper_msg_clear(&m);
}

/* A new connection's first packet has come (or it closed): it says what the connection
 * is. A client's probe is answered (WELCOME with the number of panes when no server is
 * attached, else REFUSED) and closed; a server's HELLO makes it the server, unless one is
 * attached (REFUSED: one server adopts the panes). */
static void keeper_first_packet(struct keeper *k, int fd)
{
    int fds[2] = {-1, -1};
    ssize_t n = keeper_recv(fd, k->packet, fds);
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
    /* Accepted non-blocking for the wait above; from here on as a started keeper's
     * server socket is (sends wait with a timeout, reads follow poll). */
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
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

/* A new connection of our uid (anyone else is closed at once) waits in a pending slot
 * for its first packet. With every slot taken, the oldest is closed: a few silent
 * connections cannot keep a server out. */
static void keeper_accept(struct keeper *k)
{
    int fd = accept4(k->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0)
        return;
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != getuid()) {
        close(fd);
        return;
    }
    struct keeper_pending *slot = &k->pending[0];
    for (size_t i = 0; i < KEEPER_PENDING_MAX; i++) {
        if (k->pending[i].fd < 0) {
            slot = &k->pending[i];
            break;
        }
        if (k->pending[i].expires < slot->expires)
            slot = &k->pending[i];
    }
    if (slot->fd >= 0)
        close(slot->fd);
    slot->fd = fd;
    slot->expires = clock_monotonic_ms() + KEEPER_FIRST_PACKET_MS;
}

/* Close the pending connections whose time is up; the milliseconds until the next one
 * expires (-1: none pending). */
static int keeper_pending_expire(struct keeper *k, int64_t now)
{
    int64_t next = -1;
    for (size_t i = 0; i < KEEPER_PENDING_MAX; i++) {
        struct keeper_pending *p = &k->pending[i];
        if (p->fd < 0)
            continue;
        if (p->expires <= now) {
            close(p->fd);
            p->fd = -1;
        } else if (next < 0 || p->expires - now < next)
            next = p->expires - now;
    }
    return (int)next;
}

/* No server attached: read what a program printed straight into its ring. */
static void keeper_pty_read(struct keeper *k, struct kpane *kp)
{
    char scratch[4096];
    unsigned char *to = (unsigned char *)scratch;
    size_t room = sizeof scratch;
    if (kp->ring != NULL)
        to = keeper_ring_tail(kp->ring, 65536, &room);
    ssize_t n = read(kp->master, to, room);
    (void)k;
    if (n > 0) {
        if (kp->ring != NULL)
            keeper_ring_commit(kp->ring, (size_t)n);
        else
            kp->dropped += (uint64_t)n;
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    kpane_close(kp); /* EIO: every holder of the slave closed it */
}

static bool keeper_path_fits(const char *path)
{
    return strlen(path) < sizeof ((struct sockaddr_un *)NULL)->sun_path;
}

/* Whether something lives at the socket path sa: a connection is taken, or waits for
 * room (a stopped keeper's full queue), or a socket of another kind is there. Refused
 * (a socket nobody listens on: its keeper died, or a file that is no socket) and gone
 * are the only answers that let the path be taken. */
static bool keeper_path_answers(const struct sockaddr_un *sa)
{
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return true; /* cannot tell: not ours to take */
    int r = connect(fd, (const struct sockaddr *)sa, sizeof *sa);
    int e = errno;
    close(fd); /* the keeper there reads its end of file and closes its end */
    return r == 0 || (e != ECONNREFUSED && e != ENOENT);
}

/* Whether the path sa leads to listen_fd: a connection made to it comes to this process
 * (SO_PEERCRED names the one that listens). A socket bound and not yet listening is
 * refused like a dead one: another keeper may have replaced ours in that moment (it was
 * stopped there), and the path is that keeper's. Our own connection is taken back. */
static bool keeper_path_is_ours(int listen_fd, const struct sockaddr_un *sa)
{
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    bool ours = false;
    if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) == 0) {
        struct ucred cred;
        socklen_t len = sizeof cred;
        ours = getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.pid == getpid();
    }
    close(fd);
    int in = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (in >= 0)
        close(in);
    return ours;
}

/* Bind and listen at path, never taking it from a keeper that lives there: what a dead
 * one left is replaced. The listening fd; -1 with *taken set when another keeper (or
 * anything that answers) holds the path, -1 alone when the path cannot be ours (too
 * long, the directory refuses, something there that cannot be removed). */
static int keeper_listen(const char *path, bool *taken)
{
    *taken = false;
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (!keeper_path_fits(path))
        return -1;
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    mode_t old = umask(0177);
    int r = bind(fd, (struct sockaddr *)&sa, sizeof sa);
    if (r != 0 && errno == EADDRINUSE) {
        if (keeper_path_answers(&sa))
            *taken = true;
        else if (unlink(path) == 0 || errno == ENOENT)
            r = bind(fd, (struct sockaddr *)&sa, sizeof sa);
    }
    umask(old);
    if (r != 0 || listen(fd, 16) != 0) {
        close(fd);
        return -1;
    }
    if (!keeper_path_is_ours(fd, &sa)) {
        close(fd); /* not unlinked: the path is the other keeper's */
        *taken = true;
        return -1;
    }
    return fd;
}

/* No server, and every program ended with its pty read to the end: nothing will change
 * any more but a server adopting what is kept. */
static bool keeper_all_ended(const struct keeper *k)
{
    if (k->server_fd >= 0 || k->panes == NULL)
        return false;
    for (const struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
        if (!kp->exited || kp->master >= 0)
            return false;
    }
    return true;
}

/* Leaving with nobody to adopt: append to the snapshot the dead server left a record of
 * each program's exit status and the last of its output (the newest bytes of its ring,
 * at most KEEPER_SNAP_EXITS_MAX in all), so that tmx resurrect shows them. Only a file
 * that is a snapshot (its header) is written to, and only by appending one record with
 * its CRC: a reader that finds it cut leaves it out. */
static void keeper_leave_exits(struct keeper *k)
{
    if (k->snap_path == NULL || *k->snap_path != '/')
        return;
    int fd = open(k->snap_path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    char head[16];
    struct stat st;
    if (pread(fd, head, sizeof head, 0) != (ssize_t)sizeof head ||
        memcmp(head, "TMXSNAP\0", 8) != 0 || fstat(fd, &st) != 0 || st.st_uid != getuid()) {
        close(fd);
        return;
    }
    struct sbuf pay = {0}, rec = {0};
    size_t n = 0, budget = KEEPER_SNAP_EXITS_MAX;
    for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next)
        n += !kp->forgotten;
    sbuf_varint(&pay, n);
    for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
        if (kp->forgotten)
            continue;
        uint64_t rhead = 0;
        size_t full = 0;
        const unsigned char *win = NULL;
        if (kp->ring != NULL)
            win = keeper_ring_window(kp->ring, &rhead, &full);
        size_t len = full < budget ? full : budget; /* the newest len bytes */
        budget -= len;
        sbuf_svarint(&pay, kp->id);
        sbuf_svarint(&pay, kp->pid);
        sbuf_svarint(&pay, kp->status);
        sbuf_varint(&pay, rhead);
        sbuf_bytes(&pay, len > 0 ? win + (full - len) : (const unsigned char *)"", len);
    }
    sbuf_byte(&rec, KEEPER_SNAP_REC_EXITS);
    sbuf_u32(&rec, (uint32_t)pay.len);
    sbuf_put(&rec, pay.p, pay.len);
    sbuf_u32(&rec, sbuf_crc32(0, rec.p, rec.len));
    size_t off = 0;
    while (off < rec.len) {
        ssize_t w = write(fd, rec.p + off, rec.len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break; /* a full disk: the record is cut, and a reader leaves it out */
        off += (size_t)w;
    }
    fsync(fd);
    sbuf_free(&rec);
    sbuf_free(&pay);
    close(fd);
}

/* Listen at SOCKET.keeper: the first thing the keeper does (keeper_run), before it
 * reads its server's first packet, so it never holds a program that a client's probe
 * cannot find. The socket is for later (a server that adopts after a crash or an upgrade,
 * a client's probe). A keeper that finds another one living there does not take its
 * path (that one's programs would be lost to every later command): it serves its server
 * all the same, keeps its programs when that server goes, and tries again every
 * KEEPER_RETRY_MS; once the other has gone, its programs are adopted by the next command.
 * A keeper that cannot listen at all (the directory refused it) still serves its server;
 * its programs then end with that server, as nobody could adopt them (keeper_loop). */
static void keeper_start_listening(struct keeper *k)
{
    bool taken;
    k->listen_fd = keeper_listen(k->path, &taken);
    k->listen_failed = k->listen_fd < 0 && !taken;
    k->listen_retry_at = k->listen_fd < 0 && taken ? clock_monotonic_ms() + KEEPER_RETRY_MS : 0;
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
        if (np + 3 + KEEPER_PENDING_MAX > cap) {
            cap = (np + 3 + KEEPER_PENDING_MAX) * 2;
            pfd = xreallocarray(pfd, cap, sizeof *pfd);
            who = xreallocarray(who, cap, sizeof *who);
        }
        pfd[n++] = (struct pollfd){k->sig_fd, POLLIN, 0};
        pfd[n++] = (struct pollfd){k->listen_fd, POLLIN, 0};
        if (k->server_fd >= 0)
            pfd[n++] = (struct pollfd){k->server_fd, POLLIN, 0};
        size_t pending_first = n;
        for (size_t i = 0; i < KEEPER_PENDING_MAX; i++) {
            if (k->pending[i].fd >= 0) {
                who[n] = NULL;
                pfd[n++] = (struct pollfd){k->pending[i].fd, POLLIN, 0};
            }
        }
        size_t first = n;
        if (k->server_fd < 0) {
            for (struct kpane *kp = k->panes; kp != NULL; kp = kp->next) {
                if (kp->master >= 0 && !kp->forgotten) {
                    who[n] = kp;
                    pfd[n++] = (struct pollfd){kp->master, POLLIN, 0};
                }
            }
        }
        /* Nobody to adopt what is kept and nothing left running: wait the grace the
         * last server set (keeper-exit-grace), then leave the statuses and go. */
        int timeout = -1;
        if (k->grace != KEEPER_GRACE_FOREVER && keeper_all_ended(k)) {
            int64_t now = clock_monotonic_ms();
            if (k->leave_at == 0)
                k->leave_at = now + (int64_t)k->grace * 1000;
            if (now >= k->leave_at) {
                keeper_leave_exits(k);
                break;
            }
            timeout = (int)(k->leave_at - now < 86400000 ? k->leave_at - now : 86400000);
        } else
            k->leave_at = 0;
        int pending_ms = keeper_pending_expire(k, clock_monotonic_ms());
        if (pending_ms >= 0 && (timeout < 0 || pending_ms < timeout))
            timeout = pending_ms;
        if (k->listen_retry_at > 0) {
            int64_t wait = k->listen_retry_at - clock_monotonic_ms();
            if (wait <= 0) {
                keeper_start_listening(k);
                continue; /* again, with the listening socket (if it is ours now) */
            }
            if (timeout < 0 || wait < timeout)
                timeout = (int)wait;
        }
        int ready = poll(pfd, n, timeout);
        if (ready < 0) {
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
        for (size_t i = pending_first; i < first; i++) {
            if (pfd[i].revents == 0)
                continue;
            for (size_t j = 0; j < KEEPER_PENDING_MAX; j++) {
                if (k->pending[j].fd == pfd[i].fd) {
                    k->pending[j].fd = -1;
                    keeper_first_packet(k, pfd[i].fd);
                    break;
                }
            }
        }
        if (pfd[1].revents != 0)
            keeper_accept(k);
        /* No server and nothing left to keep: the keeper's work is done. */
        if (k->server_fd < 0 && k->panes == NULL)
            k->quit = true;
        /* No server and no socket: nobody can adopt the programs, which end with it. */
        if (k->server_fd < 0 && k->listen_failed && !k->quit) {
            keeper_hangup_all(k);
            k->quit = true;
        }
    }
    free(pfd);
    free(who);
}

int keeper_main(int argc, char **argv)
{
    if (argc < 4)
        return 1;
    return keeper_run(argv[2], atoi(argv[3]));
}

int keeper_run(char *path, int server_fd)
{
    struct keeper k = {.server_fd = server_fd, .ring_size = KEEPER_RING_DEFAULT,
                       .grace = KEEPER_GRACE_FOREVER};
    k.path = path;
    for (size_t i = 0; i < KEEPER_PENDING_MAX; i++)
        k.pending[i].fd = -1;
    if (getrlimit(RLIMIT_NOFILE, &k.nofile) == 0 && k.nofile.rlim_cur < k.nofile.rlim_max) {
        struct rlimit raised = {k.nofile.rlim_max, k.nofile.rlim_max};
        setrlimit(RLIMIT_NOFILE, &raised);
    }
    prctl(PR_SET_NAME, "tmx: keeper");
    /* The subreaper of every pane's program: their orphans come to us to be reaped. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    for (size_t i = 0; i < sizeof keeper_ignored / sizeof keeper_ignored[0]; i++)
        signal(keeper_ignored[i], SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, NULL);
    k.sig_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (k.server_fd < 3 || fcntl(k.server_fd, F_SETFD, FD_CLOEXEC) != 0 || k.sig_fd < 0 ||
        !keeper_path_fits(k.path))
        return 1;
    k.packet = xmalloc(KEEPER_MSG_MAX);
    keeper_start_listening(&k);
    keeper_loop(&k);
    if (k.listen_fd >= 0) {
        close(k.listen_fd);
        unlink(k.path);
    }
    for (size_t i = 0; i < KEEPER_PENDING_MAX; i++) {
        if (k.pending[i].fd >= 0)
            close(k.pending[i].fd);
    }
    while (k.panes != NULL)
        keeper_remove(&k, k.panes);
    if (k.server_fd >= 0)
        close(k.server_fd);
    close(k.sig_fd);
    keeper_buf_free(&k.out);
    keeper_buf_free(&k.parts);
    free(k.packet);
    free(k.snap_path);
    return 0;
}
