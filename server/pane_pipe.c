/* pane_pipe.c - pipe-pane and log-file: copies of a pane's output (see pane_pipe.h). */
#include "pane_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "child.h"
#include "log.h"
#include "pane.h"
#include "server_state.h"
#include "xmalloc.h"

/* Unsent output above which the pane stops reading its pty, and below which it reads
 * again. */
#define COPY_HIGH (4u << 20)
#define COPY_LOW (1u << 20)

struct pane_pipe {
    int fd;                  /* our end of the socketpair */
    pid_t pid;
    bool in, out;
    struct evbuffer *pending;
    struct event *read_ev;   /* -I: the command's output, typed into the pane */
    struct event *write_ev;
};

/* States of the filter that turns terminal output into plain text. */
enum text_state { TEXT_GROUND, TEXT_ESC, TEXT_ESC_INTER, TEXT_CSI, TEXT_STRING, TEXT_STRING_ESC };

struct pane_log {
    int fd;
    char *path;
    bool plain;              /* log-file-format text: escape sequences and CRs removed */
    enum text_state state;   /* of the filter, across reads */
};

/* Remove escape sequences (CSI, OSC/DCS/APC/PM/SOS strings, other ESC sequences), CRs and
 * other control characters but newline and tab; what is left is the text. Returns the
 * length written to out (at most len). */
static size_t text_filter(struct pane_log *l, const char *buf, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        switch (l->state) {
        case TEXT_GROUND:
            if (c == 0x1b)
                l->state = TEXT_ESC;
            else if (c >= 0x20 || c == '\n' || c == '\t')
                out[n++] = (char)c;
            break;
        case TEXT_ESC:
            if (c == '[')
                l->state = TEXT_CSI;
            else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X' || c == 'k')
                l->state = TEXT_STRING;
            else if (c >= 0x20 && c <= 0x2f)
                l->state = TEXT_ESC_INTER;
            else
                l->state = TEXT_GROUND;
            break;
        case TEXT_ESC_INTER:
            if (c < 0x20 || c > 0x2f)
                l->state = TEXT_GROUND;
            break;
        case TEXT_CSI:
            if (c >= 0x40 && c <= 0x7e)
                l->state = TEXT_GROUND;
            break;
        case TEXT_STRING:
            if (c == 0x07)
                l->state = TEXT_GROUND;
            else if (c == 0x1b)
                l->state = TEXT_STRING_ESC;
            break;
        case TEXT_STRING_ESC:
            l->state = c == '\\' ? TEXT_GROUND : TEXT_STRING;
            break;
        }
    }
    return n;
}

static void pipe_update_pause(struct pane *p)
{
    pane_pause_reading(p, pane_copy_blocked(p));
}

static void pipe_write_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    struct pane_pipe *pp = p->pipe;
    (void)events;
    int n = evbuffer_write(pp->pending, fd);
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
        /* The command closed its input or exited: the pipe is over. */
        log_debug("pane %%%u: pipe-pane command stopped reading: %s", p->id, strerror(errno));
        pane_pipe_close(p);
        return;
    }
    if (evbuffer_get_length(pp->pending) > 0)
        event_add(pp->write_ev, NULL);
    pipe_update_pause(p);
}

static void pipe_read_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    char buf[16384];
    (void)events;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
        pane_write(p, buf, (size_t)n);
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    /* EOF: the command finished writing; with -O still running, keep its input open. */
    event_del(p->pipe->read_ev);
    if (!p->pipe->out)
        pane_pipe_close(p);
}

int pane_pipe_open(struct pane *p, const char *command, bool in, bool out, char *err,
                   size_t errsize)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        snprintf(err, errsize, "socketpair: %s", strerror(errno));
        return -1;
    }
    pid_t pid = child_spawn_shell(command, NULL, out ? sv[1] : -1, in ? sv[1] : -1, -1);
    close(sv[1]);
    if (pid < 0) {
        snprintf(err, errsize, "fork: %s", strerror(errno));
        close(sv[0]);
        return -1;
    }
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    if (!out)
        shutdown(sv[0], SHUT_WR);
    struct pane_pipe *pp = xcalloc(1, sizeof *pp);
    pp->fd = sv[0];
    pp->pid = pid;
    pp->in = in;
    pp->out = out;
    pp->pending = evbuffer_new();
    pp->write_ev = event_new(p->server->base, pp->fd, EV_WRITE, pipe_write_cb, p);
    if (in) {
        pp->read_ev = event_new(p->server->base, pp->fd, EV_READ | EV_PERSIST, pipe_read_cb, p);
        event_add(pp->read_ev, NULL);
    }
    p->pipe = pp;
    return 0;
}

void pane_pipe_close(struct pane *p)
{
    struct pane_pipe *pp = p->pipe;
    if (pp == NULL)
        return;
    if (pp->read_ev != NULL)
        event_free(pp->read_ev);
    event_free(pp->write_ev);
    evbuffer_free(pp->pending);
    close(pp->fd); /* the command sees EOF on its input and can finish */
    free(pp);
    p->pipe = NULL;
    pipe_update_pause(p);
}

bool pane_pipe_is_open(const struct pane *p)
{
    return p->pipe != NULL;
}

int pane_log_open(struct pane *p, const char *path, bool plain, char *err, size_t errsize)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) {
        snprintf(err, errsize, "cannot open log file %s: %s", path, strerror(errno));
        return -1;
    }
    pane_log_close(p);
    p->log = xcalloc(1, sizeof *p->log);
    p->log->fd = fd;
    p->log->path = xstrdup(path);
    p->log->plain = plain;
    return 0;
}

void pane_log_close(struct pane *p)
{
    if (p->log == NULL)
        return;
    close(p->log->fd);
    free(p->log->path);
    free(p->log);
    p->log = NULL;
}

bool pane_log_plain(const struct pane *p)
{
    return p->log != NULL && p->log->plain;
}

const char *pane_log_path(const struct pane *p)
{
    return p->log != NULL ? p->log->path : NULL;
}

/* Write all of buf to the log; on an error (disk full...) logging stops and the
 * server says so, the pane goes on. */
static void log_output(struct pane *p, const char *buf, size_t len)
{
    char *text = NULL;
    if (p->log->plain) {
        text = xmalloc(len > 0 ? len : 1);
        len = text_filter(p->log, buf, len, text);
        buf = text;
    }
    while (len > 0) {
        ssize_t n = write(p->log->fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            char *msg = xasprintf("log-file %s: %s: logging stopped", p->log->path,
                                  n < 0 ? strerror(errno) : "short write");
            log_debug("pane %%%u: %s", p->id, msg);
            pane_message(p, msg);
            free(msg);
            pane_log_close(p);
            free(text);
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
    free(text);
}

void pane_copy_output(struct pane *p, const char *buf, size_t len)
{
    if (p->log != NULL)
        log_output(p, buf, len);
    struct pane_pipe *pp = p->pipe;
    if (pp == NULL || !pp->out)
        return;
    if (evbuffer_get_length(pp->pending) == 0) {
        ssize_t n = write(pp->fd, buf, len);
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            pane_pipe_close(p);
            return;
        }
        if (n > 0) {
            buf += n;
            len -= (size_t)n;
        }
    }
    if (len > 0) {
        evbuffer_add(pp->pending, buf, len);
        event_add(pp->write_ev, NULL);
        pipe_update_pause(p);
    }
}

bool pane_copy_blocked(const struct pane *p)
{
    if (p->pipe == NULL)
        return false;
    size_t pending = evbuffer_get_length(p->pipe->pending);
    if (p->read_paused)
        return pending > COPY_LOW;
    return pending > COPY_HIGH;
}
