/* cmd_rename_window.c - rename-window: name a window (automatic-rename goes off for it). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "format.h"
#include "hooks.h"
#include "options.h"
#include "redraw.h"
#include "window.h"

static int cmd_rename_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    struct window *w = ctx->target.window;
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w,
                           .client = ctx->client};
    format_defaults(&f);
    char *name = format_expand(&f, args->argv[0]);
    window_set_name(w, name);
    free(name);
    hooks_fire(ctx->server, "window-renamed", &(struct hook_event){.window = w});
    char err[128];
    options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_rename_window_entry = {
    .name = "rename-window",
    .alias = "renamew",
    .spec = "t:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-t target-window] new-name",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_rename_window_exec,
};
