/* cmd_find.c - target resolution: what -t/-s name (see cmd.h). */
#include "cmd.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* The session a command without -t means. */
static struct session *cmd_current_session(struct cmd_ctx *ctx)
{
    struct server *s = ctx->server;
    struct client *c = ctx->client;
    if (c != NULL && c->session != NULL)
        return c->session;
    if (c != NULL) {
        /* Inside a pane: TMX_PANE=%N names it. */
        for (size_t i = 0; i < c->nenv; i++) {
            if (strncmp(c->env[i], "TMX_PANE=%", 10) == 0) {
                unsigned long id = strtoul(c->env[i] + 10, NULL, 10);
                struct session *sess;
                TAILQ_FOREACH(sess, &s->sessions, entry) {
                    struct window *w;
                    TAILQ_FOREACH(w, &sess->windows, entry) {
                        struct pane *p;
                        TAILQ_FOREACH(p, &w->panes, entry) {
                            if (p->id == id)
                                return sess;
                        }
                    }
                }
            }
        }
    }
    struct session *best = NULL, *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        if (best == NULL || sess->activity > best->activity ||
            (sess->activity == best->activity && sess->id > best->id))
            best = sess;
    }
    return best;
}

/* Find a session by $id, exact name, or unique prefix. No error reporting. */
static struct session *lookup_session(struct cmd_ctx *ctx, const char *name, bool *ambiguous)
{
    struct server *s = ctx->server;
    *ambiguous = false;
    if (*name == '$') {
        char *end;
        unsigned long id = strtoul(name + 1, &end, 10);
        return *end == '\0' ? session_find_id(s, (uint32_t)id) : NULL;
    }
    struct session *sess = session_find(s, name), *found = NULL;
    if (sess != NULL)
        return sess;
    size_t len = strlen(name);
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        if (strncmp(sess->name, name, len) == 0) {
            if (found != NULL) {
                *ambiguous = true;
                return NULL;
            }
            found = sess;
        }
    }
    return found;
}

/* Find a window in sess by index, @id, exact name or unique name prefix. An '='
 * prefix means an exact index or name only. */
static struct window *lookup_window(struct session *sess, const char *spec, bool *ambiguous)
{
    *ambiguous = false;
    bool exact = false;
    if (*spec == '=') {
        exact = true;
        spec++;
    }
    struct window *w, *found = NULL;
    if (*spec == '@') {
        char *end;
        unsigned long id = strtoul(spec + 1, &end, 10);
        TAILQ_FOREACH(w, &sess->windows, entry) {
            if (*end == '\0' && w->id == id)
                return w;
        }
        return NULL;
    }
    if (isdigit((unsigned char)*spec)) {
        char *end;
        long idx = strtol(spec, &end, 10);
        if (*end == '\0')
            return session_window_at(sess, (int)idx);
    }
    TAILQ_FOREACH(w, &sess->windows, entry) {
        if (strcmp(w->name, spec) == 0)
            return w;
    }
    if (exact)
        return NULL;
    size_t len = strlen(spec);
    TAILQ_FOREACH(w, &sess->windows, entry) {
        if (strncmp(w->name, spec, len) == 0) {
            if (found != NULL) {
                *ambiguous = true;
                return NULL;
            }
            found = w;
        }
    }
    return found;
}

static struct pane *lookup_pane_id(struct server *s, unsigned long id, struct window **wp,
                                   struct session **sp)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct window *w;
        TAILQ_FOREACH(w, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (p->id == id) {
                    *wp = w;
                    *sp = sess;
                    return p;
                }
            }
        }
    }
    return NULL;
}

struct session *cmd_find_session(struct cmd_ctx *ctx, const char *target)
{
    struct session *sess;
    if ((target == NULL || *target == '\0') && ctx->target_pane != NULL)
        return ctx->target_pane->window->session;
    if (target == NULL || *target == '\0' || strcmp(target, ":") == 0) {
        sess = cmd_current_session(ctx);
        if (sess == NULL)
            cmd_error(ctx, "no current session (tmx ls lists them)");
        return sess;
    }
    if (*target == '%' || *target == '@')
        return cmd_find_window(ctx, target, &sess) != NULL ? sess : NULL;
    char *name = xstrdup(target);
    char *colon = strchr(name, ':');
    if (colon != NULL)
        *colon = '\0';
    bool ambiguous;
    sess = *name == '\0' ? cmd_current_session(ctx) : lookup_session(ctx, name, &ambiguous);
    if (sess == NULL) {
        if (*name == '\0')
            cmd_error(ctx, "no current session (tmx ls lists them)");
        else if (ambiguous)
            cmd_error(ctx, "more than one session starts with \"%s\": give the full name", name);
        else
            cmd_error(ctx, "no session named \"%s\" (tmx ls lists them)", name);
    }
    free(name);
    return sess;
}

struct window *cmd_find_window(struct cmd_ctx *ctx, const char *target, struct session **sp)
{
    struct pane *p;
    struct window *w = NULL;
    if (target == NULL && ctx->target_pane != NULL) {
        *sp = ctx->target_pane->window->session;
        return ctx->target_pane->window;
    }
    if (target != NULL && *target == '%') {
        p = cmd_find_pane(ctx, target, &w, sp);
        return p != NULL ? w : NULL;
    }
    if (target != NULL && *target == '@') {
        char *end;
        unsigned long id = strtoul(target + 1, &end, 10);
        struct session *sess;
        TAILQ_FOREACH(sess, &ctx->server->sessions, entry) {
            TAILQ_FOREACH(w, &sess->windows, entry) {
                if (w->id == id && *end == '\0') {
                    *sp = sess;
                    return w;
                }
            }
        }
        cmd_error(ctx, "no window with id %s (tmx list-windows lists them)", target);
        return NULL;
    }
    struct session *sess;
    const char *colon = target != NULL ? strchr(target, ':') : NULL;
    if (target != NULL && colon == NULL) {
        /* A bare word: a session name (its current window), else a window of the
         * current session, as tmux tries both. */
        bool ambiguous;
        sess = lookup_session(ctx, target, &ambiguous);
        if (sess == NULL && !ambiguous) {
            struct session *cur = cmd_current_session(ctx);
            bool wamb;
            if (cur != NULL && (w = lookup_window(cur, target, &wamb)) != NULL) {
                *sp = cur;
                return w;
            }
        }
        sess = cmd_find_session(ctx, target);
        if (sess == NULL)
            return NULL;
        *sp = sess;
        return sess->current;
    }
    sess = cmd_find_session(ctx, target);
    if (sess == NULL)
        return NULL;
    *sp = sess;
    if (colon == NULL || colon[1] == '\0')
        return sess->current;
    char *spec = xstrdup(colon + 1);
    char *dot = strchr(spec, '.');
    if (dot != NULL)
        *dot = '\0';
    bool ambiguous = false;
    if (*spec == '\0')
        w = sess->current;
    else if (strcmp(spec, "{last}") == 0 || strcmp(spec, "!") == 0)
        w = sess->last;
    else if (strcmp(spec, "{next}") == 0 || strcmp(spec, "+") == 0)
        w = session_next_window(sess, sess->current);
    else if (strcmp(spec, "{previous}") == 0 || strcmp(spec, "-") == 0)
        w = session_previous_window(sess, sess->current);
    else
        w = lookup_window(sess, spec, &ambiguous);
    if (w == NULL) {
        if (ambiguous)
            cmd_error(ctx, "more than one window in session \"%s\" matches \"%s\"", sess->name, spec);
        else
            cmd_error(ctx, "no window \"%s\" in session \"%s\" (tmx list-windows -t %s lists them)",
                      spec, sess->name, sess->name);
    }
    free(spec);
    return w;
}

/* A pane named relative to the active one: + / {next}, - / {previous}, ! / {last};
 * NULL for anything else. */
static struct pane *cmd_relative_pane(struct window *w, const char *spec)
{
    struct pane *a = w->active;
    if (a == NULL)
        return NULL;
    if (strcmp(spec, "+") == 0 || strcmp(spec, "{next}") == 0) {
        struct pane *p = TAILQ_NEXT(a, entry);
        return p != NULL ? p : TAILQ_FIRST(&w->panes);
    }
    if (strcmp(spec, "-") == 0 || strcmp(spec, "{previous}") == 0) {
        struct pane *p = TAILQ_PREV(a, pane_list, entry);
        return p != NULL ? p : TAILQ_LAST(&w->panes, pane_list);
    }
    if (strcmp(spec, "!") == 0 || strcmp(spec, "{last}") == 0)
        return w->last_pane;
    return NULL;
}

struct pane *cmd_find_pane(struct cmd_ctx *ctx, const char *target, struct window **wp,
                           struct session **sp)
{
    if (target == NULL && ctx->target_pane != NULL) {
        *wp = ctx->target_pane->window;
        *sp = ctx->target_pane->window->session;
        return ctx->target_pane;
    }
    if (target != NULL && *target == '%') {
        char *end;
        unsigned long id = strtoul(target + 1, &end, 10);
        struct pane *p = *end == '\0' ? lookup_pane_id(ctx->server, id, wp, sp) : NULL;
        if (p == NULL)
            cmd_error(ctx, "no pane with id %s", target);
        return p;
    }
    /* ".N", ".+": a pane of the current window. */
    bool current_window = target != NULL && *target == '.';
    struct window *w = cmd_find_window(ctx, current_window ? NULL : target, sp);
    if (w == NULL)
        return NULL;
    *wp = w;
    const char *dot = target != NULL ? strrchr(target, '.') : NULL;
    const char *colon = target != NULL ? strchr(target, ':') : NULL;
    if (dot != NULL && (current_window || (colon != NULL && dot > colon))) {
        struct pane *rel = cmd_relative_pane(w, dot + 1);
        if (rel != NULL)
            return rel;
        char *end;
        long idx = strtol(dot + 1, &end, 10);
        struct pane *p;
        long i = 0;
        TAILQ_FOREACH(p, &w->panes, entry) {
            if (*end == '\0' && i++ == idx)
                return p;
        }
        cmd_error(ctx, "no pane %s in window %d", dot + 1, w->index);
        return NULL;
    }
    if (w->active == NULL)
        cmd_error(ctx, "window %d has no pane", w->index);
    return w->active;
}
