/* alerts.c - monitor-activity, monitor-bell and monitor-silence: a window the user is
 * not looking at gets an alert flag for the status line; activity-action, bell-action and
 * silence-action say for which windows the alert-* hook runs and the clients ring or show
 * a message (visual-activity, visual-bell, visual-silence). A listener of
 * NOTIFY_PANE_OUTPUT. */
#include "alerts.h"

#include <stdbool.h>
#include <sys/time.h>

#include <event2/event.h>

#include "client_frames.h"
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
#include "window.h"

static void alerts_run_hook(struct server *s, uint32_t pane_id, const char *hook)
{
    struct pane *p = server_find_pane(s, pane_id);
    if (p != NULL && p->window != NULL)
        hooks_fire(s, hook, &(struct hook_event){.session = window_session(p->window),
                                                 .window = p->window});
}

/* Does the session have an attached client? */
static bool alerts_attached(struct server *s, struct session *sess)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session == sess)
            return true;
    }
    return false;
}

/* A window gets an alert (activity, bell, silence), in each session it is linked in. */
static void alerts_raise_link(struct server *s, struct winlink *wl, int alert);

static void alerts_raise(struct server *s, struct window *w, int alert)
{
    struct winlink *wl, *next;
    TAILQ_FOREACH_SAFE(wl, &w->links, wentry, next)
        alerts_raise_link(s, wl, alert);
}

/* An alert in one session, as tmux: a window link not shown gets the alert flag for the
 * status line (activity and silence once, until it is looked at); then, if the
 * session's *-action applies (any, none, current or other window), the alert-* hook
 * runs from the loop and the clients hear of it: their terminal's bell (visual-* off
 * or both) and a message (on or both). */
static void alerts_raise_link(struct server *s, struct winlink *wl, int alert)
{
    struct session *sess = wl->session;
    struct window *w = wl->window;
    if (alert != WINDOW_ALERT_BELL && (wl->alerts & alert))
        return;
    if (wl != sess->current || !alerts_attached(s, sess)) {
        wl->alerts |= alert;
        session_redraw(s, sess, REDRAW_STATUS);
    }
    const char *what = alert == WINDOW_ALERT_ACTIVITY ? "Activity"
                       : alert == WINDOW_ALERT_BELL   ? "Bell"
                                                      : "Silence";
    long action = options_get_number(sess->options, alert == WINDOW_ALERT_ACTIVITY
                                                        ? "activity-action"
                                                    : alert == WINDOW_ALERT_BELL
                                                        ? "bell-action"
                                                        : "silence-action");
    /* none, any, current, other */
    if (action == 0 || (action == 2 && wl != sess->current) || (action == 3 && wl == sess->current))
        return;
    if (w->active != NULL)
        defer_add(s, alerts_run_hook, w->active->id,
                  alert == WINDOW_ALERT_ACTIVITY ? "alert-activity"
                  : alert == WINDOW_ALERT_BELL   ? "alert-bell"
                                                 : "alert-silence");
    long visual = options_get_number(sess->options, alert == WINDOW_ALERT_ACTIVITY
                                                        ? "visual-activity"
                                                    : alert == WINDOW_ALERT_BELL
                                                        ? "visual-bell"
                                                        : "visual-silence");
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session != sess)
            continue;
        if (visual == 0 || visual == 2) /* off, both: the terminal rings */
            client_write_terminal(c, "\a", 1);
        if (visual == 0)
            continue;
        if (wl == sess->current)
            client_message(c, "%s in current window", what);
        else
            client_message(c, "%s in window %d", what, wl->index);
    }
}

static void alerts_silence_cb(evutil_socket_t fd, short events, void *arg)
{
    struct window *w = arg;
    (void)fd;
    (void)events;
    alerts_raise(w->server, w, WINDOW_ALERT_SILENCE);
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
    /* Every window, the current one too: bell-action and the others decide. */
    if (n->count > 0 && options_get_number(w->options, "monitor-bell"))
        alerts_raise(s, w, WINDOW_ALERT_BELL);
    if (options_get_number(w->options, "monitor-activity"))
        alerts_raise(s, w, WINDOW_ALERT_ACTIVITY);
    if (w->silence_timer != NULL || options_get_number(w->options, "monitor-silence") > 0)
        alerts_silence_restart(s, w);
}
