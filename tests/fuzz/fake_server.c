/* fake_server.c - see fake_server.h. Mirrors server_main() and server_free_all() of
 * server/server.c: when the server gains state, add it here too. */
#include "fake_server.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "cmd_table.h"
#include "defer.h"
#include "hooks.h"
#include "job.h"
#include "key_bindings.h"
#include "options.h"
#include "server.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

static struct pane *fake_pane(struct server *s, struct window *w, const char *text, bool dead)
{
    struct pane *p = xcalloc(1, sizeof *p);
    p->window = w;
    p->server = s;
    p->id = s->next_pane_id++;
    p->pid = 0; /* never a process: pane_free and kill-pane have nothing to signal */
    p->fd = dead ? -1 : open("/dev/null", O_WRONLY | O_CLOEXEC);
    p->cols = w->cols;
    p->rows = w->rows;
    p->cwd = xstrdup("/tmp");
    p->vt = vt_create(p->cols, p->rows, 10);
    vt_feed(p->vt, text, strlen(text));
    p->to_pty = evbuffer_new();
    if (dead) {
        p->reaped = p->eof = p->dead = true;
        p->wait_status = 3 << 8; /* exited with status 3 */
        p->exit_time = 1700000000;
    }
    TAILQ_INSERT_TAIL(&w->panes, p, entry);
    if (w->active == NULL)
        w->active = p;
    return p;
}

static struct window *fake_window(struct server *s, struct session *sess, int index,
                                  const char *name, const char *text, bool dead)
{
    struct window *w = window_create(sess, name);
    w->cols = sess->cols;
    w->rows = sess->rows;
    fake_pane(s, w, text, dead);
    session_link_window(sess, w, index);
    return w;
}

struct server *fake_server_create(bool populated)
{
    struct server *s = xcalloc(1, sizeof *s);
    s->pid = getpid();
    s->start_time = 1700000000;
    s->socket_path = xstrdup("/nonexistent/tmx-fuzz/default");
    s->label = xstrdup("default");
    s->listen_fd = -1;
    TAILQ_INIT(&s->clients);
    TAILQ_INIT(&s->sessions);
    TAILQ_INIT(&s->jobs);
    s->options = options_create(NULL);
    options_set_defaults(s->options, OPTION_SERVER);
    s->session_options = options_create(NULL);
    options_set_defaults(s->session_options, OPTION_SESSION);
    s->window_options = options_create(NULL);
    options_set_defaults(s->window_options, OPTION_WINDOW);
    s->default_shell = xstrdup("/bin/sh");
    s->default_terminal = xstrdup("tmux-256color");
    s->base = event_base_new();
    s->format_jobs_off = true; /* #(command) in a fuzzed format runs no shell */
    server_register(s);
    cmd_set_table(cmd_table_entries());
    key_bindings_init(s);
    if (!populated)
        return s;

    char *env[] = {"TERM=xterm", "HOME=/tmp", "TMX_PANE=%1"};
    struct session *work = session_create(s, "work", "/tmp", env, 3, 20, 5);
    fake_window(s, work, 0, "vim", "\033]2;editing\007hello\r\nworld\r\n\033[31mred\033[m", false);
    struct window *w1 = fake_window(s, work, 1, "shell",
                                    "$ ls\r\n\343\201\202wide\r\n1\n2\n3\n4\n5\n6", false);
    fake_window(s, work, 5, "logs", "\033[?1049h\033[2J alt screen\033[?1000h", false);
    session_select_window(work, session_find_window(work, w1));

    struct session *work2 = session_create(s, "work2", NULL, NULL, 0, 20, 5);
    fake_window(s, work2, 0, "top", "\033]0;top - 12:00\007load 0.00", false);

    struct session *other = session_create(s, "other", "/", NULL, 0, 20, 5);
    fake_window(s, other, 3, "done", "bye\r\n", true);
    return s;
}

struct client *fake_client_create(struct server *s, struct session *sess, const char *term)
{
    struct client *c = xcalloc(1, sizeof *c);
    c->server = s;
    c->id = 1000 + s->next_client_id++;
    c->fd = -1;
    c->pid = 4242;
    c->identified = true;
    c->attached = sess != NULL;
    c->session = sess;
    c->cols = 80;
    c->rows = 24;
    c->term = term != NULL ? xstrdup(term) : NULL;
    c->cwd = xstrdup("/tmp");
    c->status_row = -1;
    TAILQ_INSERT_TAIL(&s->clients, c, entry);
    return c;
}

void fake_client_free(struct client *c)
{
    TAILQ_REMOVE(&c->server->clients, c, entry);
    free(c->term);
    free(c->cwd);
    for (size_t i = 0; i < c->nenv; i++)
        free(c->env[i]);
    free(c->env);
    free(c);
}

void fake_server_free(struct server *s)
{
    /* The fake clients have no connection: free them here, the rest as the server does. */
    struct client *c, *next;
    for (c = TAILQ_FIRST(&s->clients); c != NULL; c = next) {
        next = TAILQ_NEXT(c, entry);
        if (c->bev == NULL)
            fake_client_free(c); /* takes it off the list */
    }
    server_free_all(s);
    free(s);
}
