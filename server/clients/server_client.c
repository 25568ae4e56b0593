/* server_client.c - one connected client's life: its end (server_client_free), messages
 * to it, attach, detach, suspend and exit, the sizes of the windows it shows, and
 * reading its stdin for a command. Its connection is read in server_msg.c, its frames
 * are client_frames.c, its keys client_input.c. */
#include "server_client.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_frames.h"
#include "client_limits.h"
#include "client_message.h"
#include "client_term.h"
#include "client_tty.h"
#include "compose.h"
#include "cmd_queue.h"
#include "defer.h"
#include "hooks.h"
#include "job.h"
#include "keys.h"
#include "log.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "overlay.h"
#include "pane_mode.h"
#include "pane_waiters.h"
#include "proto.h"
#include "redraw.h"
#include "sched_slice.h"
#include "server_state.h"
#include "session.h"
#include "status_clock.h"
#include "window.h"
#include "xmalloc.h"

static void latest_client_gone(struct server *s, uint32_t id);

void server_client_free(struct client *c)
{
    struct server *s = c->server;
    struct session *sess = c->session;
    bool attached = c->attached;
    log_debug("client %d closed", c->fd);
    cmdq_free_client(c); /* its commands still queued, or waiting, are forgotten */
    if (c->control_free_hook != NULL)
        c->control_free_hook(c);
    TAILQ_REMOVE(&s->clients, c, entry);
    /* Listeners that keep it (logs -f followers, up's waiters) let go of it now. */
    notify_emit(s, &(struct notify){.type = NOTIFY_CLIENT_CLOSING, .client = c});
    /* Nothing may schedule a frame for it from here on (closing its overlays asks for
     * a redraw): its render timer is about to be freed. */
    c->attached = false;
    overlay_close_all(c);
    /* A mode that acted for it alone (its choose-tree) leaves the pane. */
    if (pane_mode_client_gone(s, c->id)) {
        struct session *other;
        TAILQ_FOREACH(other, &s->sessions, entry)
            session_redraw(s, other, REDRAW_STATUS);
    }
    /* Forget it in wait-for channels. */
    for (size_t i = 0; i < s->nchannels; i++) {
        struct wait_channel *ch = &s->channels[i];
        for (size_t j = 0; j < ch->nwaiters; j++) {
            if (ch->waiters[j] == c) {
                memmove(&ch->waiters[j], &ch->waiters[j + 1], (ch->nwaiters - j - 1) * sizeof c);
                ch->nwaiters--;
                break;
            }
        }
        for (size_t j = 0; j < ch->nlockers; j++) {
            if (ch->lockers[j] == c) {
                memmove(&ch->lockers[j], &ch->lockers[j + 1], (ch->nlockers - j - 1) * sizeof c);
                ch->nlockers--;
                break;
            }
        }
    }
    for (size_t i = 0; i < s->nwaiters;) {
        if (s->waiters[i].client == c)
            pane_waiter_remove(s, i);
        else
            i++;
    }
    job_forget_owner(s, c);
    client_tty_close(c);
    event_free(c->read_ev);
    evbuffer_free(c->in);
    bufferevent_free(c->bev);
    event_free(c->render_timer);
    if (c->frame_buf != NULL)
        evbuffer_free(c->frame_buf);
    if (c->key_timer != NULL)
        event_free(c->key_timer);
    if (c->message_timer != NULL)
        event_free(c->message_timer);
    if (c->render != NULL)
        render_free(c->render);
    render_caps_free(c->caps_owned);
    canvas_free(&c->canvas);
    compose_forget(c);
    if (c->stdin_data != NULL)
        evbuffer_free(c->stdin_data);
    free(c->stdin_arg);
    free(c->status_ranges);
    free(c->status_cache);
    free(c->status_cache_title);
    free(c->message);
    free(c->key_table);
    free(c->term);
    free(c->tty_name);
    free(c->term_type);
    free(c->cwd);
    for (size_t i = 0; i < c->nenv; i++)
        free(c->env[i]);
    free(c->env);
    uint32_t id = c->id;
    free(c);
    if (attached && !s->exiting)
        latest_client_gone(s, id);
    if (sess != NULL) {
        server_client_update_sizes(s, sess);
        if (attached) {
            notify_emit(s, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = sess});
            /* A client that went without a word (its link died) detached too, as tmux. */
            if (!s->exiting)
                hooks_run(s, "client-detached", sess, NULL);
        }
    }
    notify_emit(s, &(struct notify){.type = NOTIFY_CLIENT_GONE});
    if (s->exiting && TAILQ_EMPTY(&s->clients))
        event_base_loopexit(s->base, NULL);
}

void server_client_exit(struct client *c, int status, const char *message)
{
    server_client_exit_how(c, status, message, PROTO_EXIT_PLAIN, NULL);
}

void server_client_exit_how(struct client *c, int status, const char *message, int how,
                            const char *command)
{
    if (c->exiting)
        return;
    /* Done with its terminal before MSG_EXIT: the client restores it after. */
    client_tty_close(c);
    if (c->control && !c->control_reason)
        message = NULL; /* a control client's %exit line gives only its own reasons */
    struct session *sess = c->session;
    size_t mlen = message != NULL ? strlen(message) : 0;
    size_t clen = command != NULL ? strlen(command) : 0;
    char *payload = xmalloc(4 + mlen + 1 + 1 + clen + 1);
    int32_t st = status;
    memcpy(payload, &st, 4);
    if (message != NULL)
        memcpy(payload + 4, message, mlen);
    payload[4 + mlen] = '\0';
    size_t len = 4 + mlen + 1;
    if (how != PROTO_EXIT_PLAIN) {
        payload[len++] = (char)how;
        if (command != NULL)
            memcpy(payload + len, command, clen);
        payload[len + clen] = '\0';
        len += clen + 1;
    }
    if (c->control_exiting_hook == NULL || !c->control_exiting_hook(c, payload, len))
        client_send(c, MSG_EXIT, payload, len);
    free(payload);
    bool was_attached = c->attached;
    c->exiting = true;
    c->attached = false;
    c->session = NULL;
    /* A control client's lines are still read (and dropped): its process may be
     * blocked sending one, and must get to reading its MSG_EXIT. */
    if (!c->control)
        event_del(c->read_ev);
    evbuffer_drain(c->in, evbuffer_get_length(c->in));
    if (was_attached && !c->server->exiting)
        latest_client_gone(c->server, c->id);
    if (sess != NULL)
        server_client_update_sizes(c->server, sess);
    if (was_attached && sess != NULL && !c->server->exiting) {
        notify_emit(c->server, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = sess});
        hooks_fire(c->server, "client-detached",
                   &(struct hook_event){.client = c, .session = sess, .client_only = true});
    }
}

bool server_client_sizes_windows(const struct client *c)
{
    return c->attached && c->session != NULL &&
           (!c->control || c->control_sized || c->control_win_sized);
}

/* The size the attached clients give a window whose window-size is policy (largest,
 * smallest, latest): false when no client counts. With latest, a window in the sessions
 * of several clients takes the size of its own latest client (w->latest_client) and of
 * no other, none when that one is gone or does not count; with one client, that one's. */
static bool clients_size(struct server *s, struct window *w, bool aggressive, long policy,
                         bool window_sizes, int *cols, int *rows)
{
    struct client *c;
    *cols = *rows = -1;
    int sharing = 0; /* clients whose session has w (latest) */
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (policy == 3 && server_client_sizes_windows(c) && session_find_window(c->session, w) != NULL)
            sharing++;
    }
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!server_client_sizes_windows(c))
            continue;
        /* The clients of every session showing w (a window may be linked in several);
         * with aggressive-resize only those whose current window it is. */
        struct session *cs = c->session;
        if (aggressive ? cs->current == NULL || cs->current->window != w
                       : session_find_window(cs, w) == NULL)
            continue;
        if (policy == 3 && sharing > 1 && c->id != w->latest_client)
            continue;
        /* A control client has no status line; its size for this window wins. */
        int ccols = c->cols;
        int r = c->control ? c->rows : c->rows - (int)options_get_number(cs->options, "status");
        for (size_t i = 0; window_sizes && i < c->ncontrol_winsizes; i++) {
            if (c->control_winsizes[i].window == w->id) {
                ccols = c->control_winsizes[i].cols;
                r = c->control_winsizes[i].rows;
            }
        }
        if (r < 1)
            r = 1;
        if (policy == 0) { /* largest */
            if (ccols > *cols)
                *cols = ccols;
            if (r > *rows)
                *rows = r;
        } else { /* smallest; latest, which has one client left here */
            if (*cols < 0 || ccols < *cols)
                *cols = ccols;
            if (*rows < 0 || r < *rows)
                *rows = r;
        }
    }
    return *cols >= 0;
}

bool server_client_window_size(struct server *s, struct window *w, bool largest, int *cols,
                               int *rows)
{
    return clients_size(s, w, false, largest ? 0 : 1, true, cols, rows);
}

/* Whether a client sees w: it is the current window of a session with an attached
 * client. */
static bool window_shown(struct server *s, struct window *w)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session != NULL && c->session->current != NULL &&
            c->session->current->window == w)
            return true;
    }
    return false;
}

/* Each window by its window-size: sized by the clients showing its session (all of
 * them, or, with aggressive-resize, only while it is their current window), by its
 * manual size (manual: the size it was made with or resize-window gave it, as tmux
 * 3.3a), or left alone (nobody attached). As in tmux, a window no client sees keeps its
 * size until one does (session_window_changed sizes it then), unless now: a control
 * client's sizes (refresh-client -C) reach every window at once. The size its clients
 * give it meanwhile waits in it: a window then shown while no client gives it one (its
 * latest client has gone) takes that one. */
static void update_sizes(struct server *s, struct session *sess, bool now)
{
    bool any = false;
    struct winlink *wl;
    TAILQ_FOREACH(wl, &sess->windows, entry) {
        struct window *w = wl->window;
        long policy = options_get_number(w->options, "window-size");
        bool aggressive = options_get_number(w->options, "aggressive-resize");
        bool shown = window_shown(s, w);
        if (aggressive && !shown)
            continue;
        int cols, rows;
        bool sized = true;
        if (policy == 2) { /* manual: its own size (made with, or resize-window's) */
            cols = w->manual_cols;
            rows = w->manual_rows;
        } else
            sized = clients_size(s, w, aggressive, policy, true, &cols, &rows);
        if (cols < 1)
            cols = 1;
        if (rows < 1)
            rows = 1;
        if (!shown && !now && policy != 2) {
            if (sized) { /* for when a client sees it */
                w->resize_pending = true;
                w->pending_cols = cols;
                w->pending_rows = rows;
            }
            continue;
        }
        if (!sized) {
            if (!shown || !w->resize_pending)
                continue;
            cols = w->pending_cols;
            rows = w->pending_rows;
        }
        if (wl == sess->current || sess->current == NULL) {
            /* New windows start at the current one's size, but for a control
             * client's size for that window alone (-C @ID:WxH). */
            int scols, srows;
            sess->cols = cols;
            sess->rows = rows;
            if (policy != 2 && sized &&
                clients_size(s, w, aggressive, policy, false, &scols, &srows)) {
                sess->cols = scols < 1 ? 1 : scols;
                sess->rows = srows < 1 ? 1 : srows;
            }
        }
        if (w->cols != cols || w->rows != rows)
            window_redraw(w, REDRAW_STATUS); /* the other sessions showing it too */
        window_resize(w, cols, rows); /* relayouts too (pane-border-status may have changed) */
        any = true;
    }
    if (any)
        session_redraw(s, sess, REDRAW_STATUS);
}

void server_client_update_sizes(struct server *s, struct session *sess)
{
    update_sizes(s, sess, false);
}

void server_client_update_sizes_now(struct server *s, struct session *sess)
{
    update_sizes(s, sess, true);
}

void server_client_became_latest(struct client *c)
{
    struct session *sess = c->session;
    if (sess == NULL || sess->current == NULL)
        return;
    struct window *w = sess->current->window;
    if (w->latest_client == c->id)
        return;
    w->latest_client = c->id;
    if (options_get_number(w->options, "window-size") == 3)
        server_client_update_sizes_later(c->server, sess); /* after the key, as tmux */
    hooks_fire(c->server, "client-active", &(struct hook_event){.client = c, .client_only = true});
}

/* The client of id has gone (detached, or its link died): each window whose latest client
 * it was gets the client that shows it and typed last instead, if one shows it (as tmux;
 * with none, the window keeps no latest client until one types in it). */
static void latest_client_gone(struct server *s, uint32_t id)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            if (wl->window->latest_client != id)
                continue;
            struct client *c, *best = NULL;
            TAILQ_FOREACH(c, &s->clients, entry) {
                if (c->id == id || !c->attached || c->exiting || c->session == NULL ||
                    c->session->current == NULL || c->session->current->window != wl->window)
                    continue;
                if (best == NULL || timercmp(&c->activity, &best->activity, >))
                    best = c;
            }
            if (best != NULL)
                server_client_became_latest(best);
        }
    }
}

static void sizes_deferred(struct server *s, uint32_t id, const char *arg)
{
    (void)arg;
    struct session *sess = session_find_id(s, id);
    if (sess != NULL)
        server_client_update_sizes(s, sess);
}

void server_client_update_sizes_later(struct server *s, struct session *sess)
{
    defer_add(s, sizes_deferred, sess->id, NULL);
}

static struct client *client_by_id(struct server *s, uint32_t id)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->id == id)
            return c;
    }
    return NULL;
}

/* client-resized, for a client still attached. */
static void client_resized_fire(struct server *s, uint32_t id, const char *arg)
{
    (void)arg;
    struct client *c = client_by_id(s, id);
    if (c != NULL && c->attached && c->session != NULL && !c->exiting)
        hooks_fire(s, "client-resized", &(struct hook_event){.client = c});
}

void server_client_resized(struct client *c)
{
    /* After the window hooks of the resize, deferred to the next turn (the client says
     * its size once attached too, so this is also the attach's, as tmux). */
    defer_add(c->server, client_resized_fire, c->id, NULL);
}

/* An attached client's keystrokes wait for the server twice (key to the pane, its echo
 * to the terminal), each time for a few tens of microseconds of work. On a busy machine
 * the wait for a CPU after the wakeup is most of the echo's time, so the server asks the
 * kernel for a short slice (Linux 6.12+: sched_attr's runtime for SCHED_OTHER; older
 * kernels ignore it): it then preempts longer-slice work when it wakes, without a larger
 * share of the CPU, and needs no privilege. Its nice value and policy are kept; its
 * children (panes' programs, jobs) start with the default slice (reset on fork). */
#define INTERACTIVE_SLICE_NS 100000u
static void server_client_interactive_slice(void)
{
    struct sched_slice now;
    if (!sched_slice_get(&now) || now.policy != 0 /* SCHED_OTHER */ ||
        now.runtime == INTERACTIVE_SLICE_NS)
        return;
    if (!sched_slice_set(&now, INTERACTIVE_SLICE_NS, SCHED_SLICE_RESET_ON_FORK))
        log_debug("sched_setattr: %s (the default slice stays)", strerror(errno));
}

/* A client now shows s (attach, switch-client, even to the session it shows): as tmux,
 * the alerts of s's current window are seen there, in that link only (the window's
 * other links keep theirs, unlike select-window). */
static void session_current_seen(struct session *s)
{
    if (s->current != NULL)
        s->current->alerts = 0;
}

void server_client_attach(struct client *c, struct session *s)
{
    bool was_attached = c->attached;
    struct session *old = c->session;
    if (!was_attached) {
        uint32_t flags = client_tty_active(c) ? READY_TTY : 0;
        client_send(c, MSG_READY, &flags, sizeof flags);
        if (!client_tty_active(c) && !c->control) {
            /* A terminal reached through the client (tmx -H, TMX_NO_TTY_PASS) is asked
             * its kind and name too, after MSG_READY (the client is raw by then); the
             * answers come back with its keys (MSG_INPUT). A passed one is asked when
             * the client says it is ready (client_tty_ready). */
            struct evbuffer *ask = evbuffer_new();
            client_term_ask(c, ask);
            size_t n = evbuffer_get_length(ask);
            if (n > 0)
                client_write_terminal(c, evbuffer_pullup(ask, -1), n);
            evbuffer_free(ask);
        }
    }
    c->attached = true;
    c->session = s;
    c->session_sets++;
    session_current_seen(s);
    if (!c->control)
        server_client_interactive_slice();
    if (c->proto_version >= 5 && !c->control) {
        /* Which session it shows, so that tmx -H reattaches to it after a lost link. */
        char id[16];
        int idlen = snprintf(id, sizeof id, "$%u", s->id);
        size_t nlen = strlen(s->name);
        char *payload = xmalloc((size_t)idlen + 1 + nlen + 1);
        memcpy(payload, id, (size_t)idlen + 1);
        memcpy(payload + idlen + 1, s->name, nlen + 1);
        client_send(c, MSG_SESSION, payload, (size_t)idlen + 1 + nlen + 1);
        free(payload);
    }
    server_client_session_activity(s);
    if (!was_attached) /* as tmux: a client's activity is its creation or its last key, a switch
                * to another session is not */
        gettimeofday(&c->activity, NULL);
    if (c->render != NULL)
        render_invalidate(c->render);
    overlay_close_all(c);
    c->prefix_active = false;
    if (s->current != NULL) /* the latest client of the window it shows, as tmux (no
                             * client-active) */
        s->current->window->latest_client = c->id;
    /* The windows take the client's size on the next loop turn, as in tmux: after the
     * commands and hooks that run with the attach (client-attached), which still see
     * the old sizes (tmuxp's select-layout hook lays a window out before it shrinks). */
    defer_add(c->server, sizes_deferred, s->id, NULL);
    server_clock_start(c->server);
    if (c->server->config_errors != NULL && !c->control) {
        /* The config had errors: the first client to attach sees them in the view
         * mode of its pane (q leaves it), as in tmux. */
        client_show_output(c, c->server->config_errors, strlen(c->server->config_errors));
        free(c->server->config_errors);
        c->server->config_errors = NULL;
    }
    if (c->server->first_run_hint) {
        /* No configuration anywhere (a first run): the prefix and where the keys are, on
         * the status line until a key is pressed. Once per server. */
        c->server->first_run_hint = false;
        char prefix[64];
        key_to_name((key_code)options_get_number(s->options, "prefix"), prefix, sizeof prefix);
        client_message_delay(c, 0, "Prefix is %s: %s ? lists the keys, %s d detaches "
                             "(no ~/.tmx.conf; man tmx)", prefix, prefix, prefix);
    }
    if (old != s)
        hooks_fire(c->server, "client-session-changed", &(struct hook_event){.client = c});
    if (!was_attached)
        hooks_fire(c->server, "client-attached", &(struct hook_event){.client = c});
    client_redraw(c, REDRAW_STATUS);
}

void server_client_reattach_same(struct client *c)
{
    c->session_sets++;
    session_current_seen(c->session);
    hooks_fire(c->server, "client-session-changed", &(struct hook_event){.client = c});
    client_redraw(c, REDRAW_STATUS);
}

void server_client_suspend(struct client *c)
{
    if (!c->attached || c->suspended || c->exiting)
        return;
    c->suspended = true;
    client_tty_suspend(c);
    client_send(c, MSG_SUSPEND, NULL, 0);
}

/* lock-after-time has passed since the session's last activity: its clients lock. */
static void lock_timer_cb(evutil_socket_t fd, short what, void *arg)
{
    struct session *sess = arg;
    (void)fd;
    (void)what;
    struct client *c;
    TAILQ_FOREACH(c, &sess->server->clients, entry) {
        if (c->attached && c->session == sess)
            server_client_lock(c);
    }
}

void server_client_session_activity(struct session *sess)
{
    gettimeofday(&sess->activity_tv, NULL);
    sess->activity = sess->activity_tv.tv_sec;
    if (sess->lock_timer == NULL)
        sess->lock_timer = evtimer_new(sess->server->base, lock_timer_cb, sess);
    evtimer_del(sess->lock_timer);
    long secs = options_get_number(sess->options, "lock-after-time");
    bool attached = false;
    struct client *c;
    TAILQ_FOREACH(c, &sess->server->clients, entry) {
        if (c->attached && c->session == sess)
            attached = true;
    }
    if (attached && secs > 0) {
        struct timeval tv = {.tv_sec = secs};
        evtimer_add(sess->lock_timer, &tv);
    }
}

void server_client_lock(struct client *c)
{
    if (!c->attached || c->suspended || c->exiting || c->session == NULL)
        return;
    const char *command = options_find("lock-command") != NULL
                              ? options_get_string(c->session->options, "lock-command")
                              : "lock -np";
    if (*command == '\0' || c->proto_version < 5)
        return; /* a version 4 client knows no MSG_LOCK */
    c->suspended = true;
    client_tty_suspend(c);
    client_send(c, MSG_LOCK, command, strlen(command) + 1);
}

void server_client_detach(struct client *c, const char *message)
{
    server_client_exit(c, 0, message);
}

void server_client_read_stdin(struct client *c, size_t limit,
                              void (*done)(struct client *, struct evbuffer *, bool), char *arg)
{
    if (c->stdin_data != NULL)
        evbuffer_free(c->stdin_data);
    free(c->stdin_arg);
    c->stdin_data = evbuffer_new();
    c->stdin_limit = limit;
    c->stdin_done = done;
    c->stdin_piece = NULL;
    c->stdin_arg = arg;
    client_send(c, MSG_READ_STDIN, NULL, 0);
}

void server_client_stream_stdin(struct client *c,
                                void (*piece)(struct client *, const char *, size_t),
                                void (*done)(struct client *, struct evbuffer *, bool), char *arg)
{
    server_client_read_stdin(c, 0, done, arg);
    c->stdin_piece = piece;
}

void server_client_exit_id(struct server *s, uint32_t id, int status)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->id == id && !c->exiting) {
            server_client_exit(c, status, NULL);
            return;
        }
    }
}
