/* server_exit.c - when a session ends and when the server exits: a destroyed session's
 * clients leave with [exited] or move to another session (detach-on-destroy),
 * destroy-unattached, exit-unattached, exit-empty, and the shutdown that
 * tells every client before the loop ends. */
#include "server_exit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "defer.h"
#include "hooks.h"
#include "notify.h"
#include "options.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "snapshot.h"
#include "window.h"
#include "xmalloc.h"

/* detach-on-destroy off: the most recently used other session; no-detached: the most
 * recently used one no client shows; NULL when the clients are to detach (on). */
static struct session *server_destroy_next(struct server *s, struct session *sess)
{
    long how = options_get_number(sess->options, "detach-on-destroy");
    if (how == 1)
        return NULL;
    struct session *best = NULL, *other;
    TAILQ_FOREACH(other, &s->sessions, entry) {
        if (other == sess || TAILQ_EMPTY(&other->windows))
            continue; /* (an empty one is going too: its group's) */
        if (how == 2) {
            bool shown = false;
            struct client *c;
            TAILQ_FOREACH(c, &s->clients, entry) {
                if (c->attached && c->session == other)
                    shown = true;
            }
            if (shown)
                continue;
        }
        if (best == NULL || other->activity > best->activity)
            best = other;
    }
    return best;
}

void server_destroy_session(struct server *s, struct session *sess, int status)
{
    struct session *next = server_destroy_next(s, sess);
    /* Queued now (they run after this), with the session's formats but global options:
     * session-closed, then window-unlinked for each of its windows, then what its
     * clients do (client-session-changed, client-detached), as tmux. */
    hooks_fire(s, "session-closed", &(struct hook_event){.session = sess, .closed = true});
    struct winlink *wl;
    TAILQ_FOREACH(wl, &sess->windows, entry) {
        hooks_fire(s, "window-unlinked",
                   &(struct hook_event){.session = sess, .window = wl->window, .closed = true});
    }
    struct client *c, *c_next;
    TAILQ_FOREACH_SAFE(c, &s->clients, entry, c_next) {
        if (c->session == sess) {
            c->session = NULL;
            if (next != NULL && c->attached)
                server_client_attach(c, next);
            else {
                if (c->attached && !s->exiting) /* queued, formats taken now */
                    hooks_fire(s, "client-detached",
                               &(struct hook_event){.client = c, .closed = true,
                                                    .client_only = true});
                server_client_exit(c, status, "[exited]");
            }
        }
    }
    session_free(sess);
    if (s->sessions_changed != NULL)
        s->sessions_changed(s);
    server_check_exit(s);
}

void server_destroy_session_group(struct server *s, struct session *sess, int status)
{
    if (sess->group == NULL) {
        server_destroy_session(s, sess, status);
        return;
    }
    /* By id: destroying one may not free another, but the group goes with the last. */
    int n = session_group_count(sess->group);
    uint32_t *ids = xreallocarray(NULL, (size_t)n, sizeof *ids);
    int i = 0;
    struct session *m;
    TAILQ_FOREACH(m, &sess->group->sessions, gentry)
        ids[i++] = m->id;
    for (i = 0; i < n; i++) {
        if ((m = session_find_id(s, ids[i])) != NULL)
            server_destroy_session(s, m, status);
    }
    free(ids);
}

void server_redraw_session_group(struct server *s, struct session *sess)
{
    if (sess->group == NULL) {
        session_redraw(s, sess, REDRAW_STATUS);
        return;
    }
    struct session *m;
    TAILQ_FOREACH(m, &sess->group->sessions, gentry)
        session_redraw(s, m, REDRAW_STATUS);
}

void server_group_synced_hooks(struct server *s, struct session *sess, struct window *gone)
{
    if (sess->group == NULL)
        return;
    struct session *m;
    TAILQ_FOREACH(m, &sess->group->sessions, gentry) {
        if (m == sess)
            continue;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            if (wl->window != gone)
                hooks_fire(s, "window-linked",
                           &(struct hook_event){.session = m, .window = wl->window});
        }
        if (gone != NULL)
            hooks_fire(s, "window-unlinked", &(struct hook_event){.session = m, .window = gone});
    }
}

/* The link of w whose session comes first by name: tmux closes a window session by
 * session in that order, and the first of a group is the one the others follow. */
static struct winlink *first_link_by_session_name(struct window *w)
{
    struct winlink *wl, *best = NULL;
    TAILQ_FOREACH(wl, &w->links, wentry) {
        if (best == NULL || strcmp(wl->session->name, best->session->name) < 0)
            best = wl;
    }
    return best;
}

void server_kill_window(struct server *s, struct window *w, int status)
{
    window_hold(w); /* until every link is gone */
    struct winlink *wl;
    while ((wl = first_link_by_session_name(w)) != NULL) {
        struct session *sess = wl->session;
        hooks_fire(s, "window-unlinked", &(struct hook_event){.session = sess, .window = w});
        server_group_synced_hooks(s, sess, w);
        /* A grouped session's others lose their links with it. */
        if (session_unlink_window(sess, wl))
            server_destroy_session_group(s, sess, status);
        else {
            session_renumber_windows(sess);
            server_redraw_session_group(s, sess);
        }
    }
    window_release(w);
}

static void server_unattached(struct server *s, uint32_t session_id, const char *arg)
{
    (void)arg;
    struct session *sess = session_find_id(s, session_id);
    if (sess == NULL || !options_get_number(sess->options, "destroy-unattached"))
        return;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && c->session == sess)
            return;
    }
    server_destroy_session(s, sess, 0);
}

/* A client left sess: with destroy-unattached, the session goes (from the loop) when
 * nobody is attached any more. */
static void server_session_detached(struct server *s, struct session *sess)
{
    if (options_get_number(s->options, "exit-unattached")) {
        /* exit-unattached: the server goes with the last attached client. */
        struct client *c;
        bool any = false;
        TAILQ_FOREACH(c, &s->clients, entry) {
            if (c->attached && !c->exiting)
                any = true;
        }
        if (!any) {
            server_shutdown(s, "[server exited]");
            return;
        }
    }
    if (!options_get_number(sess->options, "destroy-unattached"))
        return;
    /* From the loop: the caller is in the middle of detaching a client. */
    defer_add(s, server_unattached, sess->id, NULL);
}

/* With no session left (and exit-empty on, or SIGTERM), or with exit-unattached on and
 * no client attached, the server goes, but not while
 * another client is still connected and not leaving, as in tmux: a `tmx new` whose
 * command has not run yet must not lose its new server to a `tmx ls` that ended
 * first. The check runs again when a client goes (NOTIFY_CLIENT_GONE). */
void server_check_exit(struct server *s)
{
    if (s->exiting)
        return;
    /* exit-unattached: sessions or not, the server goes once no client is attached (as
     * tmux, also when it is set with nobody attached: at the setting client's leaving). */
    bool unattached = options_get_number(s->options, "exit-unattached") != 0;
    if (!unattached && (!TAILQ_EMPTY(&s->sessions) ||
                        !(options_get_number(s->options, "exit-empty") || s->terminating)))
        return;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        /* One still arriving or running a command holds the server; one only waiting
         * (wait-for) is sent away by the shutdown, as tmux wakes its waiters. */
        if (!c->exiting && !s->terminating && (!c->has_command || c->in_command || c->attached))
            return;
    }
    server_shutdown(s, "[server exited]");
}

void server_shutdown(struct server *s, const char *client_message)
{
    if (s->exiting)
        return;
    s->exiting = true;
    /* Nothing of a killed server comes back: its snapshot goes now, before its socket,
     * so that a server started the moment the socket is gone (by the next command) does
     * not take the file for a dead server's sessions while this one is still leaving.
     * An upgrade keeps it for the next binary; SIGTERM has already written it whole. */
    if (s->upgrade_binary == NULL)
        snapshot_stop(s, false);
    struct client *c, *c_next;
    TAILQ_FOREACH_SAFE(c, &s->clients, entry, c_next) {
        /* A client whose command is running gets its answer (and errors) from it. */
        if (!c->exiting && !c->in_command)
            server_client_exit(c, 0, c->attached ? client_message : NULL);
    }
    if (s->listen_ev != NULL) {
        event_free(s->listen_ev);
        s->listen_ev = NULL;
        close(s->listen_fd);
        unlink(s->socket_path);
    }
    /* Leave the loop once every client's last message is flushed (see server_client),
     * or after two seconds if some client does not read. */
    if (TAILQ_EMPTY(&s->clients))
        event_base_loopexit(s->base, NULL);
    else {
        struct timeval grace = {.tv_sec = 2, .tv_usec = 0};
        event_base_loopexit(s->base, &grace);
    }
}

void server_exit_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_CLIENT_DETACHED)
        server_session_detached(s, n->session);
    else if (n->type == NOTIFY_CLIENT_GONE && TAILQ_EMPTY(&s->jobs))
        server_check_exit(s);
}
