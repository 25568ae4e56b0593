/* passthrough.c - DCS tmux; data ST from a pane whose allow-passthrough is on (the vt
 * drops it otherwise): the data, its doubled ESCs already made single by the vt, is
 * written as it is to the terminal of every attached client whose current window
 * holds the pane (as tmux 3.3a: only where the pane can be seen); with
 * allow-passthrough all (tmux 3.4), of every attached client whose session has the
 * pane's window. */
#include "passthrough.h"

#include "client_frames.h"
#include "client_state.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "server_state.h"

/* Whether c's session has window w (allow-passthrough all). */
static bool session_has_window(const struct client *c, const struct window *w)
{
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &w->links, wentry) {
        if (wl->session == c->session)
            return true;
    }
    return false;
}

void passthrough_notify(struct server *s, const struct notify *n)
{
    if (n->type != NOTIFY_PANE_PASSTHROUGH || n->pane == NULL)
        return;
    bool all = options_get_number(n->pane->options, "allow-passthrough") == 2;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session == NULL || c->session->current == NULL)
            continue;
        if (c->session->current->window != n->pane->window &&
            !(all && session_has_window(c, n->pane->window)))
            continue;
        client_write_terminal(c, n->data, n->size);
    }
}
