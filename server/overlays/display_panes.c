/* display_panes.c - pane numbers over the window (see display_panes.h). */
#include "display_panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "client_message.h"
#include "client_state.h"
#include "cmd.h"
#include "model.h"
#include "options.h"
#include "overlay.h"
#include "clock_mode.h"
#include "redraw.h"
#include "render.h"
#include "server_client.h"
#include "server_state.h"
#include "style.h"
#include "window.h"
#include "xmalloc.h"

struct display_panes {
    struct client *c;
    struct event *timer;  /* hides the numbers after display-panes-time */
    bool no_keys;         /* -N: keys go on, a digit chooses nothing */
    char *template;       /* run for a digit, %% the pane; NULL: select it */
    uint32_t waiting_client; /* whose display-panes waits for the numbers to go, or 0 */
    struct server *server;
};

/* The command that waits for the numbers (display-panes without -b) returns. */
static void release_waiting(struct display_panes *dp)
{
    if (dp->waiting_client != 0)
        server_client_exit_id(dp->server, dp->waiting_client, 0);
    dp->waiting_client = 0;
}

static const struct overlay_ops display_panes_ops;

static void timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct display_panes *dp = arg;
    (void)fd;
    (void)events;
    overlay_close(dp->c, &display_panes_ops);
}

void display_panes_open(struct client *c)
{
    display_panes_open_with(c, -1, false, NULL, 0);
}

void display_panes_open_with(struct client *c, long ms, bool no_keys, const char *template,
                             uint32_t waiting_client)
{
    struct display_panes *dp = overlay_data(c, &display_panes_ops);
    if (dp == NULL) {
        dp = xcalloc(1, sizeof *dp);
        dp->c = c;
        dp->server = c->server;
        dp->timer = evtimer_new(c->server->base, timer_cb, dp);
        overlay_open(c, &display_panes_ops, dp);
    } else
        client_redraw(c, REDRAW_STATUS);
    if (dp->waiting_client != waiting_client)
        release_waiting(dp); /* shown again for another command: the first one returns */
    dp->waiting_client = waiting_client;
    dp->no_keys = no_keys;
    free(dp->template);
    dp->template = template != NULL ? xstrdup(template) : NULL;
    if (ms < 0)
        ms = options_get_number(c->session->options, "display-panes-time");
    evtimer_del(dp->timer);
    if (ms > 0) {
        struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
        evtimer_add(dp->timer, &tv);
    }
}

/* The pen of a colour option: that colour on the default background. */
static struct grid_pen option_pen(const struct options *o, const char *name)
{
    struct grid_pen pen = {0};
    char err[128];
    style_apply(&pen, "default", err, sizeof err);
    long colour = options_get_number(o, name);
    if (colour != -1)
        pen.fg = (uint32_t)colour;
    return pen;
}

/* Each pane's index as tmux 3.3a draws it, in display-panes-colour, the active pane's in
 * display-panes-active-colour: in the pane's middle in big digits (blocks of that colour)
 * with the pane's size at its top right, or where the digits do not fit, the number as
 * text; indexes 10 to 34 also get their key letter (a to y). The cursor is hidden
 * meanwhile. */
static void display_panes_draw(struct client *c, void *data, struct canvas *cv, int rows)
{
    (void)data;
    struct window *w = c->session != NULL && c->session->current != NULL
                           ? c->session->current->window
                           : NULL;
    if (w == NULL || w->active == NULL)
        return;
    int vw = w->cols < cv->cols ? w->cols : cv->cols, vh = w->rows < rows ? w->rows : rows;
    const struct options *so = c->session->options;
    struct grid_pen other = option_pen(so, "display-panes-colour");
    struct grid_pen active = option_pen(so, "display-panes-active-colour");
    int i = cmd_find_pane_base_index(w); /* numbered as #{pane_index} */
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        int index = i++;
        if (w->zoomed && p != w->active)
            continue;
        if (p->xoff >= vw || p->yoff >= vh)
            continue;
        const struct grid_pen pen = p == w->active ? active : other;
        char num[16], letter[2] = "";
        int len = snprintf(num, sizeof num, "%d", index);
        if (index > 9 && index < 35)
            letter[0] = (char)('a' + index - 10);
        int llen = (int)strlen(letter), sx = p->cols, sy = p->rows;
        int px = sx / 2, py = sy / 2;
        if (sx < len)
            continue;
        if (sx < len * 6 || sy < 5) {
            char text[24];
            if (sx >= len + llen + 1) {
                snprintf(text, sizeof text, "%s %s", num, letter);
                len += llen + 1;
            } else
                snprintf(text, sizeof text, "%s", num);
            canvas_put_text(cv, p->xoff + px - len / 2, p->yoff + py, vw, text, &pen);
            continue;
        }
        clock_mode_paint_big(cv, p->xoff + px - len * 3, p->yoff + py - 2, num, pen.fg);
        if (sy <= 6)
            continue;
        char size[32];
        int rlen = snprintf(size, sizeof size, "%dx%d", sx, sy);
        if (sx >= rlen)
            canvas_put_text(cv, p->xoff + sx - rlen, p->yoff, vw, size, &pen);
        if (llen != 0)
            canvas_put_text(cv, p->xoff + px + len * 3 - llen - 1, p->yoff + py + 3, vw,
                            letter, &pen);
    }
    cv->cursor_visible = false;
}

/* Any key hides the numbers; a digit selects that pane and is taken, any other key
 * goes on. */
static bool display_panes_key(struct client *c, void *data, key_code key)
{
    struct display_panes *dp = data;
    bool no_keys = dp->no_keys;
    char *template = dp->template != NULL ? xstrdup(dp->template) : NULL;
    overlay_close(c, &display_panes_ops); /* frees dp */
    struct window *w = c->session != NULL && c->session->current != NULL
                           ? c->session->current->window
                           : NULL;
    if (no_keys || w == NULL || key < '0' || key > '9') {
        free(template);
        return false;
    }
    int want = (int)(key - '0'), i = cmd_find_pane_base_index(w);
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (i++ != want)
            continue;
        if (template == NULL) {
            window_set_active(w, p);
            session_redraw(c->server, c->session, REDRAW_STATUS);
            break;
        }
        /* The template, %% the pane's id. */
        char id[16];
        snprintf(id, sizeof id, "%%%u", p->id);
        char *line = cmd_template_replace(template, 1, id);
        struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                              .out = evbuffer_new(), .err = evbuffer_new()};
        cmd_execute_string(&ctx, line);
        client_command_done(c, &ctx, false);
        free(line);
        break;
    }
    free(template);
    return true;
}

/* The mouse goes on to the panes. */
static bool display_panes_mouse(struct client *c, void *data, const struct mouse_event *m)
{
    (void)c;
    (void)data;
    (void)m;
    return false;
}

static void display_panes_free(void *data)
{
    struct display_panes *dp = data;
    release_waiting(dp);
    free(dp->template);
    event_free(dp->timer);
    free(dp);
}

static const struct overlay_ops display_panes_ops = {
    .name = "display-panes",
    .layer = OVERLAY_LAYER_PANES,
    .draw = display_panes_draw,
    .key = display_panes_key,
    .mouse = display_panes_mouse,
    .free = display_panes_free,
};
