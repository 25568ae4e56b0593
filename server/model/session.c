/* session.c - sessions and their window links, ordered by index. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "envset.h"
#include "notify.h"
#include "options.h"
#include "server_state.h"
#include "window.h"
#include "xmalloc.h"

struct session *session_create(struct server *srv, const char *name, const char *cwd,
                               char **env, size_t nenv, int cols, int rows)
{
    return session_create_prefixed(srv, name, NULL, cwd, env, nenv, cols, rows);
}

struct session *session_create_prefixed(struct server *srv, const char *name,
                                        const char *prefix, const char *cwd, char **env,
                                        size_t nenv, int cols, int rows)
{
    struct session *s = xcalloc(1, sizeof *s);
    s->server = srv;
    s->id = srv->next_session_id++;
    if (name != NULL)
        s->name = xstrdup(name);
    else {
        /* Unnamed sessions are named after their id, as tmux 3.3a names them ($2 is
         * "2", or "PREFIX-2" in a group); an id whose name is taken moves on to the
         * next id. */
        for (;;) {
            char *buf = prefix != NULL ? xasprintf("%s-%u", prefix, s->id)
                                       : xasprintf("%u", s->id);
            for (char *p = buf; *p != '\0'; p++) {
                if (*p == ':' || *p == '.')
                    *p = '_';
            }
            if (session_find(srv, buf) == NULL) {
                s->name = buf;
                break;
            }
            free(buf);
            s->id = srv->next_session_id++;
        }
    }
    gettimeofday(&s->activity_tv, NULL);
    s->created = s->activity = s->activity_tv.tv_sec;
    TAILQ_INIT(&s->windows);
    TAILQ_INIT(&s->lastw);
    s->cwd = xstrdup(cwd != NULL ? cwd : "/");
    s->cols = cols;
    s->rows = rows;
    s->options = options_create(srv->session_options);
    s->environ = envset_create();
    session_update_environment(s, env, nenv);
    session_child_environment(s);
    TAILQ_INSERT_TAIL(&srv->sessions, s, entry);
    return s;
}

void session_free(struct session *s)
{
    session_group_remove(s); /* the others keep the windows */
    struct winlink *wl;
    while ((wl = TAILQ_FIRST(&s->windows)) != NULL) {
        s->current = NULL;
        session_unlink_window(s, wl);
    }
    TAILQ_REMOVE(&s->server->sessions, s, entry);
    envset_free_strings(s->env);
    envset_free(s->environ);
    free(s->cwd);
    free(s->name);
    options_free(s->options);
    if (s->lock_timer != NULL)
        event_free(s->lock_timer);
    free(s);
}

struct session *session_find(struct server *srv, const char *name)
{
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        if (strcmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

struct session *session_find_id(struct server *srv, uint32_t id)
{
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        if (s->id == id)
            return s;
    }
    return NULL;
}

struct pane *session_find_pane(struct server *srv, uint32_t id)
{
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &wl->window->panes, entry) {
                if (p->id == id)
                    return p;
            }
        }
    }
    return NULL;
}

bool session_valid_name(const char *name)
{
    if (*name == '\0')
        return false;
    for (const char *p = name; *p; p++) {
        if (*p == ':' || *p == '.' || (unsigned char)*p < 0x20)
            return false;
    }
    return true;
}

int session_count_windows(const struct session *s)
{
    int n = 0;
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry)
        n++;
    return n;
}

int session_next_index(const struct session *s, int base)
{
    int idx = base;
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (wl->index == idx)
            idx++;
        else if (wl->index > idx)
            break;
    }
    return idx;
}

struct winlink *session_window_at(const struct session *s, int index)
{
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (wl->index == index)
            return wl;
    }
    return NULL;
}

struct winlink *session_lowest_link(const struct session *s, const struct window *w)
{
    struct winlink *wl;
    if (s == NULL || w == NULL)
        return NULL;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (wl->window == w)
            return wl;
    }
    return NULL;
}

struct winlink *session_find_window(const struct session *s, const struct window *w)
{
    struct winlink *wl;
    if (s == NULL || w == NULL)
        return NULL;
    TAILQ_FOREACH(wl, &w->links, wentry) {
        if (wl->session == s)
            return wl;
    }
    return NULL;
}

struct winlink *session_link_window(struct session *s, struct window *w, int index)
{
    struct winlink *wl = xcalloc(1, sizeof *wl);
    wl->session = s;
    wl->window = w;
    wl->index = index;
    TAILQ_INSERT_TAIL(&w->links, wl, wentry);
    w->links_made++;
    session_sort_window(s, wl, true);
    if (s->current == NULL)
        s->current = wl;
    session_group_sync(s);
    return wl;
}

void session_sort_window(struct session *s, struct winlink *wl, bool is_new)
{
    struct winlink *at;
    if (!is_new)
        TAILQ_REMOVE(&s->windows, wl, entry);
    TAILQ_FOREACH(at, &s->windows, entry) {
        if (at->index > wl->index) {
            TAILQ_INSERT_BEFORE(at, wl, entry);
            break;
        }
    }
    if (at == NULL)
        TAILQ_INSERT_TAIL(&s->windows, wl, entry);
    if (!is_new)
        session_group_sync(s);
}

/* The stack of windows shown before (tmux's lastw): take wl out, put wl on top. */
static void stack_remove(struct session *s, struct winlink *wl)
{
    if (wl != NULL && wl->stacked) {
        TAILQ_REMOVE(&s->lastw, wl, sentry);
        wl->stacked = false;
    }
    s->last = TAILQ_FIRST(&s->lastw);
}

static void stack_push(struct session *s, struct winlink *wl)
{
    if (wl == NULL)
        return;
    stack_remove(s, wl);
    TAILQ_INSERT_HEAD(&s->lastw, wl, sentry);
    wl->stacked = true;
    s->last = wl;
}

/* Make wl current; the old one goes on the stack (session-window-changed). */
static void set_current(struct session *s, struct winlink *wl)
{
    if (wl == s->current)
        return;
    struct winlink *old = s->current;
    stack_remove(s, wl);
    stack_push(s, s->current);
    s->current = wl;
    if (old != NULL) /* a new session's first window is no change */
        s->current_changes++;
    if (old != NULL)
        notify_emit(s->server,
                    &(struct notify){.type = NOTIFY_SESSION_WINDOW_CHANGED, .session = s});
}

void session_select_window(struct session *s, struct winlink *wl)
{
    /* Seen now: the window's alerts go in every session, as tmux clears them. */
    struct winlink *x;
    TAILQ_FOREACH(x, &wl->window->links, wentry)
        x->alerts = 0;
    set_current(s, wl);
}

void session_forget_last_windows(struct session *s)
{
    struct winlink *wl;
    while ((wl = TAILQ_FIRST(&s->lastw)) != NULL)
        stack_remove(s, wl);
}

bool session_unlink_window(struct session *s, struct winlink *wl)
{
    if (s->current == wl) {
        /* Like tmux: go to the last window if there is one, else the one before
         * (wrapping around to the end). */
        struct winlink *next = s->last;
        if (next == NULL || next == wl)
            next = session_previous_window(s, wl);
        if (next == wl)
            next = NULL;
        if (next != NULL)
            set_current(s, next);
        else
            s->current = NULL;
    }
    stack_remove(s, wl);
    TAILQ_REMOVE(&s->windows, wl, entry);
    struct window *w = wl->window;
    TAILQ_REMOVE(&w->links, wl, wentry);
    w->links_gone++;
    free(wl);
    if (TAILQ_EMPTY(&w->links) && w->holds == 0)
        window_free(w);
    if (TAILQ_EMPTY(&s->windows))
        return true; /* the caller destroys it, and its group */
    session_group_sync(s);
    return false;
}

void session_renumber_windows(struct session *s)
{
    if (!options_get_number(s->options, "renumber-windows"))
        return;
    /* No gaps: the windows take the indexes from base-index on, in order. */
    session_renumber_all(s, (int)options_get_number(s->options, "base-index"));
    session_group_sync(s);
    if (s->group != NULL) {
        /* The group's others took the new indexes too: a renumbering for them as well. */
        struct session *t;
        TAILQ_FOREACH(t, &s->group->sessions, gentry) {
            if (t != s)
                t->renumbers++;
        }
    }
}

void session_renumber_all(struct session *s, int base)
{
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry)
        wl->index = base++;
    s->renumbers++;
    /* tmux 3.3a makes new links and finds each one of the stack by its window: a window
     * linked twice is remembered at its first link, which may be the current one (that
     * window then shows "*-" and last-window finds none). A link the stack would hold
     * twice is kept once (tmux links it into its stack twice, a loop). */
    size_t n = 0;
    TAILQ_FOREACH(wl, &s->lastw, sentry)
        n++;
    struct window **stack = xreallocarray(NULL, n + 1, sizeof *stack);
    n = 0;
    while ((wl = TAILQ_FIRST(&s->lastw)) != NULL) {
        stack[n++] = wl->window;
        stack_remove(s, wl);
    }
    for (size_t i = 0; i < n; i++) {
        wl = session_lowest_link(s, stack[i]);
        if (wl != NULL && !wl->stacked) {
            TAILQ_INSERT_TAIL(&s->lastw, wl, sentry);
            wl->stacked = true;
        }
    }
    s->last = TAILQ_FIRST(&s->lastw);
    free(stack);
}

struct winlink *session_next_window(struct session *s, struct winlink *wl)
{
    struct winlink *n = TAILQ_NEXT(wl, entry);
    return n != NULL ? n : TAILQ_FIRST(&s->windows);
}

struct winlink *session_previous_window(struct session *s, struct winlink *wl)
{
    struct winlink *p = TAILQ_PREV(wl, winlink_list, entry);
    return p != NULL ? p : TAILQ_LAST(&s->windows, winlink_list);
}

void session_setenv(struct session *s, const char *name_value)
{
    envset_put(s->environ, name_value, false);
}

void session_unsetenv(struct session *s, const char *name)
{
    envset_unset(s->environ, name);
}

void session_update_environment(struct session *s, char **client_env, size_t nenv)
{
    const char **patterns = NULL;
    size_t n = 0;
    const char *item;
    for (long i = options_array_next(s->options, "update-environment", -1, &item); i >= 0;
         i = options_array_next(s->options, "update-environment", i, &item)) {
        patterns = xreallocarray(patterns, n + 1, sizeof *patterns);
        patterns[n++] = item;
    }
    envset_update(s->environ, patterns, n, client_env, nenv);
    free(patterns);
}

void session_child_environment(struct session *s)
{
    envset_free_strings(s->env);
    s->env = envset_for_child(s->server->environ, s->environ, &s->nenv);
}

bool session_same_group(const struct session *a, const struct session *b)
{
    return a == b || (a->group != NULL && a->group == b->group);
}

struct session_group *session_group_find(struct server *srv, const char *name)
{
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        if (s->group != NULL && strcmp(s->group->name, name) == 0)
            return s->group;
    }
    return NULL;
}

void session_group_add(struct session *s, struct session_group *g, const char *name)
{
    if (g == NULL) {
        g = xcalloc(1, sizeof *g);
        g->name = xstrdup(name);
        TAILQ_INIT(&g->sessions);
    }
    s->group = g;
    TAILQ_INSERT_TAIL(&g->sessions, s, gentry);
}

void session_group_remove(struct session *s)
{
    struct session_group *g = s->group;
    if (g == NULL)
        return;
    TAILQ_REMOVE(&g->sessions, s, gentry);
    s->group = NULL;
    if (TAILQ_EMPTY(&g->sessions)) {
        free(g->name);
        free(g);
    }
}

int session_group_count(const struct session_group *g)
{
    int n = 0;
    const struct session *s;
    TAILQ_FOREACH(s, &g->sessions, gentry)
        n++;
    return n;
}

/* The link of list at index, or NULL. */
static struct winlink *link_at(struct winlink_list *list, int index)
{
    struct winlink *wl;
    TAILQ_FOREACH(wl, list, entry) {
        if (wl->index == index)
            return wl;
    }
    return NULL;
}

/* Make t show what s shows, as tmux does for a group: new links at s's indexes (with
 * s's alerts and t's own), t's current and last window kept by index. A current window
 * whose index went gives way, as in tmux 3.3a, to t's last window, else to the one
 * before it in t's list as it was (wrapping); that one leaves the stack. Where tmux
 * would be left with no current window (that index went too: its server then dies on
 * the next command that looks), the one before the old index in s's list. */
static void group_sync_one(struct session *s, struct session *t)
{
    if (TAILQ_EMPTY(&s->windows))
        return; /* s is going: the group with it */
    int cur = t->current != NULL ? t->current->index : -1;
    struct winlink *moved_to = NULL;
    if (cur != -1 && link_at(&s->windows, cur) == NULL) {
        int gone = cur;
        if (t->last != NULL && t->last != t->current)
            moved_to = t->last;
        else {
            moved_to = session_previous_window(t, t->current);
            if (moved_to == t->current)
                moved_to = NULL; /* its only window: it stays */
        }
        if (moved_to != NULL) {
            cur = moved_to->index;
            t->current_changes++; /* tmux selects it: a change of window */
        }
        if (link_at(&s->windows, cur) == NULL) {
            struct winlink *wl, *before = NULL;
            TAILQ_FOREACH(wl, &s->windows, entry) {
                if (wl->index < gone)
                    before = wl;
            }
            if (before == NULL)
                before = TAILQ_LAST(&s->windows, winlink_list);
            cur = before->index;
        }
    }
    /* The stack by index, most recent first (its first one when it became current). */
    int nstack = 0;
    struct winlink *x;
    TAILQ_FOREACH(x, &t->lastw, sentry)
        nstack++;
    int *stack = xreallocarray(NULL, (size_t)nstack + 1, sizeof *stack);
    nstack = 0;
    TAILQ_FOREACH(x, &t->lastw, sentry) {
        if (x != moved_to)
            stack[nstack++] = x->index;
    }
    while ((x = TAILQ_FIRST(&t->lastw)) != NULL)
        stack_remove(t, x);
    struct winlink_list old;
    TAILQ_INIT(&old);
    TAILQ_CONCAT(&old, &t->windows, entry);
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        struct winlink *nl = xcalloc(1, sizeof *nl);
        nl->session = t;
        nl->window = wl->window;
        nl->index = wl->index;
        nl->alerts = wl->alerts;
        struct winlink *ol;
        TAILQ_FOREACH(ol, &old, entry) {
            if (ol->window == wl->window)
                nl->alerts |= ol->alerts;
        }
        TAILQ_INSERT_TAIL(&t->windows, nl, entry);
        TAILQ_INSERT_TAIL(&wl->window->links, nl, wentry);
        wl->window->links_made++; /* tmux links every window of t again */
    }
    t->current = cur != -1 ? link_at(&t->windows, cur) : NULL;
    if (t->current == NULL && s->current != NULL)
        t->current = link_at(&t->windows, s->current->index);
    if (t->current == NULL)
        t->current = TAILQ_FIRST(&t->windows);
    for (int i = 0; i < nstack; i++) {
        struct winlink *sl = link_at(&t->windows, stack[i]);
        if (sl != NULL && !sl->stacked) { /* the current too, after move-window -r */
            TAILQ_INSERT_TAIL(&t->lastw, sl, sentry);
            sl->stacked = true;
        }
    }
    t->last = TAILQ_FIRST(&t->lastw);
    free(stack);
    while ((wl = TAILQ_FIRST(&old)) != NULL) {
        TAILQ_REMOVE(&old, wl, entry);
        struct window *w = wl->window;
        TAILQ_REMOVE(&w->links, wl, wentry);
        if (session_find_window(t, w) == NULL)
            w->links_gone++; /* gone from t (tmux tells only those) */
        free(wl);
        if (TAILQ_EMPTY(&w->links) && w->holds == 0)
            window_free(w);
    }
}

void session_group_sync_to(struct session *t)
{
    if (t->group == NULL)
        return;
    struct session *s;
    TAILQ_FOREACH(s, &t->group->sessions, gentry) {
        if (s != t) {
            group_sync_one(s, t);
            return;
        }
    }
}

void session_group_sync(struct session *s)
{
    if (s->group == NULL)
        return;
    struct session *t;
    TAILQ_FOREACH(t, &s->group->sessions, gentry) {
        if (t != s)
            group_sync_one(s, t);
    }
}
