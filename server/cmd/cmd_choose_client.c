/* cmd_choose_client.c - choose-client and customize-mode: the list of clients, and the
 * tree of options and key bindings to edit, as pane modes in the target pane
 * (chooser.c). */
#include "cmd_impl.h"

#include "chooser.h"

static int cmd_choose_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    /* The client it acts for, if any: without one it still opens (Enter needs one). */
    struct client *c = cmd_find_client(ctx, NULL, true);
    struct chooser_opts opts = {
        .template = args->argc > 0 ? args->argv[0] : NULL,
        .format = args->flags['F'],
        .filter = args->flags['f'],
        .sort = args->flags['O'],
        .reverse = args->flags['r'] != NULL,
        .zoom = args->flags['Z'] != NULL,
        .key_format = args->flags['K'],
    };
    chooser_open_clients(c, ctx->target.pane, &opts);
    return 0;
}

static int cmd_customize_mode_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_find_client(ctx, NULL, true);
    chooser_open_customize(c, ctx->target.pane, args->flags['Z'] != NULL);
    return 0;
}

const struct cmd_entry cmd_choose_client_entry = {
    .name = "choose-client",
    .spec = "F:f:K:NO:rt:Z",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-NrZ] [-F format] [-f filter] [-K key-format] [-O sort-order] "
             "[-t target-pane] [template]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_choose_client_exec,
};

const struct cmd_entry cmd_customize_mode_entry = {
    .name = "customize-mode",
    .spec = "F:f:Nt:Z",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-NZ] [-F format] [-f filter] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_customize_mode_exec,
};
