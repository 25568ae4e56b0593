/* server_client.c - one connected client: message decoding, identification, command
 * execution, attach/detach/exit, and paced frames. Input keys are handled in
 * client_input.c, what a frame shows is composed in compose.c. */
#include "server_client.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_input.h"
#include "client_limits.h"
#include "client_tty.h"
#include "cmd.h"
#include "compose.h"
#include "hooks.h"
#include "job.h"
#include "format.h"
#include "log.h"
#include "notify.h"
#include "options.h"
#include "overlay.h"
#include "pane_mode.h"
#include "pane_waiters.h"
#include "proto.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "status_clock.h"
#include "text_view.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

/* Frames are at least this far apart under a flood (about 120 per second)... */
#define FRAME_INTERVAL_US 8000
/* ...but when little output arrived since the last frame (an echo, a prompt), the
 * frame goes out at once, at most one per millisecond. */
#define FRAME_SMALL_OUTPUT 1024
#define FRAME_MIN_INTERVAL_US 1000
/* A pane's own synchronized update (mode 2026) holds its frames back at most this long. */
#define SYNC_TIMEOUT_US 1000000L
/* A client with more than this unsent gets no new frames until it drains. */
#define CLIENT_OUTPUT_MAX (1u << 20)

static void client_read_cb(evutil_socket_t fd, short events, void *arg);
static void client_write_cb(struct bufferevent *bev, void *arg);
static void client_event_cb(struct bufferevent *bev, short what, void *arg);
static void client_render_cb(evutil_socket_t fd, short events, void *arg);

/* Where frames go: the client's own terminal when it passed it, else its socket. */
static struct bufferevent *terminal_bev(struct client *c)
{
    return client_tty_active(c) ? c->tty_bev : c->bev;
}

struct client *server_client_create(struct server *s, int fd)
{
    struct client *c = xcalloc(1, sizeof *c);
    c->server = s;
    c->id = ++s->next_client_id;
    c->fd = fd;
    c->bev = bufferevent_socket_new(s->base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(c->bev, NULL, client_write_cb, client_event_cb, c);
    bufferevent_enable(c->bev, EV_WRITE);
    c->in = evbuffer_new();
    c->read_ev = event_new(s->base, fd, EV_READ | EV_PERSIST, client_read_cb, c);
    event_add(c->read_ev, NULL);
    c->render_timer = evtimer_new(s->base, client_render_cb, c);
    c->cols = 80;
    c->rows = 24;
    c->status_row = -1;
    TAILQ_INSERT_TAIL(&s->clients, c, entry);
    log_debug("client %d connected", fd);
    return c;
}

void server_client_free(struct client *c)
{
    struct server *s = c->server;
    struct session *sess = c->session;
    bool attached = c->attached;
    log_debug("client %d closed", c->fd);
    TAILQ_REMOVE(&s->clients, c, entry);
    /* Nothing may schedule a frame for it from here on (closing its overlays asks for
     * a redraw): its render timer is about to be freed. */
    c->attached = false;
    overlay_close_all(c);
    /* A mode that acted for it alone (its choose-tree) leaves the pane. */
    if (pane_mode_client_gone(s, c->id)) {
        struct session *other;
        TAILQ_FOREACH(other, &s->sessions, entry)
            server_redraw_session(s, other);
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
    if (c->key_timer != NULL)
        event_free(c->key_timer);
    if (c->message_timer != NULL)
        event_free(c->message_timer);
    if (c->render != NULL)
        render_free(c->render);
    canvas_free(&c->canvas);
    if (c->stdin_data != NULL)
        evbuffer_free(c->stdin_data);
    free(c->stdin_arg);
    free(c->status_ranges);
    free(c->status_cache);
    free(c->status_cache_title);
    free(c->message);
    free(c->term);
    free(c->tty_name);
    free(c->cwd);
    for (size_t i = 0; i < c->nenv; i++)
        free(c->env[i]);
    free(c->env);
    free(c);
    if (sess != NULL) {
        server_client_update_sizes(s, sess);
        if (attached)
            notify_emit(s, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = sess});
    }
    if (s->exiting && TAILQ_EMPTY(&s->clients))
        event_base_loopexit(s->base, NULL);
}

void server_client_send(struct client *c, uint32_t type, const void *buf, size_t len)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, (uint32_t)len, hdr);
    struct evbuffer *out = bufferevent_get_output(c->bev);
    evbuffer_add(out, hdr, sizeof hdr);
    if (len > 0)
        evbuffer_add(out, buf, len);
}

void server_client_write_terminal(struct client *c, const void *buf, size_t len)
{
    if (c->suspended)
        return; /* the terminal is the shell's until it comes back */
    if (client_tty_active(c)) {
        struct evbuffer *out = client_tty_output(c);
        if (evbuffer_get_length(out) + len <= CLIENT_OUTPUT_MAX)
            evbuffer_add(out, buf, len);
        return;
    }
    if (evbuffer_get_length(bufferevent_get_output(c->bev)) + len <= CLIENT_OUTPUT_MAX)
        server_client_send(c, MSG_OUTPUT, buf, len);
}

void server_client_exit(struct client *c, int status, const char *message)
{
    if (c->exiting)
        return;
    /* Done with its terminal before MSG_EXIT: the client restores it after. */
    client_tty_close(c);
    struct session *sess = c->session;
    size_t mlen = message != NULL ? strlen(message) : 0;
    char *payload = xmalloc(4 + mlen + 1);
    int32_t st = status;
    memcpy(payload, &st, 4);
    if (message != NULL)
        memcpy(payload + 4, message, mlen);
    payload[4 + mlen] = '\0';
    server_client_send(c, MSG_EXIT, payload, 4 + mlen + 1);
    free(payload);
    bool was_attached = c->attached;
    c->exiting = true;
    c->attached = false;
    c->session = NULL;
    event_del(c->read_ev);
    evbuffer_drain(c->in, evbuffer_get_length(c->in));
    if (sess != NULL)
        server_client_update_sizes(c->server, sess);
    if (was_attached && sess != NULL && !c->server->exiting) {
        notify_emit(c->server, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = sess});
        hooks_run(c->server, "client-detached", sess, NULL);
    }
}

void server_client_update_sizes(struct server *s, struct session *sess)
{
    int cols = -1, rows = -1;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session != sess)
            continue;
        int r = options_get_number(sess->options, "status") ? c->rows - 1 : c->rows;
        if (cols < 0 || c->cols < cols)
            cols = c->cols;
        if (rows < 0 || r < rows)
            rows = r;
    }
    if (cols < 0)
        return; /* nobody attached: windows keep their size */
    if (cols < 1)
        cols = 1;
    if (rows < 1)
        rows = 1;
    sess->cols = cols;
    sess->rows = rows;
    struct window *w;
    TAILQ_FOREACH(w, &sess->windows, entry)
        window_resize(w, cols, rows);
    server_redraw_session(s, sess);
}

void server_client_attach(struct client *c, struct session *s)
{
    if (!c->attached) {
        uint32_t flags = client_tty_active(c) ? READY_TTY : 0;
        server_client_send(c, MSG_READY, &flags, sizeof flags);
    }
    c->attached = true;
    c->session = s;
    s->activity = time(NULL);
    if (c->render != NULL)
        render_invalidate(c->render);
    overlay_close_all(c);
    c->prefix_active = false;
    server_client_update_sizes(c->server, s);
    server_clock_start(c->server);
    if (c->server->config_errors != NULL) {
        /* The config had errors: the first client to attach sees them (any key closes). */
        text_view_show(c, c->server->config_errors, strlen(c->server->config_errors));
        free(c->server->config_errors);
        c->server->config_errors = NULL;
    }
    hooks_run(c->server, "client-attached", s, NULL);
    c->needs_redraw = true;
    server_client_redraw(c);
}

void server_client_suspend(struct client *c)
{
    if (!c->attached || c->suspended || c->exiting)
        return;
    c->suspended = true;
    client_tty_suspend(c);
    server_client_send(c, MSG_SUSPEND, NULL, 0);
}

/* MSG_WAKEUP: the client is back in the foreground, its terminal raw and cleared. */
static void client_wakeup(struct client *c)
{
    if (!c->suspended)
        return;
    c->suspended = false;
    if (client_tty_active(c)) {
        client_tty_ready(c); /* reads keys again and draws a full frame */
        return;
    }
    if (c->render != NULL)
        render_invalidate(c->render);
    c->needs_redraw = true;
    server_client_redraw(c);
}

void server_client_detach(struct client *c, const char *message)
{
    server_client_exit(c, 0, message);
}

void server_client_redraw(struct client *c)
{
    if (!c->attached)
        return;
    if (c->render_scheduled && c->sync_waiting) {
        /* New output may have ended the pane's synchronized update: look again now. */
        evtimer_del(c->render_timer);
        c->render_scheduled = c->sync_waiting = false;
    }
    if (c->render_scheduled)
        return;
    c->render_scheduled = true;
    struct timeval now, diff;
    gettimeofday(&now, NULL);
    timersub(&now, &c->last_frame, &diff);
    long elapsed = diff.tv_sec * 1000000L + diff.tv_usec;
    long interval = c->output_since_frame <= FRAME_SMALL_OUTPUT ? FRAME_MIN_INTERVAL_US
                                                                : FRAME_INTERVAL_US;
    if (diff.tv_sec < 0 || elapsed >= interval) {
        /* Draw at the end of this loop iteration: no added delay. */
        event_active(c->render_timer, EV_TIMEOUT, 0);
    } else {
        struct timeval tv = {.tv_sec = 0, .tv_usec = interval - elapsed};
        evtimer_add(c->render_timer, &tv);
    }
}

static void client_render_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    c->render_scheduled = c->sync_waiting = false;
    if (!c->attached || c->render == NULL || c->suspended)
        return;
    /* Frames go to the client's terminal itself when it passed it (once it is in raw
     * mode), else as MSG_OUTPUT on the socket. */
    bool direct = client_tty_active(c);
    if (direct && !client_tty_drawable(c))
        return; /* MSG_TTY_READY draws the first frame */
    struct bufferevent *bev = terminal_bev(c);
    struct evbuffer *out = bufferevent_get_output(bev);
    if (evbuffer_get_length(out) > CLIENT_OUTPUT_MAX) {
        /* Not draining: no frames until it does (server_client_output_drained), then a
         * full one. */
        if (!c->blocked) {
            c->blocked = true;
            bufferevent_setwatermark(bev, EV_WRITE, CLIENT_OUTPUT_MAX / 4, 0);
        }
        return;
    }
    struct session *sess = c->session;
    struct pane *active = sess != NULL && sess->current != NULL ? sess->current->active : NULL;
    if (active != NULL && active->in_sync) {
        /* The program is mid-update: draw when it ends (its output schedules a frame)
         * or when the timeout passes, whichever is first. */
        struct timeval now, diff;
        gettimeofday(&now, NULL);
        timersub(&now, &active->sync_since, &diff);
        long waited = diff.tv_sec * 1000000L + diff.tv_usec;
        if (waited >= 0 && waited < SYNC_TIMEOUT_US) {
            struct timeval tv = {.tv_sec = 0, .tv_usec = SYNC_TIMEOUT_US - waited};
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec = tv.tv_usec / 1000000;
                tv.tv_usec %= 1000000;
            }
            c->render_scheduled = c->sync_waiting = true;
            evtimer_add(c->render_timer, &tv);
            return;
        }
    }
    gettimeofday(&c->last_frame, NULL);
    c->output_since_frame = 0;
    /* The terminal's title is expanded again only when something may have changed it. */
    c->needs_redraw_title = c->needs_redraw || c->status_cache_title == NULL ||
                            (active != NULL && strcmp(vt_title(active->vt), c->status_cache_title) != 0);
    compose_client(c);
    struct evbuffer *frame = evbuffer_new();
    render_frame(c->render, &c->canvas, frame);
    /* The terminal follows the active pane: its title, and the input modes it asked for
     * (mouse, bracketed paste, focus), so its events reach it in its encoding. */
    if (active != NULL) {
        uint32_t modes = vt_modes(active->vt);
        if (options_get_number(sess->options, "mouse"))
            /* Clicks on the status line, the wheel and drags for copy mode. */
            modes |= VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_SGR;
        render_set_modes(c->render, modes, frame);
        if (options_get_number(sess->options, "set-titles") && c->needs_redraw_title) {
            struct format_ctx f = {.server = c->server, .session = sess, .client = c};
            format_defaults(&f);
            char *title = format_expand(&f, options_get_string(sess->options, "set-titles-string"));
            if (*title != '\0')
                render_set_title(c->render, title, frame);
            free(title);
        }
    }
    /* On the socket: split into messages under the protocol's payload limit. */
    struct evbuffer *msgs = evbuffer_new();
    if (direct)
        evbuffer_add_buffer(msgs, frame);
    while (evbuffer_get_length(frame) > 0) {
        size_t n = evbuffer_get_length(frame);
        if (n > PROTO_MAX_PAYLOAD / 2)
            n = PROTO_MAX_PAYLOAD / 2;
        char hdr[PROTO_HEADER_SIZE];
        proto_encode_header(MSG_OUTPUT, (uint32_t)n, hdr);
        evbuffer_add(msgs, hdr, sizeof hdr);
        evbuffer_remove_buffer(frame, msgs, n);
    }
    /* Nothing queued before it: write the frame now, on this turn of the loop (a
     * keystroke's echo leaves at once); only what the socket does not take waits in the
     * bufferevent. */
    if (evbuffer_get_length(out) == 0 && evbuffer_get_length(msgs) > 0) {
        if (evbuffer_write(msgs, bufferevent_getfd(bev)) < 0 && errno != EAGAIN &&
            errno != EINTR)
            evbuffer_drain(msgs, evbuffer_get_length(msgs)); /* the event callback closes it */
    }
    evbuffer_add_buffer(out, msgs);
    evbuffer_free(msgs);
    evbuffer_free(frame);
    c->needs_redraw = false;
}

static void message_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    free(c->message);
    c->message = NULL;
    c->needs_redraw = true;
    server_client_redraw(c);
}

void server_client_message(struct client *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    if (msg == NULL)
        return;
    /* Nothing from a command or program reaches the terminal raw. */
    for (char *p = msg; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    }
    free(c->message);
    c->message = msg;
    if (c->message_timer == NULL)
        c->message_timer = evtimer_new(c->server->base, message_timer_cb, c);
    struct timeval tv = {.tv_sec = 0, .tv_usec = 750000};
    evtimer_add(c->message_timer, &tv);
    c->needs_redraw = true;
    server_client_redraw(c);
}

/* MSG_IDENTIFY: check the version, take TERM, size, cwd. False closes the client. */
static bool client_identify(struct client *c, const char *payload, size_t len)
{
    struct proto_identify id;
    if (len < sizeof id) {
        log_debug("client %d: short identify message", c->fd);
        return false;
    }
    memcpy(&id, payload, sizeof id);
    if (id.version != PROTO_VERSION) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 "tmx: protocol version mismatch (server %d, client %u): "
                 "the server was started by another tmx; restart it with tmx kill-server",
                 PROTO_VERSION, id.version);
        server_client_exit(c, 1, msg);
        return true;
    }
    size_t off = sizeof id;
    const char *term = proto_next_string(payload, len, &off);
    const char *cwd = proto_next_string(payload, len, &off);
    if (term == NULL || cwd == NULL) {
        log_debug("client %d: malformed identify message", c->fd);
        return false;
    }
    c->identified = true;
    c->flags = id.flags;
    c->cols = client_limits_side(id.cols, 1, 80);
    c->rows = client_limits_side(id.rows, 2, 24);
    c->term = xstrdup(term);
    c->cwd = xstrdup(cwd);
    c->pid = id.pid;
    return true;
}

/* Run the command the client was started for; attach or answer and exit. */
static void client_command(struct client *c, const char *payload, size_t len)
{
    /* Grown geometrically: a command of 100,000 arguments is linear, not quadratic. */
    size_t size = 8;
    char **argv = xcalloc(size, sizeof *argv);
    int argc = 0;
    size_t off = 0;
    const char *arg;
    while ((arg = proto_next_string(payload, len, &off)) != NULL) {
        if ((size_t)argc + 2 > size) {
            size *= 2;
            argv = xreallocarray(argv, size, sizeof *argv);
        }
        argv[argc++] = xstrdup(arg);
        argv[argc] = NULL;
    }
    struct cmd_ctx ctx = {.server = c->server, .client = c, .out = evbuffer_new(),
                          .err = evbuffer_new()};
    c->in_command = true;
    int status = cmd_execute_argv(&ctx, argc, argv);
    c->in_command = false;
    cmd_free_argv(argv);

    size_t n;
    if ((n = evbuffer_get_length(ctx.out)) > 0) {
        while ((n = evbuffer_get_length(ctx.out)) > 0) {
            if (n > PROTO_MAX_PAYLOAD / 2)
                n = PROTO_MAX_PAYLOAD / 2;
            server_client_send(c, MSG_STDOUT, evbuffer_pullup(ctx.out, (ssize_t)n), n);
            evbuffer_drain(ctx.out, n);
        }
    }
    if ((n = evbuffer_get_length(ctx.err)) > 0) {
        /* Errors are "tmx: ..." lines on stderr. */
        char *text = xstrndup((const char *)evbuffer_pullup(ctx.err, -1), n);
        char *line = text, *nl;
        while (line != NULL && *line != '\0') {
            nl = strchr(line, '\n');
            if (nl != NULL)
                *nl = '\0';
            char *msg = xasprintf("tmx: %s\n", line);
            server_client_send(c, MSG_STDERR, msg, strlen(msg));
            free(msg);
            line = nl != NULL ? nl + 1 : NULL;
        }
        free(text);
    }
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    if (ctx.attached || ctx.wait || c->exiting)
        return;
    server_client_exit(c, status != 0 ? status : ctx.exit_status, NULL);
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
    c->stdin_arg = arg;
    server_client_send(c, MSG_READ_STDIN, NULL, 0);
}

/* A piece of the client's stdin (empty: its end). */
static void client_stdin(struct client *c, const char *payload, size_t len)
{
    if (c->stdin_data == NULL)
        return; /* nobody asked */
    bool too_big = evbuffer_get_length(c->stdin_data) + len > c->stdin_limit;
    if (len > 0 && !too_big) {
        evbuffer_add(c->stdin_data, payload, len);
        return;
    }
    struct evbuffer *data = c->stdin_data;
    c->stdin_data = NULL;
    c->stdin_done(c, data, too_big);
    evbuffer_free(data);
}

/* Decode complete messages; anything malformed closes this client only. */
static void client_decode(struct client *c)
{
    struct evbuffer *in = c->in;
    for (;;) {
        if (c->exiting) {
            evbuffer_drain(in, evbuffer_get_length(in));
            return;
        }
        size_t avail = evbuffer_get_length(in);
        if (avail < PROTO_HEADER_SIZE)
            return;
        struct proto_header hdr;
        const char *why = NULL;
        const unsigned char *head = evbuffer_pullup(in, PROTO_HEADER_SIZE);
        enum proto_status st = proto_peek(head, PROTO_HEADER_SIZE, &hdr, &why);
        if (st == PROTO_BAD) {
            log_debug("client %d: bad message (%s): closing", c->fd, why);
            server_client_free(c);
            return;
        }
        if (avail < PROTO_HEADER_SIZE + (size_t)hdr.len)
            return;
        const char *msg = (const char *)evbuffer_pullup(in, (ssize_t)(PROTO_HEADER_SIZE + hdr.len));
        const char *payload = msg + PROTO_HEADER_SIZE;
        bool ok = true;
        if (!c->identified && hdr.type != MSG_IDENTIFY) {
            log_debug("client %d: message %u before identify: closing", c->fd, hdr.type);
            ok = false;
        } else {
            switch (hdr.type) {
            case MSG_IDENTIFY:
                ok = !c->identified && client_identify(c, payload, hdr.len);
                break;
            case MSG_ENVIRON:
                if (hdr.len == 0 || payload[hdr.len - 1] != '\0' || strchr(payload, '=') == NULL)
                    break;
                if (!client_limits_env_fits(c->nenv, c->env_bytes, hdr.len)) {
                    /* Bounded in total, not only per message: refused, with why. */
                    log_debug("client %d: environment over %zu variables or %u bytes", c->fd,
                              (size_t)CLIENT_ENV_MAX, CLIENT_ENV_BYTES_MAX);
                    server_client_exit(c, 1, CLIENT_ENV_ERROR);
                    break;
                }
                c->env = xreallocarray(c->env, c->nenv + 2, sizeof *c->env);
                c->env[c->nenv++] = xstrdup(payload);
                c->env[c->nenv] = NULL;
                c->env_bytes += hdr.len;
                break;
            case MSG_COMMAND: {
                if (c->has_command) {
                    log_debug("client %d: second command message: closing", c->fd);
                    server_client_free(c);
                    return;
                }
                c->has_command = true;
                /* Copy and consume the message first: the command may attach this
                 * client, which reads more messages later. */
                char *copy = xmalloc(hdr.len + 1);
                memcpy(copy, payload, hdr.len);
                size_t clen = hdr.len;
                evbuffer_drain(in, PROTO_HEADER_SIZE + hdr.len);
                client_command(c, copy, clen);
                free(copy);
                continue;
            }
            case MSG_STDIN:
                client_stdin(c, payload, hdr.len);
                break;
            case MSG_INPUT:
                if (c->attached && !c->suspended && !client_tty_active(c))
                    client_input(c, payload, hdr.len);
                break;
            case MSG_TTY:
                /* Before the command, so that attaching knows which way to draw. */
                if (!c->has_command)
                    client_tty_adopt(c);
                break;
            case MSG_TTY_READY:
                if (c->attached)
                    client_tty_ready(c);
                break;
            case MSG_WAKEUP:
                if (c->attached)
                    client_wakeup(c);
                break;
            case MSG_RESIZE:
                if (hdr.len == 8) {
                    uint32_t size[2];
                    memcpy(size, payload, 8);
                    int cols, rows;
                    if (client_limits_size(size[0], size[1], &cols, &rows)) {
                        c->cols = cols;
                        c->rows = rows;
                        overlay_resize(c);
                        if (c->attached && !client_limits_frame_fits(cols, rows)) {
                            /* Its frames would not fit the bound: it alone goes. */
                            char why[480], msg[512];
                            client_limits_frame_error(cols, rows, why, sizeof why);
                            snprintf(msg, sizeof msg, "tmx: %s", why);
                            server_client_exit(c, 1, msg);
                        } else if (c->attached && c->session != NULL)
                            server_client_update_sizes(c->server, c->session);
                    }
                }
                break;
            default:
                log_debug("client %d: unexpected message %u: closing", c->fd, hdr.type);
                ok = false;
                break;
            }
        }
        if (!ok) {
            server_client_free(c);
            return;
        }
        evbuffer_drain(in, PROTO_HEADER_SIZE + hdr.len);
    }
}

/* The socket is readable: one recvmsg, keeping an fd that comes with MSG_TTY. */
static void client_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)events;
    /* Into the stack, then only what came into c->in: reserving space in the evbuffer
     * would keep a 128 KiB chunk per connected client. */
    char buf[65536];
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(4 * sizeof(int))];
    } control;
    struct iovec iov = {.iov_base = buf, .iov_len = sizeof buf};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                        .msg_controllen = sizeof control.buf};
    ssize_t n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    /* At most one fd is expected; any other is closed at once. */
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm)) {
        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
            continue;
        size_t nfds = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < nfds; i++) {
            int passed;
            memcpy(&passed, CMSG_DATA(cm) + i * sizeof(int), sizeof passed);
            if (i == 0 && !c->exiting)
                client_tty_received(c, passed);
            else
                close(passed);
        }
    }
    if (n <= 0) {
        log_debug("client %d: %s: closing", c->fd, n == 0 ? "hung up" : strerror(errno));
        server_client_free(c);
        return;
    }
    evbuffer_add(c->in, buf, (size_t)n);
    client_decode(c);
}

void server_client_output_drained(struct client *c, struct evbuffer *out)
{
    if (c->blocked && evbuffer_get_length(out) <= CLIENT_OUTPUT_MAX / 4) {
        c->blocked = false;
        bufferevent_setwatermark(terminal_bev(c), EV_WRITE, 0, 0);
        render_invalidate(c->render);
        server_client_redraw(c);
    }
}

static void client_write_cb(struct bufferevent *bev, void *arg)
{
    struct client *c = arg;
    struct evbuffer *out = bufferevent_get_output(bev);
    if (c->exiting) {
        if (evbuffer_get_length(out) == 0)
            server_client_free(c);
        return;
    }
    if (!client_tty_active(c))
        server_client_output_drained(c, out);
}

static void client_event_cb(struct bufferevent *bev, short what, void *arg)
{
    struct client *c = arg;
    (void)bev;
    if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
        server_client_free(c);
}

void server_client_command_done(struct client *c, struct cmd_ctx *ctx, bool show_output)
{
    size_t n = evbuffer_get_length(ctx->out);
    if (show_output && n > 0 && c->attached)
        text_view_show(c, (const char *)evbuffer_pullup(ctx->out, -1), n);
    n = evbuffer_get_length(ctx->err);
    if (n > 0 && !c->exiting) {
        char *text = xstrndup((const char *)evbuffer_pullup(ctx->err, -1), n);
        text[strcspn(text, "\n")] = '\0';
        server_client_message(c, "%s", text);
        free(text);
    }
    evbuffer_free(ctx->out);
    evbuffer_free(ctx->err);
}
