/* cmd_respawn_pane.c - respawn-pane: run a command again in a pane (-k: even if it still
 * runs). */
#include "cmd_impl.h"
#include "pane_mode.h"
#include "redraw.h"
#include "window.h"
#include "session.h"
#include "vt.h"

/* Respawn pane p with the command in args (or its own), killing it first with -k. */
int cmd_respawn(struct cmd_ctx *ctx, struct cmd_args *args, struct session *sess,
                   struct pane *p)
{
    if (!p->dead && args->flags['k'] == NULL) {
        struct winlink *wl = session_find_window(sess, p->window);
        cmd_error(ctx, "respawn pane failed: pane %s:%d.%d still active", sess->name,
                  wl != NULL ? wl->index : 0, window_pane_index(p->window, p));
        return -1;
    }
    session_child_environment(sess);
    struct spawn_args sa = {
        .argc = args->argc,
        .argv = args->argc > 0 ? args->argv : NULL,
        .cwd = args->flags['c'] != NULL ? args->flags['c'] : p->cwd,
        .env = sess->env,
        .nenv = sess->nenv,
        .extra_env = args->nenv > 0 ? (char **)args->env : NULL,
        .session = sess,
    };
    char err[512];
    p->crash_loop = false; /* a restart policy starts counting again */
    p->restart_window_count = 0;
    p->restart_delay_ms = 0;
    if (pane_respawn(p, &sa, err, sizeof err) != 0) {
        cmd_error(ctx, "%s", err);
        return -1;
    }
    /* As tmux: the new program starts on a clear screen (the history stays), with the
     * pane out of any mode. */
    pane_mode_free_all(p);
    vt_reinit(p->vt);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

static int cmd_respawn_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct pane *p = ctx->target.pane;
    return cmd_respawn(ctx, args, sess, p);
}

const struct cmd_entry cmd_respawn_pane_entry = {
    .name = "respawn-pane",
    .alias = "respawnp",
    .spec = "kc:e:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-k] [-c start-directory] [-e environment] [-t target-pane] [shell-command]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_respawn_pane_exec,
};
