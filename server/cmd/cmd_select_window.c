/* cmd_select_window.c - select-window, next-window, previous-window, last-window: make a
 * window the session's current one. */
#include "cmd_impl.h"

#include "redraw.h"
#include "session.h"

/* -a: from w on (w included, going forward or back, wrapping once), the first window
 * with an alert (bell, activity, silence); NULL if none has. */
static struct winlink *with_alert(struct session *sess, struct winlink *w, bool forward)
{
    for (struct winlink *x = w;;) {
        if (x->alerts != 0)
            return x;
        x = forward ? session_next_window(sess, x) : session_previous_window(sess, x);
        if (x == w)
            return NULL;
    }
}

/* The window after the current one of sess (next-window, select-window -n); with
 * alert, the next one with an alert. */
static int select_next(struct cmd_ctx *ctx, struct session *sess, bool alert)
{
    struct winlink *w = session_next_window(sess, sess->current);
    if (alert && w != NULL)
        w = with_alert(sess, w, true);
    if (w == NULL || w == sess->current) {
        cmd_error(ctx, "no next window");
        return -1;
    }
    session_select_window(sess, w);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

/* The window before the current one (previous-window, select-window -p). */
static int select_previous(struct cmd_ctx *ctx, struct session *sess, bool alert)
{
    struct winlink *w = session_previous_window(sess, sess->current);
    if (alert && w != NULL)
        w = with_alert(sess, w, false);
    if (w == NULL || w == sess->current) {
        cmd_error(ctx, "no previous window");
        return -1;
    }
    session_select_window(sess, w);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

/* The previously current window (last-window, select-window -l). */
static int select_last(struct cmd_ctx *ctx, struct session *sess)
{
    if (sess->last == NULL || sess->last == sess->current) {
        cmd_error(ctx, "no last window");
        return -1;
    }
    session_select_window(sess, sess->last);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

static int cmd_next_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return select_next(ctx, ctx->target.session, args->flags['a'] != NULL);
}

static int cmd_previous_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return select_previous(ctx, ctx->target.session, args->flags['a'] != NULL);
}

static int cmd_last_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    return select_last(ctx, ctx->target.session);
}

/* select-window looks its -t up itself: with -n, -p or -l (next-window,
 * previous-window, last-window) it names a session, else a window. */
static int cmd_select_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *t = args->flags['t'];
    struct session *sess;
    if (args->flags['n'] != NULL || args->flags['p'] != NULL || args->flags['l'] != NULL) {
        if ((sess = cmd_find_session(ctx, t)) == NULL)
            return -1;
        if (args->flags['n'] != NULL)
            return select_next(ctx, sess, false);
        return args->flags['p'] != NULL ? select_previous(ctx, sess, false)
                                        : select_last(ctx, sess);
    }
    struct winlink *w = cmd_find_winlink(ctx, t);
    if (w == NULL)
        return -1;
    sess = w->session;
    if (args->flags['T'] != NULL && w == sess->current) {
        /* -T: selecting the current window goes to the last one instead. */
        return select_last(ctx, sess);
    }
    session_select_window(sess, w);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_last_window_entry = {
    .name = "last-window",
    .alias = "last",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_last_window_exec,
};

const struct cmd_entry cmd_next_window_entry = {
    .name = "next-window",
    .alias = "next",
    .spec = "at:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-a] [-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_next_window_exec,
};

const struct cmd_entry cmd_previous_window_entry = {
    .name = "previous-window",
    .alias = "prev",
    .spec = "at:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-a] [-t target-session]",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_previous_window_exec,
};

const struct cmd_entry cmd_select_window_entry = {
    .name = "select-window",
    .alias = "selectw",
    .spec = "lnpTt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-lnpT] [-t target-window]",
    .exec = cmd_select_window_exec,
};
