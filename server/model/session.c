/* session.c - sessions and their ordered window lists. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    s->env = xcalloc(nenv + 1, sizeof *s->env);
    for (size_t i = 0; i < nenv; i++)
        s->env[i] = xstrdup(env[i]);
    s->nenv = nenv;
    s->cols = cols;
    s->rows = rows;
    s->options = options_create(srv->session_options);
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
    for (size_t i = 0; i < s->nenv; i++)
        free(s->env[i]);
    free(s->env);
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

/* Index of NAME in the environment, or -1. */
static long env_index(const struct session *s, const char *name, size_t len)
{
    for (size_t i = 0; i < s->nenv; i++) {
        if (strncmp(s->env[i], name, len) == 0 && s->env[i][len] == '=')
            return (long)i;
    }
    return -1;
}

void session_setenv(struct session *s, const char *name_value)
{
    const char *eq = strchr(name_value, '=');
    if (eq == NULL || eq == name_value)
        return;
    long i = env_index(s, name_value, (size_t)(eq - name_value));
    if (i >= 0) {
        free(s->env[i]);
        s->env[i] = xstrdup(name_value);
        return;
    }
    s->env = xreallocarray(s->env, s->nenv + 2, sizeof *s->env);
    s->env[s->nenv++] = xstrdup(name_value);
    s->env[s->nenv] = NULL;
}

void session_unsetenv(struct session *s, const char *name)
{
    long i = env_index(s, name, strlen(name));
    if (i < 0)
        return;
    free(s->env[i]);
    memmove(&s->env[i], &s->env[i + 1], (s->nenv - (size_t)i) * sizeof *s->env);
    s->nenv--;
}

void session_update_environment(struct session *s, char **client_env, size_t nenv)
{
    static const char *const names[] = {"DISPLAY", "KRB5CCNAME", "SSH_ASKPASS", "SSH_AUTH_SOCK",
                                        "SSH_AGENT_PID", "SSH_CONNECTION", "WINDOWID",
                                        "XAUTHORITY"};
    for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
        size_t len = strlen(names[n]);
        const char *found = NULL;
        for (size_t i = 0; i < nenv; i++) {
            if (strncmp(client_env[i], names[n], len) == 0 && client_env[i][len] == '=')
                found = client_env[i];
        }
        if (found != NULL)
            session_setenv(s, found);
        else
            session_unsetenv(s, names[n]);
    }
}
