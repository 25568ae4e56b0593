/* cmd_find_window.c - find-window: select the window whose name, title or text matches. */
#include "cmd_impl.h"

#include <string.h>

#include "redraw.h"
#include "session.h"
#include "vt.h"

/* find-window: select the first window whose name, title or visible text contains the
 * string; with several, the first one after the current. */
static int cmd_find_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = ctx->target.session;
    const char *match = args->argv[0];
    struct window *w, *found = NULL;
    TAILQ_FOREACH(w, &sess->windows, entry) {
        bool hit = strstr(w->name, match) != NULL;
        struct pane *p = w->active;
        if (!hit && p != NULL)
            hit = strstr(vt_title(p->vt), match) != NULL;
        for (int y = 0; !hit && p != NULL && y < vt_rows(p->vt); y++) {
            char line[4096];
            vt_line_text(p->vt, y, line, sizeof line);
            hit = strstr(line, match) != NULL;
        }
        if (hit) {
            found = w;
            break;
        }
    }
    if (found == NULL) {
        cmd_error(ctx, "no window matching: %s", match);
        return -1;
    }
    session_select_window(sess, found);
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    return 0;
}

const struct cmd_entry cmd_find_window_entry = {
    .name = "find-window",
    .alias = "findw",
    .spec = "t:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-CiNrTZ] [-t target-pane] match-string",
    .target = {'t', CMD_FIND_SESSION, 0},
    .exec = cmd_find_window_exec,
};
