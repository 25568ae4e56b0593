/* cmd_clients.c - what commands that act on a client share: the issuing client when it
 * must be attached, a client named by its terminal, and formats and paths as that client
 * means them. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "cmd_find.h"
#include "cmd_queue.h"
#include "format.h"
#include "message_log.h"
#include "prompt.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

/* The client a client-only command acts on, as tmux: the issuing one if it is attached,
 * else (a command-line client) tmux's current client (cmd_find_current_client). */
struct client *cmd_attached_client(struct cmd_ctx *ctx, const char *what)
{
    (void)what;
    struct client *best = cmd_find_current_client(ctx);
    if (best == NULL)
        cmd_error(ctx, "no current client");
    return best;
}

char *cmd_expand_for_client(struct cmd_ctx *ctx, const char *template)
{
    struct format_ctx f = {.server = ctx->server, .session = ctx->client->session,
                           .client = ctx->client};
    format_defaults(&f);
    return format_expand(&f, template);
}

struct client *cmd_target_client(struct cmd_ctx *ctx, struct cmd_args *args, const char *what)
{
    const char *t = args->flags['t'];
    if (t == NULL || *t == '\0')
        return cmd_attached_client(ctx, what);
    struct client *c = cmd_client_by_tty(ctx->server, t);
    if (c == NULL)
        cmd_error(ctx, "can't find client: %s", t);
    return c;
}

/* The attached client whose terminal is 'tty' (#{client_tty}, with or without /dev/). */
struct client *cmd_client_by_tty(struct server *srv, const char *tty)
{
    struct client *c;
    TAILQ_FOREACH(c, &srv->clients, entry) {
        const char *name = c->tty_name;
        if (!c->attached || name == NULL)
            continue;
        if (strcmp(name, tty) == 0 ||
            (strncmp(name, "/dev/", 5) == 0 && strcmp(name + 5, tty) == 0))
            return c;
    }
    return NULL;
}

/* A path as the user typed it: relative to the client's directory. Caller frees. */
char *cmd_client_path(struct cmd_ctx *ctx, const char *path)
{
    if (*path != '/' && ctx->client != NULL && ctx->client->cwd != NULL)
        return xasprintf("%s/%s", ctx->client->cwd, path);
    return xstrdup(path);
}

/* tmux's target-client: a client by its terminal (with or without /dev/, a trailing ':'
 * allowed) or its name (client-PID); without a name, tmux's current client
 * (cmd_find_current_client). NULL with "no current client" or "can't find
 * client" (unless quiet). */
struct client *cmd_find_client(struct cmd_ctx *ctx, const char *name, bool quiet)
{
    struct client *c;
    if (name == NULL) {
        if ((c = cmd_find_current_client(ctx)) != NULL)
            return c;
        if (!quiet)
            cmd_error(ctx, "no current client");
        return NULL;
    }
    char *copy = xstrdup(name);
    size_t len = strlen(copy);
    if (len > 0 && copy[len - 1] == ':')
        copy[len - 1] = '\0';
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (c->exiting || (!c->attached && c != ctx->client))
            continue;
        char cname[64];
        const char *tty = c->tty_name;
        if (strcmp(message_log_client_name(c, cname, sizeof cname), copy) == 0 ||
            (tty != NULL && (strcmp(tty, copy) == 0 ||
                             (strncmp(tty, "/dev/", 5) == 0 && strcmp(tty + 5, copy) == 0))))
            break;
    }
    if (c == NULL && !quiet)
        cmd_error(ctx, "can't find client: %s", copy);
    free(copy);
    return c;
}

bool cmd_flags_readonly(const char *flags)
{
    if (flags == NULL)
        return false;
    bool readonly = false;
    char *copy = xstrdup(flags), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
        bool off = *t == '!';
        if (strcmp(t + off, "read-only") == 0)
            readonly = !off;
    }
    free(copy);
    return readonly;
}

static void resume_after_prompt(void *arg)
{
    cmdq_resume(arg, 0);
}

void cmd_wait_for_prompt(struct cmd_ctx *ctx, struct cmd_args *args, struct client *c)
{
    /* From c's own keys (a binding, the prompt's own commands) c's queue must not wait:
     * the keys that answer the prompt come through it. */
    if (args->flags['b'] != NULL || ctx->client == c)
        return;
    struct cmdq_item *item = cmdq_suspend(ctx);
    if (item != NULL)
        prompt_when_closed(c, resume_after_prompt, item);
}
