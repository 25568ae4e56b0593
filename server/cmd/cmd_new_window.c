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

/* -t is looked up here: a window target that may name a free index, as tmux's (s:5, :+1,
 * 3; a session alone: the next free index). */
static int cmd_new_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct cmd_find_state fs;
    if (cmd_find_target(ctx, &fs, args->flags['t'], CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX) != 0)
        return -1;
    struct session *sess = fs.session;
    int index = fs.idx;
    if (index >= 0 && session_window_at(sess, index) != NULL && args->flags['k'] == NULL) {
        cmd_error(ctx, "create window failed: index %d in use", index);
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
    if (args->flags['d'] == NULL) {
        session_select_window(sess, w);
        cmd_find_set_current(ctx, sess, w, NULL); /* the rest of the list's, as tmux */
    }
    if (args->flags['P'] != NULL) {
        struct format_ctx f = {.server = ctx->server, .session = sess, .window = w};
        format_defaults(&f);
        char *text = format_expand(&f, args->flags['F'] != NULL ? args->flags['F']
                                                                : "#{session_name}:#{window_index}");
        cmd_print(ctx, "%s", text);
        free(text);
    }
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    /* Last: the hook may run any command, even one that kills this window. */
    hooks_run(ctx->server, "window-linked", sess, w->active);
    return 0;
}

const struct cmd_entry cmd_new_window_entry = {
    .name = "new-window",
    .alias = "neww",
    .spec = "dkPc:e:F:n:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-dk] [-c start-directory] [-n window-name] [-t target-window] [command]",
    .exec = cmd_new_window_exec,
};
