/* pane_mirror.c - the panes' output on the server's stdout under -D (see pane_mirror.h). */
#include "pane_mirror.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "format.h"
#include "log.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "server_state.h"
#include "tap.h"
#include "xmalloc.h"

/* What the mirror keeps per pane: a CR held back (it may begin a CR NL the pty made of
 * the program's NL), whether the next byte begins a line (for the prefix), and with a
 * prefix the line begun but not ended (written whole with its NL, so that two panes'
 * lines never mix: tmx up's "name | " lines; at most MIRROR_LINE_MAX bytes held). */
#define MIRROR_LINE_MAX 4096
struct pane_mirror {
    bool cr;
    bool midline;
    char *held;
    size_t nheld;
};

static void mirror_dropping(void *arg, bool dropping, uint64_t dropped)
{
    (void)arg;
    log_debug("stdout mirror: %s (%llu bytes dropped)", dropping ? "dropping" : "resumed",
              (unsigned long long)dropped);
}

static void mirror_failed(void *arg, int error)
{
    struct server *s = arg;
    log_debug("stdout mirror: %s: no more output on stdout", strerror(error));
    tap_free(s->mirror_tap);
    s->mirror_tap = NULL;
}

static const struct tap_ops mirror_tap_ops = {.dropping = mirror_dropping, .failed = mirror_failed};

int pane_mirror_start(struct server *s, int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    /* A pipe or a terminal is opened again, so that O_NONBLOCK is set on a description
     * of our own and not on the one our parent (a shell) shares; a file is appended to
     * as it is; a socket (the journal's) has no other way. */
    int out = -1;
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
        char path[64];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        out = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    }
    if (out < 0) {
        out = dup(fd);
        if (out < 0)
            return -1;
        fcntl(out, F_SETFD, FD_CLOEXEC);
        if (!S_ISREG(st.st_mode))
            fcntl(out, F_SETFL, fcntl(out, F_GETFL) | O_NONBLOCK);
    }
    s->mirror_fd = out;
    s->mirror_tap = tap_create(s->base, out, &mirror_tap_ops, s);
    return 0;
}

void pane_mirror_stop(struct server *s)
{
    if (s->mirror_tap != NULL)
        tap_close(s->mirror_tap, s->mirror_fd, &s->draining_taps);
    else if (s->mirror_fd > 0)
        close(s->mirror_fd);
    s->mirror_tap = NULL;
    s->mirror_fd = -1;
}

/* The pane's prefix (its window's mirror-prefix, expanded), or NULL for none. */
static char *mirror_prefix(struct pane *p)
{
    const char *fmt = options_get_string(p->options, "mirror-prefix");
    if (fmt == NULL || *fmt == '\0')
        return NULL;
    struct format_ctx f = {.server = p->server, .window = p->window, .pane = p};
    return format_expand(&f, fmt);
}

/* Copy buf (as read from p's pty) to the mirror: CR NL back to NL where the pty's ONLCR
 * made it, and the prefix at each line's start. */
static void mirror_copy(struct pane *p, const char *buf, size_t len, bool onlcr)
{
    struct server *s = p->server;
    if (p->mirror == NULL)
        p->mirror = xcalloc(1, sizeof *p->mirror);
    struct pane_mirror *m = p->mirror;
    char *prefix = mirror_prefix(p);
    size_t plen = prefix != NULL ? strlen(prefix) : 0;
    char *out = xmalloc(len * (plen + 2) + plen + 2);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (m->cr) {
            m->cr = false;
            if (c != '\n') {
                if (prefix != NULL && !m->midline) {
                    memcpy(out + n, prefix, plen);
                    n += plen;
                }
                out[n++] = '\r';
                m->midline = true;
            }
        }
        if (c == '\r' && onlcr) {
            m->cr = true;
            continue;
        }
        if (prefix != NULL && !m->midline) {
            memcpy(out + n, prefix, plen);
            n += plen;
        }
        out[n++] = c;
        m->midline = c != '\n';
    }
    if (prefix != NULL && n > 0) {
        /* Whole lines only: what follows the last NL waits for its end. */
        size_t end = n;
        while (end > 0 && out[end - 1] != '\n')
            end--;
        if (m->nheld + (n - end) > MIRROR_LINE_MAX)
            end = n; /* a line too long to hold: out as it is */
        if (end > 0) {
            if (s->mirror_tap != NULL && m->nheld > 0)
                tap_write(s->mirror_tap, m->held, m->nheld);
            m->nheld = 0;
        }
        if (end < n) {
            m->held = xrealloc(m->held, m->nheld + (n - end));
            memcpy(m->held + m->nheld, out + end, n - end);
            m->nheld += n - end;
        }
        n = end;
    }
    if (s->mirror_tap != NULL && n > 0)
        tap_write(s->mirror_tap, out, n);
    free(out);
    free(prefix);
}

void pane_mirror_note(struct pane *p, const char *line)
{
    struct server *s = p->server;
    if (s->mirror_tap == NULL || !options_get_number(s->options, "mirror-stdout"))
        return;
    if (p->mirror != NULL && p->mirror->midline)
        mirror_copy(p, "\n", 1, false);
    mirror_copy(p, line, strlen(line), false);
    mirror_copy(p, "\n", 1, false);
}

void pane_mirror_notify(struct server *s, const struct notify *n)
{
    struct pane *p = n->pane;
    if ((n->type == NOTIFY_PANE_GONE || n->type == NOTIFY_PANE_FINISHED) && p->mirror != NULL &&
        p->mirror->nheld > 0 && s->mirror_tap != NULL) {
        /* The program ended inside a line: that line, ended. */
        mirror_copy(p, "\n", 1, false);
    }
    if (n->type == NOTIFY_PANE_GONE) {
        if (p->mirror != NULL)
            free(p->mirror->held);
        free(p->mirror);
        p->mirror = NULL;
        return;
    }
    if (n->type != NOTIFY_PANE_OUTPUT || n->size == 0 || s->mirror_tap == NULL ||
        !options_get_number(s->options, "mirror-stdout"))
        return;
    /* Whether the pty turns the program's NL into CR NL now (a full-screen program
     * turns output processing off: its bytes come as they are). */
    struct termios t;
    bool onlcr = p->fd >= 0 && tcgetattr(p->fd, &t) == 0 && (t.c_oflag & OPOST) &&
                 (t.c_oflag & ONLCR);
    mirror_copy(p, n->data, n->size, onlcr);
}
