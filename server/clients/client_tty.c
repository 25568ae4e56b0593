/* client_tty.c - the client's terminal used directly by the server (see client_tty.h). */
#include "client_tty.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_term.h"
#include "log.h"
#include "options.h"
#include "render.h"
#include "client_state.h"
#include "redraw.h"
#include "server_state.h"
#include "xmalloc.h"

/* Keys typed: one read per wakeup, straight to the key parser. */
static void tty_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)events;
    char buf[16384];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        /* Hung up (EOF or EIO): the client gets SIGHUP and leaves over its socket. */
        log_debug("client %d: terminal read: %s", c->fd, n == 0 ? "end of file" : strerror(errno));
        event_del(c->tty_read_ev);
        return;
    }
    if (c->attached && !c->exiting)
        c->tty_ops->input(c, buf, (size_t)n);
}

static void tty_write_cb(struct bufferevent *bev, void *arg)
{
    struct client *c = arg;
    c->tty_ops->drained(c, bufferevent_get_output(bev));
}

static void tty_event_cb(struct bufferevent *bev, short what, void *arg)
{
    struct client *c = arg;
    (void)bev;
    if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) {
        log_debug("client %d: terminal write failed: no more frames", c->fd);
        c->tty_ready = false; /* frames stop; the socket still says when it leaves */
        evbuffer_drain(bufferevent_get_output(c->tty_bev),
                       evbuffer_get_length(bufferevent_get_output(c->tty_bev)));
    }
}

void client_tty_received(struct client *c, int fd)
{
    if (c->tty_pending_set)
        close(c->tty_pending);
    c->tty_pending = fd;
    c->tty_pending_set = true;
}

bool client_tty_adopt(struct client *c, const struct client_tty_ops *ops)
{
    if (!c->tty_pending_set || c->tty_bev != NULL)
        return false;
    int fd = c->tty_pending;
    c->tty_pending_set = false;
    /* Only a terminal: anything else the client sent is closed and it relays. The
     * client opened this description for us, so non-blocking mode is ours alone. */
    if (!isatty(fd) || fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
        log_debug("client %d: the fd passed is not a terminal: relaying", c->fd);
        close(fd);
        return false;
    }
    const char *name = ttyname(fd);
    c->tty_name = xstrdup(name != NULL ? name : "");
    c->tty_ops = ops;
    c->tty_bev = bufferevent_socket_new(c->server->base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(c->tty_bev, NULL, tty_write_cb, tty_event_cb, c);
    c->tty_read_ev = event_new(c->server->base, fd, EV_READ | EV_PERSIST, tty_read_cb, c);
    return true;
}

void client_tty_ready(struct client *c)
{
    if (c->tty_bev == NULL || c->tty_ready || c->exiting || c->suspended)
        return;
    c->tty_ready = true;
    bufferevent_enable(c->tty_bev, EV_WRITE);
    struct evbuffer *out = bufferevent_get_output(c->tty_bev);
    /* extended-keys on or always: a terminal that has extkeys (terminal-features) is
     * asked for modifyOtherKeys, as tmux does; the client turns it off on exit. */
    if (c->term_extkeys && options_get_number(c->server->options, "extended-keys") != 0)
        evbuffer_add(out, "\033[>4;1m", 7);
    /* Does it speak the kitty keyboard protocol? Its answer (client_input) turns it on. */
    if (!c->term_kitty_asked) {
        c->term_kitty_asked = true;
        c->term_kitty_flags = -1;
        evbuffer_add(out, "\033[?u", 4);
    } else if (c->term_kitty_flags > 0)
        evbuffer_add_printf(out, "\033[>%du", c->term_kitty_flags); /* back from a suspend */
    /* Its name (XTVERSION), as tmux asks: a known one may add features (client_term). */
    client_term_ask(c, out);
    event_add(c->tty_read_ev, NULL);
    client_redraw(c, REDRAW_FULL); /* the client cleared the screen */
}

/* Write what the terminal takes now of the pending output (if drawing has started) and
 * drop the rest: the client takes the terminal back next. */
static void flush_and_drop(struct client *c)
{
    struct evbuffer *out = bufferevent_get_output(c->tty_bev);
    if (c->tty_ready && evbuffer_get_length(out) > 0)
        evbuffer_write(out, bufferevent_getfd(c->tty_bev));
    evbuffer_drain(out, evbuffer_get_length(out));
}

void client_tty_suspend(struct client *c)
{
    if (c->tty_bev == NULL || !c->tty_ready)
        return;
    flush_and_drop(c);
    event_del(c->tty_read_ev);
    bufferevent_disable(c->tty_bev, EV_WRITE);
    c->tty_ready = false;
}

bool client_tty_active(const struct client *c)
{
    return c->tty_bev != NULL;
}

bool client_tty_drawable(const struct client *c)
{
    return c->tty_bev != NULL && c->tty_ready;
}

struct evbuffer *client_tty_output(struct client *c)
{
    return bufferevent_get_output(c->tty_bev);
}

void client_tty_close(struct client *c)
{
    if (c->tty_pending_set) {
        close(c->tty_pending);
        c->tty_pending_set = false;
    }
    if (c->tty_bev == NULL)
        return;
    /* The client restores the terminal once it reads MSG_EXIT, sent after this: bytes
     * written here reach the terminal before its restore, nothing can come after it. */
    flush_and_drop(c);
    event_free(c->tty_read_ev);
    bufferevent_free(c->tty_bev); /* closes the fd */
    c->tty_read_ev = NULL;
    c->tty_bev = NULL;
    c->tty_ready = false;
}

void client_tty_kitty_answered(struct client *c, int flags)
{
    (void)flags;
    if (c->term_kitty_flags != -1 || c->tty_bev == NULL || !c->tty_ready)
        return;
    /* It speaks the protocol: every flag on, on the terminal's alternate screen (where
     * the client draws), so keys come with their event types, alternate keys and text
     * and each pane gets them in the form it asked for; the client pops it on exit. */
    c->term_kitty_flags = CLIENT_TTY_KITTY_FLAGS;
    evbuffer_add_printf(bufferevent_get_output(c->tty_bev), "\033[>%du", c->term_kitty_flags);
}
