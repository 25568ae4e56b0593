/* passthrough.c - DCS tmux; data ST from a pane whose allow-passthrough is on (the vt
 * drops it otherwise): the data, its doubled ESCs already made single by the vt, is
 * written as it is to the terminal of every attached client whose current window
 * holds the pane (as tmux 3.3a: only where the pane can be seen). */
#include "passthrough.h"

#include "client_frames.h"
#include "client_state.h"
#include "model.h"
#include "notify.h"
#include "server_state.h"

void passthrough_notify(struct server *s, const struct notify *n)
{
    if (n->type != NOTIFY_PANE_PASSTHROUGH || n->pane == NULL)
        return;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session == NULL || c->session->current == NULL ||
            c->session->current->window != n->pane->window)
            continue;
        client_write_terminal(c, n->data, n->size);
    }
}
