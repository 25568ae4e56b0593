/* cmd_display_panes.c - display-panes: each pane's number over it for a while; a digit
 * selects that pane (client_input.c). */
#include "cmd_impl.h"

#include <event2/event.h>

#include "options.h"
#include "server_client.h"
#include "server_state.h"

static void panes_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    c->display_panes = false;
    c->needs_redraw = true;
    server_client_redraw(c);
}

/* display-panes: show each pane's number until display-panes-time passes or a key is
 * pressed; a digit selects that pane (client_input.c). */
static int cmd_display_panes_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c = ctx->client;
    if (c == NULL || !c->attached || c->session == NULL) {
        cmd_error(ctx, "display-panes: needs an attached client (run it from a key binding)");
        return -1;
    }
    long ms = options_get_number(c->session->options, "display-panes-time");
    if (c->panes_timer == NULL)
        c->panes_timer = evtimer_new(ctx->server->base, panes_timer_cb, c);
    struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
    evtimer_add(c->panes_timer, &tv);
    c->display_panes = true;
    c->needs_redraw = true;
    server_client_redraw(c);
    return 0;
}

const struct cmd_entry cmd_display_panes_entry = {
    .name = "display-panes",
    .alias = "displayp",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-client]",
    .exec = cmd_display_panes_exec,
};
