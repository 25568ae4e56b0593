/* cmd_spawn.c - what commands that make or remove windows share: how a pane is started
 * (command, directory, environment), a new window with its first pane, and a window's
 * removal (its session with it when it was the last). */
#include "cmd_impl.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
    session_child_environment(sess);
    return (struct spawn_args){
        .argc = argc,
        .argv = argv,
        .cwd = cwd != NULL ? cwd : sess->cwd,
        .env = sess->env,
        .nenv = sess->nenv,
        .extra_env = (char **)extra_env,
        .cols = cols,
        .rows = rows,
        .session = sess,
    };
}

bool cmd_spawn_latest_size(struct cmd_ctx *ctx, int *cols, int *rows)
{
    struct client *tc = cmd_find_current_client(ctx);
    if (options_get_number(ctx->server->window_options, "window-size") != 3 || tc == NULL ||
        !server_client_sizes_windows(tc))
        return false;
    *cols = tc->cols;
    *rows = tc->rows - (tc->control ? 0 : (int)options_get_number(tc->session->options,
                                                                   "status"));
    if (*rows < 1)
        *rows = 1;
    return true;
}

void cmd_spawn_window_size(struct cmd_ctx *ctx, struct session *sess, int *cols, int *rows)
{
    if (cmd_spawn_latest_size(ctx, cols, rows))
        return;
    struct client *c;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (c->session == sess && server_client_sizes_windows(c)) {
            *cols = sess->cols;
            *rows = sess->rows;
            return;
        }
    }
    if (sscanf(options_get_string(sess->options, "default-size"), "%dx%d", cols, rows) != 2 ||
        *cols < 1 || *rows < 1) {
        *cols = 80;
        *rows = 24;
    }
}

struct winlink *cmd_spawn_window(struct cmd_ctx *ctx, struct session *sess, int index,
                                 const char *name, const char *cwd, int argc, char **argv,
                                 const char *const *extra_env, int cols, int rows)
{
    struct server *srv = ctx->server;
    if (index < 0)
        index = session_next_index(sess, (int)options_get_number(sess->options, "base-index"));
    struct window *w = window_create(sess, name);
    w->cols = cols; /* no pane yet: nothing to lay out again */
    w->rows = rows;
    w->manual_cols = cols;
    w->manual_rows = rows;
    char *dc_argv[2];
    struct spawn_args sa = cmd_spawn_args(sess, argc, argv, cwd, extra_env, cols, rows,
                                          dc_argv);
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
    window_mark_active(w, p); /* as tmux's new windows (break-pane's are not) */
    if (name == NULL) {
        /* No -n: named after what was asked for (until the program runs, with
         * automatic-rename; for good without it, as tmux). */
        const char *base = argc > 0 ? argv[0] : srv->default_shell;
        char first[256];
        snprintf(first, sizeof first, "%s", base);
        first[strcspn(first, " ")] = '\0';
        const char *slash = strrchr(first, '/');
        window_set_name(w, slash != NULL ? slash + 1 : first);
    }
    struct winlink *wl = session_link_window(sess, w, index);
    /* Once linked, so that a log-file format can name the session; nothing was read from
     * the pty yet: the log still gets the first byte. */
    server_pane_apply_log(srv, p);
    return wl;
}

void cmd_destroy_window(struct cmd_ctx *ctx, struct window *w)
{
    struct session *mine = ctx->client != NULL ? ctx->client->session : NULL;
    uint32_t mine_id = mine != NULL ? mine->id : 0;
    server_kill_window(ctx->server, w, 0);
    if (mine != NULL && session_find_id(ctx->server, mine_id) == NULL)
        ctx->detached = true; /* the client's session went with it */
}

char *cmd_spawn_reported_cwd(const struct pane *p)
{
    if (p == NULL || p->vt == NULL || vt_cwd(p->vt)[0] != '/')
        return NULL;
    struct stat st;
    if (stat(vt_cwd(p->vt), &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    return xstrdup(vt_cwd(p->vt));
}
