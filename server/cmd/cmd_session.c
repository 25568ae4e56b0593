/* cmd_session.c - session commands: new-session, attach-session, list-sessions,
 * has-session, kill-session, rename-session, detach-client, kill-server, start-server. */
#include "cmd_impl.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <event2/buffer.h>

#include "format.h"
#include "hooks.h"
#include "notify.h"
#include "options.h"
#include "proto.h"
#include "redraw.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* Parse a -x/-y size; returns -1 if invalid. */
static int parse_size(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || v < 1 || v > 10000)
        return -1;
    return (int)v;
}

/* Does the terminal-features option give TERM this feature ("RGB", "sync",
 * "hyperlinks")? Entries
 * are comma-separated "pattern:feature:feature...", patterns as in the shell. */
static bool terminal_has_feature(struct server *srv, const char *term, const char *feature)
{
    char *list = xstrdup(options_get_string(srv->options, "terminal-features"));
    bool found = false;
    char *save = NULL;
    for (char *entry = strtok_r(list, ",", &save); entry != NULL && !found;
         entry = strtok_r(NULL, ",", &save)) {
        char *colon = strchr(entry, ':');
        if (colon == NULL)
            continue;
        *colon = '\0';
        if (fnmatch(entry, term, 0) != 0)
            continue;
        char *fsave = NULL;
        for (char *f = strtok_r(colon + 1, ":", &fsave); f != NULL; f = strtok_r(NULL, ":", &fsave)) {
            if (strcasecmp(f, feature) == 0)
                found = true;
        }
    }
    free(list);
    return found;
}

/* Attach ctx->client to sess, checking it can show a session. */
static int attach_client(struct cmd_ctx *ctx, struct session *sess, bool detach_others,
                         bool readonly)
{
    struct client *c = ctx->client;
    if (c == NULL) {
        cmd_error(ctx, "no client to attach (run tmx attach from a terminal)");
        return -1;
    }
    if (!(c->flags & IDENT_TTY)) {
        cmd_error(ctx, "open terminal failed: not a terminal");
        return -1;
    }
    if (c->render == NULL) {
        char err[256];
        bool rgb = (c->flags & IDENT_TRUECOLOR) != 0 ||
                   terminal_has_feature(ctx->server, c->term, "RGB");
        const struct render_caps *caps = render_caps_get(c->term, rgb, err, sizeof err);
        if (caps == NULL) {
            cmd_error(ctx, "%s (set TERM to your terminal's name, e.g. xterm-256color)", err);
            return -1;
        }
        c->caps = caps;
        c->render = render_create(caps, (c->flags & IDENT_UTF8) != 0);
        if (terminal_has_feature(ctx->server, c->term, "sync"))
            render_set_sync(c->render, true);
        if (terminal_has_feature(ctx->server, c->term, "hyperlinks"))
            render_set_hyperlinks(c->render, true);
    }
    if (detach_others) {
        struct client *o, *next;
        char *msg = xasprintf("[detached (from session %s)]", sess->name);
        TAILQ_FOREACH_SAFE(o, &ctx->server->clients, entry, next) {
            if (o != c && o->attached && o->session == sess)
                server_client_detach(o, msg);
        }
        free(msg);
    }
    session_update_environment(sess, c->env, c->nenv);
    c->readonly = readonly;
    server_client_attach(c, sess);
    ctx->attached = true;
    return 0;
}

int cmd_new_session(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *srv = ctx->server;
    const char *name = args->flags['s'];
    /* Without a client (config file, tmx -D new ...) a session can only be detached. */
    bool detached = args->flags['d'] != NULL || ctx->client == NULL;

    if (name != NULL && !session_valid_name(name)) {
        cmd_error(ctx, "invalid session name \"%s\" (no ':' or '.', not empty)", name);
        return -1;
    }
    if (name != NULL && session_find(srv, name) != NULL) {
        if (args->flags['A'] != NULL)
            return attach_client(ctx, session_find(srv, name), args->flags['D'] != NULL, false);
        cmd_error(ctx, "duplicate session: %s", name);
        return -1;
    }
    if (!detached) {
        if (ctx->client == NULL || ctx->from_key) {
            cmd_error(ctx, "new-session needs -d here (sessions should be nested with care)");
            return -1;
        }
        if (!(ctx->client->flags & IDENT_TTY)) {
            cmd_error(ctx, "open terminal failed: not a terminal");
            return -1;
        }
    }
    int cols = 80, rows = 24;
    if (args->flags['x'] != NULL && (cols = parse_size(args->flags['x'])) < 0) {
        cmd_error(ctx, "invalid width: %s", args->flags['x']);
        return -1;
    }
    if (args->flags['y'] != NULL && (rows = parse_size(args->flags['y'])) < 0) {
        cmd_error(ctx, "invalid height: %s", args->flags['y']);
        return -1;
    }
    if (!detached && ctx->client != NULL) {
        cols = ctx->client->cols;
        rows = ctx->client->rows - (options_get_number(srv->session_options, "status") ? 1 : 0);
        if (rows < 1)
            rows = 1;
    }
    const char *cwd = args->flags['c'];
    if (cwd == NULL && ctx->client != NULL)
        cwd = ctx->client->cwd;
    if (cwd == NULL)
        cwd = getenv("HOME");

    struct client *c = ctx->client;
    struct session *sess = session_create(srv, name, cwd, c != NULL ? c->env : NULL,
                                          c != NULL ? c->nenv : 0, cols, rows);
    for (int i = 0; i < args->nenv; i++)
        session_setenv(sess, args->env[i]);
    if (cmd_spawn_window(ctx, sess, -1, args->flags['n'], cwd, args->argc, args->argv,
                         args->env) == NULL) {
        session_free(sess);
        server_check_exit(srv);
        return -1;
    }
    if (args->flags['P'] != NULL) {
        struct format_ctx f = {.server = srv, .session = sess, .client = c};
        format_defaults(&f);
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F'] : "#{session_name}:");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    if (!detached && attach_client(ctx, sess, false, false) != 0) {
        server_destroy_session(srv, sess, 0);
        return -1;
    }
    /* Last: the hook may run any command, even one that ends this session. */
    hooks_run(srv, "session-created", sess, NULL);
    return 0;
}

int cmd_attach_session(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (TAILQ_EMPTY(&ctx->server->sessions)) {
        cmd_error(ctx, "no sessions (tmx new -s NAME starts one)");
        return -1;
    }
    if (ctx->from_key) {
        cmd_error(ctx, "already attached (use switch-client)");
        return -1;
    }
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    return attach_client(ctx, sess, args->flags['d'] != NULL, args->flags['r'] != NULL);
}

static int attached_count(struct server *srv, struct session *sess)
{
    int n = 0;
    struct client *c;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        if (c->attached && c->session == sess)
            n++;
    }
    return n;
}

int cmd_list_sessions(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &ctx->server->sessions, entry) {
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = sess, .client = ctx->client};
            format_defaults(&f);
            char *line = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", line);
            free(line);
            continue;
        }
        char created[64];
        struct tm tm;
        localtime_r(&sess->created, &tm);
        strftime(created, sizeof created, "%a %b %e %H:%M:%S %Y", &tm);
        cmd_print(ctx, "%s: %d windows (created %s)%s", sess->name, session_count_windows(sess),
                  created, attached_count(ctx->server, sess) > 0 ? " (attached)" : "");
    }
    return 0;
}

int cmd_has_session(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *t = args->flags['t'];
    if (t != NULL && strchr(t, ':') == NULL && *t != '$') {
        /* has-session wants the session itself: an exact name or unique prefix. */
        if (session_find(ctx->server, t) == NULL) {
            return cmd_find_session(ctx, t) != NULL ? 0 : -1;
        }
        return 0;
    }
    return cmd_find_session(ctx, t) != NULL ? 0 : -1;
}

int cmd_kill_session(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    if (args->flags['a'] != NULL) {
        struct session *o, *next;
        TAILQ_FOREACH_SAFE(o, &ctx->server->sessions, entry, next) {
            if (o != sess)
                server_destroy_session(ctx->server, o, 0);
        }
        return 0;
    }
    if (ctx->client != NULL && ctx->client->session == sess)
        ctx->detached = true;
    server_destroy_session(ctx->server, sess, 0);
    return 0;
}

int cmd_rename_session(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    const char *name = args->argv[0];
    if (!session_valid_name(name)) {
        cmd_error(ctx, "invalid session name \"%s\" (no ':' or '.', not empty)", name);
        return -1;
    }
    struct session *other = session_find(ctx->server, name);
    if (other != NULL && other != sess) {
        cmd_error(ctx, "duplicate session: %s", name);
        return -1;
    }
    free(sess->name);
    sess->name = xstrdup(name);
    server_redraw_session(ctx->server, sess);
    return 0;
}

/* The attached client whose terminal is 'tty' (#{client_tty}, with or without /dev/). */
static struct client *find_client_by_tty(struct server *srv, const char *tty)
{
    struct client *c;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        const char *name = c->tty_name;
        if (!c->attached || name == NULL)
            continue;
        if (strcmp(name, tty) == 0 ||
            (strncmp(name, "/dev/", 5) == 0 && strcmp(name + 5, tty) == 0))
            return c;
    }
    return NULL;
}

/* Detach c, saying from which session. */
static void detach_client(struct client *c)
{
    char *msg = xasprintf("[detached (from session %s)]", c->session->name);
    server_client_detach(c, msg);
    free(msg);
}

/* Detach every client of the session 'target' names. */
static int detach_session(struct cmd_ctx *ctx, const char *target)
{
    struct session *sess = cmd_find_session(ctx, target);
    if (sess == NULL)
        return -1;
    struct client *c, *next;
    TAILQ_FOREACH_SAFE(c, &ctx->server->clients, entry, next) {
        if (c->attached && c->session == sess)
            detach_client(c);
    }
    return 0;
}

int cmd_detach_client(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *srv = ctx->server;
    if (args->flags['s'] != NULL)
        return detach_session(ctx, args->flags['s']);
    struct client *self = ctx->client;
    /* -t names a client by its terminal (#{client_tty}), as tmux's target-client;
     * anything else is taken as a session, every client of which is detached. */
    struct client *target = args->flags['t'] != NULL ? find_client_by_tty(srv, args->flags['t']) : NULL;
    if (target != NULL && args->flags['a'] == NULL) {
        detach_client(target);
        if (target == self)
            ctx->detached = true;
        return 0;
    }
    if (target != NULL)
        self = target; /* -a -t: every client but that one */
    if (args->flags['a'] != NULL) {
        struct client *c, *next;
        TAILQ_FOREACH_SAFE(c, &srv->clients, entry, next) {
            if (c != self && c->attached)
                detach_client(c);
        }
        return 0;
    }
    if (self == NULL || !self->attached) {
        /* From the command line: the most recently attached client is not tracked yet,
         * so detach every client of the current session. */
        return detach_session(ctx, args->flags['t']);
    }
    detach_client(self);
    ctx->detached = true;
    return 0;
}

/* suspend-client: the client gives its terminal back to the shell it was started
 * from and stops (as C-z does to a program) until the user continues it with fg. */
int cmd_suspend_client(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = ctx->client;
    const char *target = args->flags['t'];
    if (target != NULL) {
        c = find_client_by_tty(ctx->server, target);
        if (c == NULL) {
            cmd_error(ctx, "no client on %s (tmx list-clients -F '#{client_tty}' lists them)", target);
            return -1;
        }
    }
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "no client to suspend: give one with -t (tmx list-clients -F '#{client_tty}')");
        return -1;
    }
    server_client_suspend(c);
    return 0;
}

int cmd_kill_server(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    server_shutdown(ctx->server, "[server exited]");
    return 0;
}

int cmd_start_server(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)ctx;
    (void)args;
    return 0;
}


/* switch-client: show another session in this client (-t session, -n next, -p previous,
 * -l the last one it showed). */
int cmd_switch_client(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = ctx->client;
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "switch-client needs an attached client (use it from a key or the : prompt)");
        return -1;
    }
    struct session *target = NULL;
    if (args->flags['n'] != NULL || args->flags['p'] != NULL) {
        struct session *cur = c->session;
        target = args->flags['n'] != NULL ? TAILQ_NEXT(cur, entry)
                                          : TAILQ_PREV(cur, session_list, entry);
        if (target == NULL)
            target = args->flags['n'] != NULL ? TAILQ_FIRST(&ctx->server->sessions)
                                              : TAILQ_LAST(&ctx->server->sessions, session_list);
    } else if (args->flags['l'] != NULL) {
        target = c->last_session_id != 0 || c->has_last_session
                     ? session_find_id(ctx->server, c->last_session_id)
                     : NULL;
        if (target == NULL) {
            cmd_error(ctx, "no last session");
            return -1;
        }
    } else {
        target = cmd_find_session(ctx, args->flags['t']);
        if (target == NULL)
            return -1;
    }
    if (target == c->session)
        return 0;
    struct session *old = c->session;
    c->last_session_id = old->id;
    c->has_last_session = true;
    server_client_attach(c, target);
    server_client_update_sizes(ctx->server, old);
    notify_emit(ctx->server, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = old});
    return 0;
}

/* list-clients: one line per attached client. */
int cmd_list_clients(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *only = NULL;
    if (args->flags['t'] != NULL && (only = cmd_find_session(ctx, args->flags['t'])) == NULL)
        return -1;
    struct client *c;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || (only != NULL && c->session != only))
            continue;
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = c->session, .client = c};
            format_defaults(&f);
            char *line = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", line);
            free(line);
            continue;
        }
        cmd_print(ctx, "pid %ld: %s [%dx%d %s]%s", (long)c->pid, c->session->name, c->cols,
                  c->rows, c->term, c->readonly ? " (read-only)" : "");
    }
    return 0;
}
