/* cmd_buffers.c - what the paste-buffer commands share: the buffer -b names (the newest
 * without -b). The buffers themselves are in paste.c. */
#include "cmd_impl.h"

#include "paste.h"

/* Buffer -b NAME, or the newest one when name is NULL; NULL with an error if none. */
struct paste_buffer *cmd_find_buffer(struct cmd_ctx *ctx, const char *name)
{
    struct paste_buffer *pb;
    if (name != NULL) {
        pb = paste_find(ctx->server, name);
        if (pb == NULL)
            cmd_error(ctx, "no buffer named \"%s\" (tmx list-buffers lists them)", name);
        return pb;
    }
    pb = paste_top(ctx->server);
    if (pb == NULL)
        cmd_error(ctx, "no buffers (copy some text in copy mode, or use set-buffer)");
    return pb;
}
