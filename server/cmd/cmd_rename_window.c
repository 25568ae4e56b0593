/* cmd_rename_window.c - rename-window: name a window (automatic-rename goes off for it). */
#include "cmd_impl.h"

#include "options.h"
#include "window.h"

int cmd_rename_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    window_set_name(w, args->argv[0]);
    char err[128];
    options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    cmd_session_changed(ctx, sess);
    return 0;
}
