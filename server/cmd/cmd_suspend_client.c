/* cmd_suspend_client.c - suspend-client: stop the client as C-z stops a program. */
#include "cmd_impl.h"

#include "server_client.h"

/* suspend-client: the client gives its terminal back to the shell it was started
 * from and stops (as C-z does to a program) until the user continues it with fg. */
static int cmd_suspend_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = ctx->client;
    const char *target = args->flags['t'];
    if (target != NULL) {
        c = cmd_client_by_tty(ctx->server, target);
        if (c == NULL) {
            cmd_error(ctx, "no client on %s (tmx list-clients -F '#{client_tty}' lists them)", target);
            return -1;
        }
    }
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "no client to suspend: give one with -t (tmx list-clients -F '#{client_tty}')");
        return -1;
    }
    server_client_suspend(c);
    return 0;
}

const struct cmd_entry cmd_suspend_client_entry = {
    .name = "suspend-client",
    .alias = "suspendc",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-client]",
    .exec = cmd_suspend_client_exec,
};
