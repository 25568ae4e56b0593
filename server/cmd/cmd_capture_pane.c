/* cmd_capture_pane.c - capture-pane: a pane's text, printed (-p) or kept as a buffer. */
#include "cmd_impl.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "capture.h"
#include "paste.h"
#include "vt.h"
#include "xmalloc.h"

/* A capture-pane line number, as tmux 3.3a reads it: "-" is the edge (the top of the
 * history for -S, the last line for -E); a whole number from INT_MIN to SHRT_MAX counts
 * from the first visible line (negative: the history); anything else (empty, not a
 * number, out of range) is the default (0 for -S, the last line for -E), as tmux takes
 * it, without an error: a script's empty variable still captures the screen. */
static int parse_line(const char *s, int edge, int fallback)
{
    if (strcmp(s, "-") == 0)
        return edge;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno != 0 || v < INT_MIN || v > SHRT_MAX)
        return fallback;
    return (int)v;
}

/* -C: what is not printable as octal \ooo, and \ as \\. */
static struct evbuffer *escape_c0(struct evbuffer *text)
{
    struct evbuffer *out = evbuffer_new();
    size_t len = evbuffer_get_length(text);
    const unsigned char *s = evbuffer_pullup(text, -1);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\')
            evbuffer_add(out, "\\\\", 2);
        else if ((s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7f)
            evbuffer_add_printf(out, "\\%03o", s[i]);
        else
            evbuffer_add(out, &s[i], 1);
    }
    evbuffer_free(text);
    return out;
}

/* The captured text printed (-p: without its last newline, then one, as tmux) or kept as
 * a paste buffer; frees text. */
static int capture_done(struct cmd_ctx *ctx, struct cmd_args *args, struct evbuffer *text)
{
    if (args->flags['C'] != NULL)
        text = escape_c0(text);
    size_t len = evbuffer_get_length(text);
    if (args->flags['p'] != NULL) {
        const char *s = (const char *)evbuffer_pullup(text, -1);
        if (len > 0 && s[len - 1] == '\n')
            len--;
        evbuffer_add(ctx->out, s, len);
        evbuffer_add(ctx->out, "\n", 1);
        evbuffer_free(text);
        return 0;
    }
    char *data = xmalloc(len + 1);
    evbuffer_remove(text, data, len);
    evbuffer_free(text);
    paste_set(ctx->server, args->flags['b'], data, len);
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
    struct evbuffer *text = evbuffer_new();
    if (args->flags['P'] != NULL) {
        /* -P: only the start of an escape sequence the pane is still receiving; tmx's
         * parser keeps none aside, so there is nothing. */
        return capture_done(ctx, args, text);
    }
    if (o.alternate && !(vt_modes(p->vt) & VT_MODE_ALT_SCREEN)) {
        if (args->flags['q'] != NULL)
            return capture_done(ctx, args, text);
        evbuffer_free(text);
        cmd_error(ctx, "no alternate screen: pane %%%u is not in the alternate screen "
                  "(-q: no error)", p->id);
        return -1;
    }
    int history = capture_history_size(p->vt, o.alternate);
    int rows = vt_rows(p->vt);
    o.start = 0;
    o.end = rows - 1;
    if (args->flags['S'] != NULL)
        o.start = parse_line(args->flags['S'], -history, 0);
    if (args->flags['E'] != NULL)
        o.end = parse_line(args->flags['E'], rows - 1, rows - 1);
    capture_text(p->vt, &o, text);
    return capture_done(ctx, args, text);
}

const struct cmd_entry cmd_capture_pane_entry = {
    .name = "capture-pane",
    .alias = "capturep",
    .spec = "aCeb:E:JNpPqS:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-aCeJNpPq] [-b buffer-name] [-E end-line] [-S start-line] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_capture_pane_exec,
};
