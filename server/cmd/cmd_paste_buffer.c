/* cmd_paste_buffer.c - paste-buffer: type a paste buffer into a pane. */
#include "cmd_impl.h"

#include <string.h>

#include <event2/buffer.h>

#include "paste.h"
#include "vt.h"

/* The bytes paste-buffer types: each LF replaced by sep (NULL: keep LF), bracketed
 * with ESC[200~ ... ESC[201~ when asked and the program enabled mode 2004. */
static void paste_bytes(struct evbuffer *out, const struct paste_buffer *pb, const char *sep,
                        bool bracket)
{
    if (bracket)
        evbuffer_add(out, "\033[200~", 6);
    size_t start = 0;
    for (size_t i = 0; i < pb->size; i++) {
        if (pb->data[i] != '\n' || sep == NULL)
            continue;
        evbuffer_add(out, pb->data + start, i - start);
        evbuffer_add(out, sep, strlen(sep));
        start = i + 1;
    }
    evbuffer_add(out, pb->data + start, pb->size - start);
    if (bracket)
        evbuffer_add(out, "\033[201~", 6);
}

/* paste-buffer [-dpr] [-s separator] [-b name] [-t target-pane] */
static int cmd_paste_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    struct paste_buffer *pb;
    if (args->flags['b'] != NULL) {
        pb = cmd_find_buffer(ctx, args->flags['b']);
        if (pb == NULL)
            return -1;
    } else {
        pb = paste_top(ctx->server);
        if (pb == NULL)
            return 0; /* nothing copied yet: nothing to paste, as in tmux */
    }
    const char *sep = args->flags['s'] != NULL ? args->flags['s'] : "\r";
    if (args->flags['r'] != NULL && args->flags['s'] == NULL)
        sep = NULL;
    bool bracket = args->flags['p'] != NULL && (vt_modes(p->vt) & VT_MODE_BRACKETED_PASTE);
    if (p->dead) {
        cmd_error(ctx, "pane %%%u is dead: nothing reads a paste (respawn-pane -k)", p->id);
        return -1;
    }
    struct evbuffer *bytes = evbuffer_new();
    paste_bytes(bytes, pb, sep, bracket);
    size_t len = evbuffer_get_length(bytes);
    bool taken = pane_write(p, evbuffer_pullup(bytes, -1), len);
    evbuffer_free(bytes);
    if (!taken) {
        cmd_error(ctx, "pane %%%u did not take the paste (%zu bytes): its program is not "
                  "reading its input (over %u MiB wait for it)", p->id, len,
                  PANE_INPUT_MAX >> 20);
        return -1;
    }
    if (args->flags['d'] != NULL)
        paste_delete(ctx->server, pb);
    return 0;
}

const struct cmd_entry cmd_paste_buffer_entry = {
    .name = "paste-buffer",
    .alias = "pasteb",
    .spec = "b:dprs:t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-dpr] [-s separator] [-b buffer-name] [-t target-pane]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_paste_buffer_exec,
};
