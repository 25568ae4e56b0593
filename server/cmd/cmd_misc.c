/* cmd_misc.c - set-option/show-options (the options the core has), source-file,
 * wait-for, list-commands. */
#include "cmd_impl.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "proto.h"
#include "server_client.h"
#include "pane_pipe.h"
#include "server_int.h"
#include "session.h"
#include "xmalloc.h"

static int parse_number(const char *s, long min, long max, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* on/off for a flag option; a missing value toggles. Returns -1 if not a flag word. */
static int parse_flag(const char *value, int current)
{
    if (value == NULL)
        return !current;
    if (strcmp(value, "on") == 0 || strcmp(value, "yes") == 0 || strcmp(value, "1") == 0)
        return 1;
    if (strcmp(value, "off") == 0 || strcmp(value, "no") == 0 || strcmp(value, "0") == 0)
        return 0;
    return -1;
}

/* Window options: a value per window (-1: use the global one) and a global default in
 * the server, set with -g. Flags take on/off (none toggles); numbers take a count. */
static const struct window_option {
    const char *name;
    bool flag;
    size_t window_offset;
    size_t server_offset;
} window_options[] = {
    {"monitor-activity", true, offsetof(struct window, monitor_activity),
     offsetof(struct server, monitor_activity)},
    {"monitor-bell", true, offsetof(struct window, monitor_bell),
     offsetof(struct server, monitor_bell)},
    {"monitor-silence", false, offsetof(struct window, monitor_silence),
     offsetof(struct server, monitor_silence)},
    {"remain-on-exit", true, offsetof(struct window, remain_on_exit),
     offsetof(struct server, remain_on_exit)},
};

static const struct window_option *find_window_option(const char *name)
{
    for (size_t i = 0; i < sizeof window_options / sizeof window_options[0]; i++) {
        if (strcmp(window_options[i].name, name) == 0)
            return &window_options[i];
    }
    return NULL;
}

static int set_window_option(struct cmd_ctx *ctx, struct cmd_args *args,
                             const struct window_option *o, const char *value)
{
    struct server *s = ctx->server;
    int *global = (int *)((char *)s + o->server_offset);
    int *target = global;
    struct window *w = NULL;
    if (args->flags['g'] == NULL) {
        struct session *sess;
        w = cmd_find_window(ctx, args->flags['t'], &sess);
        if (w == NULL)
            return -1;
        target = (int *)((char *)w + o->window_offset);
    }
    if (args->flags['u'] != NULL) {
        *target = w != NULL ? -1 : 0;
        return 0;
    }
    int current = *target < 0 ? *global : *target;
    long v;
    if (o->flag) {
        int on = parse_flag(value, current);
        if (on < 0) {
            cmd_error(ctx, "%s: on or off, not \"%s\"", o->name, value);
            return -1;
        }
        *target = on;
    } else if (value == NULL || parse_number(value, 0, 86400 * 365, &v) != 0) {
        cmd_error(ctx, "%s: not a number: %s", o->name, value != NULL ? value : "(none)");
        return -1;
    } else
        *target = (int)v;
    if (w != NULL)
        server_window_options_changed(s, w);
    return 0;
}

/* log-file PATH: everything the target window's panes print is appended to PATH ("~/"
 * is the home directory); an empty value or -u stops logging. */
static int set_log_file(struct cmd_ctx *ctx, struct cmd_args *args, const char *value)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    struct pane *p;
    if (args->flags['u'] != NULL || value == NULL || *value == '\0') {
        TAILQ_FOREACH(p, &w->panes, entry)
            pane_log_close(p);
        return 0;
    }
    char *path;
    const char *home = getenv("HOME");
    if (strncmp(value, "~/", 2) == 0 && home != NULL)
        path = xasprintf("%s/%s", home, value + 2);
    else
        path = xstrdup(value);
    int status = 0;
    TAILQ_FOREACH(p, &w->panes, entry) {
        char err[512];
        if (pane_log_open(p, path, err, sizeof err) != 0) {
            cmd_error(ctx, "%s", err);
            status = -1;
        }
    }
    free(path);
    return status;
}

/* The options the core knows; the options issue replaces this with a table. */
int cmd_set_option(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *name = args->argv[0];
    const char *value = args->argc > 1 ? args->argv[1] : NULL;
    long v;
    const struct window_option *wo = find_window_option(name);
    if (wo != NULL)
        return set_window_option(ctx, args, wo, value);
    if (strcmp(name, "log-file") == 0)
        return set_log_file(ctx, args, value);
    if (value == NULL && args->flags['u'] == NULL) {
        cmd_error(ctx, "set-option %s: no value given", name);
        return -1;
    }
    if (strcmp(name, "history-limit") == 0) {
        if (value == NULL)
            s->history_limit = 2000;
        else if (parse_number(value, 0, 100000000, &v) != 0) {
            cmd_error(ctx, "history-limit: not a number between 0 and 100000000: %s", value);
            return -1;
        } else
            s->history_limit = (int)v;
    } else if (strcmp(name, "base-index") == 0) {
        if (value == NULL)
            s->base_index = 0;
        else if (parse_number(value, 0, 100000, &v) != 0) {
            cmd_error(ctx, "base-index: not a number: %s", value);
            return -1;
        } else
            s->base_index = (int)v;
    } else if (strcmp(name, "escape-time") == 0) {
        if (value == NULL)
            s->escape_time_ms = 10;
        else if (parse_number(value, 0, 10000, &v) != 0) {
            cmd_error(ctx, "escape-time: not a number of milliseconds: %s", value);
            return -1;
        } else
            s->escape_time_ms = (int)v;
    } else if (strcmp(name, "kill-grace") == 0) {
        if (value == NULL)
            s->kill_grace = 10;
        else if (parse_number(value, 0, 86400, &v) != 0) {
            cmd_error(ctx, "kill-grace: not a number of seconds: %s", value);
            return -1;
        } else
            s->kill_grace = (int)v;
    } else if (strcmp(name, "prefix") == 0) {
        key_code key = value != NULL ? key_from_name(value) : ('b' | KEYC_CTRL);
        if (key == KEYC_NONE) {
            cmd_error(ctx, "prefix: unknown key: %s", value);
            return -1;
        }
        s->prefix = key;
    } else if (strcmp(name, "default-shell") == 0 || strcmp(name, "default-terminal") == 0) {
        char **field = name[8] == 's' ? &s->default_shell : &s->default_terminal;
        if (value == NULL || *value == '\0') {
            cmd_error(ctx, "%s: needs a value", name);
            return -1;
        }
        free(*field);
        *field = xstrdup(value);
    } else {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "invalid option: %s", name);
        return -1;
    }
    return 0;
}

int cmd_show_options(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    char prefix[32];
    key_to_name(s->prefix, prefix, sizeof prefix);
    const char *only = args->argc > 0 ? args->argv[0] : NULL;
    bool value_only = args->flags['v'] != NULL;
    struct {
        const char *name;
        char *value;
    } opts[] = {
        {"base-index", xasprintf("%d", s->base_index)},
        {"default-shell", xasprintf("%s", s->default_shell)},
        {"default-terminal", xasprintf("%s", s->default_terminal)},
        {"escape-time", xasprintf("%d", s->escape_time_ms)},
        {"history-limit", xasprintf("%d", s->history_limit)},
        {"kill-grace", xasprintf("%d", s->kill_grace)},
        {"prefix", xasprintf("%s", prefix)},
        {"monitor-activity", xasprintf("%s", s->monitor_activity ? "on" : "off")},
        {"monitor-bell", xasprintf("%s", s->monitor_bell ? "on" : "off")},
        {"monitor-silence", xasprintf("%d", s->monitor_silence)},
        {"remain-on-exit", xasprintf("%s", s->remain_on_exit ? "on" : "off")},
    };
    int found = 0;
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        if (only == NULL || strcmp(only, opts[i].name) == 0) {
            if (value_only)
                cmd_print(ctx, "%s", opts[i].value);
            else
                cmd_print(ctx, "%s %s", opts[i].name, opts[i].value);
            found++;
        }
        free(opts[i].value);
    }
    if (only != NULL && found == 0) {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "invalid option: %s", only);
        return -1;
    }
    return 0;
}

int cmd_source_file_cmd(struct cmd_ctx *ctx, struct cmd_args *args)
{
    int status = 0;
    for (int i = 0; i < args->argc; i++) {
        if (cmd_source_file(ctx->server, args->argv[i], args->flags['q'] != NULL) != 0) {
            cmd_error(ctx, "%s: cannot read or has errors", args->argv[i]);
            status = -1;
        }
    }
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
    if (args->flags['L'] != NULL || args->flags['U'] != NULL) {
        cmd_error(ctx, "wait-for -L/-U (locks) are not available yet");
        return -1;
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
