/* cmd_source_file.c - source-file: run the commands of config files. Each path may be a
 * glob (-F: a format first); each file is parsed whole and its commands run right after
 * source-file, before the commands that follow it. -n only parses, -v prints each
 * command as parsed, -q says nothing of files that do not exist. */
#include "cmd_impl.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "cmd_queue.h"
#include "config.h"
#include "format.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

/* A file sourcing itself would never end (tmux loops): not this deep. */
#define SOURCE_DEPTH_MAX 50

/* One file: parse it and queue its commands after this one (or run them at once when
 * not in a queue). A parse error is reported as tmux does: on stdout for a client, as a
 * config cause without one; the source-file goes on, its client's status becomes 1. */
static int source_one(struct cmd_ctx *ctx, struct cmd_args *args, const char *path)
{
    if (ctx->depth >= SOURCE_DEPTH_MAX) {
        cmd_error(ctx, "%s: too many nested files", path);
        return -1;
    }
    struct cmd_parse_input pi = {.server = ctx->server, .client = ctx->client,
                                 .session = ctx->target.session, .window = ctx->target.window,
                                 .pane = ctx->target.pane, .depth = ctx->depth + 1};
    struct evbuffer *verbose = NULL;
    if (args->flags['v'] != NULL) {
        verbose = evbuffer_new();
        pi.verbose = true;
        pi.verbose_out = verbose;
    }
    char *error = NULL;
    struct cmd_list *list = config_parse_file(path, &pi, args->flags['q'] != NULL, &error);
    if (verbose != NULL) {
        evbuffer_add_buffer(ctx->out, verbose);
        evbuffer_free(verbose);
    }
    if (list == NULL) {
        if (error == NULL)
            return 0; /* missing, -q */
        if (ctx->client == NULL)
            config_add_cause(ctx->server, "%s", error);
        else
            evbuffer_add_printf(ctx->out, "%s\n", error);
        free(error);
        ctx->exit_status = 1;
        return 0;
    }
    if (args->flags['n'] == NULL)
        cmd_execute_list(ctx, list);
    cmd_list_free(list);
    return 0;
}

static int cmd_source_file_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    int status = 0;
    bool quiet = args->flags['q'] != NULL;
    for (int i = 0; i < args->argc; i++) {
        char *path;
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = ctx->target.session,
                                   .window = ctx->target.window, .pane = ctx->target.pane,
                                   .client = ctx->client};
            path = format_expand(&f, args->argv[i]);
        } else
            path = xstrdup(args->argv[i]);
        /* A relative path is relative to where the command was typed, not to the server. */
        if (*path != '/' && ctx->client != NULL && ctx->client->cwd != NULL) {
            char *full = xasprintf("%s/%s", ctx->client->cwd, path);
            free(path);
            path = full;
        }
        glob_t g;
        int rc = glob(path, 0, NULL, &g);
        if (rc != 0) {
            if (rc != GLOB_NOMATCH || !quiet) {
                cmd_error(ctx, "%s: %s", path,
                          rc == GLOB_NOMATCH ? strerror(ENOENT) : strerror(EINVAL));
                status = -1;
            }
            free(path);
            continue;
        }
        /* Nested source-files run in order: each after the ones before it. */
        for (size_t j = 0; j < g.gl_pathc; j++) {
            if (source_one(ctx, args, g.gl_pathv[j]) != 0)
                status = -1;
        }
        globfree(&g);
        free(path);
    }
    return status;
}

const struct cmd_entry cmd_source_file_entry = {
    .name = "source-file",
    .alias = "source",
    .spec = "Fnqv",
    .min_args = 1,
    .max_args = -1,
    .usage = "[-Fnqv] path ...",
    /* No -t: -F expands for the current pane. */
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
    .exec = cmd_source_file_exec,
};
