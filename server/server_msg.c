/* server_msg.c - a client's connection: reading its socket (and the fds passed with
 * it), decoding each message (identify, environment, command, input, resize, its
 * terminal, stdin, wake-up) and acting on it through the clients layer. Every length
 * is checked before it is read; a client that sends what it may not is dropped. */
#include "server_msg.h"

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

#include "client_frames.h"
#include "client_input.h"
#include "client_limits.h"
#include "client_tty.h"
#include "cmd.h"
#include "cmd_queue.h"
#include "control.h"
#include "job.h"
#include "log.h"
#include "message_log.h"
#include "notify.h"
#include "options.h"
#include "overlay.h"
#include "proto.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "server_exit.h"
#include "session.h"
#include "tmux_peer.h"
#include "xmalloc.h"

static void client_read_cb(evutil_socket_t fd, short events, void *arg);

/* A client's own terminal: its keys go to the key dispatcher, its drains to frames. */
static const struct client_tty_ops server_msg_tty_ops = {
    .input = client_input,
    .drained = client_frames_drained,
};

static void client_write_cb(struct bufferevent *bev, void *arg);
static void client_event_cb(struct bufferevent *bev, short what, void *arg);

struct client *server_msg_accept(struct server *s, int fd)
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
    client_frames_init(c);
    c->cols = 80;
    c->rows = 24;
    c->status_row = -1;
    TAILQ_INSERT_TAIL(&s->clients, c, entry);
    log_debug("client %d connected", fd);
    return c;
}

/* MSG_WAKEUP: the client is back in the foreground, its terminal raw and cleared. */
static void client_wakeup(struct client *c)
{
    if (!c->suspended)
        return;
    c->suspended = false;
    if (c->session != NULL)
        server_client_session_activity(c->session); /* back from lock-command too */
    if (client_tty_active(c)) {
        client_tty_ready(c); /* reads keys again and draws a full frame */
        return;
    }
    client_redraw(c, REDRAW_FULL);
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
    uint32_t vmin, vmax;
    proto_versions(&vmin, &vmax);
    if (id.version < vmin || id.version > vmax) {
        /* Say both sides' versions and what to do: the older side is the one to change. */
        /* A newer client cannot send this server kill-server either: the older tmx's
         * own kill-server, or the pid, stops it. */
        char msg[400];
        if (id.version > vmax)
            snprintf(msg, sizeof msg,
                     "tmx: protocol version mismatch (server %u-%u, client %u): the server "
                     "(pid %ld) was started by an older tmx; stop it with that tmx's "
                     "kill-server, or kill %ld (its sessions end)",
                     vmin, vmax, id.version, (long)getpid(), (long)getpid());
        else
            snprintf(msg, sizeof msg,
                     "tmx: protocol version mismatch (server %u-%u, client %u): this client "
                     "is older than the server; use the tmx that started the server",
                     vmin, vmax, id.version);
        server_client_exit(c, 1, msg);
        return true;
    }
    c->proto_version = id.version;
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
    if (id.flags & IDENT_CONTROL)
        control_start(c, id.flags & IDENT_CONTROL_CC ? 2 : 1);
    return true;
}

/* After each of a command-line client's commands: what it printed goes to the client's
 * stdout, its errors to stderr (as "tmx: ..." lines). */
static void client_command_output(void *arg, struct cmd_ctx *ctx, int status)
{
    (void)arg;
    (void)status;
    struct client *c = ctx->client;
    if (c == NULL || c->exiting)
        return;
    size_t n;
    while ((n = evbuffer_get_length(ctx->out)) > 0) {
        if (n > PROTO_MAX_PAYLOAD / 2)
            n = PROTO_MAX_PAYLOAD / 2;
        client_send(c, MSG_STDOUT, evbuffer_pullup(ctx->out, (ssize_t)n), n);
        evbuffer_drain(ctx->out, n);
    }
    if ((n = evbuffer_get_length(ctx->err)) > 0) {
        char *text = xstrndup((const char *)evbuffer_pullup(ctx->err, -1), n);
        char *line = text, *nl;
        while (line != NULL && *line != '\0') {
            nl = strchr(line, '\n');
            if (nl != NULL)
                *nl = '\0';
            if (!c->attached) {
                /* An error shown to a client not attached goes into the message log. */
                char name[64];
                message_log_add(c->server, "%s message: %s",
                                message_log_client_name(c, name, sizeof name), line);
            }
            char *msg = xasprintf("tmx: %s\n", line);
            client_send(c, MSG_STDERR, msg, strlen(msg));
            free(msg);
            line = nl != NULL ? nl + 1 : NULL;
        }
        free(text);
    }
}

/* Every command of the client's command line ran: it exits with their status, unless
 * one attached it or it waits (wait-for). With no session left and exit-empty on, the
 * server goes too (start-server alone). */
static void client_command_done(struct cmdq_state *st, void *arg)
{
    (void)arg;
    struct client *c = st->client;
    if (c == NULL)
        return;
    c->in_command = false;
    if (c->exiting || c->attached || st->attached || st->waits)
        return;
    struct server *s = c->server;
    server_client_exit(c, st->status, NULL);
    if (TAILQ_EMPTY(&s->sessions) && TAILQ_EMPTY(&s->jobs))
        server_check_exit(s);
}

/* Whether the client runs inside this server (a pane, a run-shell): its $TMX names
 * this server's pid. */
static bool client_inside(const struct client *c)
{
    for (size_t i = 0; i < c->nenv; i++) {
        if (strncmp(c->env[i], "TMX=", 4) != 0)
            continue;
        const char *comma = strchr(c->env[i] + 4, ',');
        if (comma == NULL)
            return false;
        char *end;
        long pid = strtol(comma + 1, &end, 10);
        return end != comma + 1 && (*end == ',' || *end == '\0') && pid == (long)c->server->pid;
    }
    return false;
}

/* Run the command the client was started for: its words split into commands on ';'
 * (cmd_parse_argv), queued on the client's queue (after the startup config). */
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
    struct server *s = c->server;
    char *error = NULL;
    struct cmd_parse_input pi = {.server = s, .client = c};
    struct cmd_list *list = cmd_parse_argv(argc, argv, &pi, &error);
    cmd_free_argv(argv);
    if (list == NULL) {
        char *msg = xasprintf("tmx: %s\n", error);
        client_send(c, MSG_STDERR, msg, strlen(msg));
        free(msg);
        free(error);
        server_client_exit(c, 1, NULL);
        return;
    }
    struct cmdq *q = cmdq_get(s, c);
    if (client_inside(c))
        cmdq_no_config_wait(q);
    /* A control client's command answers in a block (flags 0: its command line). */
    struct cmdq_state *st = c->control_state != NULL
                                ? cmdq_state_new(s, c, false, control_command_output, NULL)
                                : cmdq_state_new(s, c, false, client_command_output, NULL);
    c->in_command = true;
    /* The done callback first in line after the commands; the queue runs when both are
     * in (and the config is loaded). */
    s->config_pending++;
    cmdq_append(q, list, st);
    cmdq_append_callback(q, st, client_command_done, NULL);
    s->config_pending--;
    cmd_list_free(list);
    cmdq_state_unref(st);
    if (c->queue != NULL)
        cmdq_run(c->queue);
}

/* A piece of the client's stdin (empty: its end). */
static void client_stdin(struct client *c, const char *payload, size_t len)
{
    if (c->stdin_data == NULL)
        return; /* nobody asked */
    if (len > 0 && c->stdin_piece != NULL) {
        c->stdin_piece(c, payload, len);
        return;
    }
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

/* A real tmux client (tmux_peer.h): once its command is in, answered in tmux's protocol
 * with one line on its stderr and exit status 1, then dropped when that is written. */
static void tmux_client(struct client *c)
{
    struct evbuffer *in = c->in;
    size_t len = evbuffer_get_length(in);
    bool attaches = false;
    uint32_t peerid = 0;
    int st = tmux_peer_scan(evbuffer_pullup(in, -1), len, &attaches, &peerid);
    if (st == 0)
        return;
    if (st < 0) {
        log_debug("client %d: malformed tmux client: closing", c->fd);
        server_client_free(c);
        return;
    }
    log_debug("client %d: a tmux client: refused", c->fd);
    char *text;
    if (attaches)
        text = xasprintf("sessions should be nested with care, unset $TMUX to force "
                         "(%s is a tmx server, where tmux cannot attach)",
                         c->server->socket_path);
    else
        text = xasprintf("%s is a tmx server, not tmux's: use tmx for it (inside tmx, "
                         "unset $TMUX to reach tmux's own server)", c->server->socket_path);
    client_tty_close(c); /* the fd tmux passed with its identify */
    tmux_peer_answer(bufferevent_get_output(c->bev), peerid, text);
    free(text);
    c->exiting = true; /* freed once the answer is written (client_write_cb) */
    event_del(c->read_ev);
    evbuffer_drain(in, len);
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
        if (!c->identified && tmux_peer_detect(head, PROTO_HEADER_SIZE)) {
            tmux_client(c);
            return;
        }
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
            case MSG_PING:
                /* A heartbeat (tmx -H's relay answers its own; this is for a client on
                 * the socket itself): the same bytes back. */
                if (hdr.len <= PROTO_PING_MAX)
                    client_send(c, MSG_PONG, payload, hdr.len);
                break;
            case MSG_PONG:
                break;
            case MSG_INPUT:
                if (c->control_state != NULL) {
                    control_input(c, payload, hdr.len);
                    if (c->control_state == NULL || c->exiting)
                        break;
                } else if (c->attached && !c->suspended && !client_tty_active(c))
                    client_input(c, payload, hdr.len);
                break;
            case MSG_TTY:
                /* Before the command, so that attaching knows which way to draw. */
                if (!c->has_command)
                    client_tty_adopt(c, &server_msg_tty_ops);
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
                        } else if (c->attached && c->session != NULL) {
                            server_client_became_latest(c);
                            server_client_update_sizes(c->server, c->session);
                            server_client_resized(c);
                        }
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
    /* At most one fd is expected; any other is closed at once. Only a recvmsg that
     * succeeded wrote the control buffer: after an error (a hostile peer's reset) it is
     * the stack as it was, and its "fds" would be closed. */
    for (struct cmsghdr *cm = n >= 0 ? CMSG_FIRSTHDR(&mh) : NULL; cm != NULL;
         cm = CMSG_NXTHDR(&mh, cm)) {
        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS ||
            cm->cmsg_len < CMSG_LEN(0))
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

static void client_write_cb(struct bufferevent *bev, void *arg)
{
    struct client *c = arg;
    struct evbuffer *out = bufferevent_get_output(bev);
    if (c->exiting) {
        if (evbuffer_get_length(out) == 0 && !c->control_exit_held)
            server_client_free(c);
        return;
    }
    if (!client_tty_active(c))
        client_frames_drained(c, out);
}

static void client_event_cb(struct bufferevent *bev, short what, void *arg)
{
    struct client *c = arg;
    (void)bev;
    if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
        server_client_free(c);
}
