/* pane_exit.c - what happens when a pane's program has finished (reaped and drained):
 * the pane-exited hook runs from the loop, then the pane stays dead on screen
 * (remain-on-exit) or closes, and its window and session with it when it was the last;
 * wait-pane callers get the exit status. A listener of NOTIFY_PANE_FINISHED and
 * NOTIFY_PANE_GONE. */
#include "pane_exit.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <event2/event.h>

#include "client_frames.h"
#include "clock_ms.h"
#include "defer.h"
#include "format.h"
#include "hooks.h"
#include "log.h"
#include "notify.h"
#include "options.h"
#include "pane.h"
#include "pane_mirror.h"
#include "pane_mode.h"
#include "pane_waiters.h"
#include "proto.h"
#include "redraw.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_find.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

static void pane_exit_release_waiters(struct server *s, struct pane *p);


/* remain-on-exit: the pane stays with its last screen and a line saying how the
 * command ended; wait-pane callers get the status now. */
static void pane_exit_keep_dead(struct pane *p)
{
    struct server *s = p->server;
    pane_mark_dead(p);
    /* remain-on-exit-format, a format for the pane ("Pane is dead (status 3, TIME)"). */
    struct format_ctx f = {.server = s, .session = window_session(p->window),
                           .window = p->window, .pane = p};
    char *line = format_expand(&f, options_get_string(p->options, "remain-on-exit-format"));
    size_t n = strlen(line);
    int x, y;
    vt_cursor(p->vt, &x, &y);
    if (x != 0)
        vt_feed(p->vt, "\r\n", 2);
    vt_feed(p->vt, "\033[m", 3);
    vt_feed(p->vt, line, n);
    free(line);
    pane_exit_release_waiters(s, p);
    window_redraw(p->window, REDRAW_STATUS);
}

/* Answer the wait-pane callers of pane p: its command exited, or it is being freed. */
static void pane_exit_release_waiters(struct server *s, struct pane *p)
{
    for (size_t i = 0; i < s->nwaiters;) {
        struct pane_waiter *pw = &s->waiters[i];
        if (pw->pane_id != p->id) {
            i++;
            continue;
        }
        if (p->reaped)
            server_client_exit(pw->client, pane_exit_status(p), NULL);
        else {
            char *msg = xasprintf("tmx: pane %%%u was killed before its command exited", p->id);
            client_send(pw->client, MSG_STDERR, msg, strlen(msg));
            client_send(pw->client, MSG_STDERR, "\n", 1);
            free(msg);
            server_client_exit(pw->client, 128 + SIGHUP, NULL);
        }
        pane_waiter_remove(s, i);
    }
}


/* remain-on-exit of the pane (a pane option): on keeps it, failed keeps it when its
 * command did not exit with status 0. */
static bool pane_exit_remains(struct pane *p)
{
    long remain = options_get_number(p->options, "remain-on-exit");
    if (remain == 2)
        return !(p->reaped && WIFEXITED(p->wait_status) && WEXITSTATUS(p->wait_status) == 0);
    return remain == 1;
}

/* The restart policy of p (its restart option) wants its program run again: always,
 * or on-failure after a status other than 0 or a signal; never once it gave up. */
static bool pane_exit_restarts(struct pane *p)
{
    long policy = options_get_number(p->options, "restart");
    if (policy == 0 || p->crash_loop || p->server->terminating)
        return false;
    if (policy == 1)
        return !(p->reaped && WIFEXITED(p->wait_status) && WEXITSTATUS(p->wait_status) == 0);
    return true;
}

bool pane_exit_will_restart(struct pane *p)
{
    return p->restart_timer != NULL || (p->closing && pane_exit_restarts(p));
}

static void pane_exit_schedule_restart(struct pane *p);

/* The restart timer: run the pane's own command again, on a clear screen, as
 * respawn-pane does. A failure to start (the pane stays dead) counts as an exit: the
 * policy applies again with a longer delay, so a missing program backs off. */
static void pane_exit_restart_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    struct pane *p = arg;
    struct server *s = p->server;
    event_free(p->restart_timer);
    p->restart_timer = NULL;
    if (!p->dead || p->closing || s->terminating)
        return;
    struct session *sess = window_session(p->window);
    if (sess == NULL)
        return;
    session_child_environment(sess);
    struct spawn_args sa = {.cwd = p->cwd, .env = sess->env, .nenv = sess->nenv, .session = sess};
    char err[512];
    p->restarts++;
    p->started_ms = clock_monotonic_ms();
    if (pane_respawn(p, &sa, err, sizeof err) != 0) {
        /* Say why in the pane, the log and (under -D) on stdout; then back off as if it
         * had exited at once, so a missing program does not spin. */
        log_debug("pane %%%u: restart failed: %s", p->id, err);
        pane_message(p, err);
        vt_feed(p->vt, "\r\n", 2);
        vt_feed(p->vt, err, strlen(err));
        pane_mirror_note(p, err);
        pane_exit_schedule_restart(p);
        return;
    }
    log_debug("pane %%%u: restarted (%u)", p->id, p->restarts);
    pane_mode_free_all(p);
    vt_reinit(p->vt);
    window_redraw(p->window, REDRAW_FULL);
}

/* p's program exited and its policy restarts it: keep it dead (wait-pane callers keep
 * waiting) and restart it after the delay; or, past restart-limit restarts within
 * restart-interval, leave it dead for good, marked as a crash loop. */
static void pane_exit_schedule_restart(struct pane *p)
{
    long long now = clock_monotonic_ms();
    long long base = options_get_number(p->options, "restart-delay");
    long long max = options_get_number(p->options, "restart-delay-max");
    long long reset = options_get_number(p->options, "restart-reset") * 1000;
    long long interval = options_get_number(p->options, "restart-interval") * 1000;
    long limit = options_get_number(p->options, "restart-limit");
    if (p->started_ms != 0 && now - p->started_ms >= reset)
        p->restart_delay_ms = 0; /* it stayed up long enough: start again from the base */
    if (p->restart_window_count == 0 || now - p->restart_window_start >= interval) {
        p->restart_window_start = now;
        p->restart_window_count = 0;
    }
    if (limit > 0 && p->restart_window_count >= (unsigned long)limit) {
        p->crash_loop = true;
        log_debug("pane %%%u: %ld restarts within %lld s: not restarted", p->id, limit,
                  interval / 1000);
        pane_exit_keep_dead(p);
        pane_message(p, "restart-limit reached: the pane stays dead (crash loop)");
        return;
    }
    p->restart_window_count++;
    /* restart-delay 0: at once, every time (no backoff to double). */
    long long delay = base == 0 ? 0 : p->restart_delay_ms == 0 ? base : p->restart_delay_ms * 2;
    if (delay > max)
        delay = max;
    p->restart_delay_ms = delay;
    /* Dead on screen meanwhile, as remain-on-exit shows it; wait-pane goes on waiting. */
    pane_mark_dead(p);
    window_redraw(p->window, REDRAW_STATUS);
    struct timeval tv = {.tv_sec = delay / 1000, .tv_usec = (delay % 1000) * 1000};
    if (p->restart_timer == NULL)
        p->restart_timer = evtimer_new(p->server->base, pane_exit_restart_cb, p);
    evtimer_add(p->restart_timer, &tv);
}

/* What is left to do once a pane's program finished, after its pane-exited hook: keep it
 * dead (remain-on-exit) or close it, its window, maybe its session. The hook may have
 * killed it already: it is looked up again by id. */
static void pane_exit_close(struct server *s, uint32_t id)
{
    struct pane *p = server_find_pane(s, id);
    if (p == NULL || !p->closing)
        return; /* killed, or respawned, by the hook */
    p->closing = false;
    struct window *w = p->window;
    int status = pane_exit_status(p);
    if (pane_exit_restarts(p)) {
        pane_exit_schedule_restart(p);
        return;
    }
    if (!s->terminating && pane_exit_remains(p)) {
        pane_exit_keep_dead(p);
        return;
    }
    bool active = w->active == p;
    bool empty = window_remove_pane(w, p); /* its space goes to its neighbours */
    pane_free(p);
    if (!empty) {
        window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
        if (active)
            window_notify(w, NOTIFY_WINDOW_PANE_CHANGED);
        window_redraw(w, REDRAW_STATUS);
        return;
    }
    /* A session whose last window closed because its command exited: its attached
     * clients exit with that command's status, so `tmx new 'job' && next` works. */
    server_kill_window(s, w, status);
}

/* Deferred: the pane-exited hook, then the close. */
static void pane_exit_closing(struct server *s, uint32_t id, const char *arg)
{
    (void)arg;
    struct pane *p = server_find_pane(s, id);
    if (p == NULL || !p->closing)
        return;
    /* tmux: pane-died for a pane remain-on-exit keeps, pane-exited for one that goes. */
    hooks_fire(s,
               !s->terminating && (pane_exit_remains(p) || pane_exit_restarts(p)) ? "pane-died"
                                                                                  : "pane-exited",
               &(struct hook_event){.pane = p});
    pane_exit_close(s, id);
}

/* Called once a pane is finished (reaped and drained): mark it and defer the rest. */
static void pane_exit_finished(struct pane *p)
{
    struct server *s = p->server;
    if (p->closing)
        return;
    p->closing = true;
    log_debug("pane %%%u finished", p->id);
    s->exit_status = pane_exit_status(p);
    pane_mark_dead(p);
    /* The rest happens from the loop, not inside the pty or SIGCHLD callback that got
     * here: the pane-exited hook runs first, and may run any command. */
    defer_add(s, pane_exit_closing, p->id, NULL);
}

void pane_exit_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_FINISHED)
        pane_exit_finished(n->pane);
    else if (n->type == NOTIFY_PANE_GONE) {
        if (n->pane->restart_timer != NULL) {
            event_free(n->pane->restart_timer);
            n->pane->restart_timer = NULL;
        }
        pane_exit_release_waiters(s, n->pane);
    }
}
