/* cmd_select_window.c - select-window, next-window, previous-window, last-window: make a
 * window the session's current one. */
#include "cmd_impl.h"

#include "session.h"

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
