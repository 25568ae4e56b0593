/* cmd_new_session.c - new-session: a session with its first window, attached or (-d)
 * not; with -t, a session of a group (showing the windows of the others). */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_limits.h"
#include "format.h"
#include "hooks.h"
#include "options.h"
#include "proto.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_state.h"
#include "session.h"

/* Parse a -x/-y size as tmux does ("width too small"); "-" is the client's size (80x24
 * without one). Returns false with an error. */
static bool parse_size(struct cmd_ctx *ctx, const char *s, const char *what, int client_size,
                       int *out)
{
    if (strcmp(s, "-") == 0) {
        *out = client_size;
        return true;
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0')
        cmd_error(ctx, "%s invalid", what);
    else if (v < 1)
        cmd_error(ctx, "%s too small", what);
    else if (v > 65535)
        cmd_error(ctx, "%s too large", what);
    else {
        *out = v > 10000 ? 10000 : (int)v;
        return true;
    }
    return false;
}

/* A session name as tmux makes it from -s: a format, with ':' and '.' made '_'; NULL
 * (an error) when empty. Caller frees. */
char *cmd_session_name(struct cmd_ctx *ctx, const char *template)
{
    struct format_ctx f = {.server = ctx->server, .client = ctx->client};
    char *name = format_expand(&f, template);
    if (*name == '\0') {
        cmd_error(ctx, "invalid session: %s", name);
        free(name);
        return NULL;
    }
    for (char *p = name; *p != '\0'; p++) {
        if (*p == ':' || *p == '.')
            *p = '_';
        else if ((unsigned char)*p < 0x20)
            *p = '_';
    }
    return name;
}

static int cmd_new_session_named(struct cmd_ctx *ctx, struct cmd_args *args, const char *name,
                                 bool detached);

static int cmd_new_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    /* Without a client (config file, tmx -D new ...) a session can only be detached. */
    bool detached = args->flags['d'] != NULL || ctx->client == NULL;
    if (args->flags['t'] != NULL && (args->argc != 0 || args->flags['n'] != NULL)) {
        cmd_error(ctx, "command or window name given with target");
        return -1;
    }
    char *name = NULL;
    if (args->flags['s'] != NULL && (name = cmd_session_name(ctx, args->flags['s'])) == NULL)
        return -1;
    int rc = cmd_new_session_named(ctx, args, name, detached);
    free(name);
    return rc;
}

static int cmd_new_session_named(struct cmd_ctx *ctx, struct cmd_args *args, const char *name,
                                 bool detached)
{
    struct server *srv = ctx->server;
    struct cmd_attach_opts opts = {
        .detach_others = args->flags['D'] != NULL,
        .hup_others = args->flags['X'] != NULL,
        .readonly = cmd_flags_readonly(args->flags['f']),
        .flags = args->flags['f'],
        .keep_env = args->flags['E'] != NULL,
    };
    if (name != NULL && session_find(srv, name) != NULL) {
        if (args->flags['A'] != NULL) {
            return cmd_attach_client(ctx, session_find(srv, name), &opts);
        }
        cmd_error(ctx, "duplicate session: %s", name);
        return -1;
    }
    if (!detached) {
        if (ctx->client == NULL || ctx->from_key) {
            cmd_error(ctx, "new-session needs -d here (sessions should be nested with care)");
            return -1;
        }
        if (cmd_check_nested(ctx, ctx->client) != 0)
            return -1;
        if (!(ctx->client->flags & IDENT_TTY)) {
            cmd_error(ctx, "open terminal failed: not a terminal");
            return -1;
        }
        if (!client_limits_frame_fits(ctx->client->cols, ctx->client->rows)) {
            /* Before a session of that size is made (cmd_attach_client says it too). */
            char why[512];
            client_limits_frame_error(ctx->client->cols, ctx->client->rows, why, sizeof why);
            cmd_error(ctx, "%s", why);
            return -1;
        }
    }
    int cols = 80, rows = 24;
    /* Detached, a session is default-size (WIDTHxHEIGHT) unless -x/-y say. */
    if (sscanf(options_get_string(srv->session_options, "default-size"), "%dx%d", &cols,
               &rows) != 2 || cols < 1 || rows < 1) {
        cols = 80;
        rows = 24;
    }
    struct client *cl = ctx->client;
    bool has_tty = cl != NULL && (cl->flags & IDENT_TTY);
    if (args->flags['x'] != NULL &&
        !parse_size(ctx, args->flags['x'], "width", has_tty ? cl->cols : 80, &cols))
        return -1;
    if (args->flags['y'] != NULL &&
        !parse_size(ctx, args->flags['y'], "height", has_tty ? cl->rows : 24, &rows))
        return -1;
    /* -x/-y become the session's default-size (a size not given: the session's), as
     * tmux: resize-window -A/-a with no client, and a manual window-size, use it. */
    int given_cols = cols, given_rows = rows;
    /* A control client gives its size only once it set one (refresh-client -C), and
     * has no status line. */
    if (!detached && ctx->client != NULL && (!cl->control || cl->control_sized)) {
        cols = ctx->client->cols;
        rows = ctx->client->rows -
               (cl->control ? 0 : (int)options_get_number(srv->session_options, "status"));
        if (rows < 1)
            rows = 1;
    }
    const char *cwd = args->flags['c'];
    if (cwd == NULL && ctx->client != NULL)
        cwd = ctx->client->cwd;
    if (cwd == NULL)
        cwd = srv->start_cwd; /* tmx -D new: where tmx was started, as a shell would */
    if (cwd == NULL)
        cwd = getenv("HOME");

    /* -t: a session of a group, as tmux: the target session's group, else a new one
     * with the target session, else (no such session) the group of that name. An
     * unnamed session is named after the group (NAME-ID). */
    const char *group = args->flags['t'];
    struct session *groupwith = NULL;
    struct session_group *sg = NULL;
    if (group != NULL) {
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, group, CMD_FIND_SESSION, CMD_FIND_CANFAIL) != 0)
            return -1;
        groupwith = fs.session;
        sg = groupwith != NULL ? groupwith->group : session_group_find(srv, group);
    }
    const char *prefix = sg != NULL ? sg->name : groupwith != NULL ? groupwith->name : group;

    struct client *c = ctx->client;
    /* -E: the client's environment is not taken (update-environment). */
    bool take_env = c != NULL && args->flags['E'] == NULL;
    struct session *sess = session_create_prefixed(srv, name, prefix, cwd,
                                                   take_env ? c->env : NULL,
                                                   take_env ? c->nenv : 0, cols, rows);
    for (int i = 0; i < args->nenv; i++)
        session_setenv(sess, args->env[i]);
    if (args->flags['x'] != NULL || args->flags['y'] != NULL) {
        char size[32], err[256];
        snprintf(size, sizeof size, "%dx%d", args->flags['x'] != NULL ? given_cols : cols,
                 args->flags['y'] != NULL ? given_rows : rows);
        options_set(sess->options, "default-size", size, false, err, sizeof err);
    }
    if (sg == NULL && groupwith == NULL) {
        char *window_name = NULL;
        if (args->flags['n'] != NULL) {
            struct format_ctx nf = {.server = srv, .session = sess, .client = c};
            window_name = format_expand(&nf, args->flags['n']);
        }
        /* Its first window, as tmux 3.3a: with window-size latest, the size of the client
         * that ran the command if one counts (-x and -y then size only the session). */
        int wcols = sess->cols, wrows = sess->rows;
        cmd_spawn_latest_size(ctx, &wcols, &wrows);
        struct winlink *wl = cmd_spawn_window(ctx, sess, -1, window_name, cwd, args->argc,
                                              args->argv, args->env, wcols, wrows);
        free(window_name);
        if (wl == NULL) {
            session_free(sess);
            server_check_exit(srv);
            return -1;
        }
    } else {
        /* tmux spawns a first window here too and drops it for the group's: the ids it
         * took are gone (the next window is @N+1), as in tmux. */
        srv->next_window_id++;
        srv->next_pane_id++;
    }
    if (group != NULL) {
        /* The new session shows the group's windows, from its first one. */
        if (sg == NULL && groupwith != NULL) {
            /* Into the group of its name if there is one (its sessions have other
             * names), as tmux: the new session then shows that group's first one. */
            session_group_add(groupwith, session_group_find(srv, groupwith->name),
                              groupwith->name);
            sg = groupwith->group;
        }
        struct session *from = sg != NULL ? TAILQ_FIRST(&sg->sessions) : NULL;
        session_group_add(sess, sg, group);
        if (from != NULL) {
            session_group_sync_to(sess);
            /* tmux's hooks: its own first window linked and dropped, then the group's
             * windows linked. */
            hooks_fire(srv, "window-linked", &(struct hook_event){.session = sess});
            hooks_fire(srv, "window-unlinked", &(struct hook_event){.session = sess});
            struct winlink *gwl;
            TAILQ_FOREACH(gwl, &sess->windows, entry)
                hooks_fire(srv, "window-linked",
                           &(struct hook_event){.session = sess, .window = gwl->window});
        }
        if (!TAILQ_EMPTY(&sess->windows))
            session_select_window(sess, TAILQ_FIRST(&sess->windows));
        /* As tmux: it has shown no other window yet (no last window, no '-' flag). */
        session_forget_last_windows(sess);
    }
    if (args->flags['P'] != NULL) {
        struct format_ctx f = {.server = srv, .session = sess, .client = c};
        format_defaults(&f);
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F'] : "#{session_name}:");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    opts.detach_others = opts.hup_others = false;
    cmd_find_set_current(ctx, sess, NULL, NULL); /* the rest of the list's, as tmux */
    if (!detached && cmd_attach_client(ctx, sess, &opts) != 0) {
        server_destroy_session(srv, sess, 0);
        return -1;
    }
    /* Last: the hook may run any command, even one that ends this session. As tmux: its
     * first window's window-linked (not a grouped session's copies), then session-created. */
    if (sess->group == NULL && !TAILQ_EMPTY(&sess->windows))
        hooks_fire(srv, "window-linked", &(struct hook_event){
                                             .session = sess,
                                             .window = TAILQ_FIRST(&sess->windows)->window});
    hooks_fire(srv, "session-created", &(struct hook_event){.session = sess});
    return 0;
}

const struct cmd_entry cmd_new_session_entry = {
    .name = "new-session",
    .alias = "new",
    .spec = "AdDEPXc:e:F:f:n:s:t:x:y:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-AdDEPX] [-c start-directory] [-e environment] [-F format] [-f flags] [-n window-name] [-s session-name] [-t target-session] [-x width] [-y height] [shell-command]",
    .exec = cmd_new_session_exec,
};
