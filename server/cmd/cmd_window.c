/* cmd_window.c - window commands: new-window, select-window, next/previous/last-window,
 * rename-window, kill-window, list-windows; and spawning a window's pane. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "hooks.h"
#include "option_effects.h"
#include "options.h"
#include "redraw.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

struct spawn_args cmd_spawn_args(struct session *sess, int argc, char **argv, const char *cwd,
                                 const char *const *extra_env, int cols, int rows,
                                 char *dc_argv[2])
{
    const char *default_command = options_get_string(sess->options, "default-command");
    if (argc == 0 && *default_command != '\0') {
        dc_argv[0] = (char *)default_command;
        dc_argv[1] = NULL;
        argc = 1;
        argv = dc_argv;
    }
    return (struct spawn_args){
        .argc = argc,
        .argv = argv,
        .cwd = cwd != NULL ? cwd : sess->cwd,
        .env = sess->env,
        .nenv = sess->nenv,
        .extra_env = (char **)extra_env,
        .cols = cols,
        .rows = rows,
    };
}

struct window *cmd_spawn_window(struct cmd_ctx *ctx, struct session *sess, int index,
                                const char *name, const char *cwd, int argc, char **argv,
                                const char *const *extra_env)
{
    struct server *srv = ctx->server;
    if (index < 0)
        index = session_next_index(sess, (int)options_get_number(sess->options, "base-index"));
    struct window *w = window_create(sess, index, name);
    char *dc_argv[2];
    struct spawn_args sa = cmd_spawn_args(sess, argc, argv, cwd, extra_env, sess->cols,
                                          sess->rows, dc_argv);
    argc = sa.argc;
    argv = sa.argv;
    /* Environment of the client running this command, when it has one (new-window
     * from the command line inside a pane gets that shell's variables, as tmux). */
    char err[512];
    struct pane *p = pane_spawn(w, &sa, err, sizeof err);
    if (p == NULL) {
        cmd_error(ctx, "%s", err);
        window_free(w);
        return NULL;
    }
    window_add_first_pane(w, p);
    server_pane_apply_log(srv, p);
    if (options_get_number(w->options, "automatic-rename")) {
        /* Until the program runs, name the window after what was asked for. */
        const char *base = argc > 0 ? argv[0] : srv->default_shell;
        char first[256];
        snprintf(first, sizeof first, "%s", base);
        first[strcspn(first, " ")] = '\0';
        const char *slash = strrchr(first, '/');
        window_set_name(w, slash != NULL ? slash + 1 : first);
    }
    session_attach_window(sess, w);
    if (sess->current == NULL)
        sess->current = w;
    return w;
}

void cmd_session_changed(struct cmd_ctx *ctx, struct session *sess)
{
    server_redraw_session(ctx->server, sess);
}

void cmd_destroy_window(struct cmd_ctx *ctx, struct session *sess, struct window *w)
{
    if (session_remove_window(sess, w)) {
        if (ctx->client != NULL && ctx->client->session == sess)
            ctx->detached = true;
        server_destroy_session(ctx->server, sess, 0);
        return;
    }
    cmd_session_changed(ctx, sess);
}

int cmd_new_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    int index = -1;
    const char *t = args->flags['t'];
    if (t != NULL && strchr(t, ':') != NULL && strchr(t, ':')[1] != '\0') {
        /* -t session:index creates at that index. */
        char *copy = xstrdup(t);
        *strchr(copy, ':') = '\0';
        sess = cmd_find_session(ctx, copy);
        const char *idx = strchr(t, ':') + 1;
        char *end;
        long v = strtol(idx, &end, 10);
        free(copy);
        if (sess == NULL)
            return -1;
        if (*end != '\0' || v < 0) {
            cmd_error(ctx, "invalid window index: %s", idx);
            return -1;
        }
        if (session_window_at(sess, (int)v) != NULL) {
            if (args->flags['k'] == NULL) {
                cmd_error(ctx, "index %ld in use (new-window -k replaces it)", v);
                return -1;
            }
        }
        index = (int)v;
    } else {
        sess = cmd_find_session(ctx, t);
        if (sess == NULL)
            return -1;
    }
    struct window *old = index >= 0 ? session_window_at(sess, index) : NULL;
    if (old != NULL) {
        /* -k: replace the window at that index. */
        if (session_remove_window(sess, old)) {
            /* It was the only one; the new one takes its place below. */
        }
    }
    const char *cwd = args->flags['c'];
    if (cwd == NULL && ctx->client != NULL && !ctx->client->attached)
        cwd = ctx->client->cwd;
    struct window *w = cmd_spawn_window(ctx, sess, index, args->flags['n'], cwd, args->argc,
                                        args->argv, args->env);
    if (w == NULL) {
        if (TAILQ_EMPTY(&sess->windows))
            server_destroy_session(ctx->server, sess, 0);
        return -1;
    }
    if (args->flags['d'] == NULL)
        session_select_window(sess, w);
    if (args->flags['P'] != NULL) {
        struct format_ctx f = {.server = ctx->server, .session = sess, .window = w};
        format_defaults(&f);
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F']
                                                                : "#{session_name}:#{window_index}");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    cmd_session_changed(ctx, sess);
    /* Last: the hook may run any command, even one that kills this window. */
    hooks_run(ctx->server, "window-linked", sess, w->active);
    return 0;
}

int cmd_select_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    if (args->flags['n'] != NULL)
        return cmd_next_window(ctx, args);
    if (args->flags['p'] != NULL)
        return cmd_previous_window(ctx, args);
    if (args->flags['l'] != NULL)
        return cmd_last_window(ctx, args);
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    session_select_window(sess, w);
    cmd_session_changed(ctx, sess);
    return 0;
}

int cmd_next_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    struct window *w = session_next_window(sess, sess->current);
    if (w == sess->current) {
        cmd_error(ctx, "no next window");
        return -1;
    }
    session_select_window(sess, w);
    cmd_session_changed(ctx, sess);
    return 0;
}

int cmd_previous_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    struct window *w = session_previous_window(sess, sess->current);
    if (w == sess->current) {
        cmd_error(ctx, "no previous window");
        return -1;
    }
    session_select_window(sess, w);
    cmd_session_changed(ctx, sess);
    return 0;
}

int cmd_last_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    if (sess->last == NULL) {
        cmd_error(ctx, "no last window");
        return -1;
    }
    session_select_window(sess, sess->last);
    cmd_session_changed(ctx, sess);
    return 0;
}

int cmd_rename_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    window_set_name(w, args->argv[0]);
    char err[128];
    options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    cmd_session_changed(ctx, sess);
    return 0;
}

int cmd_kill_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    if (args->flags['a'] != NULL) {
        struct window *o, *next;
        for (o = TAILQ_FIRST(&sess->windows); o != NULL; o = next) {
            next = TAILQ_NEXT(o, entry);
            if (o != w)
                session_remove_window(sess, o);
        }
        cmd_session_changed(ctx, sess);
        return 0;
    }
    cmd_destroy_window(ctx, sess, w);
    return 0;
}

static void list_windows_of(struct cmd_ctx *ctx, struct session *sess, const char *fmt, bool all)
{
    struct window *w;
    TAILQ_FOREACH(w, &sess->windows, entry) {
        if (fmt != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = sess, .window = w};
            format_defaults(&f);
            char *line = format_expand(&f, fmt);
            cmd_print(ctx, "%s", line);
            free(line);
            continue;
        }
        int panes = 0;
        struct pane *p;
        TAILQ_FOREACH(p, &w->panes, entry)
            panes++;
        struct format_ctx f = {.server = ctx->server, .session = sess, .window = w};
        char *flag = format_expand(&f, "#{window_flags}");
        cmd_print(ctx, "%s%s%d: %s%s (%d panes) [%dx%d] @%u%s", all ? sess->name : "",
                  all ? ":" : "", w->index, w->name, flag, panes, w->cols, w->rows, w->id,
                  w == sess->current ? " (active)" : "");
        free(flag);
    }
}

int cmd_list_windows(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (args->flags['a'] != NULL) {
        struct session *sess;
        TAILQ_FOREACH(sess, &ctx->server->sessions, entry)
            list_windows_of(ctx, sess, args->flags['F'], true);
        return 0;
    }
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    list_windows_of(ctx, sess, args->flags['F'], false);
    return 0;
}

/* A window target that may name a free index: "session:index". Returns the session and
 * sets *index (-1 if the target names no index). */
static struct session *index_target(struct cmd_ctx *ctx, const char *target, int *index)
{
    *index = -1;
    if (target == NULL || strchr(target, ':') == NULL)
        return cmd_find_session(ctx, target);
    char *copy = xstrdup(target);
    char *colon = strchr(copy, ':');
    *colon = '\0';
    struct session *sess = cmd_find_session(ctx, copy);
    if (sess != NULL && colon[1] != '\0') {
        char *end;
        long v = strtol(colon + 1, &end, 10);
        if (*end != '\0' || v < 0 || v > 100000) {
            cmd_error(ctx, "not a window index: %s", colon + 1);
            sess = NULL;
        } else
            *index = (int)v;
    }
    free(copy);
    return sess;
}

/* move-window -s src -t session[:index]: move a window to another index or session. */
int cmd_move_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *src_sess;
    struct window *w = cmd_find_window(ctx, args->flags['s'], &src_sess);
    if (w == NULL)
        return -1;
    int index;
    struct session *dst = index_target(ctx, args->flags['t'], &index);
    if (dst == NULL)
        return -1;
    if (index < 0)
        index = session_next_index(dst, (int)options_get_number(dst->options, "base-index"));
    struct window *there = session_window_at(dst, index);
    if (there == w)
        return 0;
    if (there != NULL) {
        if (args->flags['k'] == NULL) {
            cmd_error(ctx, "index %d in use in session %s (move-window -k replaces it)", index,
                      dst->name);
            return -1;
        }
        if (session_remove_window(dst, there) && dst != src_sess) {
            /* dst had only that window: it gets w below. */
        }
    }
    /* Unlink from the source without freeing. */
    if (src_sess->current == w)
        src_sess->current = src_sess->last != w ? src_sess->last : NULL;
    if (src_sess->last == w)
        src_sess->last = NULL;
    TAILQ_REMOVE(&src_sess->windows, w, entry);
    if (src_sess->current == NULL)
        src_sess->current = TAILQ_FIRST(&src_sess->windows);
    w->index = index;
    session_attach_window(dst, w);
    if (dst->current == NULL || args->flags['d'] == NULL)
        session_select_window(dst, w);
    window_resize(w, dst->cols, dst->rows);
    cmd_session_changed(ctx, dst);
    if (src_sess != dst) {
        if (TAILQ_EMPTY(&src_sess->windows))
            server_destroy_session(ctx->server, src_sess, 0);
        else
            cmd_session_changed(ctx, src_sess);
    }
    return 0;
}

/* swap-window -s a -t b: the two windows exchange places (in one session). */
int cmd_swap_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sa, *sb;
    struct window *a = cmd_find_window(ctx, args->flags['s'], &sa);
    if (a == NULL)
        return -1;
    struct window *b = cmd_find_window(ctx, args->flags['t'], &sb);
    if (b == NULL)
        return -1;
    if (sa != sb) {
        cmd_error(ctx, "swap-window: both windows must be in one session");
        return -1;
    }
    if (a == b)
        return 0;
    int ia = a->index;
    TAILQ_REMOVE(&sa->windows, a, entry);
    TAILQ_REMOVE(&sa->windows, b, entry);
    a->index = b->index;
    b->index = ia;
    session_attach_window(sa, a);
    session_attach_window(sa, b);
    if (args->flags['d'] == NULL && sa->current == a)
        session_select_window(sa, a);
    cmd_session_changed(ctx, sa);
    return 0;
}

/* find-window: select the first window whose name, title or visible text contains the
 * string; with several, the first one after the current. */
int cmd_find_window_cmd(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    const char *match = args->argv[0];
    struct window *w, *found = NULL;
    TAILQ_FOREACH(w, &sess->windows, entry) {
        bool hit = strstr(w->name, match) != NULL;
        struct pane *p = w->active;
        if (!hit && p != NULL)
            hit = strstr(vt_title(p->vt), match) != NULL;
        for (int y = 0; !hit && p != NULL && y < vt_rows(p->vt); y++) {
            char line[4096];
            vt_line_text(p->vt, y, line, sizeof line);
            hit = strstr(line, match) != NULL;
        }
        if (hit) {
            found = w;
            break;
        }
    }
    if (found == NULL) {
        cmd_error(ctx, "no window matching: %s", match);
        return -1;
    }
    session_select_window(sess, found);
    cmd_session_changed(ctx, sess);
    return 0;
}
