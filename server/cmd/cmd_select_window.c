/* cmd_select_window.c - select-window, next-window, previous-window, last-window: make a
 * window the session's current one. */
#include "cmd_impl.h"

#include "session.h"

static int cmd_next_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
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

static int cmd_previous_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
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

static int cmd_last_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
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

static int cmd_select_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    if (args->flags['n'] != NULL)
        return cmd_next_window_exec(ctx, args);
    if (args->flags['p'] != NULL)
        return cmd_previous_window_exec(ctx, args);
    if (args->flags['l'] != NULL)
        return cmd_last_window_exec(ctx, args);
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    session_select_window(sess, w);
    cmd_session_changed(ctx, sess);
    return 0;
}

const struct cmd_entry cmd_last_window_entry = {
    .name = "last-window",
    .alias = "last",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .exec = cmd_last_window_exec,
};

const struct cmd_entry cmd_next_window_entry = {
    .name = "next-window",
    .alias = "next",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .exec = cmd_next_window_exec,
};

const struct cmd_entry cmd_previous_window_entry = {
    .name = "previous-window",
    .alias = "prev",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .exec = cmd_previous_window_exec,
};

const struct cmd_entry cmd_select_window_entry = {
    .name = "select-window",
    .alias = "selectw",
    .spec = "lnpt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-lnp] [-t target-window]",
    .exec = cmd_select_window_exec,
};
