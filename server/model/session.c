/* session.c - sessions and their window links, ordered by index. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "envset.h"
#include "options.h"
#include "server_state.h"
#include "window.h"
#include "xmalloc.h"

struct session *session_create(struct server *srv, const char *name, const char *cwd,
                               char **env, size_t nenv, int cols, int rows)
{
    struct session *s = xcalloc(1, sizeof *s);
    s->server = srv;
    s->id = srv->next_session_id++;
    if (name != NULL)
        s->name = xstrdup(name);
    else {
        /* Unnamed sessions are named after their id, as tmux 3.3a names them ($2 is
         * "2"); an id whose number is taken as a name moves on to the next id. */
        for (;;) {
            char buf[32];
            snprintf(buf, sizeof buf, "%u", s->id);
            if (session_find(srv, buf) == NULL) {
                s->name = xstrdup(buf);
                break;
            }
            s->id = srv->next_session_id++;
        }
    }
    s->created = s->activity = time(NULL);
    TAILQ_INIT(&s->windows);
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
    struct winlink *wl;
    while ((wl = TAILQ_FIRST(&s->windows)) != NULL) {
        s->current = s->last = NULL;
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
    session_sort_window(s, wl, true);
    if (s->current == NULL)
        s->current = wl;
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
            return;
        }
    }
    TAILQ_INSERT_TAIL(&s->windows, wl, entry);
}

void session_select_window(struct session *s, struct winlink *wl)
{
    wl->alerts = 0; /* seen now */
    if (wl == s->current)
        return;
    s->last = s->current;
    s->current = wl;
}

bool session_unlink_window(struct session *s, struct winlink *wl)
{
    if (s->current == wl) {
        /* Like tmux: go to the last window if there is one, else the next/previous. */
        struct winlink *next = s->last;
        if (next == NULL || next == wl)
            next = TAILQ_NEXT(wl, entry) ? TAILQ_NEXT(wl, entry)
                                         : TAILQ_PREV(wl, winlink_list, entry);
        s->current = next;
        s->last = NULL;
    }
    if (s->last == wl)
        s->last = NULL;
    TAILQ_REMOVE(&s->windows, wl, entry);
    struct window *w = wl->window;
    TAILQ_REMOVE(&w->links, wl, wentry);
    free(wl);
    if (TAILQ_EMPTY(&w->links))
        window_free(w);
    return TAILQ_EMPTY(&s->windows);
}

void session_renumber_windows(struct session *s)
{
    if (!options_get_number(s->options, "renumber-windows"))
        return;
    /* No gaps: the windows take the indexes from base-index on, in order. */
    int index = (int)options_get_number(s->options, "base-index");
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry)
        wl->index = index++;
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
    return a == b;
}
