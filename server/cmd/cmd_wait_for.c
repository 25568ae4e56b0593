/* cmd_wait_for.c - wait-for: clients wait for a channel to be signalled (-S), or lock it
 * (-L/-U). */
#include "cmd_impl.h"

#include <string.h>

#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

static struct wait_channel *find_channel(struct server *s, const char *name, bool create)
{
    for (size_t i = 0; i < s->nchannels; i++) {
        if (strcmp(s->channels[i].name, name) == 0)
            return &s->channels[i];
    }
    if (!create)
        return NULL;
    s->channels = xreallocarray(s->channels, s->nchannels + 1, sizeof *s->channels);
    struct wait_channel *ch = &s->channels[s->nchannels++];
    memset(ch, 0, sizeof *ch);
    ch->name = xstrdup(name);
    return ch;
}

static int cmd_wait_for_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *name = args->argv[0];
    if (args->flags['U'] != NULL) {
        /* Unlock: the next client blocked in -L gets the lock and goes on. */
        struct wait_channel *ch = find_channel(s, name, false);
        if (ch == NULL || !ch->locked) {
            cmd_error(ctx, "channel %s not locked", name);
            return -1;
        }
        if (ch->nlockers > 0) {
            struct client *next = ch->lockers[0];
            memmove(ch->lockers, ch->lockers + 1, (ch->nlockers - 1) * sizeof *ch->lockers);
            ch->nlockers--;
            server_client_exit(next, 0, NULL);
        } else
            ch->locked = false;
        return 0;
    }
    if (args->flags['L'] != NULL) {
        struct wait_channel *ch = find_channel(s, name, true);
        if (!ch->locked) {
            ch->locked = true;
            return 0;
        }
        if (ctx->client == NULL || ctx->client->attached) {
            cmd_error(ctx, "wait-for -L: channel %s is locked", name);
            return -1;
        }
        ch->lockers = xreallocarray(ch->lockers, ch->nlockers + 1, sizeof *ch->lockers);
        ch->lockers[ch->nlockers++] = ctx->client;
        ctx->client->waiting = true;
        ctx->wait = true;
        return 0;
    }
    if (args->flags['S'] != NULL) {
        struct wait_channel *ch = find_channel(s, name, true);
        if (ch->nwaiters == 0) {
            ch->signalled = true;
            return 0;
        }
        for (size_t i = 0; i < ch->nwaiters; i++)
            server_client_exit(ch->waiters[i], 0, NULL);
        ch->nwaiters = 0;
        return 0;
    }
    if (ctx->client == NULL || ctx->client->attached) {
        cmd_error(ctx, "wait-for: only from the command line (tmx wait-for %s)", name);
        return -1;
    }
    struct wait_channel *ch = find_channel(s, name, true);
    if (ch->signalled) {
        ch->signalled = false;
        return 0;
    }
    ch->waiters = xreallocarray(ch->waiters, ch->nwaiters + 1, sizeof *ch->waiters);
    ch->waiters[ch->nwaiters++] = ctx->client;
    ctx->client->waiting = true;
    ctx->wait = true;
    return 0;
}

const struct cmd_entry cmd_wait_for_entry = {
    .name = "wait-for",
    .alias = "wait",
    .spec = "LSU",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-L|-S|-U] channel",
    .exec = cmd_wait_for_exec,
};
