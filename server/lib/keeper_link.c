/* keeper_link.c - the server's connection to its keeper (see keeper_link.h). Spawning
 * waits for the keeper's answer (as fork would); everything else the keeper says (exits,
 * its end) arrives through a libevent read event and goes up through the ops. */
#include "keeper_link.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include "clock_ms.h"
#include "keeper.h"
#include "keeper_proto.h"
#include "keeper_ring.h"
#include "log.h"
#include "sched_slice.h"
#include "xmalloc.h"

/* How long the server waits for one answer of the keeper before it gives up on it. */
#define KEEPER_LINK_TIMEOUT 5000
/* The keeper's scheduler slice: the shortest the kernel takes (keeper_link_prestart). */
#define KEEPER_SLICE_NS 100000u

struct pending_exit {
    uint32_t id;
    pid_t pid;
    int status;
};

struct keeper_link {
    struct event_base *base;
    char *path;
    char *label;
    size_t ring_size;
    const struct keeper_link_ops *ops;
    void *arg;
    int fd;
    pid_t pid;
    uint32_t version; /* the protocol spoken with this keeper (a version-1 keeper: 1) */
    /* HELLO went to a keeper this server forked, unanswered yet: its WELCOME and DONE
     * are taken with whatever it says next (link_welcome). */
    bool welcome_pending;
    bool kept;         /* KEEP was sent to this keeper, with these: */
    uint32_t kept_grace;
    char *kept_path;
    struct event *read_ev;
    struct event *deliver_ev; /* exits heard while waiting for a spawn's answer */
    struct pending_exit *pending;
    size_t npending;
    char *packet;
    struct keeper_buf out;
};

static int link_connect(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/* In the forked keeper: a session of its own (no terminal signal reaches it), the
 * server's end of the socketpair as fd 3 and no other descriptor but stdio, default
 * signals, none blocked. */
static void keeper_child_prepare(int server_end)
{
    setsid();
    if (dup2(server_end, 3) < 0)
        _exit(127);
    close_range(4, ~0u, 0);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL);
}

/* In the server after the fork: the keeper's end closed; ours, or -1 with errno (fork's
 * err) when there is no keeper. */
static int keeper_parent_end(pid_t pid, int err, const int sp[2])
{
    close(sp[1]);
    if (pid < 0) {
        close(sp[0]);
        errno = err;
        return -1;
    }
    return sp[0];
}

/* Start a keeper: this binary again, in keeper mode, in a session of its own (so no
 * terminal signal reaches it), with one end of a socketpair as its first server. */
static int link_start(struct keeper_link *k)
{
    int sp[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) != 0)
        return -1;
    char *title = xasprintf("tmx: keeper (%s)", k->label);
    pid_t pid = fork();
    if (pid == 0) {
        keeper_child_prepare(sp[1]);
        char *argv[] = {title, KEEPER_ARGV1, k->path, "3", NULL};
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    int e = errno;
    free(title);
    return keeper_parent_end(pid, e, sp);
}

int keeper_link_prestart(const char *path, const char *label, bool to_root, char *title_area,
                         size_t title_size)
{
    struct stat st;
    if (lstat(path, &st) == 0 || errno != ENOENT)
        return -1; /* a keeper may listen there: keeper_link_open connects (or starts one) */
    int sp[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) != 0)
        return -1;
    /* The child owns copies of what it needs: the title it writes may overwrite the
     * argv memory label points into. */
    char *title = xasprintf("tmx: keeper (%s)", label != NULL ? label : "default");
    char *kpath = xstrdup(path);
    /* The keeper is born with the shortest scheduler slice (Linux 6.12+; older kernels
     * ignore it): on a loaded machine a new task with the default slice waited 4-5 ms
     * for its first run while the server's first spawn waited for it. Its work is short
     * answers (spawn, exit); the programs it forks start with the default slice. */
    struct sched_slice mine;
    bool slice = sched_slice_get(&mine) && mine.policy == 0 /* SCHED_OTHER */ &&
                 sched_slice_set(&mine, KEEPER_SLICE_NS, 0);
    pid_t pid = fork();
    if (pid == 0) {
        struct sched_slice now;
        if (slice && sched_slice_get(&now))
            sched_slice_set(&now, KEEPER_SLICE_NS, SCHED_SLICE_RESET_ON_FORK);
        keeper_child_prepare(sp[1]);
        if (to_root && chdir("/") != 0) {
            /* the keeper works from any directory */
        }
        if (title_area != NULL && title_size > 0) {
            memset(title_area, 0, title_size);
            snprintf(title_area, title_size, "%s", title);
        }
        _exit(keeper_run(kpath, 3));
    }
    int e = errno;
    if (slice)
        sched_slice_restore(&mine); /* the server's own, as it was */
    free(title);
    free(kpath);
    return keeper_parent_end(pid, e, sp);
}

static void link_close_fds(int *fds);

static int link_send(struct keeper_link *k, const int *fds, int nfds)
{
    if (k->fd < 0 || !keeper_buf_finish(&k->out)) {
        errno = k->fd < 0 ? ENOTCONN : EMSGSIZE;
        return -1;
    }
    return keeper_send(k->fd, &k->out, fds, nfds, KEEPER_LINK_TIMEOUT);
}

/* While the answer to a HELLO not waited for is due: true when m is part of it (the
 * WELCOME, which names the keeper's pid, or the DONE that ends it), which the caller
 * then drops. A keeper this server forked keeps nothing, so nothing comes between. */
static bool link_welcome(struct keeper_link *k, const struct keeper_msg *m)
{
    if (!k->welcome_pending)
        return false;
    if (m->type == KMSG_WELCOME) {
        k->pid = m->pid;
        return true;
    }
    if (m->type == KMSG_DONE) {
        k->welcome_pending = false;
        return true;
    }
    return false;
}

/* Wait for one packet (KEEPER_LINK_TIMEOUT at most) and decode it. 0, or -1 (the keeper
 * is gone, slow or speaks nonsense). */
static int link_wait(struct keeper_link *k, struct keeper_msg *m, int *fds)
{
    for (;;) {
        ssize_t n = keeper_recv(k->fd, k->packet, fds);
        if (n > 0 && k->welcome_pending) {
            if (keeper_msg_decode(k->packet, (size_t)n, m) != 0)
                return -1;
            if (!link_welcome(k, m))
                return 0;
            keeper_msg_clear(m);
            link_close_fds(fds);
            continue;
        }
        if (n > 0)
            return keeper_msg_decode(k->packet, (size_t)n, m);
        if (n == 0 || errno != EAGAIN)
            return -1;
        struct pollfd pfd = {k->fd, POLLIN, 0};
        int r = poll(&pfd, 1, KEEPER_LINK_TIMEOUT);
        if (r == 0 || (r < 0 && errno != EINTR))
            return -1;
    }
}

static void link_close_fds(int *fds)
{
    for (int i = 0; i < 2; i++) {
        if (fds[i] >= 0)
            close(fds[i]);
        fds[i] = -1;
    }
}

static void link_read_cb(evutil_socket_t fd, short events, void *arg);

static void link_lost(struct keeper_link *k)
{
    if (k->fd < 0)
        return;
    log_debug("keeper %ld: connection lost", (long)k->pid);
    event_free(k->read_ev);
    k->read_ev = NULL;
    close(k->fd);
    k->fd = -1;
    k->pid = 0;
    k->welcome_pending = false;
    if (k->ops != NULL && k->ops->lost != NULL)
        k->ops->lost(k->arg);
}

static int link_hello_send(struct keeper_link *k)
{
    keeper_buf_start(&k->out, KMSG_HELLO);
    keeper_buf_u32(&k->out, k->version);
    keeper_buf_u32(&k->out, (uint32_t)k->ring_size);
    return link_send(k, NULL, 0);
}

/* HELLO, then WELCOME and the panes the keeper kept, until DONE. */
static int link_hello(struct keeper_link *k, struct keeper_adopted **adopted, size_t *nadopted,
                      char *err, size_t errsize)
{
    struct keeper_msg m;
    int fds[2] = {-1, -1};
    if (link_hello_send(k) != 0 || link_wait(k, &m, fds) != 0) {
        snprintf(err, errsize, "the keeper (%s) does not answer", k->path);
        link_close_fds(fds);
        return -1;
    }
    link_close_fds(fds);
    if (m.type == KMSG_REFUSED) {
        /* A keeper of an older tmx (it says "speaks version 1") is spoken to in its
         * version: the caller connects again (link_attach). */
        snprintf(err, errsize, "the keeper refused this server: %s", m.text);
        /* A version-2 keeper says "speaks versions 1 to 2,": spoken to in 2. */
        const char *range = strstr(m.text, "speaks versions ");
        unsigned lo, hi;
        if (k->version > KEEPER_PROTO_MIN && strstr(m.text, "speaks version 1,") != NULL) {
            k->version = KEEPER_PROTO_MIN;
            errno = EPROTO;
        } else if (range != NULL && sscanf(range, "speaks versions %u to %u,", &lo, &hi) == 2 &&
                   hi >= KEEPER_PROTO_MIN && hi < k->version) {
            k->version = hi;
            errno = EPROTO;
        } else
            errno = EACCES;
        return -1;
    }
    if (m.type != KMSG_WELCOME) {
        snprintf(err, errsize, "the keeper (%s) answered nonsense", k->path);
        return -1;
    }
    k->pid = m.pid;
    size_t n = 0, cap = m.npanes < 4096 ? m.npanes : 4096;
    struct keeper_adopted *list = cap > 0 ? xcalloc(cap, sizeof *list) : NULL;
    for (;;) {
        if (link_wait(k, &m, fds) != 0) {
            snprintf(err, errsize, "the keeper (%s) stopped while handing its panes over", k->path);
            link_close_fds(fds);
            keeper_link_adopted_free(list, n);
            return -1;
        }
        if (m.type == KMSG_DONE)
            break;
        if (m.type == KMSG_PANE) {
            if (n == cap) {
                cap = cap * 2 + 8;
                list = xreallocarray(list, cap, sizeof *list);
            }
            struct keeper_adopted *a = &list[n++];
            memset(a, 0, sizeof *a);
            a->id = m.id;
            a->pid = m.pid;
            int next = 0;
            a->fd = (m.flags & KPANE_FD) != 0 ? fds[next++] : -1;
            if (a->fd >= 0)
                fds[0] = -1;
            if ((m.flags & KPANE_RING) != 0 && next < 2 && fds[next] >= 0) {
                /* Its output ring: mapped (a bad one is dropped; the pane still comes). */
                a->shared = keeper_ring_map(fds[next]);
                fds[next] = -1;
            }
            a->exited = (m.flags & KPANE_EXITED) != 0;
            a->status = m.status;
            a->cols = m.cols;
            a->rows = m.rows;
            a->tag = xstrdup(m.text);
            a->dropped = m.dropped;
            a->ring_cap = m.ring_bytes;
            a->ring = m.ring_bytes > 0 ? xmalloc(m.ring_bytes) : NULL;
        } else if (m.type == KMSG_RING && n > 0 && list[n - 1].id == m.id &&
                   m.size <= list[n - 1].ring_cap - list[n - 1].ring_len) {
            struct keeper_adopted *a = &list[n - 1];
            memcpy(a->ring + a->ring_len, m.data, m.size);
            a->ring_len += m.size;
        } else if (m.type == KMSG_EXIT) {
            /* cannot happen before DONE: the keeper answers HELLO at once */
        } else {
            snprintf(err, errsize, "the keeper (%s) answered nonsense", k->path);
            link_close_fds(fds);
            keeper_link_adopted_free(list, n);
            return -1;
        }
        link_close_fds(fds);
    }
    *adopted = list;
    *nadopted = n;
    return 0;
}

void keeper_link_adopted_free(struct keeper_adopted *adopted, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (adopted[i].fd >= 0)
            close(adopted[i].fd);
        free(adopted[i].tag);
        free(adopted[i].ring);
        keeper_ring_free(adopted[i].shared);
    }
    free(adopted);
}

/* Exits heard while a spawn waited for its answer, delivered on the next loop turn. */
static void link_deliver_cb(evutil_socket_t fd, short events, void *arg)
{
    struct keeper_link *k = arg;
    (void)fd;
    (void)events;
    while (k->npending > 0) {
        struct pending_exit e = k->pending[0];
        memmove(k->pending, k->pending + 1, --k->npending * sizeof *k->pending);
        if (k->ops != NULL && k->ops->exited != NULL)
            k->ops->exited(k->arg, e.id, e.pid, e.status);
    }
}

/* One packet outside a spawn: an exit, or the keeper's end. */
static void link_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct keeper_link *k = arg;
    (void)fd;
    (void)events;
    for (int i = 0; i < 64 && k->fd >= 0; i++) {
        int fds[2];
        ssize_t n = keeper_recv(k->fd, k->packet, fds);
        link_close_fds(fds);
        if (n < 0 && errno == EAGAIN)
            return;
        struct keeper_msg m;
        bool decoded = n > 0 && keeper_msg_decode(k->packet, (size_t)n, &m) == 0;
        if (decoded && link_welcome(k, &m))
            continue;
        if (!decoded || m.type != KMSG_EXIT) {
            if (decoded)
                keeper_msg_clear(&m);
            link_lost(k);
            return;
        }
        if (k->ops != NULL && k->ops->exited != NULL)
            k->ops->exited(k->arg, m.id, m.pid, m.status);
    }
}

/* Wait (KEEPER_LINK_TIMEOUT at most) until the keeper at path has left: it removes its
 * socket as it goes. (Not by connecting: a keeper waits for a new connection's first
 * packet.) The directory is watched with inotify for the name's removal, so the wait
 * ends when the keeper goes rather than at a polling step. */
static bool link_wait_gone(const char *path)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - path) : 0;
    if (slash == NULL || dirlen == 0 || dirlen >= sizeof dir)
        return false;
    memcpy(dir, path, dirlen);
    dir[dirlen] = '\0';
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (in < 0 || inotify_add_watch(in, dir, IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF) < 0) {
        if (in >= 0)
            close(in);
        return false;
    }
    struct stat st;
    bool gone = false;
    long long deadline = clock_monotonic_ms() + KEEPER_LINK_TIMEOUT;
    for (;;) {
        /* Checked after the watch is in place, so a removal in between is not missed. */
        if (lstat(path, &st) != 0) {
            gone = errno == ENOENT;
            break;
        }
        long long left = deadline - clock_monotonic_ms();
        struct pollfd pfd = {in, POLLIN, 0};
        if (left <= 0 || poll(&pfd, 1, (int)left) == 0)
            break;
        char events[4096];
        while (read(in, events, sizeof events) > 0)
            ; /* which name went does not matter: the lstat above tells */
    }
    close(in);
    return gone;
}

/* Connect (or start) and say hello; on success the read event is armed. */
static int link_attach(struct keeper_link *k, bool may_connect, int started,
                       struct keeper_adopted **adopted, size_t *nadopted, char *err,
                       size_t errsize)
{
    *adopted = NULL;
    *nadopted = 0;
    int fd = started >= 0 ? started : may_connect ? link_connect(k->path) : -1;
    if (fd < 0 && may_connect && started < 0 && errno != ENOENT && errno != ECONNREFUSED) {
        snprintf(err, errsize, "cannot connect to the keeper %s: %s", k->path, strerror(errno));
        return -1;
    }
    if (fd < 0)
        fd = link_start(k);
    if (fd < 0) {
        snprintf(err, errsize, "cannot start the keeper: %s", strerror(errno));
        return -1;
    }
    k->fd = fd;
    k->version = KEEPER_PROTO_VERSION;
    k->kept = false;
    k->welcome_pending = false;
    if (fd == started) {
        /* The keeper this server forked at its first step: this binary's code, holding
         * nothing, maybe not running yet. Its answer is read with the first thing it
         * says (a spawn's answer, or in the loop), not waited for before the clients'
         * commands are read. */
        if (link_hello_send(k) != 0) {
            snprintf(err, errsize, "the keeper (%s) does not answer", k->path);
            close(k->fd);
            k->fd = -1;
            return -1;
        }
        k->welcome_pending = true;
        k->read_ev = event_new(k->base, k->fd, EV_READ | EV_PERSIST, link_read_cb, k);
        event_add(k->read_ev, NULL);
        log_debug("keeper on %s: started, its welcome not waited for", k->path);
        return 0;
    }
    int r = link_hello(k, adopted, nadopted, err, errsize);
    if (r != 0 && errno == EACCES && may_connect && started < 0 && link_wait_gone(k->path)) {
        /* The keeper of a server that is still leaving (its socket already gone, the
         * keeper not yet told BYE): once it has left, a keeper of our own. */
        close(k->fd);
        k->fd = link_start(k);
        r = k->fd >= 0 ? link_hello(k, adopted, nadopted, err, errsize) : -1;
    }
    if (r != 0 && errno == EPROTO && may_connect) {
        /* An older keeper: again, in its version. */
        close(k->fd);
        k->fd = link_connect(k->path);
        r = k->fd >= 0 ? link_hello(k, adopted, nadopted, err, errsize) : -1;
    }
    if (r != 0) {
        if (k->fd >= 0)
            close(k->fd);
        k->fd = -1;
        return -1;
    }
    k->read_ev = event_new(k->base, k->fd, EV_READ | EV_PERSIST, link_read_cb, k);
    event_add(k->read_ev, NULL);
    log_debug("keeper %ld on %s: %zu panes adopted", (long)k->pid, k->path, *nadopted);
    return 0;
}

struct keeper_link *keeper_link_open(struct event_base *base, const char *path,
                                     const char *label, int started, size_t ring_size,
                                     const struct keeper_link_ops *ops, void *arg,
                                     struct keeper_adopted **adopted, size_t *nadopted,
                                     char *err, size_t errsize)
{
    struct keeper_link *k = xcalloc(1, sizeof *k);
    k->base = base;
    k->path = xstrdup(path);
    k->label = xstrdup(label != NULL ? label : "default");
    k->ring_size = ring_size;
    k->ops = ops;
    k->arg = arg;
    k->fd = -1;
    k->packet = xmalloc(KEEPER_MSG_MAX);
    k->deliver_ev = evtimer_new(base, link_deliver_cb, k);
    if (link_attach(k, true, started, adopted, nadopted, err, errsize) != 0) {
        keeper_link_free(k);
        return NULL;
    }
    return k;
}

pid_t keeper_link_spawn(struct keeper_link *k, const struct keeper_spawn *sp, int *exec_errno,
                        struct keeper_ring **ring, char *err, size_t errsize)
{
    *exec_errno = 0;
    *ring = NULL;
    if (k->fd < 0) {
        /* The keeper went away: a new one for the programs from now on. */
        struct keeper_adopted *a;
        size_t n;
        if (link_attach(k, false, -1, &a, &n, err, errsize) != 0)
            return -1;
        keeper_link_adopted_free(a, n);
    }
    size_t argc = 0, envc = 0;
    while (sp->argv[argc] != NULL)
        argc++;
    while (sp->env != NULL && sp->env[envc] != NULL)
        envc++;
    keeper_buf_start(&k->out, KMSG_SPAWN);
    keeper_buf_u32(&k->out, sp->id);
    keeper_buf_u16(&k->out, (uint16_t)sp->cols);
    keeper_buf_u16(&k->out, (uint16_t)sp->rows);
    keeper_buf_u32(&k->out, (uint32_t)argc);
    keeper_buf_u32(&k->out, (uint32_t)envc);
    keeper_buf_str(&k->out, sp->file);
    for (size_t i = 0; i < argc; i++)
        keeper_buf_str(&k->out, sp->argv[i]);
    for (size_t i = 0; i < envc; i++)
        keeper_buf_str(&k->out, sp->env[i]);
    keeper_buf_str(&k->out, sp->cwd);
    keeper_buf_str(&k->out, sp->tag);
    if (k->version >= 2)
        keeper_buf_u32(&k->out, (uint32_t)sp->ring_size);
    if (!keeper_buf_finish(&k->out) || argc > KEEPER_ARGC_MAX || envc > KEEPER_ENVC_MAX) {
        snprintf(err, errsize, "the command and its environment are too large (%zu bytes and "
                 "%zu arguments, at most %u and %u)", k->out.len, argc + envc,
                 KEEPER_SPAWN_MAX, KEEPER_ARGC_MAX);
        return -1;
    }
    int fds[2] = {sp->master, sp->slave};
    if (keeper_send_spawn(k->fd, &k->out, fds, 2, KEEPER_LINK_TIMEOUT) != 0) {
        snprintf(err, errsize, "cannot reach the keeper: %s", strerror(errno));
        link_lost(k);
        return -1;
    }
    for (;;) {
        struct keeper_msg m;
        int got[2];
        if (link_wait(k, &m, got) != 0) {
            link_close_fds(got);
            snprintf(err, errsize, "the keeper did not answer: try again");
            link_lost(k);
            return -1;
        }
        if (m.type == KMSG_SPAWNED && m.id == sp->id && m.pid > 0 && got[0] >= 0) {
            *ring = keeper_ring_map(got[0]);
            got[0] = -1;
        }
        link_close_fds(got);
        if (m.type == KMSG_EXIT) {
            k->pending = xreallocarray(k->pending, k->npending + 1, sizeof *k->pending);
            k->pending[k->npending++] = (struct pending_exit){m.id, m.pid, m.status};
            struct timeval now = {0, 0};
            evtimer_add(k->deliver_ev, &now);
            continue;
        }
        if (m.type != KMSG_SPAWNED || m.id != sp->id) {
            keeper_msg_clear(&m);
            snprintf(err, errsize, "the keeper answered nonsense");
            link_lost(k);
            return -1;
        }
        if (m.pid <= 0) {
            *exec_errno = m.error;
            snprintf(err, errsize, "%s", strerror(m.error));
            return -1;
        }
        return m.pid;
    }
}

void keeper_link_forget(struct keeper_link *k, uint32_t id, pid_t pid)
{
    if (k == NULL || k->fd < 0)
        return;
    keeper_buf_start(&k->out, KMSG_FORGET);
    keeper_buf_u32(&k->out, id);
    keeper_buf_u32(&k->out, (uint32_t)pid);
    if (link_send(k, NULL, 0) != 0)
        link_lost(k);
}

void keeper_link_tag(struct keeper_link *k, uint32_t id, const char *tag)
{
    if (k == NULL || k->fd < 0)
        return;
    keeper_buf_start(&k->out, KMSG_TAG);
    keeper_buf_u32(&k->out, id);
    keeper_buf_str(&k->out, tag);
    if (link_send(k, NULL, 0) != 0)
        link_lost(k);
}

void keeper_link_keep(struct keeper_link *k, uint32_t grace, const char *snapshot)
{
    if (k == NULL || k->fd < 0 || k->version < 3)
        return;
    if (snapshot == NULL)
        snapshot = "";
    if (k->kept && k->kept_grace == grace && strcmp(k->kept_path, snapshot) == 0)
        return; /* told already */
    k->kept = true;
    k->kept_grace = grace;
    free(k->kept_path);
    k->kept_path = xstrdup(snapshot);
    keeper_buf_start(&k->out, KMSG_KEEP);
    keeper_buf_u32(&k->out, grace);
    keeper_buf_str(&k->out, snapshot);
    if (link_send(k, NULL, 0) != 0)
        link_lost(k);
}

void keeper_link_bye(struct keeper_link *k)
{
    log_debug("keeper: bye%s", k == NULL || k->fd < 0 ? " (no keeper)" : "");
    if (k == NULL || k->fd < 0)
        return;
    keeper_buf_start(&k->out, KMSG_BYE);
    link_send(k, NULL, 0);
}

pid_t keeper_link_pid(const struct keeper_link *k)
{
    return k != NULL && k->fd >= 0 ? k->pid : 0;
}

void keeper_link_free(struct keeper_link *k)
{
    if (k == NULL)
        return;
    if (k->read_ev != NULL)
        event_free(k->read_ev);
    if (k->deliver_ev != NULL)
        event_free(k->deliver_ev);
    if (k->fd >= 0)
        close(k->fd);
    free(k->pending);
    free(k->packet);
    keeper_buf_free(&k->out);
    free(k->path);
    free(k->label);
    free(k->kept_path);
    free(k);
}
