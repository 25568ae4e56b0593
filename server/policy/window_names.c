/* window_names.c - how windows get their names from their programs: ESC k (with
 * allow-rename) names the window at once; automatic-rename follows the active pane's
 * foreground command, checked 100 ms after output starts rather than on every read.
 * A listener of NOTIFY_PANE_RENAMED and NOTIFY_PANE_OUTPUT. */
#include "window_names.h"

#include <stdbool.h>
#include <sys/time.h>

#include <event2/event.h>

#include "notify.h"
#include "options.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"

static void window_names_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    (void)fd;
    (void)events;
    if (window_update_name(p->window))
        session_redraw(p->server, p->window->session, REDRAW_STATUS);
}

/* ESC k name ESC \: the program names its window; an empty name hands it back to
 * automatic-rename. */
static void window_names_set_by_program(struct server *s, struct pane *p)
{
    struct window *w = p->window;
    if (!options_get_number(w->options, "allow-rename"))
        return;
    char err[128];
    const char *name = vt_window_name(p->vt);
    if (*name == '\0')
        options_set(w->options, "automatic-rename", "on", false, err, sizeof err);
    else {
        window_set_name(w, name);
        options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    }
    session_redraw(s, w->session, REDRAW_STATUS);
}

/* Checking the foreground process costs a few syscalls: not on every read, but 100 ms
 * after output starts, so a window's name follows a new command. */
static void window_names_follow_output(struct server *s, struct pane *p)
{
    if (!options_get_number(p->window->options, "automatic-rename"))
        return;
    if (p->name_timer == NULL)
        p->name_timer = evtimer_new(s->base, window_names_timer_cb, p);
    if (!evtimer_pending(p->name_timer, NULL)) {
        struct timeval tv = {.tv_sec = 0, .tv_usec = 100000};
        evtimer_add(p->name_timer, &tv);
    }
}

void window_names_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_RENAMED)
        window_names_set_by_program(s, n->pane);
    else if (n->type == NOTIFY_PANE_OUTPUT)
        window_names_follow_output(s, n->pane);
}
