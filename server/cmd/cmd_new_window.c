/* cmd_new_window.c - new-window: a window (at an index of its own with -t
 * session:index). */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "hooks.h"
#include "redraw.h"
#include "server_client.h"
#include "server_exit.h"
#include "session.h"
#include "xmalloc.h"

/* -S: the window of sess named name (a format), if there is one; -1 with an error when
 * several are, 0 when none, 1 when found (in *found). */
static int find_named(struct cmd_ctx *ctx, struct session *sess, const char *name,
                      struct winlink **found)
{
    struct format_ctx f = {.server = ctx->server, .session = sess, .client = ctx->client};
    char *expanded = format_expand(&f, name);
    struct winlink *w;
    *found = NULL;
    TAILQ_FOREACH(w, &sess->windows, entry) {
        if (strcmp(w->window->name, expanded) != 0)
            continue;
        if (*found != NULL) {
            cmd_error(ctx, "multiple windows named %s", name);
            free(expanded);
            return -1;
        }
        *found = w;
    }
    free(expanded);
    return *found != NULL;
}

/* -t is looked up here: session:index names an index that does not exist yet. */
static int cmd_new_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    int index = -1;
    const char *t = args->flags['t'];
    if (args->flags['a'] != NULL || args->flags['b'] != NULL) {
        /* -a/-b: after or before the target window, moving the others up. */
        struct winlink *tw = cmd_find_winlink(ctx, t);
        if (tw == NULL)
            return -1;
        sess = tw->session;
        index = cmd_shuffle_up(sess, tw->index + (args->flags['b'] != NULL ? 0 : 1));
    } else {
        /* A window target that may name a free index, as tmux's (s:5, :+1, 3; a session
         * alone: the next free index). */
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, t, CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX) != 0)
            return -1;
        sess = fs.session;
        index = fs.idx;
    }
    if (args->flags['S'] != NULL && args->flags['n'] != NULL) {
        /* -S: select the window of that name instead, if there is one. */
        struct winlink *named;
        int found = find_named(ctx, sess, args->flags['n'], &named);
        if (found < 0)
            return -1;
        if (found > 0) {
            if (args->flags['d'] == NULL) {
                session_select_window(sess, named);
                session_redraw(ctx->server, sess, REDRAW_STATUS);
            }
            return 0;
        }
    }
    if (index >= 0 && session_window_at(sess, index) != NULL && args->flags['k'] == NULL) {
        cmd_error(ctx, "create window failed: index %d in use", index);
        return -1;
    }
    struct winlink *old = index >= 0 ? session_window_at(sess, index) : NULL;
    if (old != NULL) {
        /* -k: replace the window at that index (if it was the only one, the new one takes
         * its place below). */
        session_unlink_window(sess, old);
    }
    const char *cwd = args->flags['c'];
    char *reported = NULL;
    if (cwd == NULL && ctx->client != NULL && !ctx->client->attached) {
        cwd = ctx->client->cwd;
    } else if (cwd == NULL) {
        /* From a key or an attached client: the directory the current pane's shell
         * reported (OSC 7), as split-window. */
        struct window *cur = sess->current != NULL ? sess->current->window : NULL;
        cwd = reported = cmd_spawn_reported_cwd(cur != NULL ? cur->active : NULL);
    }
    char *name = NULL;
    if (args->flags['n'] != NULL) {
        struct format_ctx nf = {.server = ctx->server, .session = sess, .client = ctx->client};
        name = format_expand(&nf, args->flags['n']);
    }
    int cols, rows;
    cmd_spawn_window_size(ctx, sess, &cols, &rows);
    struct winlink *wl = cmd_spawn_window(ctx, sess, index, name, cwd, args->argc, args->argv,
                                          args->env, cols, rows);
    free(name);
    free(reported);
    if (wl == NULL) {
        if (TAILQ_EMPTY(&sess->windows))
            server_destroy_session_group(ctx->server, sess, 0);
        return -1;
    }
    struct window *w = wl->window;
    /* Its latest client (window-size latest) is the one it was made for, as tmux. */
    struct client *tc = cmd_find_current_client(ctx);
    w->latest_client = tc != NULL ? tc->id : 0;
    if (args->flags['d'] == NULL) {
        session_select_window(sess, wl);
        cmd_find_set_current(ctx, sess, w, NULL); /* the rest of the list's, as tmux */
    }
    /* What its after-new-window hook is about: the new window. */
    ctx->target = (struct cmd_find_state){.session = sess, .wl = wl, .window = w,
                                          .pane = w->active, .idx = wl->index};
    if (args->flags['P'] != NULL) {
        struct format_ctx f = {.server = ctx->server, .session = sess, .wl = wl, .window = w};
        format_defaults(&f);
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F']
                                                                : "#{session_name}:#{window_index}.#{pane_index}");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    /* Last: the hook may run any command, even one that kills this window. */
    hooks_fire(ctx->server, "window-linked", &(struct hook_event){.session = sess, .window = w});
    server_group_synced_hooks(ctx->server, sess, NULL);
    return 0;
}

const struct cmd_entry cmd_new_window_entry = {
    .name = "new-window",
    .alias = "neww",
    .spec = "abdkPSc:e:F:n:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-abdkPS] [-c start-directory] [-e environment] [-F format] [-n window-name] "
             "[-t target-window] [shell-command]",
    .exec = cmd_new_window_exec,
};
