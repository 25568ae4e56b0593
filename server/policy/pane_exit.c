/* pane_exit.c - what happens when a pane's program has finished (reaped and drained):
 * the pane-exited hook runs from the loop, then the pane stays dead on screen
 * (remain-on-exit) or closes, and its window and session with it when it was the last;
 * wait-pane callers get the exit status. A listener of NOTIFY_PANE_FINISHED and
 * NOTIFY_PANE_GONE. */
#include "pane_exit.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <event2/event.h>

#include "client_frames.h"
#include "defer.h"
#include "format.h"
#include "hooks.h"
#include "log.h"
#include "notify.h"
#include "options.h"
#include "pane.h"
#include "pane_waiters.h"
#include "proto.h"
#include "redraw.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_find.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

static void pane_exit_release_waiters(struct server *s, struct pane *p);


/* remain-on-exit: the pane stays with its last screen and a line saying how the
 * command ended; wait-pane callers get the status now. */
static void pane_exit_keep_dead(struct pane *p)
{
    struct server *s = p->server;
    pane_mark_dead(p);
    /* remain-on-exit-format, a format for the pane ("Pane is dead (status 3, TIME)"). */
    struct format_ctx f = {.server = s, .session = window_session(p->window),
                           .window = p->window, .pane = p};
    char *line = format_expand(&f, options_get_string(p->options, "remain-on-exit-format"));
    size_t n = strlen(line);
    int x, y;
    vt_cursor(p->vt, &x, &y);
    if (x != 0)
        vt_feed(p->vt, "\r\n", 2);
    vt_feed(p->vt, "\033[m", 3);
    vt_feed(p->vt, line, n);
    free(line);
    pane_exit_release_waiters(s, p);
    window_redraw(p->window, REDRAW_STATUS);
}

/* Answer the wait-pane callers of pane p: its command exited, or it is being freed. */
static void pane_exit_release_waiters(struct server *s, struct pane *p)
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
            client_send(pw->client, MSG_STDERR, msg, strlen(msg));
            client_send(pw->client, MSG_STDERR, "\n", 1);
            free(msg);
            server_client_exit(pw->client, 128 + SIGHUP, NULL);
        }
        pane_waiter_remove(s, i);
    }
}


/* remain-on-exit of the pane (a pane option): on keeps it, failed keeps it when its
 * command did not exit with status 0. */
static bool pane_exit_remains(struct pane *p)
{
    long remain = options_get_number(p->options, "remain-on-exit");
    if (remain == 2)
        return !(p->reaped && WIFEXITED(p->wait_status) && WEXITSTATUS(p->wait_status) == 0);
    return remain == 1;
}

/* What is left to do once a pane's program finished, after its pane-exited hook: keep it
 * dead (remain-on-exit) or close it, its window, maybe its session. The hook may have
 * killed it already: it is looked up again by id. */
static void pane_exit_close(struct server *s, uint32_t id)
{
    struct pane *p = server_find_pane(s, id);
    if (p == NULL || !p->closing)
        return; /* killed, or respawned, by the hook */
    p->closing = false;
    struct window *w = p->window;
    int status = pane_exit_status(p);
    if (!s->terminating && pane_exit_remains(p)) {
        pane_exit_keep_dead(p);
        return;
    }
    bool empty = window_remove_pane(w, p); /* its space goes to its neighbours */
    pane_free(p);
    if (!empty) {
        window_redraw(w, REDRAW_STATUS);
        return;
    }
    /* A session whose last window closed because its command exited: its attached
     * clients exit with that command's status, so `tmx new 'job' && next` works. */
    server_kill_window(s, w, status);
}

/* Deferred: the pane-exited hook, then the close. */
static void pane_exit_closing(struct server *s, uint32_t id, const char *arg)
{
    (void)arg;
    struct pane *p = server_find_pane(s, id);
    if (p == NULL || !p->closing)
        return;
    /* tmux: pane-died for a pane remain-on-exit keeps, pane-exited for one that goes. */
    hooks_run(s, !s->terminating && pane_exit_remains(p) ? "pane-died" : "pane-exited", NULL, p);
    pane_exit_close(s, id);
}

/* Called once a pane is finished (reaped and drained): mark it and defer the rest. */
static void pane_exit_finished(struct pane *p)
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
    defer_add(s, pane_exit_closing, p->id, NULL);
}

void pane_exit_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_FINISHED)
        pane_exit_finished(n->pane);
    else if (n->type == NOTIFY_PANE_GONE)
        pane_exit_release_waiters(s, n->pane);
}
