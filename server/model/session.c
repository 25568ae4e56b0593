/* session.c - sessions and their ordered window lists. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    struct window *w;
    while ((w = TAILQ_FIRST(&s->windows)) != NULL) {
        TAILQ_REMOVE(&s->windows, w, entry);
        window_free(w);
    }
    TAILQ_REMOVE(&s->server->sessions, s, entry);
    envset_free_strings(s->env);
    envset_free(s->environ);
    free(s->cwd);
    free(s->name);
    options_free(s->options);
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
        struct window *w;
        TAILQ_FOREACH(w, &s->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
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
    const struct window *w;
    TAILQ_FOREACH(w, &s->windows, entry)
        n++;
    return n;
}

int session_next_index(const struct session *s, int base)
{
    int idx = base;
    const struct window *w;
    TAILQ_FOREACH(w, &s->windows, entry) {
        if (w->index == idx)
            idx++;
        else if (w->index > idx)
            break;
    }
    return idx;
}

struct window *session_window_at(const struct session *s, int index)
{
    struct window *w;
    TAILQ_FOREACH(w, &s->windows, entry) {
        if (w->index == index)
            return w;
    }
    return NULL;
}

void session_attach_window(struct session *s, struct window *w)
{
    struct window *at;
    w->session = s;
    TAILQ_FOREACH(at, &s->windows, entry) {
        if (at->index > w->index) {
            TAILQ_INSERT_BEFORE(at, w, entry);
            return;
        }
    }
    TAILQ_INSERT_TAIL(&s->windows, w, entry);
}

void session_select_window(struct session *s, struct window *w)
{
    w->alerts = 0; /* seen now */
    if (w == s->current)
        return;
    s->last = s->current;
    s->current = w;
}

bool session_remove_window(struct session *s, struct window *w)
{
    if (s->current == w) {
        /* Like tmux: go to the last window if there is one, else the next/previous. */
        struct window *next = s->last;
        if (next == NULL || next == w)
            next = TAILQ_NEXT(w, entry) ? TAILQ_NEXT(w, entry) : TAILQ_PREV(w, window_list, entry);
        s->current = next;
        s->last = NULL;
    }
    if (s->last == w)
        s->last = NULL;
    TAILQ_REMOVE(&s->windows, w, entry);
    window_free(w);
    if (options_get_number(s->options, "renumber-windows")) {
        /* No gaps: the windows take the indexes from base-index on, in order. */
        int index = (int)options_get_number(s->options, "base-index");
        TAILQ_FOREACH(w, &s->windows, entry)
            w->index = index++;
    }
    return TAILQ_EMPTY(&s->windows);
}

struct window *session_next_window(struct session *s, struct window *w)
{
    struct window *n = TAILQ_NEXT(w, entry);
    return n != NULL ? n : TAILQ_FIRST(&s->windows);
}

struct window *session_previous_window(struct session *s, struct window *w)
{
    struct window *p = TAILQ_PREV(w, window_list, entry);
    return p != NULL ? p : TAILQ_LAST(&s->windows, window_list);
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
