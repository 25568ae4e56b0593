/* cmd_switch_client.c - switch-client: show another session in this client. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "key_bindings.h"
#include "notify.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "window.h"
#include "xmalloc.h"

/* switch-client: show another session in the client -c (else the current one): -t
 * session (or a window or pane in one, which is selected too), -n next, -p previous, -l
 * the last one it showed; -r toggles its read-only flag, -Z keeps a zoomed window
 * zoomed, -E does not apply update-environment. -t is looked up here: only once there
 * is a client, and not with -n, -p or -l. */
static int cmd_switch_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_find_client(ctx, args->flags['c'], false);
    if (c == NULL)
        return -1;
    if (args->flags['r'] != NULL)
        c->readonly = !c->readonly;
    const char *table = args->flags['T'];
    if (table != NULL) {
        /* -T: the client's next key is looked up in that table. */
        if (!key_table_exists(ctx->server, table)) {
            cmd_error(ctx, "table %s doesn't exist", table);
            return -1;
        }
        free(c->key_table);
        c->key_table = NULL;
        c->prefix_active = false;
        if (strcmp(table, KEY_TABLE_PREFIX) == 0)
            c->prefix_active = true;
        else if (strcmp(table, KEY_TABLE_ROOT) != 0)
            c->key_table = xstrdup(table);
        return 0;
    }
    struct session *target = NULL;
    struct window *tw = NULL;
    struct winlink *twl = NULL;
    struct pane *tp = NULL;
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
        /* -t, as tmux's: with a window or pane part (':', '.', '%') a pane target, and
         * the client's session also shows that window and pane; else a session
         * ("can't find session: NAME"). */
        const char *t = args->flags['t'];
        bool has_parts = t != NULL && t[strcspn(t, ":.%")] != '\0';
        struct cmd_find_state fs;
        if (cmd_find_target(ctx, &fs, t, has_parts ? CMD_FIND_PANE : CMD_FIND_SESSION, 0) != 0)
            return -1;
        target = fs.session;
        /* A window named by its id (@1) is a session target's too, as in tmux. */
        if ((has_parts || (t != NULL && *t == '@')) && fs.window != NULL) {
            tw = fs.window;
            twl = fs.wl;
            tp = has_parts && fs.pane != NULL ? fs.pane : fs.window->active;
        }
    }
    if (tw != NULL) {
        bool zoomed = tw->zoomed;
        if (tp != tw->active)
            window_set_active(tw, tp);
        if (zoomed && args->flags['Z'] != NULL)
            window_zoom(tw, true);
        if (twl != NULL)
            session_select_window(target, twl);
        session_redraw(ctx->server, target, REDRAW_STATUS);
    }
    if (target == c->session) {
        server_client_reattach_same(c);
        return 0;
    }
    if (args->flags['E'] == NULL)
        session_update_environment(target, c->env, c->nenv);
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
    .spec = "c:ElnprT:t:Z",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-ElnprZ] [-c target-client] [-t target-session] [-T key-table]",
    .exec = cmd_switch_client_exec,
};
