/* cmd_delete_buffer.c - delete-buffer: forget a paste buffer. */
#include "cmd_impl.h"

#include "paste.h"

int cmd_delete_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = cmd_find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    paste_delete(ctx->server, pb);
    return 0;
}
