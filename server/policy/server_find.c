/* server_find.c - finding a pane or a client by its id, for work that outlives the
 * callback that started it (deferred hooks, timers). */
#include "server_find.h"

#include "client_state.h"
#include "server_state.h"
#include "session.h"

struct client *server_find_client(struct server *s, uint32_t id)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->id == id)
            return c;
    }
    return NULL;
}

struct pane *server_find_pane(struct server *s, uint32_t id)
{
    return session_find_pane(s, id);
}
