/* tap.c - a bounded, non-blocking sink for a copy of a pane's output (see tap.h). */
#include "tap.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/time.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "xmalloc.h"

struct tap {
    int fd;
    struct event_base *base;
    struct evbuffer *pending;
    struct event *write_ev;
    const struct tap_ops *ops;
    void *arg;
    size_t max, resume;
    uint64_t dropped;
    bool dropping;
    bool failed;
    /* Draining (tap_close): on the list, closed and freed when empty or at the end. */
    struct tap **list;
    struct tap *next;
    struct event *drain_timer;
};

static void tap_write_cb(evutil_socket_t fd, short events, void *arg);

struct tap *tap_create(struct event_base *base, int fd, const struct tap_ops *ops, void *arg)
{
    struct tap *t = xcalloc(1, sizeof *t);
    t->fd = fd;
    t->base = base;
    t->pending = evbuffer_new();
    t->write_ev = event_new(base, fd, EV_WRITE, tap_write_cb, t);
    t->ops = ops;
    t->arg = arg;
    t->max = TAP_BUFFER_MAX;
    t->resume = TAP_RESUME;
    return t;
}

void tap_free(struct tap *t)
{
    if (t == NULL)
        return;
    event_free(t->write_ev);
    if (t->drain_timer != NULL)
        event_free(t->drain_timer);
    evbuffer_free(t->pending);
    free(t);
}

/* A draining tap is done (drained, failed or out of time): off the list, fd closed. */
static void drain_end(struct tap *t)
{
    for (struct tap **pp = t->list; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    close(t->fd);
    tap_free(t);
}

static void drain_dropping(void *arg, bool dropping, uint64_t dropped)
{
    (void)arg;
    (void)dropping;
    (void)dropped; /* nothing is added while draining */
}

static void drain_failed(void *arg, int error)
{
    (void)error;
    drain_end(arg);
}

static const struct tap_ops drain_ops = {.dropping = drain_dropping, .failed = drain_failed};

static void drain_timeout_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    drain_end(arg); /* the consumer did not take it in time */
}

void tap_close(struct tap *t, int fd, struct tap **list)
{
    if (t->failed || evbuffer_get_length(t->pending) == 0) {
        close(fd);
        tap_free(t);
        return;
    }
    t->fd = fd;
    t->ops = &drain_ops;
    t->arg = t;
    t->list = list;
    t->next = *list;
    *list = t;
    t->drain_timer = evtimer_new(t->base, drain_timeout_cb, t);
    struct timeval tv = {.tv_sec = TAP_DRAIN_SECONDS, .tv_usec = 0};
    evtimer_add(t->drain_timer, &tv);
}

void tap_finish_draining(struct tap **list, int seconds)
{
    if (*list == NULL)
        return;
    struct event_base *base = (*list)->base;
    struct timeval now, end;
    gettimeofday(&end, NULL);
    end.tv_sec += seconds;
    while (*list != NULL) {
        gettimeofday(&now, NULL);
        if (timercmp(&now, &end, >=))
            break;
        struct timeval left;
        timersub(&end, &now, &left);
        event_base_loopexit(base, &left);
        event_base_loop(base, EVLOOP_ONCE);
    }
}

void tap_free_draining(struct tap **list)
{
    while (*list != NULL)
        drain_end(*list);
}

void tap_set_limits(struct tap *t, size_t max, size_t resume)
{
    t->max = max;
    t->resume = resume < max ? resume : max;
}

uint64_t tap_dropped(const struct tap *t)
{
    return t->dropped;
}

size_t tap_pending(const struct tap *t)
{
    return evbuffer_get_length(t->pending);
}

bool tap_is_dropping(const struct tap *t)
{
    return t->dropping;
}

/* Writing failed: take nothing more and tell the owner, who may free the tap. */
static void tap_fail(struct tap *t, int error)
{
    t->failed = true;
    event_del(t->write_ev);
    evbuffer_drain(t->pending, evbuffer_get_length(t->pending));
    t->ops->failed(t->arg, error);
}

/* Write what is queued until the fd would block. A regular file never does: it takes
 * everything or fails (disk full), and has no write event. False when it failed. */
static bool tap_flush(struct tap *t)
{
    while (evbuffer_get_length(t->pending) > 0) {
        int n = evbuffer_write(t->pending, t->fd);
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            event_add(t->write_ev, NULL);
            return true;
        }
        tap_fail(t, n < 0 ? errno : ENOSPC);
        return false;
    }
    return true;
}

/* Dropping ends once the consumer has caught up to t->resume. */
static void tap_check_resume(struct tap *t)
{
    if (t->dropping && evbuffer_get_length(t->pending) <= t->resume) {
        t->dropping = false;
        t->ops->dropping(t->arg, false, t->dropped);
    }
}

static void tap_write_cb(evutil_socket_t fd, short events, void *arg)
{
    struct tap *t = arg;
    (void)fd;
    (void)events;
    if (!tap_flush(t))
        return; /* t may be gone */
    if (t->list != NULL) {
        if (evbuffer_get_length(t->pending) == 0)
            drain_end(t); /* everything owed was written: the consumer sees EOF */
        return;
    }
    tap_check_resume(t);
}

bool tap_write(struct tap *t, const void *buf, size_t len)
{
    if (t->failed)
        return false;
    tap_check_resume(t);
    if (t->dropping) {
        t->dropped += len;
        return true;
    }
    const char *p = buf;
    /* Nothing queued: straight to the fd, as much as it takes. */
    while (len > 0 && evbuffer_get_length(t->pending) == 0) {
        ssize_t n = write(t->fd, p, len);
        if (n > 0) {
            p += n;
            len -= (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        tap_fail(t, n < 0 ? errno : ENOSPC);
        return false;
    }
    if (len == 0)
        return true;
    if (evbuffer_get_length(t->pending) + len > t->max) {
        /* Over the bound: this tap loses the rest of the write, nobody waits. */
        t->dropped += len;
        t->dropping = true;
        t->ops->dropping(t->arg, true, t->dropped);
        return true;
    }
    evbuffer_add(t->pending, p, len);
    event_add(t->write_ev, NULL);
    return true;
}
