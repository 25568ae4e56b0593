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

/* -t is looked up here: session:index names an index that does not exist yet. */
static int cmd_new_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
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
    .usage = "[-abdkPS] [-c start-directory] [-e environment] [-F format] [-n window-name] "
             "[-t target-window] [shell-command]",
    .exec = cmd_new_window_exec,
};
