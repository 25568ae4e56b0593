/* cmd_clear_history.c - clear-history: forget a pane's scrollback. */
#include "cmd_impl.h"

#include "vt.h"

/* clear-history: forget the pane's scrollback. */
int cmd_clear_history(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    vt_clear_history(p->vt);
    return 0;
}
