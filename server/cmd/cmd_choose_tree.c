/* cmd_choose_tree.c - choose-tree and choose-window: the list of sessions and windows
 * in the client's active pane, a pane mode (chooser.c). */
#include "cmd_impl.h"

#include "chooser.h"

/* choose-tree [-s] [-w], choose-window: the interactive list (chooser.c). */
static int cmd_choose_tree_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_attached_client(ctx, "choose-tree");
    if (c == NULL)
        return -1;
    chooser_open(c, args->flags['s'] != NULL);
    return 0;
}

const struct cmd_entry cmd_choose_tree_entry = {
    .name = "choose-tree",
    .spec = "swt:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-GNrswZ] [-F format] [-f filter] [-K key-format] [-O sort-order] "
             "[-t target-pane] [template]",
    .exec = cmd_choose_tree_exec,
};

const struct cmd_entry cmd_choose_window_entry = {
    .name = "choose-window",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "",
    .exec = cmd_choose_tree_exec,
};
