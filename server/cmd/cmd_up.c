/* cmd_up.c - `tmx up [-C] [-f file] [-s session]`: read a Procfile or a tmx service file
 * (upfile.h), make its session and start its services in `after` order; the supervisor
 * that starts the rest as services become ready, stops them in reverse order and decides
 * the exit status under -D (see cmd_up.h). State: s->up. */
#include "cmd_impl.h"
#include "cmd_up.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_frames.h"
#include "defer.h"
#include "hooks.h"
#include "job.h"
#include "log.h"
#include "notify.h"
#include "pane_mirror.h"
#include "proto.h"
#include "redraw.h"
#include "regex_bound.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_find.h"
#include "server_state.h"
#include "session.h"
#include "sh_quote.h"
#include "upfile.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

#define UP_FILE_MAX (1 << 20)      /* a service file larger than this is refused */
#define UP_READY_POLL_MS 200       /* ready-command runs again this long after it failed */
#define UP_FOLLOW_MAX (1 << 20)    /* logs -f: a client further behind misses output */
#define UP_LINE_MAX 1024           /* ready-line looks at this much of a line */
/* The up state kept in options, which snapshots keep (cmd_up_restore): the session's
 * service file as read and its directory, each service window's name. A file larger
 * than a snapshot keeps in one value is not kept. */
#define UP_OPT_FILE "@tmx-up-file"
#define UP_OPT_DIR "@tmx-up-dir"
#define UP_OPT_SERVICE "@tmx-up-service"
#define UP_KEEP_MAX 60000

enum up_svc_state {
    SVC_WAITING,  /* for the services it starts after */
    SVC_STARTING, /* running, not ready yet */
    SVC_READY,    /* running and ready: those after it may start */
    SVC_STOPPING, /* sent its stop signal, waiting for it to exit */
    SVC_DOWN      /* exited, stopped, or never to start */
};

struct up_service {
    struct up_group *g;
    char *name;
    char *command;         /* with its env lines as exports before it */
    char *cwd;
    size_t *after;
    size_t nafter;
    char *ready_line;      /* the pattern, or NULL */
    bool has_re;
    regex_t re;            /* compiled only while it waits for that line (re_live) */
    bool re_live;
    char *ready_command;
    int stop_signal, stop_timeout;
    const char *restart;   /* static string, or NULL */
    long restart_delay;
    enum up_svc_state state;
    bool has_pane;
    uint32_t pane_id;
    bool restart_after;    /* tmx restart: start it again once stopped */
    char *line;            /* the output line being read (ready-line): UP_LINE_MAX bytes,
                            * only while it waits for one */
    size_t linelen;
    struct event *timer;   /* ready-command's next try, or the stop timeout */
    bool probing;          /* a ready-command job runs */
    bool exit_pending;     /* its exit is to be looked at from the loop (up_exited_cb) */
    int status;            /* its last exit status (128+N for signal N) */
};

struct up_waiter {
    struct client *c;
    struct up_group *g;
    long svc;              /* the service being stopped or restarted, -1: down */
};

struct up_follower {
    struct client *c;
    uint32_t pane_id;
    bool cr;               /* a CR held back: it may be the pty's CR of a CR NL */
};

struct up_group {
    struct server *s;
    uint32_t session_id;
    struct up_service *svc;
    size_t n;
    long main;
    bool foreground;       /* -D: the server's exit status is this group's */
    bool colour;           /* coloured prefixes on stdout */
    bool stopping_all;
    bool finishing;        /* its session is about to be closed */
    bool have_failure;
    int failure;           /* the first failure's status */
    int status;            /* what it exits with once down */
};

struct up_state {
    struct up_group **groups;
    size_t ngroups;
    struct up_waiter *waiters;
    size_t nwaiters;
    struct up_follower *followers;
    size_t nfollowers;
    unsigned matching;     /* services reading their output for ready-line */
    bool have_status;
    int status;
    void (*then)(struct server *s); /* cmd_up_terminate's: once every group is down */
};

static struct up_state *up_state(struct server *s)
{
    if (s->up == NULL)
        s->up = xcalloc(1, sizeof *s->up);
    return s->up;
}

static int up_status_of(int wait_status)
{
    if (WIFSIGNALED(wait_status))
        return 128 + WTERMSIG(wait_status);
    return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 1;
}

static struct session *up_session(struct up_group *g)
{
    return session_find_id(g->s, g->session_id);
}

static struct pane *up_pane(struct up_service *sv)
{
    return sv->has_pane ? server_find_pane(sv->g->s, sv->pane_id) : NULL;
}

static bool up_running(const struct up_service *sv)
{
    return sv->state == SVC_STARTING || sv->state == SVC_READY || sv->state == SVC_STOPPING;
}

/* The service whose pane is pane_id, or NULL. */
static struct up_service *up_by_pane(struct server *s, uint32_t pane_id)
{
    if (s->up == NULL)
        return NULL;
    for (size_t k = 0; k < s->up->ngroups; k++) {
        struct up_group *g = s->up->groups[k];
        for (size_t i = 0; i < g->n; i++) {
            if (g->svc[i].has_pane && g->svc[i].pane_id == pane_id)
                return &g->svc[i];
        }
    }
    return NULL;
}

static struct up_group *up_by_session(struct server *s, uint32_t session_id)
{
    if (s->up == NULL)
        return NULL;
    for (size_t k = 0; k < s->up->ngroups; k++) {
        if (s->up->groups[k]->session_id == session_id)
            return s->up->groups[k];
    }
    return NULL;
}

static void up_set_matching(struct up_service *sv, bool on)
{
    struct up_state *u = sv->g->s->up;
    bool was = sv->has_re && sv->state == SVC_STARTING;
    if (was && !on)
        u->matching--;
    else if (!was && on)
        u->matching++;
}

/* The state, and what waiting for a ready-line needs only meanwhile: the compiled
 * pattern and the line buffer (a hundred ready services keep neither). */
static void up_set_state(struct up_service *sv, enum up_svc_state st)
{
    bool matching = sv->has_re && st == SVC_STARTING;
    up_set_matching(sv, matching);
    sv->state = st;
    if (matching && !sv->re_live)
        sv->re_live = regcomp_bounded(&sv->re, sv->ready_line, REG_EXTENDED | REG_NOSUB) == 0;
    if (matching && sv->line == NULL) {
        sv->line = xmalloc(UP_LINE_MAX);
        sv->linelen = 0;
    }
    if (!matching && sv->re_live) {
        regfree(&sv->re);
        sv->re_live = false;
    }
    if (!matching) {
        free(sv->line);
        sv->line = NULL;
    }
}

/* The clients waiting for what (group g, service svc: -1 the whole group) is done. */
static void up_release(struct server *s, struct up_group *g, long svc, int status)
{
    struct up_state *u = s->up;
    for (size_t i = 0; u != NULL && i < u->nwaiters;) {
        struct up_waiter *w = &u->waiters[i];
        if (w->g == g && (svc == -2 || w->svc == svc)) {
            server_client_exit(w->c, status, NULL);
            memmove(w, w + 1, (u->nwaiters - i - 1) * sizeof *w);
            u->nwaiters--;
        } else
            i++;
    }
}

static void up_wait(struct cmd_ctx *ctx, struct up_group *g, long svc)
{
    if (ctx->client == NULL || ctx->client->attached || ctx->item == NULL)
        return; /* from a key binding or the config: nobody to keep waiting */
    struct up_state *u = up_state(ctx->server);
    u->waiters = xreallocarray(u->waiters, u->nwaiters + 1, sizeof *u->waiters);
    u->waiters[u->nwaiters++] = (struct up_waiter){.c = ctx->client, .g = g, .svc = svc};
    ctx->wait = true;
}

static void up_group_free(struct up_group *g)
{
    struct server *s = g->s;
    for (size_t i = 0; i < g->n; i++) {
        struct up_service *sv = &g->svc[i];
        up_set_state(sv, SVC_DOWN);
        if (sv->timer != NULL)
            event_free(sv->timer);
        job_forget_owner(s, sv);
        free(sv->ready_line);
        free(sv->name);
        free(sv->command);
        free(sv->cwd);
        free(sv->after);
        free(sv->ready_command);
    }
    free(g->svc);
    free(g);
}

/* Take g off the list, answer its waiters and free it. */
static void up_group_remove(struct up_group *g, int status)
{
    struct up_state *u = g->s->up;
    up_release(g->s, g, -2, status);
    for (size_t k = 0; k < u->ngroups; k++) {
        if (u->groups[k] == g) {
            memmove(&u->groups[k], &u->groups[k + 1], (u->ngroups - k - 1) * sizeof g);
            u->ngroups--;
            break;
        }
    }
    up_group_free(g);
}

static void up_ready(struct up_service *sv);
static void up_kick(struct up_group *g);

static void up_timer_in(struct up_service *sv, long ms)
{
    struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
    evtimer_add(sv->timer, &tv);
}

static void up_probe_done(void *arg, const char *output, size_t len, int status)
{
    struct up_service *sv = arg;
    (void)output;
    (void)len;
    sv->probing = false;
    if (sv->state != SVC_STARTING)
        return;
    if (status == 0) {
        up_ready(sv);
        up_kick(sv->g);
        return;
    }
    struct timeval tv = {0, UP_READY_POLL_MS * 1000};
    evtimer_add(sv->timer, &tv);
}

/* The timer of a service: in STARTING, run ready-command; in STOPPING, the stop
 * timeout is over: SIGKILL. */
static void up_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct up_service *sv = arg;
    struct server *s = sv->g->s;
    (void)fd;
    (void)events;
    struct pane *p = up_pane(sv);
    if (sv->state == SVC_STOPPING) {
        if (p != NULL && p->pid > 0 && !p->reaped) {
            log_debug("up: %s did not stop within %d s: SIGKILL", sv->name, sv->stop_timeout);
            if (kill(-p->pid, SIGKILL) != 0)
                kill(p->pid, SIGKILL);
        }
        return;
    }
    if (sv->state != SVC_STARTING || sv->probing || sv->ready_command == NULL)
        return;
    char err[256];
    if (job_run(s, sv->ready_command, sv->cwd, up_probe_done, sv, err, sizeof err) == NULL) {
        log_debug("up: %s: ready-command: %s", sv->name, err);
        struct timeval tv = {0, UP_READY_POLL_MS * 1000};
        evtimer_add(sv->timer, &tv);
        return;
    }
    sv->probing = true;
}

static void up_ready(struct up_service *sv)
{
    log_debug("up: %s is ready", sv->name);
    up_set_state(sv, SVC_READY);
    if (sv->timer != NULL)
        evtimer_del(sv->timer);
    job_forget_owner(sv->g->s, sv);
    sv->probing = false;
}

/* The window options a service's window gets: kept when it exits (remain-on-exit), its
 * name kept, its restart policy, its prefix on stdout under -D. */
static void up_window_options(struct up_service *sv, struct window *w, size_t index, int width,
                              bool colour)
{
    char err[256];
    options_set(w->options, "remain-on-exit", "on", false, err, sizeof err);
    options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    if (sv->restart != NULL)
        options_set(w->options, "restart", sv->restart, false, err, sizeof err);
    if (sv->restart_delay >= 0) {
        char n[32];
        snprintf(n, sizeof n, "%ld", sv->restart_delay);
        options_set(w->options, "restart-delay", n, false, err, sizeof err);
    }
    /* As overmind and docker compose: the names padded to the longest, a colour each. */
    static const int colours[] = {2, 3, 4, 5, 6, 1};
    char *prefix = colour ? xasprintf("\033[1;3%dm%-*s |\033[0m ",
                                      colours[index % (sizeof colours / sizeof colours[0])],
                                      width, sv->name)
                          : xasprintf("%-*s | ", width, sv->name);
    options_set(w->options, "mirror-prefix", prefix, false, err, sizeof err);
    free(prefix);
    /* Which service the window is, for cmd_up_restore after a snapshot. */
    options_set_user(w->options, UP_OPT_SERVICE, sv->name, false);
}

/* Service sv's program has just (re)started: with a ready-line or a ready-command it is
 * STARTING until that says ready (the command is run at once, then polled); without
 * either it is READY now. */
static void up_await_ready(struct up_service *sv)
{
    sv->linelen = 0;
    if (sv->has_re || sv->ready_command != NULL) {
        up_set_state(sv, SVC_STARTING);
        if (sv->ready_command != NULL)
            up_timer_in(sv, 0);
    } else
        up_set_state(sv, SVC_READY);
}

/* Start service sv in a new window of its group's session. */
static int up_start_one(struct up_service *sv, char *err, size_t errsize)
{
    struct up_group *g = sv->g;
    struct server *s = g->s;
    struct session *sess = up_session(g);
    if (sess == NULL) {
        snprintf(err, errsize, "its session is gone");
        return -1;
    }
    struct cmd_ctx ctx = {.server = s, .out = evbuffer_new(), .err = evbuffer_new()};
    char *argv[] = {sv->command, NULL};
    struct winlink *wl = cmd_spawn_window(&ctx, sess, -1, sv->name, sv->cwd, 1, argv, NULL,
                                          sess->cols, sess->rows);
    size_t n = evbuffer_get_length(ctx.err);
    snprintf(err, errsize, "%.*s", (int)n, (const char *)evbuffer_pullup(ctx.err, -1));
    err[strcspn(err, "\n")] = '\0';
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    if (wl == NULL)
        return -1;
    struct pane *p = TAILQ_FIRST(&wl->window->panes);
    sv->has_pane = true;
    sv->pane_id = p->id;
    int width = 0;
    for (size_t i = 0; i < g->n; i++) {
        int len = (int)strlen(g->svc[i].name);
        width = len > width ? len : width;
    }
    up_window_options(sv, wl->window, (size_t)(sv - g->svc), width, g->colour);
    log_debug("up: %s started (%%%u)", sv->name, p->id);
    up_await_ready(sv);
    return 0;
}

/* Start every waiting service whose services before it are all ready, until none more
 * can (one ready without a ready check lets the next start at once). */
static void up_kick(struct up_group *g)
{
    if (g->stopping_all)
        return;
    bool again = true;
    while (again) {
        again = false;
        for (size_t i = 0; i < g->n; i++) {
            struct up_service *sv = &g->svc[i];
            if (sv->state != SVC_WAITING)
                continue;
            bool go = true;
            for (size_t k = 0; k < sv->nafter && go; k++)
                go = g->svc[sv->after[k]].state == SVC_READY;
            if (!go)
                continue;
            char err[512];
            if (up_start_one(sv, err, sizeof err) != 0) {
                log_debug("up: %s: %s", sv->name, err);
                up_set_state(sv, SVC_DOWN);
                sv->status = 127;
                if (!g->have_failure) {
                    g->have_failure = true;
                    g->failure = 127;
                }
                continue;
            }
            again = true;
        }
    }
}

static void up_kick_cb(struct server *s, uint32_t session_id, const char *arg)
{
    (void)arg;
    struct up_group *g = up_by_session(s, session_id);
    if (g != NULL)
        up_kick(g);
}

/* Send sv its stop signal (SIGKILL after stop-timeout). Returns true if it is down
 * already (it was not running). */
static bool up_stop_one(struct up_service *sv)
{
    struct pane *p = up_pane(sv);
    char err[64];
    /* Its window's set (a window's options exist already; a pane's own set would cost
     * a whole table): its restart policy does not run it again. */
    if (p != NULL)
        options_set(p->window->options, "restart", "never", false, err, sizeof err);
    if (sv->state == SVC_STOPPING)
        return false;
    if (sv->state == SVC_STARTING || sv->state == SVC_READY) {
        if (p != NULL && p->pid > 0 && !p->reaped) {
            log_debug("up: stopping %s (signal %d)", sv->name, sv->stop_signal);
            up_set_state(sv, SVC_STOPPING);
            job_forget_owner(sv->g->s, sv);
            sv->probing = false;
            /* Its process group (the pane's program leads one); the program alone if
             * it left it. Once: a shell's trap would run twice. */
            if (kill(-p->pid, sv->stop_signal) != 0)
                kill(p->pid, sv->stop_signal);
            up_timer_in(sv, (long)sv->stop_timeout * 1000);
            return false;
        }
    }
    if (p != NULL && p->restart_timer != NULL) {
        /* Dead and waiting for its restart policy: it stays dead. */
        event_free(p->restart_timer);
        p->restart_timer = NULL;
    }
    if (sv->timer != NULL)
        evtimer_del(sv->timer);
    up_set_state(sv, SVC_DOWN);
    return true;
}

static void up_finish_cb(struct server *s, uint32_t session_id, const char *arg)
{
    (void)arg;
    struct up_group *g = up_by_session(s, session_id);
    if (g == NULL)
        return;
    int status = g->status;
    if (g->foreground) {
        s->up->have_status = true;
        s->up->status = status;
    }
    log_debug("up: every service of session $%u is down (status %d)", session_id, status);
    struct session *sess = up_session(g);
    up_group_remove(g, 0);
    if (sess != NULL)
        server_destroy_session(s, sess, status);
    if (s->up->ngroups == 0 && s->up->then != NULL) {
        void (*then)(struct server *) = s->up->then;
        s->up->then = NULL;
        then(s);
    }
}

/* Stopping every service: stop each one that no running service comes after; once none
 * runs, close the session (from the loop). */
static void up_stop_next(struct up_group *g)
{
    bool again = true;
    while (again) {
        again = false;
        for (size_t i = 0; i < g->n; i++) {
            struct up_service *sv = &g->svc[i];
            if (sv->state == SVC_WAITING) {
                up_set_state(sv, SVC_DOWN);
                continue;
            }
            if (sv->state != SVC_STARTING && sv->state != SVC_READY)
                continue;
            bool needed = false;
            for (size_t j = 0; j < g->n && !needed; j++) {
                if (!up_running(&g->svc[j]))
                    continue;
                for (size_t k = 0; k < g->svc[j].nafter; k++)
                    needed = needed || g->svc[j].after[k] == i;
            }
            if (!needed && up_stop_one(sv))
                again = true;
        }
    }
    for (size_t i = 0; i < g->n; i++) {
        if (up_running(&g->svc[i]))
            return;
    }
    if (!g->finishing) {
        g->finishing = true;
        defer_add(g->s, up_finish_cb, g->session_id, NULL);
    }
}

static void up_stop_all(struct up_group *g)
{
    g->stopping_all = true;
    up_stop_next(g);
}

/* Start service sv again (tmx restart): in its pane if it still has one, else in a new
 * window. */
static void up_respawn(struct up_service *sv)
{
    struct pane *p = up_pane(sv);
    char err[512];
    if (p == NULL) {
        sv->has_pane = false;
        if (up_start_one(sv, err, sizeof err) != 0)
            log_debug("up: %s: %s", sv->name, err);
        return;
    }
    char oerr[64];
    if (sv->restart != NULL)
        options_set(p->window->options, "restart", sv->restart, false, oerr, sizeof oerr);
    else
        options_unset(p->window->options, "restart");
    struct session *sess = window_session(p->window);
    if (sess == NULL)
        return;
    session_child_environment(sess);
    struct spawn_args sa = {.cwd = p->cwd, .env = sess->env, .nenv = sess->nenv, .session = sess};
    p->crash_loop = false;
    p->restart_window_count = 0;
    p->restart_delay_ms = 0;
    if (pane_respawn(p, &sa, err, sizeof err) != 0) {
        log_debug("up: %s: %s", sv->name, err);
        pane_mirror_note(p, err);
        return;
    }
    vt_reinit(p->vt);
    window_redraw(p->window, REDRAW_FULL);
    up_await_ready(sv);
}

/* Deferred after a service's pane finished (and after pane_exit decided whether its
 * restart policy runs it again). */
static void up_exited_cb(struct server *s, uint32_t pane_id, const char *arg)
{
    (void)arg;
    struct up_service *sv = up_by_pane(s, pane_id);
    if (sv == NULL || !sv->exit_pending)
        return;
    sv->exit_pending = false;
    struct up_group *g = sv->g;
    struct pane *p = up_pane(sv);
    if (p != NULL && p->restart_timer != NULL && sv->state != SVC_STOPPING)
        return; /* its restart policy runs it again */
    bool stopped = sv->state == SVC_STOPPING;
    if (sv->timer != NULL)
        evtimer_del(sv->timer);
    if (up_running(sv))
        up_set_state(sv, SVC_DOWN);
    log_debug("up: %s exited (%d)%s", sv->name, sv->status, stopped ? ", stopped" : "");
    long i = (long)(sv - g->svc);
    if (stopped && sv->restart_after && !g->stopping_all) {
        sv->restart_after = false;
        up_respawn(sv);
        up_release(s, g, i, 0);
        return;
    }
    up_release(s, g, i, 0);
    if (!stopped && sv->status != 0 && !g->have_failure) {
        g->have_failure = true;
        g->failure = sv->status;
    }
    if (g->stopping_all) {
        if (i == g->main)
            g->status = sv->status;
        up_stop_next(g);
        return;
    }
    if (!g->foreground)
        return; /* it stays dead in its window: tmx restart starts it again */
    /* Under -D: the main service's exit ends them all; without one, the first failure
     * does, or the last service to end. */
    bool any = false;
    for (size_t k = 0; k < g->n; k++)
        any = any || up_running(&g->svc[k]);
    if (i == g->main || (g->main < 0 && !stopped && sv->status != 0) || !any) {
        if (g->main < 0)
            g->status = g->have_failure ? g->failure : 0;
        else if (g->svc[g->main].has_pane)
            g->status = g->svc[g->main].status; /* (if main still runs: when it exits) */
        else
            g->status = g->have_failure ? g->failure : 1; /* main never started */
        up_stop_all(g);
    }
}

/* Deferred after a service's pane went: its session may be gone (kill-session). */
static void up_gone_cb(struct server *s, uint32_t session_id, const char *arg)
{
    (void)arg;
    struct up_group *g = up_by_session(s, session_id);
    if (g != NULL && !g->finishing && up_session(g) == NULL)
        up_group_remove(g, 0);
}

/* logs -f: bytes of a pane to its followers, the pty's CR NL made NL again. */
static void up_follow_output(struct up_state *u, struct pane *p, const char *data, size_t size)
{
    for (size_t i = 0; i < u->nfollowers; i++) {
        struct up_follower *f = &u->followers[i];
        if (f->pane_id != p->id)
            continue;
        struct evbuffer *out = bufferevent_get_output(f->c->bev);
        if (evbuffer_get_length(out) > UP_FOLLOW_MAX)
            continue; /* it does not read: it misses this */
        char *buf = xmalloc(size + 1);
        size_t n = 0;
        for (size_t k = 0; k < size; k++) {
            if (f->cr && data[k] != '\n')
                buf[n++] = '\r';
            f->cr = data[k] == '\r';
            if (!f->cr)
                buf[n++] = data[k];
        }
        if (n > 0)
            client_send(f->c, MSG_STDOUT, buf, n);
        free(buf);
    }
}

static void up_match_output(struct up_service *sv, const char *data, size_t size)
{
    for (size_t k = 0; k < size && sv->state == SVC_STARTING; k++) {
        char c = data[k];
        if (c != '\n') {
            if (c != '\r' && sv->linelen < UP_LINE_MAX - 1)
                sv->line[sv->linelen++] = c;
            continue;
        }
        sv->line[sv->linelen] = '\0';
        sv->linelen = 0;
        if (!sv->re_live || regexec(&sv->re, sv->line, 0, NULL, 0) == 0) {
            up_ready(sv);
            /* Others start from the loop, not inside this pty read. */
            defer_add(sv->g->s, up_kick_cb, sv->g->session_id, NULL);
        }
    }
}

static void up_forget_client(struct up_state *u, struct client *c)
{
    for (size_t i = 0; i < u->nwaiters;) {
        if (u->waiters[i].c == c) {
            memmove(&u->waiters[i], &u->waiters[i + 1], (u->nwaiters - i - 1) * sizeof *u->waiters);
            u->nwaiters--;
        } else
            i++;
    }
    for (size_t i = 0; i < u->nfollowers;) {
        if (u->followers[i].c == c) {
            memmove(&u->followers[i], &u->followers[i + 1],
                    (u->nfollowers - i - 1) * sizeof *u->followers);
            u->nfollowers--;
        } else
            i++;
    }
}

void cmd_up_notify(struct server *s, const struct notify *n)
{
    struct up_state *u = s->up;
    if (u == NULL)
        return;
    if (n->type == NOTIFY_CLIENT_CLOSING) {
        up_forget_client(u, n->client);
        return;
    }
    if (n->type == NOTIFY_PANE_OUTPUT) {
        if (u->matching == 0 && u->nfollowers == 0)
            return;
        if (u->nfollowers > 0)
            up_follow_output(u, n->pane, n->data, n->size);
        if (u->matching > 0) {
            struct up_service *sv = up_by_pane(s, n->pane->id);
            if (sv != NULL && sv->has_re && sv->state == SVC_STARTING)
                up_match_output(sv, n->data, n->size);
        }
        return;
    }
    if (n->type == NOTIFY_PANE_GONE) {
        for (size_t i = 0; i < u->nfollowers;) {
            if (u->followers[i].pane_id == n->pane->id) {
                server_client_exit(u->followers[i].c, 0, NULL);
                memmove(&u->followers[i], &u->followers[i + 1],
                        (u->nfollowers - i - 1) * sizeof *u->followers);
                u->nfollowers--;
            } else
                i++;
        }
    }
    if (n->type != NOTIFY_PANE_FINISHED && n->type != NOTIFY_PANE_GONE)
        return;
    struct up_service *sv = up_by_pane(s, n->pane->id);
    if (sv == NULL)
        return;
    if (n->type == NOTIFY_PANE_FINISHED) {
        sv->status = n->pane->reaped ? up_status_of(n->pane->wait_status) : 128 + SIGHUP;
        sv->exit_pending = true;
        defer_add(s, up_exited_cb, n->pane->id, NULL);
    } else {
        if (up_running(sv) && !sv->exit_pending) {
            /* Closed under it (kill-window, kill-session): it is down. */
            sv->status = 128 + SIGHUP;
            sv->exit_pending = true;
            defer_add(s, up_exited_cb, n->pane->id, NULL);
        }
        defer_add(s, up_gone_cb, sv->g->session_id, NULL);
    }
}

bool cmd_up_terminate(struct server *s, void (*then)(struct server *s))
{
    bool any = false;
    for (size_t k = 0; s->up != NULL && k < s->up->ngroups; k++) {
        struct up_group *g = s->up->groups[k];
        if (g->stopping_all)
            continue;
        log_debug("up: stopping every service of $%u in reverse order", g->session_id);
        g->status = g->have_failure ? g->failure : 0;
        any = true;
    }
    if (any) {
        s->up->then = then;
        /* Stopped after the loop above: a group that is down at once goes from the list. */
        for (size_t k = 0; k < s->up->ngroups; k++) {
            if (!s->up->groups[k]->stopping_all)
                up_stop_all(s->up->groups[k]);
        }
    }
    return any;
}

int cmd_up_exit_status(struct server *s, int fallback)
{
    return s->up != NULL && s->up->have_status ? s->up->status : fallback;
}

void cmd_up_free(struct server *s)
{
    struct up_state *u = s->up;
    if (u == NULL)
        return;
    for (size_t k = 0; k < u->ngroups; k++)
        up_group_free(u->groups[k]);
    free(u->groups);
    free(u->waiters);
    free(u->followers);
    free(u);
    s->up = NULL;
}

static struct up_group *up_group_make(struct server *s, struct session *sess,
                                      const struct upfile *f, const char *dir);

/* The groups of sessions a snapshot brought back (server-upgrade, a restart after kill
 * -9, resurrect): each session whose options keep a service file and has no group gets
 * one again, parsed from that text, each service bound to the window that names it
 * (running: ready; its pane dead: down with its status); services with no window start
 * as their file says. */
void cmd_up_restore(struct server *s)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        const char *text = options_get_user(sess->options, UP_OPT_FILE, false);
        const char *dir = options_get_user(sess->options, UP_OPT_DIR, false);
        if (text == NULL || *text == '\0' || dir == NULL || *dir != '/' ||
            up_by_session(s, sess->id) != NULL)
            continue;
        struct upfile f;
        char err[512];
        if (upfile_parse(text, strlen(text), &f, err, sizeof err) != 0) {
            log_debug("up: session %s: its kept service file does not parse: %s", sess->name,
                      err);
            continue;
        }
        struct up_group *g = up_group_make(s, sess, &f, dir);
        upfile_free(&f);
        for (size_t i = 0; i < g->n; i++) {
            struct up_service *sv = &g->svc[i];
            struct winlink *wl;
            TAILQ_FOREACH(wl, &sess->windows, entry) {
                const char *name = options_get_user(wl->window->options, UP_OPT_SERVICE, false);
                if (name == NULL || strcmp(name, sv->name) != 0)
                    continue;
                struct pane *p = TAILQ_FIRST(&wl->window->panes);
                if (p == NULL)
                    break;
                sv->has_pane = true;
                sv->pane_id = p->id;
                if (p->dead || p->reaped) {
                    sv->status = up_status_of(p->wait_status);
                    sv->state = SVC_DOWN;
                } else
                    sv->state = SVC_READY;
                break;
            }
        }
        struct up_state *u = up_state(s);
        u->groups = xreallocarray(u->groups, u->ngroups + 1, sizeof *u->groups);
        u->groups[u->ngroups++] = g;
        log_debug("up: session %s: %zu services back from the snapshot", sess->name, g->n);
        up_kick(g);
    }
}

struct up_group *cmd_up_find_group(struct cmd_ctx *ctx, const char *session)
{
    cmd_up_restore(ctx->server);
    struct up_state *u = ctx->server->up;
    if (session == NULL) {
        if (u == NULL || u->ngroups == 0)
            cmd_error(ctx, "no services are up (tmx up starts them)");
        else if (u->ngroups > 1)
            cmd_error(ctx, "several sessions of services: say which (-t NAME)");
        else
            return u->groups[0];
        return NULL;
    }
    struct session *sess = session_find(ctx->server, session);
    struct up_group *g = sess != NULL ? up_by_session(ctx->server, sess->id) : NULL;
    if (g == NULL)
        cmd_error(ctx, "no services in session %s (tmx up starts them)", session);
    return g;
}

struct up_group *cmd_up_find(struct cmd_ctx *ctx, const char *name, long *index)
{
    struct server *s = ctx->server;
    cmd_up_restore(s);
    const char *colon = strchr(name, ':');
    struct up_group *only = NULL;
    if (colon != NULL) {
        char *sname = xstrndup(name, (size_t)(colon - name));
        only = cmd_up_find_group(ctx, sname);
        free(sname);
        if (only == NULL)
            return NULL;
        name = colon + 1;
    }
    struct up_group *found = NULL;
    for (size_t k = 0; s->up != NULL && k < s->up->ngroups; k++) {
        struct up_group *g = s->up->groups[k];
        if (only != NULL && g != only)
            continue;
        for (size_t i = 0; i < g->n; i++) {
            if (strcmp(g->svc[i].name, name) != 0)
                continue;
            if (found != NULL) {
                struct session *a = up_session(found), *b = up_session(g);
                cmd_error(ctx, "service %s is in sessions %s and %s: say which (%s:%s)", name,
                          a != NULL ? a->name : "?", b != NULL ? b->name : "?",
                          b != NULL ? b->name : "?", name);
                return NULL;
            }
            found = g;
            *index = (long)i;
        }
    }
    if (found == NULL)
        cmd_error(ctx, "no service %s (tmx ls shows the sessions tmx up made)", name);
    return found;
}

void cmd_up_stop(struct cmd_ctx *ctx, struct up_group *g, long i, bool restart)
{
    struct up_service *sv = &g->svc[i];
    if (g->stopping_all)
        return;
    if (up_stop_one(sv)) {
        if (restart)
            up_respawn(sv);
        return;
    }
    sv->restart_after = restart;
    up_wait(ctx, g, i);
}

void cmd_up_down(struct cmd_ctx *ctx, struct up_group *g)
{
    if (!g->stopping_all)
        g->status = g->have_failure ? g->failure : 0;
    up_stop_all(g);
    up_wait(ctx, g, -1);
}

bool cmd_up_pane(struct up_group *g, long i, unsigned *pane_id)
{
    *pane_id = g->svc[i].pane_id;
    return g->svc[i].has_pane && server_find_pane(g->s, g->svc[i].pane_id) != NULL;
}

void cmd_up_follow(struct cmd_ctx *ctx, struct up_group *g, long i)
{
    if (ctx->client == NULL || ctx->client->attached || ctx->item == NULL)
        return;
    struct up_state *u = up_state(ctx->server);
    u->followers = xreallocarray(u->followers, u->nfollowers + 1, sizeof *u->followers);
    u->followers[u->nfollowers++] =
        (struct up_follower){.c = ctx->client, .pane_id = g->svc[i].pane_id};
    ctx->wait = true;
}

/* The command the pane runs: its env as exports first, so that a restart (which runs
 * the pane's own command again) keeps them. */
static char *up_command(const struct upfile_service *fs)
{
    if (fs->nenv == 0)
        return xstrdup(fs->command);
    struct evbuffer *b = evbuffer_new();
    for (size_t k = 0; k < fs->nenv; k++) {
        const char *eq = strchr(fs->env[k], '=');
        evbuffer_add_printf(b, "export %.*s=", (int)(eq - fs->env[k]), fs->env[k]);
        char *q = sh_quote(eq + 1);
        evbuffer_add(b, q, strlen(q));
        free(q);
        evbuffer_add(b, "; ", 2);
    }
    evbuffer_add(b, fs->command, strlen(fs->command));
    size_t n = evbuffer_get_length(b);
    char *cmd = xstrndup((const char *)evbuffer_pullup(b, -1), n);
    evbuffer_free(b);
    return cmd;
}

/* Read the whole file (at most UP_FILE_MAX bytes). NULL with an error. */
static char *up_read_file(struct cmd_ctx *ctx, const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        cmd_error(ctx, "up: %s: %s%s", path, strerror(errno),
                  errno == ENOENT ? " (a Procfile, or -f FILE)" : "");
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > UP_FILE_MAX) {
        cmd_error(ctx, "up: %s: not a regular file of at most %d bytes", path, UP_FILE_MAX);
        close(fd);
        return NULL;
    }
    char *buf = xmalloc((size_t)st.st_size + 1);
    size_t n = 0;
    while (n < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + n, (size_t)st.st_size - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A group for session sess from a parsed file f (services waiting; its directory dir). */
static struct up_group *up_group_make(struct server *s, struct session *sess,
                                      const struct upfile *f, const char *dir)
{
    struct up_group *g = xcalloc(1, sizeof *g);
    g->s = s;
    g->session_id = sess->id;
    g->main = f->main;
    g->foreground = s->foreground;
    g->n = f->n;
    g->svc = xcalloc(f->n, sizeof *g->svc);
    for (size_t i = 0; i < f->n; i++) {
        struct upfile_service *fs = &f->services[i];
        struct up_service *sv = &g->svc[i];
        sv->g = g;
        sv->name = xstrdup(fs->name);
        sv->command = up_command(fs);
        if (fs->cwd == NULL)
            sv->cwd = xstrdup(dir);
        else if (*fs->cwd == '/')
            sv->cwd = xstrdup(fs->cwd);
        else
            sv->cwd = xasprintf("%s/%s", dir, fs->cwd);
        sv->after = fs->nafter > 0 ? xreallocarray(NULL, fs->nafter, sizeof *sv->after) : NULL;
        if (fs->nafter > 0)
            memcpy(sv->after, fs->after, fs->nafter * sizeof *sv->after);
        sv->nafter = fs->nafter;
        if (fs->ready_line != NULL)
            sv->ready_line = xstrdup(fs->ready_line);
        sv->has_re = sv->ready_line != NULL;
        sv->ready_command = fs->ready_command != NULL ? xstrdup(fs->ready_command) : NULL;
        sv->stop_signal = fs->stop_signal;
        sv->stop_timeout = fs->stop_timeout;
        sv->restart = fs->restart;
        sv->restart_delay = fs->restart_delay;
        sv->timer = evtimer_new(s->base, up_timer_cb, sv);
        sv->state = SVC_WAITING;
    }
    return g;
}

static int cmd_up_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *name = args->flags['f'];
    char *path = NULL;
    if (name == NULL) {
        /* tmx's own file if there is one, else a Procfile. */
        path = cmd_client_path(ctx, "tmx.services");
        if (access(path, F_OK) != 0) {
            free(path);
            path = cmd_client_path(ctx, "Procfile");
        }
    } else
        path = cmd_client_path(ctx, name);
    char abs[PATH_MAX];
    if (realpath(path, abs) == NULL) {
        cmd_error(ctx, "up: %s: %s%s", path, strerror(errno),
                  name == NULL ? " (no tmx.services or Procfile here: up -f FILE)" : "");
        free(path);
        return -1;
    }
    free(path);
    size_t len;
    char *text = up_read_file(ctx, abs, &len);
    if (text == NULL)
        return -1;
    struct upfile f;
    char err[512];
    int rc = upfile_parse(text, len, &f, err, sizeof err);
    if (rc != 0) {
        free(text);
        cmd_error(ctx, "up: %s: %s (nothing was started)", abs, err);
        return -1;
    }
    /* The session: -s, else the file's session =, else its directory's name. */
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", abs);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    const char *base = strrchr(dir, '/')[1] != '\0' ? strrchr(dir, '/') + 1 : "up";
    const char *want = args->flags['s'] != NULL ? args->flags['s']
                       : f.session != NULL     ? f.session
                                               : base;
    char *sname = cmd_session_name(ctx, want);
    if (sname == NULL) {
        free(text);
        upfile_free(&f);
        return -1;
    }
    if (session_find(s, sname) != NULL) {
        cmd_error(ctx, "up: session %s exists already (tmx down -t %s stops it; up -s NAME "
                  "names another)", sname, sname);
        free(sname);
        free(text);
        upfile_free(&f);
        return -1;
    }
    int cols = 80, rows = 24;
    if (sscanf(options_get_string(s->session_options, "default-size"), "%dx%d", &cols,
               &rows) != 2 || cols < 1 || rows < 1) {
        cols = 80;
        rows = 24;
    }
    struct client *c = ctx->client;
    struct session *sess = session_create_prefixed(s, sname, NULL, dir,
                                                   c != NULL ? c->env : NULL,
                                                   c != NULL ? c->nenv : 0, cols, rows);
    free(sname);
    struct up_group *g = up_group_make(s, sess, &f, dir);
    /* Coloured names on stdout: -C, or stdout a terminal (and no NO_COLOR). */
    g->colour = args->flags['C'] != NULL ||
                (s->foreground && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL);
    if (len <= UP_KEEP_MAX) {
        options_set_user(sess->options, UP_OPT_FILE, text, false);
        options_set_user(sess->options, UP_OPT_DIR, dir, false);
    }
    free(text);
    upfile_free(&f);
    struct up_state *u = up_state(s);
    u->groups = xreallocarray(u->groups, u->ngroups + 1, sizeof *u->groups);
    u->groups[u->ngroups++] = g;
    up_kick(g);
    if (TAILQ_EMPTY(&sess->windows)) {
        cmd_error(ctx, "up: no service could be started");
        up_group_remove(g, 1);
        session_free(sess);
        server_check_exit(s);
        return -1;
    }
    session_select_window(sess, TAILQ_FIRST(&sess->windows));
    if (s->sessions_changed != NULL)
        s->sessions_changed(s);
    hooks_fire(s, "session-created", &(struct hook_event){.session = sess});
    return 0;
}

const struct cmd_entry cmd_up_entry = {
    .name = "up",
    .spec = "Cf:s:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-C] [-f file] [-s session-name]",
    .exec = cmd_up_exec,
};
