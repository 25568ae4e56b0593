/* cmd_overlay_place.c - which client a menu or popup goes to and where on its screen
 * (display-menu, display-popup). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "format.h"
#include "model.h"
#include "options.h"
#include "server_state.h"
#include "session.h"
#include "window.h"

/* The client a popup or menu goes to: -c NAME, else the issuing client when attached,
 * else the attached client of the target session (or any) that was active last. NULL
 * with tmux's error if there is none. */
struct client *cmd_overlay_client(struct cmd_ctx *ctx, const char *name, struct session *sess)
{
    if (name != NULL) {
        struct client *c = cmd_client_by_tty(ctx->server, name);
        if (c == NULL)
            cmd_error(ctx, "can't find client: %s", name);
        return c;
    }
    if (ctx->client != NULL && ctx->client->attached && ctx->client->session != NULL)
        return ctx->client;
    struct client *c, *best = NULL;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || c->session == NULL)
            continue;
        if (best == NULL || (c->session == sess && best->session != sess))
            best = c;
    }
    if (best == NULL)
        cmd_error(ctx, "no current client");
    return best;
}

/* Where the box goes on one axis. spec is a number, a letter of tmux's (C centre, R right,
 * P the pane's edge, M the mouse, W the window on the status line, S by the status line)
 * or a format giving a number. For x the number is the left column; for y it is the row
 * under the box (the box ends above it), as tmux's. size is the box's extent, room the
 * terminal's. */
int cmd_overlay_position(struct cmd_ctx *ctx, struct client *c, struct pane *p, const char *spec,
                         bool vertical, int size, int room)
{
    int lines = c->session != NULL ? (int)options_get_number(c->session->options, "status") : 0;
    int area = room - lines; /* the window area (the status lines at the bottom) */
    int at;
    if (spec == NULL || strcmp(spec, "C") == 0)
        at = vertical ? (room - 1) / 2 + size / 2 : (room - 1) / 2 - size / 2;
    else if (strcmp(spec, "R") == 0 && !vertical)
        at = room - size;
    else if (strcmp(spec, "P") == 0)
        at = p == NULL ? 0 : vertical ? p->yoff + p->rows : p->xoff;
    else if (strcmp(spec, "M") == 0)
        at = vertical ? c->mouse_down_y + 1 : c->mouse_down_x;
    else if (strcmp(spec, "W") == 0 || (strcmp(spec, "S") == 0 && vertical)) {
        at = vertical ? area : 0;
        for (size_t i = 0; !vertical && p != NULL && i < c->nstatus_ranges; i++) {
            if (c->status_ranges[i].window_id == p->window->id)
                at = c->status_ranges[i].x0;
        }
    } else {
        struct format_ctx f = {.server = ctx->server, .session = c->session, .client = c};
        if (p != NULL) {
            f.pane = p;
            f.window = p->window;
            if (session_find_window(c->session, p->window) == NULL)
                f.session = window_session(p->window);
        }
        format_defaults(&f);
        char *text = format_expand(&f, spec), *end;
        long n = strtol(text, &end, 10);
        at = *text != '\0' && *end == '\0' ? (int)n : 0;
        free(text);
    }
    if (vertical)
        at = at < size ? 0 : at - size;
    if (at + size > room)
        at = room - size;
    return at < 0 ? 0 : at;
}
