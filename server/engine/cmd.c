/* cmd.c - command parsing, flag parsing, execution and target resolution (see cmd.h). */
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

void cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(ctx->err, fmt, ap);
    va_end(ap);
    evbuffer_add(ctx->err, "\n", 1);
}

void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(ctx->out, fmt, ap);
    va_end(ap);
    evbuffer_add(ctx->out, "\n", 1);
}

/* The registered command table: the one process-wide variable of the engine. It points
 * to const data, is set once at startup before any command runs, and is the same for
 * every server a process could hold (the table is code, not server state). */
static const struct cmd_entry *const cmd_no_entries[] = {NULL};
static const struct cmd_entry *const *cmd_table = cmd_no_entries;

void cmd_set_table(const struct cmd_entry *const *table)
{
    cmd_table = table != NULL ? table : cmd_no_entries;
}

const struct cmd_entry *const *cmd_get_table(void)
{
    return cmd_table;
}

const struct cmd_entry *cmd_lookup(const char *name, const char **err)
{
    const struct cmd_entry *found = NULL;
    size_t len = strlen(name);
    int matches = 0;
    for (const struct cmd_entry *const *ep = cmd_table; *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (strcmp(e->name, name) == 0 || (e->alias != NULL && strcmp(e->alias, name) == 0))
            return e;
        if (strncmp(e->name, name, len) == 0) {
            found = e;
            matches++;
        }
    }
    /* Unambiguous prefixes are accepted, as tmux does. */
    if (matches == 1)
        return found;
    *err = matches > 1 ? "ambiguous command" : "unknown command";
    return NULL;
}

/* Parse flags of argv per spec into args. Returns 0, or -1 with an error. */
static int cmd_parse_flags(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv,
                           struct cmd_args *args)
{
    memset(args, 0, sizeof *args);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0')
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            /* --name or --name=value: the short flag the entry maps it to. */
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t nlen = eq != NULL ? (size_t)(eq - name) : strlen(name);
            char flag = 0;
            for (const char *l = e->longs; l != NULL && *l != '\0';) {
                const char *le = strchr(l, '=');
                if (le == NULL)
                    break;
                if ((size_t)(le - l) == nlen && strncmp(l, name, nlen) == 0)
                    flag = le[1];
                l = strchr(le, ',');
                l = l != NULL ? l + 1 : NULL;
            }
            const char *pos = flag != 0 ? strchr(e->spec, flag) : NULL;
            if (pos == NULL) {
                cmd_error(ctx, "%s: unknown option --%.*s (usage: %s %s)", e->name, (int)nlen, name,
                          e->name, e->usage);
                return -1;
            }
            if (pos[1] == ':') {
                if (eq != NULL)
                    args->flags[(unsigned char)flag] = eq + 1;
                else if (i + 1 < argc)
                    args->flags[(unsigned char)flag] = argv[++i];
                else {
                    cmd_error(ctx, "%s: --%.*s needs a value", e->name, (int)nlen, name);
                    return -1;
                }
            } else
                args->flags[(unsigned char)flag] = "";
            continue;
        }
        for (const char *f = a + 1; *f; f++) {
            unsigned char ch = (unsigned char)*f;
            const char *pos = ch < 128 && ch != ':' ? strchr(e->spec, ch) : NULL;
            if (pos == NULL) {
                cmd_error(ctx, "%s: unknown flag -%c (usage: %s %s)", e->name, *f, e->name, e->usage);
                return -1;
            }
            if (pos[1] == ':') {
                if (f[1] != '\0')
                    args->flags[ch] = f + 1;
                else if (i + 1 < argc)
                    args->flags[ch] = argv[++i];
                else {
                    cmd_error(ctx, "%s: -%c needs an argument (usage: %s %s)", e->name, *f, e->name,
                              e->usage);
                    return -1;
                }
                if (ch == 'e') {
                    /* -e NAME=VALUE may be given several times. */
                    if (strchr(args->flags[ch], '=') == NULL || *args->flags[ch] == '=') {
                        cmd_error(ctx, "%s: -e wants NAME=VALUE, not \"%s\"", e->name,
                                  args->flags[ch]);
                        return -1;
                    }
                    if (args->nenv >= 64) {
                        cmd_error(ctx, "%s: too many -e", e->name);
                        return -1;
                    }
                    args->env[args->nenv++] = args->flags[ch];
                }
                break;
            }
            args->flags[ch] = "";
        }
    }
    args->argc = argc - i;
    args->argv = argv + i;
    if (args->argc < e->min_args || (e->max_args >= 0 && args->argc > e->max_args)) {
        cmd_error(ctx, "%s: wrong number of arguments (usage: %s %s)", e->name, e->name, e->usage);
        return -1;
    }
    return 0;
}

/* Find what spec names for the command about to run into *fs. Returns 0, or -1 when
 * it is not found (the error is reported). */
static int cmd_find_declared(struct cmd_ctx *ctx, const struct cmd_find_spec *spec,
                         const struct cmd_args *args, struct cmd_find_state *fs)
{
    memset(fs, 0, sizeof *fs);
    if (spec->type == CMD_FIND_NONE)
        return 0;
    const char *value = args->flags[(unsigned char)spec->flag];
    bool may_be_missing = value == NULL && (spec->flags & CMD_FIND_MAY_BE_MISSING);
    if (value == NULL && (spec->flags & CMD_FIND_IF_GIVEN))
        return 0;
    if (may_be_missing && ctx->target_pane == NULL && TAILQ_EMPTY(&ctx->server->sessions))
        return 0;
    bool found = false;
    switch (spec->type) {
    case CMD_FIND_SESSION:
        found = (fs->session = cmd_find_session(ctx, value)) != NULL;
        break;
    case CMD_FIND_WINDOW:
        found = (fs->window = cmd_find_window(ctx, value, &fs->session)) != NULL;
        break;
    case CMD_FIND_PANE:
        found = (fs->pane = cmd_find_pane(ctx, value, &fs->window, &fs->session)) != NULL;
        break;
    case CMD_FIND_NONE:
        break;
    }
    return found || may_be_missing ? 0 : -1;
}

int cmd_execute_argv(struct cmd_ctx *ctx, int argc, char **argv)
{
    if (argc == 0)
        return 0;
    const char *why = NULL;
    const struct cmd_entry *e = cmd_lookup(argv[0], &why);
    if (e == NULL) {
        cmd_error(ctx, "%s: %s (tmx list-commands lists them)", why, argv[0]);
        return 1;
    }
    struct cmd_args args;
    if (cmd_parse_flags(ctx, e, argc, argv, &args) != 0)
        return 1;
    /* A command may run others (if-shell -F): theirs are found and forgotten inside. */
    struct cmd_find_state source = ctx->source, target = ctx->target;
    int status = 1;
    if (cmd_find_declared(ctx, &e->source, &args, &ctx->source) == 0 &&
        cmd_find_declared(ctx, &e->target, &args, &ctx->target) == 0)
        status = e->exec(ctx, &args) == 0 ? 0 : 1;
    ctx->source = source;
    ctx->target = target;
    return status;
}

void cmd_free_argv(char **argv)
{
    if (argv == NULL)
        return;
    for (char **a = argv; *a != NULL; a++)
        free(*a);
    free(argv);
}

/* A growable string for the splitter. */
struct word {
    char *s;
    size_t len, size;
};

static void word_add(struct word *w, char c)
{
    if (w->len + 2 > w->size) {
        w->size = w->size ? w->size * 2 : 32;
        w->s = xrealloc(w->s, w->size);
    }
    w->s[w->len++] = c;
    w->s[w->len] = '\0';
}

int cmd_split(const char *line, char ***argvp, const char **err)
{
    return cmd_split_at(line, argvp, err, NULL);
}

int cmd_split_at(const char *line, char ***argvp, const char **err, int *err_column)
{
    char **argv = xcalloc(1, sizeof *argv);
    int argc = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0' || *p == '#')
            break;
        struct word w = {0};
        bool in_word = false;
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            in_word = true;
            if (*p == '\'') {
                const char *end = strchr(p + 1, '\'');
                if (end == NULL) {
                    *err = "missing closing '";
                    if (err_column != NULL)
                        *err_column = (int)(p - line) + 1;
                    free(w.s);
                    cmd_free_argv(argv);
                    return -1;
                }
                for (const char *q = p + 1; q < end; q++)
                    word_add(&w, *q);
                p = end + 1;
            } else if (*p == '"') {
                const char *open = p;
                p++;
                while (*p != '"') {
                    if (*p == '\0') {
                        *err = "missing closing \"";
                        if (err_column != NULL)
                            *err_column = (int)(open - line) + 1;
                        free(w.s);
                        cmd_free_argv(argv);
                        return -1;
                    }
                    if (*p == '\\' && p[1] != '\0')
                        p++;
                    word_add(&w, *p++);
                }
                p++;
            } else if (*p == '\\' && p[1] != '\0') {
                word_add(&w, p[1]);
                p += 2;
            } else {
                word_add(&w, *p++);
            }
        }
        if (in_word) {
            argv = xreallocarray(argv, (size_t)argc + 2, sizeof *argv);
            argv[argc++] = w.s != NULL ? w.s : xstrdup("");
            argv[argc] = NULL;
        }
    }
    *argvp = argv;
    return argc;
}

int cmd_execute_string(struct cmd_ctx *ctx, const char *line)
{
    char **argv;
    const char *err = NULL;
    int column = 0;
    int argc = cmd_split_at(line, &argv, &err, &column);
    if (argc < 0) {
        cmd_error(ctx, "syntax error at column %d: %s", column, err);
        return 1;
    }
    /* A word that is exactly ";" separates commands; "\;" was unescaped to ";" too, so a
     * literal semicolon argument needs quoting, as in tmux ('\;'). */
    int status = 0, start = 0;
    for (int i = 0; i <= argc; i++) {
        if (i == argc || strcmp(argv[i], ";") == 0) {
            char *saved = argv[i];
            argv[i] = NULL;
            if (i > start)
                status = cmd_execute_argv(ctx, i - start, argv + start);
            argv[i] = saved;
            start = i + 1;
            if (status != 0 || ctx->detached)
                break;
        }
    }
    cmd_free_argv(argv);
    return status;
}

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
