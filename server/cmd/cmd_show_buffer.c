/* cmd_show_buffer.c - show-buffer: a paste buffer's text. */
#include "cmd_impl.h"

#include <event2/buffer.h>

#include "paste.h"

static int cmd_show_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = cmd_find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    /* The text as it is, as tmux prints it (no newline added). */
    evbuffer_add(ctx->out, pb->data, pb->size);
    return 0;
}

const struct cmd_entry cmd_show_buffer_entry = {
    .name = "show-buffer",
    .alias = "showb",
    .spec = "b:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-b buffer-name]",
    .exec = cmd_show_buffer_exec,
};
