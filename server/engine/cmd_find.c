/* cmd_find.c - target resolution: what -t/-s name (see cmd_find.h), with tmux's grammar.
 *
 * A target is split at its first ':' (session before, window after) and then at the
 * first '.' after it (or in the whole target without ':'), giving up to three parts:
 *     session        $N, =exact, an exact name, a client's tty, a unique prefix, a
 *                    unique fnmatch pattern (in that order)
 *     window         @N, +N/-N offsets, ! ^ $ ({last} {start} {end} {next}
 *                    {previous}), an index, =exact, an exact name, a unique prefix, a
 *                    unique pattern
 *     pane           %N, ! {up-of} {down-of} {left-of} {right-of}, +N/-N, an index,
 *                    top bottom left right top-left... ({top}...)
 * A target without ':' or '.' is read as what the command wants (a session for a
 * session target...), a window falls back to a session and a pane to a window, as
 * tmux does; $ @ % always name ids. '~'/{marked} is the marked pane, '='/{mouse} the
 * mouse's, {current}/{active} (newer tmux) the current one. What a missing part means
 * is the "current" state: what an earlier command of the list made current (new-session,
 * new-window, split-window), the hook's pane, the attached client's session, the session
 * holding TMX_PANE (or tmux's TMUX_PANE) of the client, else the most recently used
 * session; in a session its current window, in a window its active pane. Pane offsets
 * and directions count from the current pane, as tmux 3.3a. Errors are tmux's:
 * "can't find session: X", "can't find window: X", "can't find pane: X" (an ambiguous
 * name too), "no current target", "no marked target", "no mouse target". */
#include "cmd_find.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "options.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* Internal flags of a lookup (beside the CMD_FIND_* of cmd.h). */
#define FIND_EXACT_SESSION 0x10000
#define FIND_EXACT_WINDOW 0x20000

/* One lookup: where it runs, what is current, what is found so far. */
struct find {
    struct cmd_ctx *ctx;
    int flags;
    struct cmd_find_state cur;
    struct cmd_find_state *fs;
};

/* A decimal number from min to INT_MAX and nothing else, as tmux reads indexes; -1 when
 * s is not one. */
static long find_number(const char *s, long min)
{
    if (*s == '\0' || !isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    char *end;
    long n = strtol(s, &end, 10);
    if (*end != '\0' || errno != 0 || n < min || n > INT_MAX)
        return -1;
    return n;
}

/* Fill in a state from a session: its current window and that window's active pane. */
static void state_from_session(struct cmd_find_state *st, struct session *s)
{
    st->session = s;
    st->wl = s != NULL ? s->current : NULL;
    st->window = st->wl != NULL ? st->wl->window : NULL;
    st->pane = st->window != NULL ? st->window->active : NULL;
}

static struct pane *find_pane_id(struct server *srv, const char *s)
{
    if (*s != '%')
        return NULL;
    long id = find_number(s + 1, 0);
    return id < 0 ? NULL : session_find_pane(srv, (uint32_t)id);
}

static struct window *find_window_id(struct server *srv, const char *s)
{
    if (*s != '@')
        return NULL;
    long id = find_number(s + 1, 0);
    if (id < 0)
        return NULL;
    struct session *sess;
    TAILQ_FOREACH(sess, &srv->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            if (wl->window->id == (uint32_t)id)
                return wl->window;
        }
    }
    return NULL;
}

/* Is a client attached to s? */
static bool session_attached(struct server *srv, const struct session *s)
{
    const struct client *c;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        if (c->attached && c->session == s)
            return true;
    }
    return false;
}

/* Was a used more recently than b (to the microsecond; ties: the newer session)? */
static bool session_more_recent(const struct session *a, const struct session *b)
{
    if (timercmp(&a->activity_tv, &b->activity_tv, !=))
        return timercmp(&a->activity_tv, &b->activity_tv, >);
    return a->id > b->id;
}

/* The most recently used session (ties: the newest), NULL when there is none; with
 * CMD_FIND_PREFER_UNATTACHED an unattached one wins over an attached one. */
static struct session *find_best_session(struct server *srv, int flags)
{
    struct session *best = NULL, *sess;
    bool best_attached = false;
    TAILQ_FOREACH(sess, &srv->sessions, entry) {
        bool attached = (flags & CMD_FIND_PREFER_UNATTACHED) && session_attached(srv, sess);
        bool better;
        if (best == NULL)
            better = true;
        else if (attached != best_attached)
            better = !attached;
        else
            better = session_more_recent(sess, best);
        if (better) {
            best = sess;
            best_attached = attached;
        }
    }
    return best;
}

/* The link of w in s to use: s's current one if it is w's, else w's first in s. */
static struct winlink *session_best_link(struct session *s, struct window *w)
{
    if (s->current != NULL && s->current->window == w)
        return s->current;
    return session_find_window(s, w);
}

/* The link of w to use, as tmux picks one: in prefer when it holds w, else in the most
 * recently used session of those holding w (ties: the newest). */
static struct winlink *window_best_link(struct session *prefer, struct window *w)
{
    if (prefer != NULL && session_find_window(prefer, w) != NULL)
        return session_best_link(prefer, w);
    struct session *best = NULL;
    struct winlink *wl;
    TAILQ_FOREACH(wl, &w->links, wentry) {
        struct session *s = wl->session;
        if (best == NULL || session_more_recent(s, best))
            best = s;
    }
    return best != NULL ? session_best_link(best, w) : NULL;
}

/* Fill in a state from a pane: the best link of its window, as window_best_link. */
static void state_from_pane(struct cmd_find_state *st, struct session *prefer, struct pane *p)
{
    st->pane = p;
    st->window = p->window;
    st->wl = window_best_link(prefer, p->window);
    st->session = st->wl != NULL ? st->wl->session : NULL;
}

/* The value of NAME= in a client's environment, or NULL. */
const char *cmd_client_env(const struct client *c, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < c->nenv; i++) {
        if (strncmp(c->env[i], name, len) == 0 && c->env[i][len] == '=')
            return c->env[i] + len + 1;
    }
    return NULL;
}

/* The pane a client runs in: TMX_PANE of its environment, else tmux's TMUX_PANE when
 * its TMUX names this server's socket (a TMUX_PANE of a real tmux around tmx names a
 * pane of that tmux, not ours); NULL when it names none. */
static struct pane *find_inside_pane(struct server *srv, const struct client *c)
{
    const char *id = cmd_client_env(c, "TMX_PANE");
    struct pane *p = id != NULL ? find_pane_id(srv, id) : NULL;
    if (p != NULL)
        return p;
    const char *tmux = cmd_client_env(c, "TMUX");
    id = cmd_client_env(c, "TMUX_PANE");
    if (id == NULL || tmux == NULL || srv->socket_path == NULL)
        return NULL;
    size_t len = strlen(srv->socket_path);
    if (strncmp(tmux, srv->socket_path, len) != 0 || (tmux[len] != ',' && tmux[len] != '\0'))
        return NULL;
    return find_pane_id(srv, id);
}

bool cmd_find_marked(struct server *srv, struct cmd_find_state *st)
{
    if (!srv->marked_set)
        return false;
    char id[16];
    snprintf(id, sizeof id, "%%%u", srv->marked_pane_id);
    struct pane *p = find_pane_id(srv, id);
    if (p == NULL || p->window == NULL || TAILQ_EMPTY(&p->window->links)) {
        srv->marked_set = false;
        return false;
    }
    if (st != NULL)
        state_from_pane(st, NULL, p);
    return true;
}

/* Is st (set by an earlier command of the list) still there? Its session must be in
 * the server's list (compared, never read, until found), its window in that session and
 * its pane in that window, else their current ones stand in. Fills cur. */
static bool current_is_alive(struct server *srv, const struct cmd_find_state *st,
                             struct cmd_find_state *cur)
{
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        if (s == st->session)
            break;
    }
    if (s == NULL)
        return false;
    state_from_session(cur, s);
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (wl == st->wl && wl->window == st->window)
            break;
    }
    if (wl == NULL)
        return true;
    struct window *w = wl->window;
    cur->wl = wl;
    cur->window = w;
    cur->pane = w->active;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (p == st->pane)
            cur->pane = p;
    }
    return true;
}

void cmd_find_set_current(struct cmd_ctx *ctx, struct session *s, struct window *w,
                          struct pane *p)
{
    ctx->current.session = s;
    ctx->current.wl = s == NULL ? NULL : w != NULL ? session_best_link(s, w) : s->current;
    ctx->current.window = ctx->current.wl != NULL ? ctx->current.wl->window : NULL;
    ctx->current.pane = p != NULL ? p : ctx->current.window != NULL ? ctx->current.window->active : NULL;
    ctx->current.idx = -1;
}

/* What "current" means for a command of ctx (see the top of the file). Returns 0, or -1
 * when there is nothing current (no session at all). */
static int find_current(struct cmd_ctx *ctx, int flags, struct cmd_find_state *cur)
{
    struct server *srv = ctx->server;
    struct client *c = ctx->client;
    memset(cur, 0, sizeof *cur);
    cur->idx = -1;
    if ((flags & CMD_FIND_DEFAULT_MARKED) && cmd_find_marked(srv, cur))
        return 0;
    if (ctx->current.session != NULL && current_is_alive(srv, &ctx->current, cur))
        return 0;
    if (ctx->target_pane != NULL && ctx->target_pane->window != NULL) {
        state_from_pane(cur, c != NULL ? c->session : NULL, ctx->target_pane);
        return 0;
    }
    if (c != NULL && c->session != NULL) {
        state_from_session(cur, c->session);
        return 0;
    }
    struct pane *inside = c != NULL ? find_inside_pane(srv, c) : NULL;
    if (inside != NULL) {
        /* As tmux: the session holding the pane, but its current window and pane. */
        struct winlink *wl = window_best_link(NULL, inside->window);
        state_from_session(cur, wl != NULL ? wl->session : NULL);
        return 0;
    }
    struct session *best = find_best_session(srv, flags);
    if (best == NULL)
        return -1;
    state_from_session(cur, best);
    return 0;
}

/* The attached client used last (a key, an attach) among those showing s, or among all
 * when s is NULL or nobody shows it. */
static struct client *best_client_of(struct server *srv, struct session *s)
{
    if (s != NULL && !session_attached(srv, s))
        s = NULL;
    struct client *c, *best = NULL;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        if (!c->attached || c->exiting || c->session == NULL)
            continue;
        if (s != NULL && c->session != s)
            continue;
        if (best == NULL || timercmp(&c->activity, &best->activity, >))
            best = c;
    }
    return best;
}

struct client *cmd_find_current_client(struct cmd_ctx *ctx)
{
    struct server *srv = ctx->server;
    struct client *c = ctx->client;
    if (c != NULL && c->attached && c->session != NULL && !c->exiting)
        return c;
    struct pane *inside = c != NULL ? find_inside_pane(srv, c) : NULL;
    if (inside != NULL && inside->window != NULL) {
        struct winlink *wl = window_best_link(NULL, inside->window);
        return wl != NULL ? best_client_of(srv, wl->session) : NULL;
    }
    struct session *s = find_best_session(srv, 0);
    return s != NULL ? best_client_of(srv, s) : NULL;
}

/* A session by name (fs->session). */
static int get_session(struct find *f, const char *name)
{
    struct server *srv = f->ctx->server;
    struct session *s, *found = NULL;
    if (*name == '$') {
        long id = find_number(name + 1, 0);
        f->fs->session = id >= 0 ? session_find_id(srv, (uint32_t)id) : NULL;
        return f->fs->session != NULL ? 0 : -1;
    }
    /* Not found leaves no session (display-message -t shows nothing of it). */
    f->fs->session = NULL;
    if ((s = session_find(srv, name)) != NULL) {
        f->fs->session = s;
        return 0;
    }
    /* A client's name (its tty, with or without /dev/) names its session. */
    struct client *c;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        const char *tty = c->tty_name;
        if (tty == NULL || c->session == NULL)
            continue;
        if (strcmp(tty, name) == 0 || (strncmp(tty, "/dev/", 5) == 0 && strcmp(tty + 5, name) == 0)) {
            f->fs->session = c->session;
            return 0;
        }
    }
    if (f->flags & FIND_EXACT_SESSION)
        return -1;
    size_t len = strlen(name);
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        if (strncmp(name, s->name, len) == 0) {
            if (found != NULL)
                return -1;
            found = s;
        }
    }
    if (found == NULL) {
        TAILQ_FOREACH(s, &srv->sessions, entry) {
            if (fnmatch(name, s->name, 0) == 0) {
                if (found != NULL)
                    return -1;
                found = s;
            }
        }
    }
    f->fs->session = found;
    return found != NULL ? 0 : -1;
}


/* The link n steps after (or before) wl in its session, wrapping around. */
static struct winlink *window_step(struct session *s, struct winlink *wl, long n, bool next)
{
    for (; n > 0 && wl != NULL; n--)
        wl = next ? session_next_window(s, wl) : session_previous_window(s, wl);
    return wl;
}

/* Set the found window link (and its session). */
static int found_window(struct find *f, struct winlink *wl)
{
    if (wl == NULL)
        return -1;
    f->fs->wl = wl;
    f->fs->window = wl->window;
    f->fs->session = wl->session;
    f->fs->idx = wl->index;
    return 0;
}

/* Set fs's window from a link (NULL: none), as its current one. */
static void set_window(struct cmd_find_state *fs, struct winlink *wl)
{
    fs->wl = wl;
    fs->window = wl != NULL ? wl->window : NULL;
}

static int window_in_session(struct find *f, const char *name);

/* A window of fs->session by name (fs->window, NULL when not found). */
static int get_window_with_session(struct find *f, const char *name)
{
    if (window_in_session(f, name) == 0)
        return 0;
    set_window(f->fs, NULL);
    return -1;
}

static int window_in_session(struct find *f, const char *name)
{
    struct session *s = f->fs->session;
    bool exact = (f->flags & FIND_EXACT_WINDOW) != 0;
    struct winlink *wl, *found = NULL;
    set_window(f->fs, s->current);
    if (*name == '@') {
        struct window *w = find_window_id(f->ctx->server, name);
        return w != NULL ? found_window(f, session_best_link(s, w)) : -1;
    }
    if (!exact && (*name == '+' || *name == '-')) {
        /* An offset: +N or -N windows from the current one (a bad N moves none). */
        long n = name[1] == '\0' ? 1 : find_number(name + 1, 1);
        if (n < 0)
            n = 0;
        if (f->flags & CMD_FIND_WINDOW_INDEX) {
            /* An index N after or before the current one, free or not: no wrapping. */
            long idx = s->current != NULL ? s->current->index : 0;
            idx = *name == '+' ? idx + n : idx - n;
            if (idx < 0 || idx > INT_MAX)
                return -1;
            f->fs->idx = (int)idx;
            set_window(f->fs, session_window_at(s, (int)idx));
            return 0;
        }
        wl = window_step(s, s->current, n, *name == '+');
        if (wl != NULL)
            return found_window(f, wl);
    }
    if (!exact) {
        if (strcmp(name, "!") == 0)
            return found_window(f, s->last);
        if (strcmp(name, "^") == 0)
            return found_window(f, TAILQ_FIRST(&s->windows));
        if (strcmp(name, "$") == 0)
            return found_window(f, TAILQ_LAST(&s->windows, winlink_list));
    }
    if (*name != '+' && *name != '-') {
        long idx = find_number(name, 0);
        if (idx >= 0 && (wl = session_window_at(s, (int)idx)) != NULL)
            return found_window(f, wl);
        if (idx >= 0 && (f->flags & CMD_FIND_WINDOW_INDEX)) {
            f->fs->idx = (int)idx;
            set_window(f->fs, NULL);
            return 0;
        }
    }
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (strcmp(name, wl->window->name) == 0) {
            if (found != NULL)
                return -1;
            found = wl;
        }
    }
    if (found != NULL || exact)
        return found_window(f, found);
    size_t len = strlen(name);
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (strncmp(name, wl->window->name, len) == 0) {
            if (found != NULL)
                return -1;
            found = wl;
        }
    }
    if (found != NULL)
        return found_window(f, found);
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (fnmatch(name, wl->window->name, 0) == 0) {
            if (found != NULL)
                return -1;
            found = wl;
        }
    }
    return found_window(f, found);
}

/* A window by name without a session: @N anywhere, else a window of the current
 * session, else (unless only) a session's current window. */
static int get_window(struct find *f, const char *name, bool only)
{
    if (*name == '@') {
        struct window *w = find_window_id(f->ctx->server, name);
        return found_window(f, w != NULL ? window_best_link(f->cur.session, w) : NULL);
    }
    f->fs->session = f->cur.session;
    if (get_window_with_session(f, name) == 0)
        return 0;
    if (!only && get_session(f, name) == 0) {
        set_window(f->fs, f->fs->session->current);
        f->fs->idx = -1;
        return 0;
    }
    return -1;
}

/* Do [a0, a1] and [b0, b1] overlap as tmux's pane neighbours do. */
static bool spans_touch(int a0, int a1, int b0, int b1)
{
    return (b0 < a0 && b1 > a1) || (b0 >= a0 && b0 <= a1) || (b1 >= a0 && b1 <= a1);
}

/* The neighbour of pane a in a direction ('U' 'D' 'L' 'R'), wrapping around its window
 * as tmux does; of several, the last active one, else the first. */
static struct pane *pane_neighbour(struct pane *a, char dir)
{
    struct pane *q, *best = NULL;
    if (a == NULL || a->window == NULL)
        return NULL;
    struct window *w = a->window;
    long status = options_get_number(w->options, "pane-border-status");
    int sx = w->cols, sy = w->rows, edge;
    switch (dir) {
    case 'U':
        edge = a->yoff;
        if (status == 1 ? edge == 1 : status == 2 ? edge == 0 : edge == 0)
            edge = status == 2 ? sy : sy + 1;
        break;
    case 'D':
        edge = a->yoff + a->rows + 1;
        if (status == 1 ? edge >= sy : status == 2 ? edge >= sy - 1 : edge >= sy)
            edge = status == 1 ? 1 : 0;
        break;
    case 'L':
        edge = a->xoff;
        if (edge == 0)
            edge = sx + 1;
        break;
    default:
        edge = a->xoff + a->cols + 1;
        if (edge >= sx)
            edge = 0;
        break;
    }
    TAILQ_FOREACH(q, &w->panes, entry) {
        if (q == a)
            continue;
        bool ok;
        if (dir == 'U' || dir == 'D') {
            if ((dir == 'U' ? q->yoff + q->rows + 1 : q->yoff) != edge)
                continue;
            ok = spans_touch(a->xoff, a->xoff + a->cols, q->xoff, q->xoff + q->cols - 1);
        } else {
            if ((dir == 'L' ? q->xoff + q->cols + 1 : q->xoff) != edge)
                continue;
            ok = spans_touch(a->yoff, a->yoff + a->rows, q->yoff, q->yoff + q->rows - 1);
        }
        if (!ok)
            continue;
        if (best == NULL || q == w->last_pane)
            best = q;
    }
    return best;
}

/* The pane at a place named top, bottom, left, right, top-left... (any case): the one
 * covering that edge's middle (or that corner); NULL for any other word. */
static struct pane *pane_at_edge(struct window *w, const char *s)
{
    long status = options_get_number(w->options, "pane-border-status");
    int top = status == 1 ? 1 : 0, bottom = w->rows - 1 - (status == 2 ? 1 : 0);
    int x = w->cols / 2, y = w->rows / 2;
    if (strcasecmp(s, "top") == 0)
        y = top;
    else if (strcasecmp(s, "bottom") == 0)
        y = bottom;
    else if (strcasecmp(s, "left") == 0)
        x = 0;
    else if (strcasecmp(s, "right") == 0)
        x = w->cols - 1;
    else if (strcasecmp(s, "top-left") == 0) {
        x = 0;
        y = top;
    } else if (strcasecmp(s, "top-right") == 0) {
        x = w->cols - 1;
        y = top;
    } else if (strcasecmp(s, "bottom-left") == 0) {
        x = 0;
        y = bottom;
    } else if (strcasecmp(s, "bottom-right") == 0) {
        x = w->cols - 1;
        y = bottom;
    } else
        return NULL;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (w->zoomed && p != w->active)
            continue;
        if (x >= p->xoff && x <= p->xoff + p->cols && y >= p->yoff && y <= p->yoff + p->rows)
            return p;
    }
    return NULL;
}

/* The pane n steps after (or before) p in its window, wrapping around. */
static struct pane *pane_step(struct window *w, struct pane *p, long n, bool next)
{
    for (; n > 0 && p != NULL; n--) {
        struct pane *q = next ? TAILQ_NEXT(p, entry) : TAILQ_PREV(p, pane_list, entry);
        p = q != NULL ? q : next ? TAILQ_FIRST(&w->panes) : TAILQ_LAST(&w->panes, pane_list);
    }
    return p;
}

/* Set the found pane. */
static int found_pane(struct find *f, struct pane *p)
{
    if (p == NULL)
        return -1;
    f->fs->pane = p;
    return 0;
}

int cmd_find_pane_base_index(const struct window *w)
{
    return options_find("pane-base-index") != NULL ? (int)options_get_number(w->options,
                                                                              "pane-base-index")
                                                   : 0;
}

static int pane_in_window(struct find *f, const char *name);

/* A pane of fs->window by name (fs->pane, NULL when not found). */
static int get_pane_with_window(struct find *f, const char *name)
{
    if (pane_in_window(f, name) == 0)
        return 0;
    f->fs->pane = NULL;
    return -1;
}

static int pane_in_window(struct find *f, const char *name)
{
    struct window *w = f->fs->window;
    if (*name == '%') {
        struct pane *p = find_pane_id(f->ctx->server, name);
        return p != NULL && p->window == w ? found_pane(f, p) : -1;
    }
    if (strcmp(name, "!") == 0)
        return found_pane(f, w->last_pane);
    /* Directions and offsets count from the current pane, as tmux 3.3a does (a
     * neighbour must be in the window; an offset from a pane of another window walks
     * that window's panes until it wraps into this one). */
    static const char *const dirs[] = {"{up-of}", "{down-of}", "{left-of}", "{right-of}"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(name, dirs[i]) == 0) {
            struct pane *p = pane_neighbour(f->cur.pane, "UDLR"[i]);
            return p != NULL && p->window == w ? found_pane(f, p) : -1;
        }
    }
    if (*name == '+' || *name == '-') {
        long n = name[1] == '\0' ? 1 : find_number(name + 1, 1);
        if (n < 0)
            n = 0;
        return found_pane(f, pane_step(w, f->cur.pane, n, *name == '+'));
    }
    long idx = find_number(name, 0);
    if (idx >= 0) {
        long i = cmd_find_pane_base_index(w);
        struct pane *p;
        TAILQ_FOREACH(p, &w->panes, entry) {
            if (i++ == idx)
                return found_pane(f, p);
        }
    }
    return found_pane(f, pane_at_edge(w, name));
}

/* A pane of fs->session by name: %N must be in that session, else one of its current
 * window. */
static int get_pane_with_session(struct find *f, const char *name)
{
    if (*name == '%') {
        struct pane *p = find_pane_id(f->ctx->server, name);
        struct winlink *wl = p != NULL ? session_best_link(f->fs->session, p->window) : NULL;
        if (wl == NULL)
            return -1;
        set_window(f->fs, wl);
        return found_pane(f, p);
    }
    return get_pane_with_window(f, name);
}

/* A pane by name without session or window: %N anywhere, else a pane of the current
 * window, else (unless only) a window's (or a session's) active pane. */
static int get_pane(struct find *f, const char *name, bool only)
{
    if (*name == '%') {
        struct pane *p = find_pane_id(f->ctx->server, name);
        if (p == NULL)
            return -1;
        state_from_pane(f->fs, f->cur.session, p);
        return found_pane(f, p);
    }
    *f->fs = f->cur;
    if (f->fs->window != NULL && get_pane_with_window(f, name) == 0)
        return 0;
    if (!only && get_window(f, name, false) == 0 && f->fs->window != NULL) {
        f->fs->pane = f->fs->window->active;
        return 0;
    }
    return -1;
}

/* The names tmux maps before looking a part up ({last} is "!"...), else s itself. */
static const char *map_name(const char *s, bool pane)
{
    static const char *const window_map[][2] = {
        {"{start}", "^"}, {"{end}", "$"}, {"{last}", "!"}, {"{next}", "+"}, {"{previous}", "-"},
    };
    static const char *const pane_map[][2] = {
        {"{last}", "!"},           {"{next}", "+"},           {"{previous}", "-"},
        {"{top}", "top"},          {"{bottom}", "bottom"},    {"{left}", "left"},
        {"{right}", "right"},      {"{top-left}", "top-left"}, {"{top-right}", "top-right"},
        {"{bottom-left}", "bottom-left"}, {"{bottom-right}", "bottom-right"},
    };
    size_t n = pane ? sizeof pane_map / sizeof pane_map[0] : sizeof window_map / sizeof window_map[0];
    for (size_t i = 0; i < n; i++) {
        const char *const *m = pane ? pane_map[i] : window_map[i];
        if (strcmp(s, m[0]) == 0)
            return m[1];
    }
    return s;
}

/* Report an error unless the lookup is quiet. */
static void find_error(struct cmd_ctx *ctx, int flags, const char *what, const char *name)
{
    if (flags & (CMD_FIND_QUIET | CMD_FIND_CANFAIL))
        return;
    if (name != NULL)
        cmd_error(ctx, "can't find %s: %s", what, name);
    else
        cmd_error(ctx, "%s", what);
}

/* Resolve the session, window and pane parts (any may be NULL). Returns 0, or -1 after
 * reporting which part was not found. */
static int find_parts(struct find *f, const char *session, const char *window, bool window_only,
                      const char *pane, bool pane_only)
{
    struct cmd_find_state *fs = f->fs;
    if (session != NULL) {
        if (get_session(f, session) != 0)
            return find_error(f->ctx, f->flags, "session", session), -1;
        if (window == NULL && pane == NULL) {
            state_from_session(fs, fs->session);
            fs->idx = -1;
            return 0;
        }
        if (window != NULL) {
            if (get_window_with_session(f, window) != 0)
                return find_error(f->ctx, f->flags, "window", window), -1;
            if (pane == NULL) {
                fs->pane = fs->window != NULL ? fs->window->active : NULL;
                return 0;
            }
            if (fs->window == NULL)
                return find_error(f->ctx, f->flags, "window", window), -1;
            if (get_pane_with_window(f, pane) != 0)
                return find_error(f->ctx, f->flags, "pane", pane), -1;
            return 0;
        }
        set_window(fs, fs->session->current);
        if (get_pane_with_session(f, pane) != 0)
            return find_error(f->ctx, f->flags, "pane", pane), -1;
        return 0;
    }
    if (window != NULL) {
        if (get_window(f, window, window_only) != 0)
            return find_error(f->ctx, f->flags, "window", window), -1;
        if (pane == NULL) {
            fs->pane = fs->window != NULL ? fs->window->active : NULL;
            return 0;
        }
        if (fs->window == NULL)
            return find_error(f->ctx, f->flags, "window", window), -1;
        if (get_pane_with_window(f, pane) != 0)
            return find_error(f->ctx, f->flags, "pane", pane), -1;
        return 0;
    }
    if (pane != NULL) {
        if (get_pane(f, pane, pane_only) != 0)
            return find_error(f->ctx, f->flags, "pane", pane), -1;
        return 0;
    }
    *fs = f->cur;
    fs->idx = -1;
    return 0;
}

/* A window found without its link (a pane's window) gets the best one. */
static void find_fix_link(struct cmd_find_state *fs)
{
    if (fs->window == NULL || (fs->wl != NULL && fs->wl->window == fs->window))
        return;
    fs->wl = window_best_link(fs->session, fs->window);
    if (fs->wl != NULL)
        fs->session = fs->wl->session;
}

int cmd_find_target(struct cmd_ctx *ctx, struct cmd_find_state *fs, const char *target,
                    enum cmd_find_type type, int flags)
{
    struct find f = {.ctx = ctx, .flags = flags, .fs = fs};
    memset(fs, 0, sizeof *fs);
    fs->idx = -1;
    if (find_current(ctx, flags, &f.cur) != 0) {
        find_error(ctx, flags, "no current target", NULL);
        return (flags & CMD_FIND_CANFAIL) ? 0 : -1;
    }
    /* {current} and {active} (newer tmux) are the current target too. */
    if (target == NULL || *target == '\0' || strcmp(target, "{current}") == 0 ||
        strcmp(target, "{active}") == 0) {
        *fs = f.cur;
        fs->idx = -1;
        return 0;
    }
    if (strcmp(target, "=") == 0 || strcmp(target, "{mouse}") == 0) {
        /* The mouse event of the key binding that ran the command: its pane for a pane
         * target, else its window (or its session's current one) and that one's active
         * pane. */
        *fs = ctx->mouse;
        fs->idx = -1;
        if (type != CMD_FIND_PANE || fs->pane == NULL) {
            if (fs->window == NULL && fs->session != NULL)
                set_window(fs, fs->session->current);
            fs->pane = fs->window != NULL ? fs->window->active : NULL;
        }
        if (fs->window != NULL && (fs->wl == NULL || fs->wl->window != fs->window)) {
            fs->wl = window_best_link(fs->session, fs->window);
            fs->session = fs->wl != NULL ? fs->wl->session : NULL;
        }
        if (fs->pane == NULL) {
            memset(fs, 0, sizeof *fs);
            fs->idx = -1;
            find_error(ctx, flags, "no mouse target", NULL);
            return (flags & CMD_FIND_CANFAIL) ? 0 : -1;
        }
        fs->idx = fs->wl != NULL ? fs->wl->index : -1;
        return 0;
    }
    if (strcmp(target, "~") == 0 || strcmp(target, "{marked}") == 0) {
        if (!cmd_find_marked(ctx->server, fs)) {
            find_error(ctx, flags, "no marked target", NULL);
            return (flags & CMD_FIND_CANFAIL) ? 0 : -1;
        }
        return 0;
    }

    char *copy = xstrdup(target);
    char *colon = strchr(copy, ':'), *period;
    if (colon != NULL)
        *colon++ = '\0';
    period = strchr(colon != NULL ? colon : copy, '.');
    if (period != NULL)
        *period++ = '\0';
    char *session = NULL, *window = NULL, *pane = NULL;
    bool window_only = false, pane_only = false;
    if (colon != NULL) {
        session = copy;
        window = colon;
        window_only = true;
        if (period != NULL) {
            pane = period;
            pane_only = true;
        }
    } else if (period != NULL) {
        window = copy;
        pane = period;
        pane_only = true;
    } else if (*copy == '$')
        session = copy;
    else if (*copy == '@')
        window = copy;
    else if (*copy == '%')
        pane = copy;
    else if (type == CMD_FIND_SESSION)
        session = copy;
    else if (type == CMD_FIND_WINDOW)
        window = copy;
    else
        pane = copy;

    if (session != NULL && *session == '=') {
        session++;
        f.flags |= FIND_EXACT_SESSION;
    }
    if (window != NULL && *window == '=') {
        window++;
        f.flags |= FIND_EXACT_WINDOW;
    }
    if (session != NULL && *session == '\0')
        session = NULL;
    if (window != NULL && *window == '\0')
        window = NULL;
    if (pane != NULL && *pane == '\0')
        pane = NULL;
    if (pane != NULL && (flags & CMD_FIND_WINDOW_INDEX)) {
        /* A window index to make or move to: a pane there means nothing (tmux's words). */
        free(copy);
        find_error(ctx, flags & ~CMD_FIND_CANFAIL, "can't specify pane here", NULL);
        return -1;
    }
    const char *w = window != NULL ? map_name(window, false) : NULL;
    const char *p = pane != NULL ? map_name(pane, true) : NULL;

    int rc = find_parts(&f, session, w, window_only, p, pane_only);
    free(copy);
    if (rc != 0) {
        if (flags & CMD_FIND_CANFAIL) {
            /* What was found stays, filled in as a format would: a command that may
             * fail still runs with it. */
            if (flags & CMD_FIND_PARTIAL)
                return 0;
            if (fs->session != NULL && fs->window == NULL)
                set_window(fs, fs->session->current);
            if (fs->window != NULL && fs->pane == NULL)
                fs->pane = fs->window->active;
            find_fix_link(fs);
            return 0;
        }
        memset(fs, 0, sizeof *fs);
        fs->idx = -1;
        return -1;
    }
    find_fix_link(fs);
    return 0;
}

struct session *cmd_find_session(struct cmd_ctx *ctx, const char *target)
{
    struct cmd_find_state fs;
    if (cmd_find_target(ctx, &fs, target, CMD_FIND_SESSION, 0) != 0)
        return NULL;
    return fs.session;
}

struct window *cmd_find_window(struct cmd_ctx *ctx, const char *target, struct session **sp)
{
    struct cmd_find_state fs;
    if (cmd_find_target(ctx, &fs, target, CMD_FIND_WINDOW, 0) != 0)
        return NULL;
    *sp = fs.session;
    return fs.window;
}

struct winlink *cmd_find_winlink(struct cmd_ctx *ctx, const char *target)
{
    struct cmd_find_state fs;
    if (cmd_find_target(ctx, &fs, target, CMD_FIND_WINDOW, 0) != 0)
        return NULL;
    return fs.wl;
}

struct pane *cmd_find_pane(struct cmd_ctx *ctx, const char *target, struct window **wp,
                           struct session **sp)
{
    struct cmd_find_state fs;
    if (cmd_find_target(ctx, &fs, target, CMD_FIND_PANE, 0) != 0)
        return NULL;
    *wp = fs.window;
    *sp = fs.session;
    return fs.pane;
}

/* Sessions by name (strcmp), as tmux keeps them. */
static int compare_session_names(const void *a, const void *b)
{
    return strcmp((*(struct session *const *)a)->name, (*(struct session *const *)b)->name);
}

struct session **cmd_sessions_by_name(struct server *srv, size_t *n)
{
    size_t count = 0;
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry)
        count++;
    struct session **list = xcalloc(count + 1, sizeof *list);
    count = 0;
    TAILQ_FOREACH(s, &srv->sessions, entry)
        list[count++] = s;
    qsort(list, count, sizeof *list, compare_session_names);
    *n = count;
    return list;
}
