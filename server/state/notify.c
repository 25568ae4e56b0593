/* notify.c - the list of listeners and the emitter (see notify.h). */
#include "notify.h"

#include <stdlib.h>

#include "server_state.h"
#include "xmalloc.h"

void notify_listen(struct server *s, notify_fn fn)
{
    s->listeners = xreallocarray(s->listeners, s->nlisteners + 1, sizeof *s->listeners);
    s->listeners[s->nlisteners++] = fn;
}

void notify_emit(struct server *s, const struct notify *n)
{
    for (size_t i = 0; i < s->nlisteners; i++)
        s->listeners[i](s, n);
}

void notify_free(struct server *s)
{
    free(s->listeners);
    s->listeners = NULL;
    s->nlisteners = 0;
}
