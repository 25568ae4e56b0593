/* cmd_choose_tree.c - choose-tree and choose-window: the list of sessions and windows
 * over the client's screen (chooser.c). */
#include "cmd_impl.h"

#include "chooser.h"

/* choose-tree [-s] [-w], choose-window: the interactive list (chooser.c). */
int cmd_choose_tree(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_attached_client(ctx, "choose-tree");
    if (c == NULL)
        return -1;
    chooser_open(c, args->flags['s'] != NULL);
    return 0;
}
