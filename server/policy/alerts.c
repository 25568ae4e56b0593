/* alerts.c - monitor-activity, monitor-bell and monitor-silence: a window the user is
 * not looking at gets an alert flag for the status line, a message with
 * visual-activity, and its alert-* hook from the loop. A listener of NOTIFY_PANE_OUTPUT. */
#include "alerts.h"

#include <stdbool.h>
#include <sys/time.h>

#include <event2/event.h>

#include "client_message.h"
#include "defer.h"
#include "hooks.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "redraw.h"
#include "server_client.h"
#include "server_find.h"
#include "server_state.h"

static void alerts_run_hook(struct server *s, uint32_t pane_id, const char *hook)
{
    struct pane *p = server_find_pane(s, pane_id);
    if (p != NULL)
        hooks_run(s, hook, NULL, p);
}

/* A window gets an alert (activity, bell, silence): mark it for the status line and run
 * the alert-* hook from the loop (the hook may run any command). A window already marked
 * is not alerted again until it has been looked at. */
static void alerts_raise(struct server *s, struct window *w, int alert)
{
    if (w->alerts & alert)
        return;
    w->alerts |= alert;
    session_redraw(s, w->session, REDRAW_STATUS);
    if (options_get_number(w->session->options, "visual-activity")) {
        const char *what = alert == WINDOW_ALERT_ACTIVITY ? "Activity"
                           : alert == WINDOW_ALERT_BELL   ? "Bell"
                                                          : "Silence";
        struct client *c;
        TAILQ_FOREACH(c, &s->clients, entry) {
            if (c->attached && c->session == w->session)
                client_message(c, "%s in window %d", what, w->index);
        }
    }
    if (w->active == NULL)
        return;
    defer_add(s, alerts_run_hook, w->active->id,
              alert == WINDOW_ALERT_ACTIVITY ? "alert-activity"
              : alert == WINDOW_ALERT_BELL   ? "alert-bell"
                                             : "alert-silence");
}

static void alerts_silence_cb(evutil_socket_t fd, short events, void *arg)
{
    struct window *w = arg;
    (void)fd;
    (void)events;
    if (w != w->session->current)
        alerts_raise(w->session->server, w, WINDOW_ALERT_SILENCE);
}

/* (Re)start the monitor-silence countdown of a window. */
void alerts_silence_restart(struct server *s, struct window *w)
{
    long seconds = options_get_number(w->options, "monitor-silence");
    if (seconds <= 0) {
        if (w->silence_timer != NULL)
            evtimer_del(w->silence_timer);
        return;
    }
    if (w->silence_timer == NULL)
        w->silence_timer = evtimer_new(s->base, alerts_silence_cb, w);
    struct timeval tv = {.tv_sec = seconds, .tv_usec = 0};
    evtimer_add(w->silence_timer, &tv);
}

void alerts_notify(struct server *s, const struct notify *n)
{
    if (n->type != NOTIFY_PANE_OUTPUT)
        return;
    struct window *w = n->pane->window;
    w->activity = time(NULL); /* #{window_activity} */
    /* Alerts are for windows the user is not looking at: not the current one. */
    if (w != w->session->current) {
        if (n->count > 0 && options_get_number(w->options, "monitor-bell"))
            alerts_raise(s, w, WINDOW_ALERT_BELL);
        if (options_get_number(w->options, "monitor-activity"))
            alerts_raise(s, w, WINDOW_ALERT_ACTIVITY);
    }
    if (w->silence_timer != NULL || options_get_number(w->options, "monitor-silence") > 0)
        alerts_silence_restart(s, w);
}
