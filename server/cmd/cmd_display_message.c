/* cmd_display_message.c - display-message: a format expanded, on the status line or (-p)
 * printed. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "client_message.h"
#include "format.h"
#include "server_client.h"
#include "server_state.h"

/* The target is looked up here: an attached client without -t shows its own session
 * (whatever pane a hook or if-shell ran for), and with no session at all there is
 * nothing to look up. */
static int cmd_display_message_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = NULL;
    struct window *w = NULL;
    struct pane *p = NULL;
    if (args->flags['t'] != NULL || (ctx->client == NULL || !ctx->client->attached)) {
        /* As tmux, a target not found is no error: what was found is shown. */
        struct cmd_find_state fs;
        cmd_find_target(ctx, &fs, args->flags['t'], CMD_FIND_PANE, CMD_FIND_CANFAIL);
        sess = fs.session;
        w = fs.window;
        p = fs.pane;
    } else {
        sess = ctx->client->session;
    }
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p,
                           .client = ctx->client, .command = "display-message"};
    format_defaults(&f);
    const char *template = args->flags['F'] != NULL ? args->flags['F']
                           : args->argc > 0         ? args->argv[0]
                                                    : "[#S] #I:#W, current pane #P";
    char *text = format_expand_time(&f, template);
    if (args->flags['p'] != NULL || ctx->client == NULL || !ctx->client->attached)
        cmd_print(ctx, "%s", text);
    else
        client_message(ctx->client, "%s", text);
    free(text);
    return 0;
}

const struct cmd_entry cmd_display_message_entry = {
    .name = "display-message",
    .alias = "display",
    .spec = "pF:t:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-p] [-t target-pane] [message]",
    .exec = cmd_display_message_exec,
};
