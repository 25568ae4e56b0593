/* cmd_set_option.c - set-option and set-window-option: set an option's value (options.h
 * holds the options); which set of options a command acts on is shared with
 * show-options. */
#include "cmd_impl.h"

#include "option_effects.h"
#include "options.h"
#include "server_state.h"

/* The option set a set-option/show-options command acts on, for option d: the server's;
 * with -g the global session or window options; else the target session's or window's.
 * The option's scope decides what -t names (or that it names nothing), so these
 * commands look it up here. */
struct options *cmd_options_target(struct cmd_ctx *ctx, struct cmd_args *args,
                                      const struct option_def *d, struct session **sp,
                                      struct window **wp)
{
    struct server *s = ctx->server;
    *sp = NULL;
    *wp = NULL;
    if (d->scope == OPTION_SERVER)
        return s->options;
    bool global = args->flags['g'] != NULL;
    if (d->scope == OPTION_SESSION) {
        if (global)
            return s->session_options;
        *sp = cmd_find_session(ctx, args->flags['t']);
        return *sp != NULL ? (*sp)->options : NULL;
    }
    if (global)
        return s->window_options;
    *wp = cmd_find_window(ctx, args->flags['t'], sp);
    return *wp != NULL ? (*wp)->options : NULL;
}

static int cmd_set_option_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    const char *value = args->argc > 1 ? args->argv[1] : NULL;
    const struct option_def *d = options_find(name);
    if (d == NULL) {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "invalid option: %s (show-options -g lists them)", name);
        return -1;
    }
    struct session *sess;
    struct window *w;
    struct options *o = cmd_options_target(ctx, args, d, &sess, &w);
    if (o == NULL)
        return -1;
    char err[300];
    if (args->flags['u'] != NULL) {
        options_unset(o, name);
        if (sess == NULL && w == NULL && options_set(o, name, d->default_value, false, err,
                                                       sizeof err) != 0)
            return -1; /* a global set goes back to the default */
    } else {
        if (args->flags['o'] != NULL && options_is_set(o, name)) {
            if (args->flags['q'] != NULL)
                return 0;
            cmd_error(ctx, "already set: %s", name);
            return -1;
        }
        if (value == NULL && d->type != OPTION_FLAG) {
            cmd_error(ctx, "set-option %s: no value given", name);
            return -1;
        }
        if (options_set(o, name, value, args->flags['a'] != NULL, err, sizeof err) != 0) {
            cmd_error(ctx, "%s", err);
            return -1;
        }
    }
    server_option_changed(ctx->server, name, sess, w);
    return 0;
}

const struct cmd_entry cmd_set_option_entry = {
    .name = "set-option",
    .alias = "set",
    .spec = "agoqst:uw",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-agoqsuw] [-t target-pane] option [value]",
    .exec = cmd_set_option_exec,
};

const struct cmd_entry cmd_set_window_option_entry = {
    .name = "set-window-option",
    .alias = "setw",
    .spec = "agoqt:u",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-agoqu] [-t target-window] option [value]",
    .exec = cmd_set_option_exec,
};
