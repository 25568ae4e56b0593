/* cmd_display_message.c - display-message: a format expanded, on a client's status line
 * (-c, else the current client) or (-p) printed; -a lists every variable. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_message.h"
#include "format.h"
#include "format_out.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

/* tmux's default message. */
#define DISPLAY_MESSAGE_TEMPLATE                                                           \
    "[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - "      \
    "(%H:%M %d-%b-%y)"

/* -a: every variable as NAME=VALUE, by name. */
static void print_all(struct cmd_ctx *ctx, const struct format_ctx *f)
{
    for (const char *const *name = format_variable_names(); *name != NULL; name++) {
        struct format_out o = {0};
        format_variable(f, *name, &o);
        char *value = format_out_take(&o);
        cmd_print(ctx, "%s=%s", *name, value);
        free(value);
    }
}

/* The target is looked up here: an attached client without -t shows its own session
 * (whatever pane a hook or if-shell ran for), and with no session at all there is
 * nothing to look up. */
static int cmd_display_message_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    if (args->flags['F'] != NULL && args->argc > 0) {
        cmd_error(ctx, "only one of -F or argument must be given");
        return -1;
    }
    long delay = -1;
    if (args->flags['d'] != NULL) {
        char *end;
        delay = strtol(args->flags['d'], &end, 10);
        if (*args->flags['d'] == '\0' || *end != '\0' || delay < 0 || delay > 86400000) {
            cmd_error(ctx, "delay %s", *args->flags['d'] == '\0' || *end != '\0' ? "invalid"
                                       : delay < 0                               ? "too small"
                                                                                 : "too large");
            return -1;
        }
    }
    /* -c: the client to show it to (none found is no error: it is shown nowhere). */
    struct client *tc = args->flags['c'] != NULL ? cmd_find_client(ctx, args->flags['c'], true)
                                                 : cmd_find_client(ctx, NULL, true);
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
    if (args->flags['I'] != NULL) {
        /* Only a pane started without a program takes input this way; tmx has none. */
        cmd_error(ctx, "pane is not empty");
        return -1;
    }
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p,
                           .client = tc != NULL ? tc : ctx->client,
                           .command = "display-message"};
    format_defaults(&f);
    if (args->flags['a'] != NULL) {
        print_all(ctx, &f);
        return 0;
    }
    const char *template = args->flags['F'] != NULL ? args->flags['F']
                           : args->argc > 0         ? args->argv[0]
                                                    : DISPLAY_MESSAGE_TEMPLATE;
    char *text;
    if (args->flags['l'] != NULL)
        text = xstrdup(template); /* -l (tmux 3.4): as it is, no format */
    else
        text = format_expand_time(&f, template);
    if (args->flags['p'] != NULL)
        cmd_print(ctx, "%s", text);
    else if (tc != NULL)
        client_message_delay(tc, (int)delay, "%s", text);
    free(text);
    return 0;
}

const struct cmd_entry cmd_display_message_entry = {
    .name = "display-message",
    .alias = "display",
    .spec = "ac:d:F:IlNpt:v",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-aINpv] [-c target-client] [-d delay] [-F format] [-t target-pane] [message]",
    .exec = cmd_display_message_exec,
};
