/* pane_pipe.c - pipe-pane and log-file: copies of a pane's output (see pane_pipe.h). */
#include "pane_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include "child.h"
#include "log.h"
#include "notify.h"
#include "pane.h"
#include "server_state.h"
#include "tap.h"
#include "xmalloc.h"

struct pane_pipe {
    int fd;                  /* our end of the socketpair */
    pid_t pid;
    bool in, out;
    struct tap *tap;         /* -O: the pane's output to the command */
    struct event *read_ev;   /* -I: the command's output, typed into the pane */
};

/* States of the filter that turns terminal output into plain text. */
enum text_state { TEXT_GROUND, TEXT_ESC, TEXT_ESC_INTER, TEXT_CSI, TEXT_STRING, TEXT_STRING_ESC };

struct pane_log {
    int fd;
    struct tap *tap;
    char *path;
    bool plain;              /* log-file-format text: escape sequences and CRs removed */
    dev_t dev;               /* the file opened (a rotation moves it: another file is */
    ino_t ino;               /* at path then, and the log is opened again) */
    time_t checked;          /* when path was last compared with it */
    uint64_t size;           /* its size, for log-file-max */
    uint64_t max;            /* log-file-max: rotated to PATH.1 beyond it (0: no cap) */
    enum text_state state;   /* of the filter, across reads */
    char *time_format;       /* log-file-time: strftime(3) text put before each line, or
                                NULL for none */
    bool mid_line;           /* the last byte written was not a newline */
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

/* The pipe-pane command is not reading: its output is dropped, the pane goes on. */
static void pipe_dropping(void *arg, bool dropping, uint64_t dropped)
{
    struct pane *p = arg;
    char *msg = dropping ? xasprintf("pipe-pane: the command is not reading: output dropped "
                                     "(%llu bytes so far)", (unsigned long long)dropped)
                         : xasprintf("pipe-pane: the command reads again (%llu bytes were "
                                     "dropped)", (unsigned long long)dropped);
    log_debug("pane %%%u: %s", p->id, msg);
    pane_message(p, msg);
    free(msg);
}

static void pipe_failed(void *arg, int error)
{
    struct pane *p = arg;
    /* The command closed its input or exited: the pipe is over. */
    log_debug("pane %%%u: pipe-pane command stopped reading: %s", p->id, strerror(error));
    pane_pipe_close(p);
}

static const struct tap_ops pipe_tap_ops = {.dropping = pipe_dropping, .failed = pipe_failed};

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
    if (out)
        pp->tap = tap_create(p->server->base, pp->fd, &pipe_tap_ops, p);
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
    /* The command gets what it is still owed, then EOF on its input, and can finish. */
    if (pp->tap != NULL)
        tap_close(pp->tap, pp->fd, &p->server->draining_taps);
    else
        close(pp->fd);
    free(pp);
    p->pipe = NULL;
}

bool pane_pipe_is_open(const struct pane *p)
{
    return p->pipe != NULL;
}

/* The log's reader is not keeping up (a FIFO): output dropped, the pane goes on. */
static void log_dropping(void *arg, bool dropping, uint64_t dropped)
{
    struct pane *p = arg;
    char *msg = dropping ? xasprintf("log-file %s: the reader is not keeping up: output "
                                     "dropped (%llu bytes so far)", p->log->path,
                                     (unsigned long long)dropped)
                         : xasprintf("log-file %s: the reader caught up (%llu bytes were "
                                     "dropped)", p->log->path, (unsigned long long)dropped);
    log_debug("pane %%%u: %s", p->id, msg);
    pane_message(p, msg);
    free(msg);
}

/* Writing failed (disk full...): logging stops and the server says so, the pane goes
 * on. */
static void log_failed(void *arg, int error)
{
    struct pane *p = arg;
    char *msg = xasprintf("log-file %s: %s: logging stopped", p->log->path, strerror(error));
    log_debug("pane %%%u: %s", p->id, msg);
    pane_message(p, msg);
    free(msg);
    pane_log_close(p);
}

static const struct tap_ops log_tap_ops = {.dropping = log_dropping, .failed = log_failed};

int pane_log_open(struct pane *p, const char *path, bool plain, char *err, size_t errsize)
{
    /* Never blocks: a FIFO nobody reads would hold open() (and the whole server) until
     * someone did. Open with no reader, it is opened for reading and writing (Linux
     * never blocks that), so a reader that comes later gets the output from then on:
     * until then it is a tap whose consumer does not read. */
    int flags = O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    int fd = open(path, O_WRONLY | flags, 0600);
    if (fd < 0 && errno == ENXIO) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
            fd = open(path, O_RDWR | flags, 0600);
        else
            errno = ENXIO;
    }
    if (fd < 0) {
        snprintf(err, errsize, "cannot open log file %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    bool known = fstat(fd, &st) == 0;
    uint64_t max = p->log != NULL ? p->log->max : 0;
    char *time_format = p->log != NULL ? p->log->time_format : NULL;
    bool mid_line = p->log != NULL && p->log->mid_line;
    if (p->log != NULL)
        p->log->time_format = NULL;
    pane_log_close(p);
    p->log = xcalloc(1, sizeof *p->log);
    p->log->fd = fd;
    p->log->max = max;
    p->log->time_format = time_format;
    p->log->mid_line = mid_line && known && S_ISFIFO(st.st_mode); /* a new file starts a line */
    if (known) {
        p->log->dev = st.st_dev;
        p->log->ino = st.st_ino;
        p->log->size = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
    }
    p->log->checked = time(NULL);
    p->log->tap = tap_create(p->server->base, fd, &log_tap_ops, p);
    p->log->path = xstrdup(path);
    p->log->plain = plain;
    return 0;
}

void pane_log_close(struct pane *p)
{
    if (p->log == NULL)
        return;
    tap_close(p->log->tap, p->log->fd, &p->server->draining_taps); /* a FIFO's reader: owed */
    free(p->log->time_format);
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

/* Everything the pane printed goes to the log (as text with 'plain'). */
void pane_log_reopen(struct pane *p)
{
    if (p->log == NULL)
        return;
    char *path = xstrdup(p->log->path);
    bool plain = p->log->plain;
    enum text_state state = p->log->state;
    char err[512];
    if (pane_log_open(p, path, plain, err, sizeof err) != 0)
        pane_message(p, err); /* the old file goes on */
    else
        p->log->state = state;
    free(path);
}

void pane_log_set_max(struct pane *p, uint64_t max)
{
    if (p->log != NULL)
        p->log->max = max;
}

void pane_log_set_time(struct pane *p, const char *format)
{
    if (p->log == NULL)
        return;
    free(p->log->time_format);
    p->log->time_format = format != NULL && *format != '\0' ? xstrdup(format) : NULL;
}

/* buf with the time (log-file-time) before each line that begins in it; the caller
 * frees *out. Returns the new length. */
static size_t log_stamp(struct pane_log *l, const char *buf, size_t len, char **out)
{
    char stamp[256];
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    size_t slen = strftime(stamp, sizeof stamp, l->time_format, &tm);
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += buf[i] == '\n';
    char *o = xmalloc(len + lines * slen + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (!l->mid_line) {
            memcpy(o + n, stamp, slen);
            n += slen;
            l->mid_line = true;
        }
        o[n++] = buf[i];
        if (buf[i] == '\n')
            l->mid_line = false;
    }
    *out = o;
    return n;
}

/* Once a second at most: if another file is at the log's path now (logrotate moved it,
 * or it was removed), open the path again, so that bytes stop going to the moved file. */
static void log_check_rotation(struct pane *p)
{
    time_t now = time(NULL);
    if (now == p->log->checked)
        return;
    p->log->checked = now;
    struct stat st;
    if (stat(p->log->path, &st) != 0 || st.st_dev != p->log->dev || st.st_ino != p->log->ino) {
        log_debug("pane %%%u: log-file %s was moved: opened again", p->id, p->log->path);
        pane_log_reopen(p);
    }
}

/* log-file-max: the file is full; it becomes PATH.1 (an older PATH.1 goes) and a new
 * PATH begins. */
static void log_rotate(struct pane *p)
{
    char *old = xasprintf("%s.1", p->log->path);
    if (rename(p->log->path, old) != 0)
        log_debug("pane %%%u: log-file %s: cannot rotate: %s", p->id, p->log->path,
                  strerror(errno));
    free(old);
    pane_log_reopen(p);
}

static void log_output(struct pane *p, const char *buf, size_t len)
{
    log_check_rotation(p);
    if (p->log == NULL)
        return;
    if (p->log->max > 0 && p->log->size > 0 && p->log->size + len > p->log->max) {
        log_rotate(p);
        if (p->log == NULL)
            return;
    }
    char *text = NULL, *stamped = NULL;
    if (p->log->plain) {
        text = xmalloc(len > 0 ? len : 1);
        len = text_filter(p->log, buf, len, text);
        buf = text;
    }
    if (len > 0 && p->log->time_format != NULL) {
        len = log_stamp(p->log, buf, len, &stamped);
        buf = stamped;
    }
    if (len > 0) {
        p->log->size += len;
        tap_write(p->log->tap, buf, len); /* on failure the log is closed */
    }
    free(stamped);
    free(text);
}

/* The output path: bytes the program printed, for the pipe and the log. */
static void pane_copy_output(struct pane *p, const char *buf, size_t len)
{
    if (p->log != NULL)
        log_output(p, buf, len);
    if (p->pipe != NULL && p->pipe->tap != NULL)
        tap_write(p->pipe->tap, buf, len); /* on failure the pipe is closed */
}

uint64_t pane_pipe_dropped(const struct pane *p)
{
    return p->pipe != NULL && p->pipe->tap != NULL ? tap_dropped(p->pipe->tap) : 0;
}

uint64_t pane_log_dropped(const struct pane *p)
{
    return p->log != NULL ? tap_dropped(p->log->tap) : 0;
}

void pane_pipe_notify(struct server *s, const struct notify *n)
{
    (void)s;
    struct pane *p = n->pane;
    if (n->type == NOTIFY_PANE_OUTPUT) {
        if ((p->pipe != NULL || p->log != NULL) && n->size > 0)
            pane_copy_output(p, n->data, n->size);
    } else if (n->type == NOTIFY_PANE_GONE) {
        pane_pipe_close(p);
        pane_log_close(p);
    }
}
