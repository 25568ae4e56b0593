/* redraw.c - marking what a client must draw again and asking its scheduler (redraw.h). */
#include "redraw.h"

#include "client_state.h"
#include "render.h"
#include "server_state.h"

void client_redraw(struct client *c, enum redraw_what what)
{
    if ((what & REDRAW_FULL) == REDRAW_FULL && c->render != NULL)
        render_invalidate(c->render);
    if (what & REDRAW_STATUS)
        c->needs_redraw = true;
    c->server->schedule_frame(c);
}

void session_redraw(struct server *s, struct session *sess, enum redraw_what what)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session == sess)
            client_redraw(c, what);
    }
}
