/* fake_server.c - see fake_server.h. */
#include "fake_server.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "key_bindings.h"
#include "server_int.h"
#include "session.h"
#include "vt.h"
#include "xmalloc.h"

static struct pane *fake_pane(struct server *s, struct window *w, const char *text)
{
    struct pane *p = xcalloc(1, sizeof *p);
    p->window = w;
    p->server = s;
    p->id = s->next_pane_id++;
    p->fd = -1;
    p->pid = 0; /* never a real process: nothing may signal it */
    p->cols = 20;
    p->rows = 5;
    p->vt = vt_create(p->cols, p->rows, 10);
    vt_feed(p->vt, text, strlen(text));
    p->cwd = xstrdup("/tmp");
    TAILQ_INSERT_TAIL(&w->panes, p, entry);
    if (w->active == NULL)
        w->active = p;
    return p;
}

static struct window *fake_window(struct server *s, struct session *sess, int index,
                                  const char *name, const char *text)
{
    struct window *w = window_create(sess, index, name);
    w->cols = 20;
    w->rows = 5;
    fake_pane(s, w, text);
    session_attach_window(sess, w);
    if (sess->current == NULL)
        sess->current = w;
    return w;
}

struct server *fake_server_create(void)
{
    struct server *s = xcalloc(1, sizeof *s);
    TAILQ_INIT(&s->clients);
    TAILQ_INIT(&s->sessions);
    s->socket_path = xstrdup("/tmp/tmx-fuzz/default");
    s->label = xstrdup("default");
    s->pid = getpid();
    s->listen_fd = -1;
    s->prefix = 'b' | KEYC_CTRL;
    s->history_limit = 10;
    s->default_shell = xstrdup("/bin/sh");
    s->default_terminal = xstrdup("tmux-256color");
    s->escape_time_ms = 10;
    s->kill_grace = 10;
    key_bindings_init(s);

    char *env[] = {"TERM=xterm", "HOME=/tmp"};
    struct session *work = session_create(s, "work", "/tmp", env, 2, 20, 5);
    fake_window(s, work, 0, "vim", "\033]2;editing\007hello\r\nworld\r\n\033[31mred\033[m");
    struct window *w1 = fake_window(s, work, 1, "shell", "$ ls\r\n\343\201\202wide\r\n1\n2\n3\n4\n5\n6");
    fake_window(s, work, 5, "logs", "\033[?1049h\033[2J alt screen");
    session_select_window(work, w1);

    struct session *work2 = session_create(s, "work2", NULL, NULL, 0, 20, 5);
    fake_window(s, work2, 0, "top", "\033]0;top - 12:00\007load 0.00");

    struct session *other = session_create(s, "other", "/", NULL, 0, 20, 5);
    struct window *w3 = fake_window(s, other, 3, "done", "bye\r\n");
    struct pane *dead = w3->active;
    dead->reaped = true;
    dead->eof = true;
    dead->dead = true;
    dead->wait_status = 3 << 8; /* exited with status 3 */
    dead->exit_time = 1700000000;
    return s;
}

void fake_server_free(struct server *s)
{
    struct session *sess;
    while ((sess = TAILQ_FIRST(&s->sessions)) != NULL) {
        struct window *w;
        TAILQ_FOREACH(w, &sess->windows, entry) {
            struct pane *p;
            while ((p = TAILQ_FIRST(&w->panes)) != NULL) {
                TAILQ_REMOVE(&w->panes, p, entry);
                vt_free(p->vt);
                free(p->cwd);
                free(p);
            }
        }
        session_free(sess); /* the windows are pane-less now: nothing to signal */
    }
    key_bindings_free(s);
    for (size_t i = 0; i < s->nchannels; i++) {
        free(s->channels[i].name);
        free(s->channels[i].waiters);
    }
    free(s->channels);
    free(s->waiters);
    free(s->socket_path);
    free(s->label);
    free(s->default_shell);
    free(s->default_terminal);
    free(s);
}
