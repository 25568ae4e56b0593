/* cmd_choose_tree.c - choose-tree and choose-window: the list of sessions and windows
 * in the client's active pane, a pane mode (chooser.c). */
#include "cmd_impl.h"

#include "chooser.h"
#include "client_state.h"
#include "model.h"

/* choose-tree [-s] [-w], choose-window: the interactive list (chooser.c) in the target
 * pane; -f keeps the windows a format is true for, -r reverses, -Z zooms, a template
 * runs for Enter with %% the choice, -K gives each line's shortcut key (a format with
 * #{line}), -F each line's text, -O the order, -N no preview, -G every session of a
 * group; -s and -w start with the sessions or the windows collapsed. */
static int cmd_choose_tree_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_find_client(ctx, NULL, true);
    struct pane *p = ctx->target.pane;
    if (p == NULL && c != NULL && c->session != NULL && c->session->current != NULL)
        p = c->session->current->window->active;
    if (p == NULL) {
        cmd_error(ctx, "no current pane");
        return -1;
    }
    struct chooser_opts opts = {
        .template = args->argc > 0 ? args->argv[0] : NULL,
        .filter = args->flags['f'],
        .reverse = args->flags['r'] != NULL,
        .zoom = args->flags['Z'] != NULL,
        .key_format = args->flags['K'],
        .format = args->flags['F'],
        .sort = args->flags['O'],
        .no_preview = args->flags['N'] != NULL,
        .all_groups = args->flags['G'] != NULL,
        .tree_type = args->flags['s'] != NULL ? 1 : args->flags['w'] != NULL ? 2 : 0,
    };
    chooser_open_tree(c, p, &opts, NULL, NULL);
    return 0;
}

const struct cmd_entry cmd_choose_tree_entry = {
    .name = "choose-tree",
    .spec = "F:f:GK:NO:rst:wZ",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-GNrswZ] [-F format] [-f filter] [-K key-format] [-O sort-order] "
             "[-t target-pane] [template]",
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
    .exec = cmd_choose_tree_exec,
};

const struct cmd_entry cmd_choose_window_entry = {
    .name = "choose-window",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "",
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
    .exec = cmd_choose_tree_exec,
};
