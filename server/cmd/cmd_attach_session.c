/* cmd_attach_session.c - attach-session: attach the client to a session (also
 * new-session -A), after checking its terminal can show one. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "client_limits.h"
#include "client_term.h"
#include "control.h"
#include "options.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* Whether path is the terminal of a pane of this server. */
static bool server_pane_tty(struct server *srv, const char *path)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &srv->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &wl->window->panes, entry) {
                char buf[128];
                if (p->fd >= 0 && !p->eof && ptsname_r(p->fd, buf, sizeof buf) == 0 &&
                    strcmp(buf, path) == 0)
                    return true;
            }
        }
    }
    return false;
}

int cmd_check_nested(struct cmd_ctx *ctx, struct client *c)
{
    const char *tmux = cmd_client_env(c, "TMUX");
    if (tmux == NULL || *tmux == '\0' || c->tty_name == NULL || *c->tty_name == '\0' ||
        !server_pane_tty(ctx->server, c->tty_name))
        return 0;
    cmd_error(ctx, "sessions should be nested with care, unset $TMUX to force (%s is a pane "
              "of this server)", c->tty_name);
    return -1;
}

/* Attach ctx->client to sess, checking it can show a session. */
int cmd_attach_client(struct cmd_ctx *ctx, struct session *sess,
                      const struct cmd_attach_opts *opts)
{
    struct client *c = ctx->client;
    if (c == NULL) {
        cmd_error(ctx, "no client to attach (run tmx attach from a terminal)");
        return -1;
    }
    if (cmd_check_nested(ctx, c) != 0)
        return -1;
    if (!(c->flags & IDENT_TTY)) {
        cmd_error(ctx, "open terminal failed: not a terminal");
        return -1;
    }
    if (!client_limits_frame_fits(c->cols, c->rows)) {
        /* Its frames would pass the per-client bound: this client fails alone. */
        char why[512];
        client_limits_frame_error(c->cols, c->rows, why, sizeof why);
        cmd_error(ctx, "%s", why);
        return -1;
    }
    if (c->render == NULL) {
        char err[256];
        if (client_term_setup(c, err, sizeof err) != 0) {
            cmd_error(ctx, "%s (set TERM to your terminal's name, e.g. xterm-256color)", err);
            return -1;
        }
    }
    if (opts->detach_others || opts->hup_others) {
        struct client *o, *next;
        char *msg = xasprintf(opts->hup_others ? "[detached and SIGHUP (from session %s)]"
                                               : "[detached (from session %s)]",
                              sess->name);
        TAILQ_FOREACH_SAFE(o, &ctx->server->clients, entry, next) {
            if (o != c && o->attached && o->session == sess)
                server_client_exit_how(o, 0, msg,
                                       opts->hup_others ? PROTO_EXIT_HUP : PROTO_EXIT_PLAIN,
                                       NULL);
        }
        free(msg);
    }
    if (!opts->keep_env)
        session_update_environment(sess, c->env, c->nenv);
    c->readonly = opts->readonly;
    if (c->control && opts->flags != NULL) {
        /* A control client's own flags (attach -f pause-after=1,no-output). */
        char *copy = xstrdup(opts->flags), *save = NULL;
        for (char *t = strtok_r(copy, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save))
            control_set_flag(c, t + (*t == '!'), *t == '!');
        free(copy);
    }
    server_client_attach(c, sess);
    ctx->attached = true;
    return 0;
}

/* -t is looked up here, after the checks for no session and for a client already
 * attached, whose errors come first. */
static int cmd_attach_session_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (TAILQ_EMPTY(&ctx->server->sessions)) {
        cmd_error(ctx, "no sessions (tmx new -s NAME starts one)");
        return -1;
    }
    if (ctx->from_key) {
        cmd_error(ctx, "already attached (use switch-client)");
        return -1;
    }
    /* Without -t, as tmux: the most recently used session no client shows, if any. */
    struct cmd_find_state fs;
    if (cmd_find_target(ctx, &fs, args->flags['t'], CMD_FIND_SESSION, CMD_FIND_PREFER_UNATTACHED) != 0)
        return -1;
    struct session *sess = fs.session;
    if (args->flags['c'] != NULL) {
        /* -c: the session's working directory from now on. */
        free(sess->cwd);
        sess->cwd = cmd_client_path(ctx, args->flags['c']);
    }
    struct cmd_attach_opts opts = {
        .detach_others = args->flags['d'] != NULL,
        .hup_others = args->flags['x'] != NULL,
        .readonly = args->flags['r'] != NULL || cmd_flags_readonly(args->flags['f']),
        .flags = args->flags['f'],
        .keep_env = args->flags['E'] != NULL,
    };
    return cmd_attach_client(ctx, sess, &opts);
}

const struct cmd_entry cmd_attach_session_entry = {
    .name = "attach-session",
    .alias = "attach",
    .spec = "c:dEf:rt:x",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-dErx] [-c working-directory] [-f flags] [-t target-session]",
    .exec = cmd_attach_session_exec,
};
