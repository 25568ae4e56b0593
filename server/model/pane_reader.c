/* pane_reader.c - the flood reader's thread and its slots (see pane_reader.h). */
#include "pane_reader.h"

#include <errno.h>
#include <event2/event.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "keeper_ring.h"
#include "xmalloc.h"

/* Panes held at once; a flooding pane beyond them is read by the loop, as before. */
#define READER_SLOTS 64
/* How far the thread reads ahead of the loop: a quarter of the ring (so the ring never
 * wraps past what the loop has parsed: a snapshot's head is the loop's), at most this. */
#define READER_AHEAD_MAX (256u * 1024)
/* The room a read wants: Linux's n_tty hands out at most 4095 bytes a read. */
#define READER_READ_ROOM 4096u
/* Bytes one slot is read in one go before the thread looks at the others (and lets
 * the loop take the pane back). */
#define READER_BATCH (64u * 1024)
/* A read shorter than this, then an empty pty: the program went quiet. */
#define READER_SHORT 512
/* The epoll tag of the quit eventfd (a slot's is its index and generation). */
#define READER_QUIT_TAG UINT64_MAX

struct reader_slot {
    /* Written by the loop under the lock; read by the thread under it, and by the loop. */
    int fd;                   /* the pty master; -1: the slot is free */
    uint32_t gen;             /* bumped at each take: an event of an older pane is stale */
    struct keeper_ring *ring;
    void *owner;
    size_t ahead;             /* how far the thread may read past what the loop took */
    /* The thread's, under the lock. */
    bool last_short;          /* its last read was short */
    int err;                  /* the errno that ended it */
    /* Shared. */
    _Atomic uint64_t head;    /* bytes read into the ring (the thread stores) */
    _Atomic uint64_t seen;    /* bytes the loop took (the loop stores) */
    _Atomic int state;        /* enum pane_reader_state (the thread stores) */
    _Atomic bool stalled;     /* the thread stopped watching fd: it was ahead enough */
};

struct pane_reader {
    pthread_t thread;
    int epfd;                 /* the thread's: the held ptys and quit_fd */
    int wake_fd;              /* the thread tells the loop (ready_ev) */
    int quit_fd;              /* the loop tells the thread to end */
    struct event *ready_ev;
    pane_reader_ready_fn ready;
    pthread_mutex_t lock;
    _Atomic bool notified;    /* wake_fd was written and the loop has not looked yet */
    struct reader_slot slots[READER_SLOTS];
};

static uint64_t slot_tag(int i, uint32_t gen)
{
    return (uint64_t)gen << 32 | (uint32_t)i;
}

/* ---- the thread: system calls on the slots and rings only ---- */

static void reader_notify(struct pane_reader *r)
{
    if (!atomic_exchange(&r->notified, true)) {
        uint64_t one = 1;
        ssize_t n = write(r->wake_fd, &one, sizeof one);
        (void)n; /* an eventfd's counter only fails to grow at 2^64 - 1 */
    }
}

/* The thread gives the pty back. */
static void reader_give_back(struct pane_reader *r, struct reader_slot *s, int state)
{
    epoll_ctl(r->epfd, EPOLL_CTL_DEL, s->fd, NULL);
    atomic_store(&s->state, state);
}

/* Stop watching s's pty: it is as far ahead as it may go. The loop watches it again once
 * it has taken enough (pane_reader_taken); exactly one of the two re-arms it, whichever
 * exchanges stalled back (the disarm comes first, so no re-arm is undone). Returns true
 * when the loop took enough meanwhile and the thread may go on. */
static bool reader_stall(struct pane_reader *r, struct reader_slot *s, uint64_t tag)
{
    struct epoll_event ev = {.events = 0, .data.u64 = tag};
    epoll_ctl(r->epfd, EPOLL_CTL_MOD, s->fd, &ev);
    atomic_store(&s->stalled, true);
    uint64_t behind = atomic_load(&s->head) - atomic_load(&s->seen);
    if (s->ahead - behind >= READER_READ_ROOM && atomic_exchange(&s->stalled, false)) {
        ev.events = EPOLLIN;
        epoll_ctl(r->epfd, EPOLL_CTL_MOD, s->fd, &ev);
        return true;
    }
    return false;
}

/* Read s's pty into its ring until it is empty, the thread is as far ahead as it may
 * be, or a batch is read. Returns whether the loop has news. */
static bool reader_drain(struct pane_reader *r, struct reader_slot *s, uint64_t tag)
{
    size_t total = 0;
    while (total < READER_BATCH) {
        uint64_t head = atomic_load_explicit(&s->head, memory_order_relaxed);
        size_t room = s->ahead - (size_t)(head - atomic_load(&s->seen));
        if (room < READER_READ_ROOM) {
            if (reader_stall(r, s, tag))
                continue;
            break;
        }
        size_t span;
        unsigned char *to = keeper_ring_tail(s->ring, room, &span);
        ssize_t n = read(s->fd, to, span);
        if (n > 0) {
            keeper_ring_commit(s->ring, (size_t)n);
            atomic_store_explicit(&s->head, head + (uint64_t)n, memory_order_release);
            total += (size_t)n;
            s->last_short = n < READER_SHORT;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            if (!s->last_short)
                break; /* still flooding, most likely: wait for more */
            reader_give_back(r, s, PANE_READER_QUIET);
            return true;
        }
        s->err = n == 0 ? 0 : errno;
        reader_give_back(r, s, PANE_READER_ENDED);
        return true;
    }
    return total > 0;
}

static void *reader_main(void *arg)
{
    struct pane_reader *r = arg;
    struct epoll_event evs[16];
    for (;;) {
        int n = epoll_wait(r->epfd, evs, 16, -1);
        if (n < 0 && errno != EINTR)
            return NULL; /* cannot happen with a valid epfd: the loop reads again as panes come back */
        bool news = false;
        for (int i = 0; i < n; i++) {
            uint64_t tag = evs[i].data.u64;
            if (tag == READER_QUIT_TAG)
                return NULL;
            pthread_mutex_lock(&r->lock);
            struct reader_slot *s = &r->slots[(uint32_t)tag % READER_SLOTS];
            if (s->fd >= 0 && s->gen == (uint32_t)(tag >> 32) &&
                atomic_load(&s->state) == PANE_READER_READING)
                news |= reader_drain(r, s, tag);
            pthread_mutex_unlock(&r->lock);
        }
        if (news)
            reader_notify(r);
    }
}

/* ---- the loop's side ---- */

static void reader_ready_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane_reader *r = arg;
    (void)events;
    /* The eventfd is read first, then notified cleared, then the slots are looked at:
     * news the thread stored before a notify it did not write (notified was still set)
     * is seen below; a notify after the clear writes, and the loop comes back. Cleared
     * before the read, a second notify in between was neither written nor seen. */
    uint64_t count;
    ssize_t n = read(fd, &count, sizeof count); /* EAGAIN when run by pane_reader_again */
    (void)n;
    atomic_store(&r->notified, false);
    for (int i = 0; i < READER_SLOTS; i++) {
        /* The callback may release this slot, or free its pane and take another. */
        if (r->slots[i].fd >= 0)
            r->ready(r->slots[i].owner);
    }
}

struct pane_reader *pane_reader_create(struct event_base *base, pane_reader_ready_fn ready)
{
    struct pane_reader *r = xcalloc(1, sizeof *r);
    r->ready = ready;
    for (int i = 0; i < READER_SLOTS; i++)
        r->slots[i].fd = -1;
    r->epfd = epoll_create1(EPOLL_CLOEXEC);
    r->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    r->quit_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    struct epoll_event quit = {.events = EPOLLIN, .data.u64 = READER_QUIT_TAG};
    int err = 0;
    if (r->epfd < 0 || r->wake_fd < 0 || r->quit_fd < 0 ||
        epoll_ctl(r->epfd, EPOLL_CTL_ADD, r->quit_fd, &quit) != 0)
        err = errno;
    pthread_mutex_init(&r->lock, NULL);
    if (err == 0) {
        /* Every signal blocked in the thread (it inherits the mask): the loop's handlers
         * run in the loop's thread, and the thread's reads are not interrupted. */
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        err = pthread_create(&r->thread, NULL, reader_main, r);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    if (err != 0) {
        pthread_mutex_destroy(&r->lock);
        for (int *fd = &r->epfd; fd <= &r->quit_fd; fd++)
            if (*fd >= 0)
                close(*fd);
        free(r);
        errno = err;
        return NULL;
    }
    r->ready_ev = event_new(base, r->wake_fd, EV_READ | EV_PERSIST, reader_ready_cb, r);
    event_add(r->ready_ev, NULL);
    return r;
}

void pane_reader_free(struct pane_reader *r)
{
    if (r == NULL)
        return;
    uint64_t one = 1;
    ssize_t n = write(r->quit_fd, &one, sizeof one);
    (void)n;
    pthread_join(r->thread, NULL);
    event_free(r->ready_ev);
    pthread_mutex_destroy(&r->lock);
    close(r->epfd);
    close(r->wake_fd);
    close(r->quit_fd);
    free(r);
}

int pane_reader_take(struct pane_reader *r, int fd, struct keeper_ring *ring, uint64_t seen,
                     void *owner)
{
    int i = 0;
    while (i < READER_SLOTS && r->slots[i].fd >= 0)
        i++;
    if (i == READER_SLOTS)
        return -1;
    struct reader_slot *s = &r->slots[i];
    pthread_mutex_lock(&r->lock);
    s->fd = fd;
    s->gen++;
    s->ring = ring;
    s->owner = owner;
    s->ahead = ring->size / 4 < READER_AHEAD_MAX ? ring->size / 4 : READER_AHEAD_MAX;
    s->last_short = false;
    s->err = 0;
    atomic_store(&s->head, seen);
    atomic_store(&s->seen, seen);
    atomic_store(&s->state, PANE_READER_READING);
    atomic_store(&s->stalled, false);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = slot_tag(i, s->gen)};
    bool added = epoll_ctl(r->epfd, EPOLL_CTL_ADD, fd, &ev) == 0;
    if (!added)
        s->fd = -1;
    pthread_mutex_unlock(&r->lock);
    return added ? i : -1;
}

size_t pane_reader_pending(struct pane_reader *r, int slot, size_t max,
                           const unsigned char **at)
{
    struct reader_slot *s = &r->slots[slot];
    uint64_t head = atomic_load_explicit(&s->head, memory_order_acquire);
    uint64_t seen = atomic_load(&s->seen);
    size_t n = (size_t)(head - seen) < max ? (size_t)(head - seen) : max;
    *at = s->ring->data + seen % s->ring->size;
    return n;
}

void pane_reader_taken(struct pane_reader *r, int slot, size_t n)
{
    struct reader_slot *s = &r->slots[slot];
    uint64_t seen = atomic_fetch_add(&s->seen, n) + n;
    /* Watched again once half the room is free (the thread re-arms on less itself). */
    if (s->fd >= 0 && s->ahead - (size_t)(atomic_load(&s->head) - seen) >= s->ahead / 2 &&
        atomic_exchange(&s->stalled, false)) {
        struct epoll_event ev = {.events = EPOLLIN, .data.u64 = slot_tag(slot, s->gen)};
        epoll_ctl(r->epfd, EPOLL_CTL_MOD, s->fd, &ev);
    }
}

enum pane_reader_state pane_reader_state(struct pane_reader *r, int slot, int *err)
{
    struct reader_slot *s = &r->slots[slot];
    int state = atomic_load(&s->state);
    if (state == PANE_READER_ENDED && err != NULL) {
        pthread_mutex_lock(&r->lock); /* err was written under it, before state */
        *err = s->err;
        pthread_mutex_unlock(&r->lock);
    }
    return (enum pane_reader_state)state;
}

void pane_reader_release(struct pane_reader *r, int slot)
{
    struct reader_slot *s = &r->slots[slot];
    pthread_mutex_lock(&r->lock);
    if (atomic_load(&s->state) == PANE_READER_READING)
        epoll_ctl(r->epfd, EPOLL_CTL_DEL, s->fd, NULL);
    s->fd = -1; /* ring and the counts stay: the bytes still pending are read after this */
    s->owner = NULL;
    pthread_mutex_unlock(&r->lock);
}

void pane_reader_each(struct pane_reader *r, pane_reader_ready_fn fn)
{
    void *owners[READER_SLOTS];
    for (int i = 0; i < READER_SLOTS; i++)
        owners[i] = r->slots[i].fd >= 0 ? r->slots[i].owner : NULL;
    for (int i = 0; i < READER_SLOTS; i++) {
        /* Still held by the same owner: an earlier call may have ended another pane. */
        if (owners[i] != NULL && r->slots[i].fd >= 0 && r->slots[i].owner == owners[i])
            fn(owners[i]);
    }
}

void pane_reader_again(struct pane_reader *r)
{
    event_active(r->ready_ev, EV_READ, 0);
}
