/* cmd_misc.c - set-option/show-options (options.h holds the options), source-file,
 * wait-for, list-commands. */
#include "cmd_impl.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <event2/buffer.h>
#include <string.h>

#include "keys.h"
#include "option_effects.h"
#include "proto.h"
#include "server_client.h"
#include "pane_pipe.h"
#include "config.h"
#include "options.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* The option set a set-option/show-options command acts on, for option d: the server's;
 * with -g the global session or window options; else the target session's or window's. */
static struct options *target_options(struct cmd_ctx *ctx, struct cmd_args *args,
                                      const struct option_def *d, struct session **sp,
                                      struct window **wp)
{
    struct server *s = ctx->server;
    *sp = NULL;
    *wp = NULL;
    if (d->scope == OPTION_SERVER)
        return s->options;
    bool global = args->flags['g'] != NULL;
    if (d->scope == OPTION_SESSION) {
        if (global)
            return s->session_options;
        *sp = cmd_find_session(ctx, args->flags['t']);
        return *sp != NULL ? (*sp)->options : NULL;
    }
    if (global)
        return s->window_options;
    *wp = cmd_find_window(ctx, args->flags['t'], sp);
    return *wp != NULL ? (*wp)->options : NULL;
}

int cmd_set_option(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    const char *value = args->argc > 1 ? args->argv[1] : NULL;
    const struct option_def *d = options_find(name);
    if (d == NULL) {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "invalid option: %s (show-options -g lists them)", name);
        return -1;
    }
    struct session *sess;
    struct window *w;
    struct options *o = target_options(ctx, args, d, &sess, &w);
    if (o == NULL)
        return -1;
    char err[300];
    if (args->flags['u'] != NULL) {
        options_unset(o, name);
        if (sess == NULL && w == NULL && options_set(o, name, d->default_value, false, err,
                                                       sizeof err) != 0)
            return -1; /* a global set goes back to the default */
    } else {
        if (args->flags['o'] != NULL && options_is_set(o, name)) {
            if (args->flags['q'] != NULL)
                return 0;
            cmd_error(ctx, "already set: %s", name);
            return -1;
        }
        if (value == NULL && d->type != OPTION_FLAG) {
            cmd_error(ctx, "set-option %s: no value given", name);
            return -1;
        }
        if (options_set(o, name, value, args->flags['a'] != NULL, err, sizeof err) != 0) {
            cmd_error(ctx, "%s", err);
            return -1;
        }
    }
    server_option_changed(ctx->server, name, sess, w);
    return 0;
}

static void show_one(struct cmd_ctx *ctx, struct cmd_args *args, const struct options *o,
                     const struct option_def *d, bool inherited)
{
    char value[1024];
    options_to_string(o, d->name, value, sizeof value);
    if (args->flags['v'] != NULL)
        cmd_print(ctx, "%s", value);
    else
        cmd_print(ctx, "%s%s %s", d->name, inherited ? "*" : "", value);
}

/* show-options [-gsw] [-A] [-v] [-t target] [name]: the values of one scope (-s server,
 * -w window, else session); without -g only those set on the target itself (-A adds the
 * inherited ones, marked with *). */
int cmd_show_options(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *only = args->argc > 0 ? args->argv[0] : NULL;
    enum option_scope scope = args->flags['s'] != NULL   ? OPTION_SERVER
                              : args->flags['w'] != NULL ? OPTION_WINDOW
                                                         : OPTION_SESSION;
    if (only != NULL) {
        const struct option_def *d = options_find(only);
        if (d == NULL) {
            if (args->flags['q'] != NULL)
                return 0;
            cmd_error(ctx, "invalid option: %s", only);
            return -1;
        }
        scope = d->scope;
    }
    bool global = args->flags['g'] != NULL || scope == OPTION_SERVER;
    for (const struct option_def *d = option_table; d->name != NULL; d++) {
        if (d->scope != scope || (only != NULL && strcmp(only, d->name) != 0))
            continue;
        struct session *sess;
        struct window *w;
        const struct options *o = target_options(ctx, args, d, &sess, &w);
        if (o == NULL)
            return -1;
        bool local = options_is_set(o, d->name);
        if (global || local || only != NULL || args->flags['A'] != NULL)
            show_one(ctx, args, o, d, !global && !local);
    }
    return 0;
}

int cmd_show_window_options(struct cmd_ctx *ctx, struct cmd_args *args)
{
    args->flags['w'] = "";
    return cmd_show_options(ctx, args);
}

int cmd_source_file_cmd(struct cmd_ctx *ctx, struct cmd_args *args)
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

int cmd_wait_for(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *name = args->argv[0];
    if (args->flags['U'] != NULL) {
        /* Unlock: the next client blocked in -L gets the lock and goes on. */
        struct wait_channel *ch = find_channel(s, name, false);
        if (ch == NULL || !ch->locked) {
            cmd_error(ctx, "wait-for -U: channel %s is not locked", name);
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

int cmd_list_commands(struct cmd_ctx *ctx, struct cmd_args *args)
{
    for (const struct cmd_entry *e = cmd_table; e->name != NULL; e++) {
        if (args->argc > 0 && strcmp(args->argv[0], e->name) != 0 &&
            (e->alias == NULL || strcmp(args->argv[0], e->alias) != 0))
            continue;
        if (e->alias != NULL)
            cmd_print(ctx, "%s (%s) %s", e->name, e->alias, e->usage);
        else
            cmd_print(ctx, "%s %s", e->name, e->usage);
    }
    return 0;
}

/* set-environment NAME VALUE (-u removes): for windows created from now on, in the target
 * session (or, with -g, in every session: tmx keeps no separate global environment, so -g
 * sets it in every existing session). */
int cmd_set_environment(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *name = args->argv[0];
    if (*name == '\0' || strchr(name, '=') != NULL) {
        cmd_error(ctx, "set-environment: invalid variable name: %s", name);
        return -1;
    }
    if (args->flags['u'] == NULL && args->argc < 2) {
        cmd_error(ctx, "set-environment %s: no value (-u removes it)", name);
        return -1;
    }
    struct session *only = NULL;
    if (args->flags['g'] == NULL && (only = cmd_find_session(ctx, args->flags['t'])) == NULL)
        return -1;
    char *pair = args->argc > 1 ? xasprintf("%s=%s", name, args->argv[1]) : NULL;
    struct session *sess;
    TAILQ_FOREACH(sess, &ctx->server->sessions, entry) {
        if (only != NULL && sess != only)
            continue;
        if (pair != NULL)
            session_setenv(sess, pair);
        else
            session_unsetenv(sess, name);
    }
    free(pair);
    return 0;
}

int cmd_show_environment(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = cmd_find_session(ctx, args->flags['t']);
    if (sess == NULL)
        return -1;
    size_t len = args->argc > 0 ? strlen(args->argv[0]) : 0;
    bool found = false;
    for (size_t i = 0; i < sess->nenv; i++) {
        if (len > 0 && (strncmp(sess->env[i], args->argv[0], len) != 0 || sess->env[i][len] != '='))
            continue;
        cmd_print(ctx, "%s", sess->env[i]);
        found = true;
    }
    if (len > 0 && !found) {
        cmd_error(ctx, "unknown variable: %s", args->argv[0]);
        return -1;
    }
    return 0;
}
