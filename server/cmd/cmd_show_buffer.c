/* cmd_show_buffer.c - show-buffer: a paste buffer's text. */
#include "cmd_impl.h"

#include <event2/buffer.h>

#include "paste.h"

static int cmd_show_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = cmd_find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    evbuffer_add(ctx->out, pb->data, pb->size);
    /* The text as it is, with a newline after it if it lacks one, as tmux shows it. */
    if (pb->size == 0 || pb->data[pb->size - 1] != '\n')
        evbuffer_add(ctx->out, "\n", 1);
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
