/* cmd_switch_client.c - switch-client: show another session in this client. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "notify.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "window.h"

/* switch-client: show another session in this client (-t session, or session:window.pane;
 * -n next, -p previous by name; -l the last one it showed). -t is looked up here: only
 * for an attached client, and not with -n, -p or -l. */
static int cmd_switch_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = ctx->client;
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "switch-client needs an attached client (use it from a key or the : prompt)");
        return -1;
    }
    struct session *target = NULL;
    if (args->flags['n'] != NULL || args->flags['p'] != NULL) {
        /* The next or previous session by name, wrapping around, as tmux orders them. */
        size_t n, i;
        struct session **byname = cmd_sessions_by_name(ctx->server, &n);
        for (i = 0; i < n && byname[i] != c->session; i++)
            ;
        if (i < n)
            target = byname[args->flags['n'] != NULL ? (i + 1) % n : (i + n - 1) % n];
        free(byname);
        if (target == NULL)
            return 0;
    } else if (args->flags['l'] != NULL) {
        target = c->last_session_id != 0 || c->has_last_session
                     ? session_find_id(ctx->server, c->last_session_id)
                     : NULL;
        if (target == NULL) {
            cmd_error(ctx, "no last session");
            return -1;
        }
    } else {
        /* -t is a pane target, as tmux's: with a window or pane part (':', '.', '%') the
         * client's session also shows that window and pane. */
        const char *t = args->flags['t'];
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, t, CMD_FIND_PANE, 0) != 0)
            return -1;
        target = fs.session;
        if (t != NULL && t[strcspn(t, ":.%")] != '\0' && fs.window != NULL) {
            if (fs.pane != NULL && fs.pane != fs.window->active)
                window_set_active(fs.window, fs.pane);
            if (fs.session->current != fs.window)
                session_select_window(fs.session, fs.window);
            session_redraw(ctx->server, fs.session, REDRAW_FULL);
        }
    }
    if (target == c->session)
        return 0;
    struct session *old = c->session;
    c->last_session_id = old->id;
    c->has_last_session = true;
    server_client_attach(c, target);
    server_client_update_sizes(ctx->server, old);
    notify_emit(ctx->server, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = old});
    return 0;
}

const struct cmd_entry cmd_switch_client_entry = {
    .name = "switch-client",
    .alias = "switchc",
    .spec = "lnpt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-lnp] [-t target-session]",
    .exec = cmd_switch_client_exec,
};
