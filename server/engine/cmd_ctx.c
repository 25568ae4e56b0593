/* cmd_ctx.c - a command's errors and output (see cmd_ctx.h). */
#include "cmd_ctx.h"

#include <stdarg.h>

#include <event2/buffer.h>

void cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(ctx->err, fmt, ap);
    va_end(ap);
    evbuffer_add(ctx->err, "\n", 1);
}

void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    evbuffer_add_vprintf(ctx->out, fmt, ap);
    va_end(ap);
    evbuffer_add(ctx->out, "\n", 1);
}
