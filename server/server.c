/* server.c - the server process: listening socket, signals, child reaping, and the
 * lifecycle glue between panes, windows, sessions and clients. */
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "base64.h"
#include "cmd.h"
#include "config.h"
#include "defer.h"
#include "history.h"
#include "hooks.h"
#include "job.h"
#include "key_bindings.h"
#include "log.h"
#include "options.h"
#include "pane_pipe.h"
#include "proto.h"
#include "server_client.h"
#include "server_int.h"
#include "session.h"
#include "vt.h"
#include "xmalloc.h"

static void server_accept_cb(evutil_socket_t fd, short events, void *arg);

/* Create, bind and listen on the socket. The umask makes it 0600 from the start. */
static int server_listen(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof sa.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    mode_t old = umask(0177);
    int rc = bind(fd, (struct sockaddr *)&sa, sizeof sa);
    umask(old);
    if (rc != 0 || listen(fd, 128) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    chmod(path, 0600);
    return fd;
}

/* Reap every child that exited (panes' programs and orphans re-parented to us as the
 * subreaper). Never blocks. */
static void server_sigchld_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)sig;
    (void)events;
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid <= 0)
            break;
        if (!WIFEXITED(status) && !WIFSIGNALED(status))
            continue;
        struct session *sess, *sess_next;
        bool found = false;
        TAILQ_FOREACH_SAFE(sess, &s->sessions, entry, sess_next) {
            struct window *w;
            TAILQ_FOREACH(w, &sess->windows, entry) {
                struct pane *p;
                TAILQ_FOREACH(p, &w->panes, entry) {
                    if (pane_child_exited(p, pid, status)) {
                        log_debug("pane %%%u: child %ld exited, status %d", p->id, (long)pid, status);
                        found = true;
                        if (pane_finished(p))
                            server_pane_finished(p);
                        goto next;
                    }
                }
            }
        }
    next:
        if (!found && !job_child_exited(s, pid, status))
            log_debug("reaped orphan %ld", (long)pid);
    }
}

/* Send sig to the process group of every pane whose program still runs. Returns the
 * number of panes signalled. */
static int server_signal_panes(struct server *s, int sig)
{
    int n = 0;
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct window *w;
        TAILQ_FOREACH(w, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (p->pid > 0 && !p->reaped) {
                    kill(-p->pid, sig);
                    kill(p->pid, sig);
                    n++;
                }
            }
        }
    }
    return n;
}

static void server_grace_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    log_debug("kill-grace over: SIGKILL to the panes still running");
    server_signal_panes(s, SIGKILL);
}

/* SIGTERM/SIGINT: ask every pane's program to exit (SIGTERM to its process group), give
 * them kill-grace seconds, then SIGKILL. Panes close as their programs exit, and the
 * server exits with the last one (with the status of the last pane). A second signal
 * does not wait. */
static void server_sigterm_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)events;
    log_debug("signal %d: stopping", (int)sig);
    if (s->terminating) {
        server_signal_panes(s, SIGKILL);
        return;
    }
    s->terminating = true;
    if (server_signal_panes(s, SIGTERM) == 0) {
        server_shutdown(s, "[server exited]");
        return;
    }
    s->grace_timer = evtimer_new(s->base, server_grace_cb, s);
    struct timeval tv = {.tv_sec = options_get_number(s->options, "kill-grace"), .tv_usec = 0};
    evtimer_add(s->grace_timer, &tv);
}

/* SIGUSR1: recreate the socket (for when it was deleted under a running server). */
static void server_sigusr1_cb(evutil_socket_t sig, short events, void *arg)
{
    struct server *s = arg;
    (void)sig;
    (void)events;
    if (s->listen_ev != NULL) {
        event_free(s->listen_ev);
        close(s->listen_fd);
    }
    unlink(s->socket_path);
    s->listen_fd = server_listen(s->socket_path);
    if (s->listen_fd < 0) {
        log_debug("cannot recreate socket %s: %s", s->socket_path, strerror(errno));
        s->listen_ev = NULL;
        return;
    }
    s->listen_ev = event_new(s->base, s->listen_fd, EV_READ | EV_PERSIST, server_accept_cb, s);
    event_add(s->listen_ev, NULL);
}

static void server_sighup_cb(evutil_socket_t sig, short events, void *arg)
{
    (void)sig;
    (void)events;
    (void)arg; /* the server has no terminal: ignore */
}

static void server_accept_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)events;
    int cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (cfd < 0)
        return;
    if (s->exiting) {
        close(cfd);
        return;
    }
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != getuid()) {
        log_debug("refused connection from uid %ld", (long)cred.uid);
        close(cfd);
        return;
    }
    struct client *c = server_client_create(s, cfd);
    c->uid = cred.uid;
    c->pid = cred.pid;
}

/* remain-on-exit: the pane stays with its last screen and a line saying how the
 * command ended; wait-pane callers get the status now. */
static void server_pane_dead(struct pane *p)
{
    struct server *s = p->server;
    pane_mark_dead(p);
    char when[64];
    struct tm tm;
    localtime_r(&p->exit_time, &tm);
    strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", &tm);
    char line[160];
    int n;
    if (WIFSIGNALED(p->wait_status))
        n = snprintf(line, sizeof line, "Pane is dead (signal %d, %s)", WTERMSIG(p->wait_status), when);
    else
        n = snprintf(line, sizeof line, "Pane is dead (status %d, %s)", pane_exit_status(p), when);
    int x, y;
    vt_cursor(p->vt, &x, &y);
    if (x != 0)
        vt_feed(p->vt, "\r\n", 2);
    vt_feed(p->vt, "\033[m", 3);
    vt_feed(p->vt, line, (size_t)n);
    server_pane_waiters_release(s, p);
    server_redraw_session(s, p->window->session);
}

void server_pane_waiters_release(struct server *s, struct pane *p)
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
            server_client_send(pw->client, MSG_STDERR, msg, strlen(msg));
            server_client_send(pw->client, MSG_STDERR, "\n", 1);
            free(msg);
            server_client_exit(pw->client, 128 + SIGHUP, NULL);
        }
        server_pane_waiter_remove(s, i);
    }
}

void server_pane_waiter_remove(struct server *s, size_t i)
{
    if (s->waiters[i].timer != NULL)
        event_free(s->waiters[i].timer);
    memmove(&s->waiters[i], &s->waiters[i + 1], (s->nwaiters - i - 1) * sizeof *s->waiters);
    s->nwaiters--;
}

struct client *server_find_client(struct server *s, uint32_t id)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->id == id)
            return c;
    }
    return NULL;
}

struct pane *server_find_pane(struct server *s, uint32_t id)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct window *w;
        TAILQ_FOREACH(w, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (p->id == id)
                    return p;
            }
        }
    }
    return NULL;
}

/* What is left to do once a pane's program finished, after its pane-exited hook: keep it
 * dead (remain-on-exit) or close it, its window, maybe its session. The hook may have
 * killed it already: it is looked up again by id. */
static void server_pane_close(struct server *s, uint32_t id)
{
    struct pane *p = server_find_pane(s, id);
    if (p == NULL || !p->closing)
        return; /* killed, or respawned, by the hook */
    p->closing = false;
    struct window *w = p->window;
    struct session *sess = w->session;
    int status = pane_exit_status(p);
    if (!s->terminating &&
        options_get_number(w->options, "remain-on-exit")) {
        server_pane_dead(p);
        return;
    }
    bool empty = window_remove_pane(w, p); /* its space goes to its neighbours */
    pane_free(p);
    if (!empty) {
        server_redraw_session(s, sess);
        return;
    }
    if (!session_remove_window(sess, w)) {
        server_redraw_session(s, sess);
        return;
    }
    /* The last window of the session closed because its command exited: attached
     * clients exit with that command's status, so `tmx new 'job' && next` works. */
    server_destroy_session(s, sess, status);
}

static void server_pane_closing(struct server *s, uint32_t id, const char *arg)
{
    (void)arg;
    struct pane *p = server_find_pane(s, id);
    if (p == NULL || !p->closing)
        return;
    hooks_run(s, "pane-exited", NULL, p);
    server_pane_close(s, id);
}

void server_pane_finished(struct pane *p)
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
    defer_add(s, server_pane_closing, p->id, NULL);
}

void server_destroy_session(struct server *s, struct session *sess, int status)
{
    struct client *c, *c_next;
    TAILQ_FOREACH_SAFE(c, &s->clients, entry, c_next) {
        if (c->session == sess) {
            c->session = NULL;
            server_client_exit(c, status, "[exited]");
        }
    }
    session_free(sess);
    hooks_run(s, "session-closed", NULL, NULL);
    server_check_exit(s);
}

static void server_name_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    (void)fd;
    (void)events;
    if (window_update_name(p->window))
        server_redraw_session(p->server, p->window->session);
}

static void server_alert_hook(struct server *s, uint32_t pane_id, const char *hook)
{
    struct pane *p = server_find_pane(s, pane_id);
    if (p != NULL)
        hooks_run(s, hook, NULL, p);
}

/* A window gets an alert (activity, bell, silence): mark it for the status line and run
 * the alert-* hook from the loop (the hook may run any command). A window already marked
 * is not alerted again until it has been looked at. */
static void server_alert(struct server *s, struct window *w, int alert)
{
    if (w->alerts & alert)
        return;
    w->alerts |= alert;
    server_redraw_session(s, w->session);
    if (options_get_number(w->session->options, "visual-activity")) {
        const char *what = alert == WINDOW_ALERT_ACTIVITY ? "Activity"
                           : alert == WINDOW_ALERT_BELL   ? "Bell"
                                                          : "Silence";
        struct client *c;
        TAILQ_FOREACH(c, &s->clients, entry) {
            if (c->attached && c->session == w->session)
                server_client_message(c, "%s in window %d", what, w->index);
        }
    }
    if (w->active == NULL)
        return;
    defer_add(s, server_alert_hook, w->active->id,
              alert == WINDOW_ALERT_ACTIVITY ? "alert-activity"
              : alert == WINDOW_ALERT_BELL   ? "alert-bell"
                                             : "alert-silence");
}

static void server_silence_cb(evutil_socket_t fd, short events, void *arg)
{
    struct window *w = arg;
    (void)fd;
    (void)events;
    if (w != w->session->current)
        server_alert(w->session->server, w, WINDOW_ALERT_SILENCE);
}

/* (Re)start the monitor-silence countdown of a window. */
static void server_silence_restart(struct server *s, struct window *w)
{
    long seconds = options_get_number(w->options, "monitor-silence");
    if (seconds <= 0) {
        if (w->silence_timer != NULL)
            evtimer_del(w->silence_timer);
        return;
    }
    if (w->silence_timer == NULL)
        w->silence_timer = evtimer_new(s->base, server_silence_cb, w);
    struct timeval tv = {.tv_sec = seconds, .tv_usec = 0};
    evtimer_add(w->silence_timer, &tv);
}

void server_pane_apply_log(struct server *s, struct pane *p)
{
    const char *value = options_get_string(p->window->options, "log-file");
    const char *current = pane_log_path(p);
    if (*value == '\0') {
        pane_log_close(p);
        return;
    }
    char *path;
    const char *home = getenv("HOME");
    if (strncmp(value, "~/", 2) == 0 && home != NULL)
        path = xasprintf("%s/%s", home, value + 2);
    else
        path = xstrdup(value);
    bool plain = options_get_number(p->window->options, "log-file-format") == 1;
    if (current == NULL || strcmp(current, path) != 0 || plain != pane_log_plain(p)) {
        char err[512];
        if (pane_log_open(p, path, plain, err, sizeof err) != 0)
            server_pane_message(p, err);
    }
    (void)s;
    free(path);
}

void server_option_changed(struct server *s, const char *name, struct session *sess,
                           struct window *w)
{
    if (strcmp(name, "buffer-limit") == 0)
        paste_trim(s); /* lowered: the oldest automatic buffers go now */
    if (strcmp(name, "history-bytes-total") == 0)
        history_pool_set_byte_limit(s->history_pool,
                                    (size_t)options_get_number(s->options, name));
    struct session *ss;
    TAILQ_FOREACH(ss, &s->sessions, entry) {
        if (sess != NULL && ss != sess)
            continue;
        struct window *ww;
        TAILQ_FOREACH(ww, &ss->windows, entry) {
            if (w != NULL && ww != w)
                continue;
            if (strcmp(name, "log-file") == 0 || strcmp(name, "log-file-format") == 0) {
                struct pane *p;
                TAILQ_FOREACH(p, &ww->panes, entry)
                    server_pane_apply_log(s, p);
            } else if (strcmp(name, "history-limit") == 0 || strcmp(name, "history-bytes") == 0) {
                struct pane *p;
                TAILQ_FOREACH(p, &ww->panes, entry)
                    pane_apply_history_options(p);
            } else if (strcmp(name, "monitor-silence") == 0)
                server_silence_restart(s, ww);
        }
        /* Anything may show in the status line or change a window's size. */
        server_client_update_sizes(s, ss);
        server_redraw_session(s, ss);
    }
    server_clock_start(s);
}

void server_pane_output(struct pane *p, size_t bytes)
{
    struct window *w = p->window;
    struct server *s = p->server;
    struct client *c;
    /* Mode 2026: note when the program began a synchronized update (frames of this
     * pane wait for its end, see server_client.c). */
    bool sync = (vt_modes(p->vt) & VT_MODE_SYNC) != 0;
    if (sync && !p->in_sync)
        gettimeofday(&p->sync_since, NULL);
    p->in_sync = sync;
    if (vt_take_window_name_changed(p->vt) && options_get_number(w->options, "allow-rename")) {
        /* ESC k name ESC \: the program names its window; an empty name hands it back. */
        char err[128];
        const char *name = vt_window_name(p->vt);
        if (*name == '\0')
            options_set(w->options, "automatic-rename", "on", false, err, sizeof err);
        else {
            window_set_name(w, name);
            options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
        }
        server_redraw_session(s, w->session);
    }
    /* Checking the foreground process costs a few syscalls: not on every read, but
     * 100 ms after output starts, so a window's name follows a new command. */
    if (options_get_number(w->options, "automatic-rename")) {
        if (p->name_timer == NULL)
            p->name_timer = evtimer_new(s->base, server_name_timer_cb, p);
        if (!evtimer_pending(p->name_timer, NULL)) {
            struct timeval tv = {.tv_sec = 0, .tv_usec = 100000};
            evtimer_add(p->name_timer, &tv);
        }
    }
    int bells = vt_take_bells(p->vt);
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session == w->session && w == w->session->current) {
            c->output_since_frame += bytes;
            server_client_redraw(c);
            if (bells > 0)
                server_client_write_terminal(c, "\a", 1); /* the user's terminal rings */
        }
    }
    /* Alerts are for windows the user is not looking at: not the current one. */
    if (w != w->session->current) {
        if (bells > 0 && options_get_number(w->options, "monitor-bell"))
            server_alert(s, w, WINDOW_ALERT_BELL);
        if (options_get_number(w->options, "monitor-activity"))
            server_alert(s, w, WINDOW_ALERT_ACTIVITY);
    }
    if (w->silence_timer != NULL || options_get_number(w->options, "monitor-silence") > 0)
        server_silence_restart(s, w);
}

/* Whether client c's terminal takes OSC 52 (see RENDER_FLAG_CLIPBOARD). */
static bool client_has_clipboard(const struct client *c)
{
    return c->attached && c->caps != NULL && render_caps_flag(c->caps, RENDER_FLAG_CLIPBOARD);
}

void server_pane_clipboard(struct pane *p, const char *selection, const char *base64)
{
    struct server *s = p->server;
    if (options_get_number(s->options, "set-clipboard") != 2) /* "on" */
        return;
    /* Only the selection letters xterm knows, and base64 (the vt checked it). */
    char sel[16];
    size_t n = 0;
    for (const char *q = selection; *q != '\0' && n < sizeof sel - 1; q++) {
        if (strchr("cpqs01234567", *q) != NULL)
            sel[n++] = *q;
    }
    sel[n] = '\0';
    /* The text also becomes the newest paste buffer, as when it is copied in tmx. */
    unsigned char *text = xmalloc(strlen(base64) / 4 * 3 + 3);
    long len = base64_decode(base64, text);
    if (len > 0)
        paste_add(s, (char *)text, (size_t)len);
    else
        free(text);
    char *seq = xasprintf("\033]52;%s;%s\a", sel, base64);
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (client_has_clipboard(c) && c->session == p->window->session)
            server_client_write_terminal(c, seq, strlen(seq));
    }
    free(seq);
}

void server_clipboard_set(struct server *s, const char *data, size_t size)
{
    if (size > SERVER_CLIPBOARD_MAX) {
        log_debug("clipboard: %zu bytes copied, more than %d: not sent", size,
                  SERVER_CLIPBOARD_MAX);
        return;
    }
    size_t prefix = strlen("\033]52;c;");
    char *seq = xmalloc(prefix + base64_encoded_size(size) + 2);
    memcpy(seq, "\033]52;c;", prefix);
    size_t len = prefix + base64_encode(data, size, seq + prefix);
    seq[len++] = '\a';
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (client_has_clipboard(c))
            server_client_write_terminal(c, seq, len);
    }
    free(seq);
}

void server_pane_message(struct pane *p, const char *msg)
{
    struct client *c;
    TAILQ_FOREACH(c, &p->server->clients, entry) {
        if (c->attached && c->session == p->window->session)
            server_client_message(c, "%s", msg);
    }
}

void server_redraw_session(struct server *s, struct session *sess)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session == sess) {
            c->needs_redraw = true;
            server_client_redraw(c);
        }
    }
}

/* How often the status line of an attached client must be redrawn for its clock:
 * status-interval seconds when its status line shows the time (a strftime % sequence),
 * else never (0). */
static long status_interval(const struct client *c)
{
    const struct options *o = c->session->options;
    if (!options_get_number(o, "status"))
        return 0;
    if (strchr(options_get_string(o, "status-left"), '%') == NULL &&
        strchr(options_get_string(o, "status-right"), '%') == NULL)
        return 0;
    return options_get_number(o, "status-interval");
}

/* Redraw status lines that show the time, and arm the timer for the next one, at a
 * multiple of the interval on the wall clock (so a minute shows when it starts). With
 * nothing to show the timer stops: an idle server never wakes up. */
static void server_clock_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    long interval = 0;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session == NULL)
            continue;
        long i = status_interval(c);
        if (i <= 0)
            continue;
        if (events != 0) {
            c->needs_redraw = true;
            server_client_redraw(c);
        }
        if (interval == 0 || i < interval)
            interval = i;
    }
    if (interval == 0)
        return;
    struct timeval now;
    gettimeofday(&now, NULL);
    struct timeval tv = {.tv_sec = interval - 1 - now.tv_sec % interval,
                         .tv_usec = 1000000 - now.tv_usec};
    if (tv.tv_usec >= 1000000) {
        tv.tv_sec++;
        tv.tv_usec -= 1000000;
    }
    evtimer_add(s->clock_timer, &tv);
}

void server_clock_start(struct server *s)
{
    if (s->clock_timer == NULL)
        s->clock_timer = evtimer_new(s->base, server_clock_cb, s);
    if (!evtimer_pending(s->clock_timer, NULL))
        server_clock_cb(-1, 0, s);
}

static void server_unattached(struct server *s, uint32_t session_id, const char *arg)
{
    (void)arg;
    struct session *sess = session_find_id(s, session_id);
    if (sess == NULL || !options_get_number(sess->options, "destroy-unattached"))
        return;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session == sess)
            return;
    }
    server_destroy_session(s, sess, 0);
}

void server_session_detached(struct server *s, struct session *sess)
{
    if (!options_get_number(sess->options, "destroy-unattached"))
        return;
    /* From the loop: the caller is in the middle of detaching a client. */
    defer_add(s, server_unattached, sess->id, NULL);
}

void server_check_exit(struct server *s)
{
    if (TAILQ_EMPTY(&s->sessions) && !s->exiting &&
        (options_get_number(s->options, "exit-empty") || s->terminating))
        server_shutdown(s, "[server exited]");
}

void server_shutdown(struct server *s, const char *client_message)
{
    if (s->exiting)
        return;
    s->exiting = true;
    struct client *c, *c_next;
    TAILQ_FOREACH_SAFE(c, &s->clients, entry, c_next) {
        /* A client whose command is running gets its answer (and errors) from it. */
        if (!c->exiting && !c->in_command)
            server_client_exit(c, 0, c->attached ? client_message : NULL);
    }
    if (s->listen_ev != NULL) {
        event_free(s->listen_ev);
        s->listen_ev = NULL;
        close(s->listen_fd);
        unlink(s->socket_path);
    }
    /* Leave the loop once every client's last message is flushed (see server_client),
     * or after two seconds if some client does not read. */
    if (TAILQ_EMPTY(&s->clients))
        event_base_loopexit(s->base, NULL);
    else {
        struct timeval grace = {.tv_sec = 2, .tv_usec = 0};
        event_base_loopexit(s->base, &grace);
    }
}

void server_free_all(struct server *s)
{
    struct client *c;
    while ((c = TAILQ_FIRST(&s->clients)) != NULL)
        server_client_free(c);
    struct session *sess;
    while ((sess = TAILQ_FIRST(&s->sessions)) != NULL)
        session_free(sess);
    history_pool_free(s->history_pool);
    key_bindings_free(s);
    paste_free_all(s);
    job_free_all(s);
    defer_free(s);
    hooks_free(s);
    for (size_t i = 0; i < s->nchannels; i++) {
        free(s->channels[i].name);
        free(s->channels[i].waiters);
        free(s->channels[i].lockers);
    }
    free(s->channels);
    while (s->nwaiters > 0)
        server_pane_waiter_remove(s, s->nwaiters - 1);
    free(s->waiters);
    struct event *events[] = {s->sig_chld, s->sig_term, s->sig_hup, s->sig_usr1, s->sig_int,
                              s->clock_timer, s->grace_timer, s->listen_ev};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
        if (events[i] != NULL)
            event_free(events[i]);
    }
    free(s->default_shell);
    free(s->default_terminal);
    free(s->config_errors);
    for (size_t i = 0; i < s->nprompt_history; i++)
        free(s->prompt_history[i]);
    free(s->prompt_history);
    options_free(s->options);
    options_free(s->session_options);
    options_free(s->window_options);
    free(s->socket_path);
    free(s->label);
    event_base_free(s->base);
}

/* tmux-256color when this machine's terminfo has it, else screen-256color. */
static const char *server_default_terminal(void)
{
    const char *dirs[] = {"/usr/share/terminfo/t/tmux-256color", "/lib/terminfo/t/tmux-256color",
                          "/etc/terminfo/t/tmux-256color"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (access(dirs[i], R_OK) == 0)
            return "tmux-256color";
    }
    return "screen-256color";
}

int server_main(const struct server_config *cfg)
{
    struct server s;
    memset(&s, 0, sizeof s);
    s.pid = getpid();
    s.start_time = time(NULL);
    s.socket_path = xstrdup(cfg->socket_path);
    s.label = xstrdup(cfg->label != NULL ? cfg->label : "default");
    TAILQ_INIT(&s.clients);
    TAILQ_INIT(&s.sessions);
    TAILQ_INIT(&s.jobs);
    TAILQ_INIT(&s.paste_buffers);
    s.next_session_id = s.next_window_id = s.next_pane_id = 0;
    s.options = options_create(NULL);
    options_set_defaults(s.options, OPTION_SERVER);
    s.session_options = options_create(NULL);
    options_set_defaults(s.session_options, OPTION_SESSION);
    s.window_options = options_create(NULL);
    options_set_defaults(s.window_options, OPTION_WINDOW);
    s.history_pool = history_pool_create();
    history_pool_set_byte_limit(s.history_pool,
                                (size_t)options_get_number(s.options, "history-bytes-total"));
    const char *shell = getenv("SHELL");
    s.default_shell = xstrdup(shell != NULL && *shell == '/' && access(shell, X_OK) == 0 ? shell : "/bin/sh");
    s.default_terminal = xstrdup(server_default_terminal());

    if (cfg->foreground)
        log_open_stderr();
    else if (cfg->verbose) {
        /* In the directory tmx -v was started from, then leave it (not to hold it). */
        char name[64];
        snprintf(name, sizeof name, "tmx-server-%ld.log", (long)s.pid);
        log_open(name);
    }
    if (!cfg->foreground && chdir("/") != 0) {
        /* the server works from any directory */
    }
    signal(SIGPIPE, SIG_IGN);
    /* The initial command's strings and -f's path live in the argv memory the title
     * overwrites: copy them first. */
    char *config_file = cfg->config_file != NULL ? xstrdup(cfg->config_file) : NULL;
    char **initial = xcalloc((size_t)cfg->argc + 1, sizeof *initial);
    for (int i = 0; i < cfg->argc; i++)
        initial[i] = xstrdup(cfg->argv[i]);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    prctl(PR_SET_NAME, "tmx: server");
    if (cfg->title_area != NULL && cfg->title_size > 0) {
        /* ps and pstree show this: which server, on which socket. */
        memset(cfg->title_area, 0, cfg->title_size);
        snprintf(cfg->title_area, cfg->title_size, "tmx: server (%s)", s.label);
    }

    s.listen_fd = server_listen(cfg->socket_path);
    if (s.listen_fd < 0) {
        fprintf(stderr, "tmx: cannot listen on %s: %s\n", cfg->socket_path, strerror(errno));
        free(config_file);
        cmd_free_argv(initial);
        return 1;
    }
    s.base = event_base_new();
    s.listen_ev = event_new(s.base, s.listen_fd, EV_READ | EV_PERSIST, server_accept_cb, &s);
    event_add(s.listen_ev, NULL);
    s.sig_chld = evsignal_new(s.base, SIGCHLD, server_sigchld_cb, &s);
    s.sig_term = evsignal_new(s.base, SIGTERM, server_sigterm_cb, &s);
    s.sig_int = evsignal_new(s.base, SIGINT, server_sigterm_cb, &s);
    s.sig_hup = evsignal_new(s.base, SIGHUP, server_sighup_cb, &s);
    s.sig_usr1 = evsignal_new(s.base, SIGUSR1, server_sigusr1_cb, &s);
    event_add(s.sig_chld, NULL);
    event_add(s.sig_term, NULL);
    event_add(s.sig_int, NULL);
    event_add(s.sig_hup, NULL);
    event_add(s.sig_usr1, NULL);

    key_bindings_init(&s);
    /* -f FILE, else ~/.tmx.conf or $XDG_CONFIG_HOME/tmx/tmx.conf. Errors (FILE:LINE) are
     * shown to the first client that attaches; the rest of the file still applies. */
    bool quiet = config_file == NULL;
    if (config_file == NULL)
        config_file = config_default_path();
    if (config_file != NULL) {
        struct evbuffer *errors = evbuffer_new();
        config_load(&s, NULL, config_file, quiet, errors);
        size_t n = evbuffer_get_length(errors);
        if (n > 0) {
            s.config_errors = xstrndup((const char *)evbuffer_pullup(errors, -1), n);
            log_debug("config errors: %s", s.config_errors);
            if (cfg->foreground)
                fprintf(stderr, "%s", s.config_errors);
        }
        evbuffer_free(errors);
    }
    free(config_file);

    if (cfg->ready_fd >= 0) {
        char c = 1;
        if (write(cfg->ready_fd, &c, 1) < 0) {
            /* the client will find the socket anyway */
        }
        close(cfg->ready_fd);
    }
    log_debug("server started on %s", cfg->socket_path);
    if (cfg->argc > 0) {
        /* tmx -D new -s app 'cmd': the command runs in the server itself. */
        struct cmd_ctx ctx = {.server = &s, .out = evbuffer_new(), .err = evbuffer_new()};
        int rc = cmd_execute_argv(&ctx, cfg->argc, initial);
        size_t n = evbuffer_get_length(ctx.err);
        if (n > 0)
            fprintf(stderr, "tmx: %.*s", (int)n, (const char *)evbuffer_pullup(ctx.err, -1));
        evbuffer_free(ctx.out);
        evbuffer_free(ctx.err);
        if (rc != 0 && TAILQ_EMPTY(&s.sessions)) {
            cmd_free_argv(initial);
            server_free_all(&s);
            unlink(cfg->socket_path);
            return 1;
        }
    }
    if (cfg->foreground && cfg->argc > 0 && TAILQ_EMPTY(&s.sessions))
        server_shutdown(&s, NULL);
    cmd_free_argv(initial);

    event_base_dispatch(s.base);

    if (s.listen_ev != NULL) {
        event_free(s.listen_ev);
        close(s.listen_fd);
        unlink(s.socket_path);
    }
    server_free_all(&s);
    log_debug("server exited");
    log_close();
    return s.exit_status;
}
