/* cmd_capture_pane.c - capture-pane: a pane's text, printed (-p) or kept as a buffer. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "capture.h"
#include "paste.h"
#include "vt.h"
#include "xmalloc.h"

/* A capture-pane line number: a number (negative = history), or "-" for the edge. */
static int parse_line(const char *s, int edge, int *out)
{
    if (strcmp(s, "-") == 0) {
        *out = edge;
        return 0;
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || *s == '\0')
        return -1;
    *out = (int)(v < -100000000 ? -100000000 : v > 100000000 ? 100000000 : v);
    return 0;
}

/* capture-pane: the pane's text (see capture.h for -a -e -J -N) printed with -p, else
 * kept as a paste buffer (-b names it). Works on any pane, attached or not. */
static int cmd_capture_pane_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    struct capture_opts o = {
        .alternate = args->flags['a'] != NULL,
        .escapes = args->flags['e'] != NULL,
        .join = args->flags['J'] != NULL,
        .keep_spaces = args->flags['N'] != NULL,
    };
    if (o.alternate && !(vt_modes(p->vt) & VT_MODE_ALT_SCREEN)) {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "no alternate screen: pane %%%u is not in the alternate screen "
                  "(-q: no error)", p->id);
        return -1;
    }
    int history = capture_history_size(p->vt, o.alternate);
    int rows = vt_rows(p->vt);
    o.start = 0;
    o.end = rows - 1;
    if (args->flags['S'] != NULL && parse_line(args->flags['S'], -history, &o.start) != 0) {
        cmd_error(ctx, "invalid start line: %s (a number, negative for history, or -)",
                  args->flags['S']);
        return -1;
    }
    if (args->flags['E'] != NULL && parse_line(args->flags['E'], rows - 1, &o.end) != 0) {
        cmd_error(ctx, "invalid end line: %s (a number, negative for history, or -)",
                  args->flags['E']);
        return -1;
    }
    if (args->flags['p'] != NULL) {
        capture_text(p->vt, &o, ctx->out);
        return 0;
    }
    struct evbuffer *text = evbuffer_new();
    capture_text(p->vt, &o, text);
    size_t len = evbuffer_get_length(text);
    char *data = xmalloc(len + 1);
    evbuffer_remove(text, data, len);
    evbuffer_free(text);
    paste_set(ctx->server, args->flags['b'], data, len);
    return 0;
}

const struct cmd_entry cmd_capture_pane_entry = {
    .name = "capture-pane",
    .alias = "capturep",
    .spec = "aeb:E:JNpqS:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-aCeJNpPq] [-b buffer-name] [-E end-line] [-S start-line] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_capture_pane_exec,
};
