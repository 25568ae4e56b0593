/* client_notify.c - what the attached clients are told when a pane changes: a frame is
 * scheduled for the clients showing it (counting the bytes, so a small echo is drawn at
 * once), a pane's message goes to their status lines (BELs: alerts.c); a window that
 * becomes current takes its clients' size on the next loop turn (it kept its own while
 * nobody saw it).
 * The clients layer's listener of NOTIFY_PANE_OUTPUT, NOTIFY_PANE_MESSAGE and
 * NOTIFY_SESSION_WINDOW_CHANGED. */
#include "client_notify.h"

#include "client_frames.h"
#include "client_message.h"
#include "model.h"
#include "notify.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"

static void client_notify_output(struct server *s, struct pane *p, size_t bytes)
{
    struct window *w = p->window;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        /* Clients whose session shows the window (it may be linked in several). */
        if (c->attached && c->session != NULL && c->session->current != NULL &&
            c->session->current->window == w) {
            c->output_since_frame += bytes;
            client_redraw(c, REDRAW_PANES); /* BELs ring through alerts.c (bell-action) */
        }
    }
}

static void client_notify_message(struct server *s, struct pane *p, const char *msg)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && session_find_window(c->session, p->window) != NULL)
            client_message(c, "%s", msg);
    }
}

void client_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_OUTPUT)
        client_notify_output(s, n->pane, n->size);
    else if (n->type == NOTIFY_PANE_MESSAGE)
        client_notify_message(s, n->pane, n->text);
    else if (n->type == NOTIFY_SESSION_WINDOW_CHANGED && n->session != NULL)
        server_client_update_sizes_later(s, n->session);
}
