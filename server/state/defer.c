/* defer.c - the server's queue of deferred work (see defer.h). */
#include "defer.h"

#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "server_state.h"
#include "xmalloc.h"

struct deferred {
    defer_fn fn;
    uint32_t id;
    const char *arg;
};

static void defer_cb(evutil_socket_t fd, short events, void *data)
{
    struct server *s = data;
    (void)fd;
    (void)events;
    /* Take the queue: what the items add runs on the next turn. */
    struct deferred *items = s->deferred;
    size_t n = s->ndeferred;
    s->deferred = NULL;
    s->ndeferred = s->deferred_size = 0;
    for (size_t i = 0; i < n; i++)
        items[i].fn(s, items[i].id, items[i].arg);
    free(items);
}

void defer_add(struct server *s, defer_fn fn, uint32_t id, const char *arg)
{
    if (s->exiting)
        return;
    if (s->defer_ev == NULL)
        s->defer_ev = event_new(s->base, -1, 0, defer_cb, s);
    if (s->ndeferred == s->deferred_size) {
        s->deferred_size = s->deferred_size ? s->deferred_size * 2 : 8;
        s->deferred = xreallocarray(s->deferred, s->deferred_size, sizeof *s->deferred);
    }
    s->deferred[s->ndeferred++] = (struct deferred){.fn = fn, .id = id, .arg = arg};
    event_active(s->defer_ev, EV_TIMEOUT, 0);
}

void defer_free(struct server *s)
{
    free(s->deferred);
    s->deferred = NULL;
    s->ndeferred = s->deferred_size = 0;
    if (s->defer_ev != NULL)
        event_free(s->defer_ev);
    s->defer_ev = NULL;
}
