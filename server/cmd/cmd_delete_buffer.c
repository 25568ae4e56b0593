/* cmd_delete_buffer.c - delete-buffer: forget a paste buffer. */
#include "cmd_impl.h"

#include "paste.h"

static int cmd_delete_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = cmd_find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    paste_delete(ctx->server, pb);
    return 0;
}

const struct cmd_entry cmd_delete_buffer_entry = {
    .name = "delete-buffer",
    .alias = "deleteb",
    .spec = "b:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-b buffer-name]",
    .exec = cmd_delete_buffer_exec,
};
