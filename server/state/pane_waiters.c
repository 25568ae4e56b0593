/* pane_waiters.c - the list of wait-pane callers (pane_waiters.h). */
#include "pane_waiters.h"

#include <string.h>

#include <event2/event.h>

#include "server_state.h"

void pane_waiter_remove(struct server *s, size_t i)
{
    if (s->waiters[i].timer != NULL)
        event_free(s->waiters[i].timer);
    memmove(&s->waiters[i], &s->waiters[i + 1], (s->nwaiters - i - 1) * sizeof *s->waiters);
    s->nwaiters--;
}
