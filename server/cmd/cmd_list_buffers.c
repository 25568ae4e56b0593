/* cmd_list_buffers.c - list-buffers: one line per paste buffer, newest first (-F a
 * format, -f a filter). */
#include "cmd_impl.h"

#include <stdlib.h>

#include "cmd_list.h"
#include "format.h"
#include "paste.h"
#include "server_state.h"

/* Default list-buffers line, as tmux prints it. */
#define LIST_BUFFERS_FORMAT "#{buffer_name}: #{buffer_size} bytes: \"#{buffer_sample}\""

static int cmd_list_buffers_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *template = args->flags['F'] != NULL ? args->flags['F'] : LIST_BUFFERS_FORMAT;
    struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &ctx->server->paste_buffers, entry) {
        struct format_ctx f = {.server = ctx->server, .client = ctx->client, .buffer = pb};
        cmd_list_line(ctx, &f, args->flags['f'], template, -1);
    }
    return 0;
}

const struct cmd_entry cmd_list_buffers_entry = {
    .name = "list-buffers",
    .alias = "lsb",
    .spec = "F:f:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-F format] [-f filter]",
    .exec = cmd_list_buffers_exec,
};
