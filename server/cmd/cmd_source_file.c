/* cmd_source_file.c - source-file: run the commands of config files. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>

#include <event2/buffer.h>

#include "config.h"
#include "server_client.h"
#include "xmalloc.h"

static int cmd_source_file_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    int status = 0;
    struct evbuffer *errors = evbuffer_new();
    for (int i = 0; i < args->argc; i++) {
        /* A relative path is relative to where the command was typed, not to the server. */
        const char *path = args->argv[i];
        char *full = NULL;
        if (*path != '/' && ctx->client != NULL && ctx->client->cwd != NULL)
            path = full = xasprintf("%s/%s", ctx->client->cwd, path);
        if (config_load(ctx->server, ctx->client, path, args->flags['q'] != NULL, errors) != 0)
            status = -1;
        free(full);
    }
    size_t n = evbuffer_get_length(errors);
    if (n > 0) {
        /* FILE:LINE: message lines, already one per line. */
        char *text = xstrndup((const char *)evbuffer_pullup(errors, -1), n);
        if (n > 0 && text[n - 1] == '\n')
            text[n - 1] = '\0';
        cmd_error(ctx, "%s", text);
        free(text);
    }
    evbuffer_free(errors);
    return status;
}

const struct cmd_entry cmd_source_file_entry = {
    .name = "source-file",
    .alias = "source",
    .spec = "q",
    .min_args = 1,
    .max_args = -1,
    .usage = "[-q] path ...",
    .exec = cmd_source_file_exec,
};
