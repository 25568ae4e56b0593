/* cmd_set_option.c - set-option, set-window-option and set-hook (hooks are array options),
 * as tmux 3.3a: the option's scope decides which set -t names (a user option @name goes
 * where -s, -w, -p or -g say), errors in tmux's words. Which set of options a command acts
 * on is shared with show-options and show-hooks (cmd_options_scope). */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "format.h"
#include "hooks.h"
#include "option_effects.h"
#include "options.h"
#include "server_state.h"
#include "xmalloc.h"

/* Find what target names, quietly: the pane, else the window, else the session it names,
 * else the parts of it that name something (tmux finds -t of these commands as a pane
 * that may fail). Members not found are NULL. */
static void options_find_target(struct cmd_ctx *ctx, const char *target, struct session **sp,
                                struct window **wp, struct pane **pp)
{
    struct evbuffer *quiet = evbuffer_new();
    struct cmd_ctx q = *ctx;
    q.err = quiet;
    *sp = NULL;
    *wp = NULL;
    *pp = cmd_find_pane(&q, target, wp, sp);
    if (*pp == NULL) {
        *sp = NULL;
        *wp = cmd_find_window(&q, target, sp);
        if (*wp == NULL)
            *sp = cmd_find_session(&q, target);
    }
    if (*sp == NULL && target != NULL) {
        /* As tmux: what the target's parts did name (sess of sess:99, window 0 of
         * sess:0.7), the rest left out. */
        struct cmd_find_state fs;
        if (cmd_find_target(&q, &fs, target, CMD_FIND_PANE,
                            CMD_FIND_CANFAIL | CMD_FIND_QUIET | CMD_FIND_PARTIAL) == 0) {
            *sp = fs.session;
            *wp = fs.window;
            *pp = fs.pane;
        }
    }
    evbuffer_free(quiet);
}

int cmd_options_scope(struct cmd_ctx *ctx, struct cmd_args *args, bool window_cmd,
                      const struct option_def *d, struct cmd_options_scope *sc, char **cause)
{
    const char *target = args->flags['t'];
    bool global = args->flags['g'] != NULL;
    memset(sc, 0, sizeof *sc);
    *cause = NULL;
    struct session *s = NULL;
    struct window *w = NULL;
    struct pane *p = NULL;
    enum { SERVER, SESSION, WINDOW, PANE } want;
    if (d != NULL) {
        if (d->scope == OPTION_SERVER)
            want = SERVER;
        else if (d->scope == OPTION_SESSION)
            want = SESSION;
        else if ((d->flags & OPTION_F_PANE) && args->flags['p'] != NULL)
            want = PANE;
        else
            want = WINDOW;
    } else if (args->flags['s'] != NULL)
        want = SERVER;
    else if (args->flags['p'] != NULL)
        want = PANE;
    else if (window_cmd || args->flags['w'] != NULL)
        want = WINDOW;
    else
        want = SESSION;
    /* Server and global options need no target: not looking for one saves a config's
     * thousands of set -g most of what they cost. */
    if (want == PANE || (want != SERVER && !global)) {
        options_find_target(ctx, target, &s, &w, &p);
        sc->session = s;
        sc->window = w;
        sc->pane = p;
    }
    switch (want) {
    case SERVER:
        sc->options = ctx->server->options;
        sc->scope = OPTION_SERVER;
        sc->global = true;
        return 0;
    case SESSION:
        sc->scope = OPTION_SESSION;
        if (global) {
            sc->options = ctx->server->session_options;
            sc->global = true;
        } else if (s == NULL)
            *cause = target != NULL ? xasprintf("no such session: %s", target)
                                    : xstrdup("no current session");
        else
            sc->options = s->options;
        break;
    case PANE:
        sc->scope = OPTION_WINDOW;
        sc->is_pane = true;
        if (p == NULL)
            *cause = target != NULL ? xasprintf("no such pane: %s", target)
                                    : xstrdup("no current pane");
        else
            sc->options = p->options;
        break;
    case WINDOW:
        sc->scope = OPTION_WINDOW;
        if (global) {
            sc->options = ctx->server->window_options;
            sc->global = true;
        } else if (w == NULL)
            *cause = target != NULL ? xasprintf("no such window: %s", target)
                                    : xstrdup("no current window");
        else
            sc->options = w->options;
        break;
    }
    return sc->options != NULL ? 0 : -1;
}

/* value expanded as a format for the target (set -F). Caller frees. */
static char *expand_for_target(struct cmd_ctx *ctx, struct cmd_args *args, const char *value)
{
    struct session *s;
    struct window *w;
    struct pane *p;
    options_find_target(ctx, args->flags['t'], &s, &w, &p);
    struct format_ctx f = {.server = ctx->server, .session = s, .window = w, .pane = p,
                           .client = ctx->client};
    format_defaults(&f);
    return format_expand(&f, value);
}

/* A hook's command list as tmux stores and shows it: each command by its full name, its
 * flags without values together and sorted, then each flag with its value, then the
 * arguments, quoted as show-options quotes; commands separated by " ; ". Returns NULL
 * with an error in *cause if a command is unknown. */
static char *hook_canonical(const char *value, char **cause)
{
    char **argv = NULL;
    const char *err = NULL;
    int argc = cmd_split(value, &argv, &err);
    if (argc < 0) {
        *cause = xstrdup(err != NULL ? err : "syntax error");
        return NULL;
    }
    /* A word ending in ";" ends its command ("display hi; set ..."). */
    for (int k = 0; k < argc; k++) {
        size_t len = strlen(argv[k]);
        if (len > 1 && argv[k][len - 1] == ';' && argv[k][len - 2] != '\\') {
            argv[k][len - 1] = '\0';
            argv = xreallocarray(argv, (size_t)argc + 2, sizeof *argv);
            memmove(&argv[k + 2], &argv[k + 1], (size_t)(argc - k) * sizeof *argv);
            argv[k + 1] = xstrdup(";");
            argc++;
        }
    }
    struct evbuffer *out = evbuffer_new();
    int i = 0;
    while (i < argc) {
        int start = i;
        while (i < argc && strcmp(argv[i], ";") != 0)
            i++;
        int n = i - start;
        if (i < argc)
            i++; /* the ";" */
        if (n == 0)
            continue;
        const char *lerr = NULL;
        const struct cmd_entry *e = cmd_lookup(argv[start], &lerr);
        if (e == NULL) {
            *cause = xasprintf("%s: %s", lerr != NULL ? lerr : "unknown command", argv[start]);
            evbuffer_free(out);
            cmd_free_argv(argv);
            return NULL;
        }
        /* Flags by letter: those without a value, those with one, the arguments. */
        const char *values[128] = {0};
        int counts[128] = {0};
        int k = start + 1;
        for (; k < start + n; k++) {
            const char *a = argv[k];
            if (a[0] != '-' || a[1] == '\0')
                break;
            if (strcmp(a, "--") == 0) {
                k++;
                break;
            }
            for (const char *f = a + 1; *f != '\0'; f++) {
                const char *in = strchr(e->spec, *f);
                unsigned char c = (unsigned char)*f;
                if (in == NULL || c >= 128)
                    break;
                if (in[1] == ':') {
                    values[c] = f[1] != '\0' ? f + 1 : (k + 1 < start + n ? argv[++k] : "");
                    break;
                }
                counts[c]++;
            }
        }
        if (evbuffer_get_length(out) > 0)
            evbuffer_add_printf(out, " ; ");
        evbuffer_add_printf(out, "%s", e->name);
        bool dash = false;
        for (int c = 0; c < 128; c++) {
            for (int r = 0; r < counts[c]; r++) {
                evbuffer_add_printf(out, "%s%c", dash ? "" : " -", c);
                dash = true;
            }
        }
        for (int c = 0; c < 128; c++) {
            if (values[c] != NULL) {
                char *q = options_escape(values[c]);
                evbuffer_add_printf(out, " -%c %s", c, q);
                free(q);
            }
        }
        for (; k < start + n; k++) {
            char *q = options_escape(argv[k]);
            evbuffer_add_printf(out, " %s", q);
            free(q);
        }
    }
    cmd_free_argv(argv);
    size_t len = evbuffer_get_length(out);
    char *s = xmalloc(len + 1);
    evbuffer_remove(out, s, len);
    s[len] = '\0';
    evbuffer_free(out);
    return s;
}

/* Did cmd_options_scope fail: report its cause unless -q (then success). */
static int scope_failed(struct cmd_ctx *ctx, struct cmd_args *args, char *cause)
{
    int rc = 0;
    if (args->flags['q'] == NULL) {
        cmd_error(ctx, "%s", cause != NULL ? cause : "no such target");
        rc = -1;
    }
    free(cause);
    return rc;
}

static int cmd_set_option_run(struct cmd_ctx *ctx, struct cmd_args *args, bool window_cmd,
                              bool hook_cmd)
{
    const char *argument = args->argv[0];
    if (hook_cmd && args->flags['R'] != NULL) {
        hooks_run(ctx->server, argument, NULL, ctx->target_pane);
        return 0;
    }
    char name[256];
    long idx;
    bool ambiguous = false;
    const struct option_def *d = NULL;
    if (options_parse_name(argument, name, sizeof name, &idx) == 0 && *name != '@')
        d = options_match(name, &ambiguous);
    if (d == NULL && *name != '@') {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "%s option: %s", ambiguous ? "ambiguous" : "invalid", argument);
        return -1;
    }
    if (d != NULL)
        snprintf(name, sizeof name, "%s", d->name);
    const char *value = args->argc > 1 ? args->argv[1] : NULL;
    char *expanded = NULL;
    if (value != NULL && args->flags['F'] != NULL)
        value = expanded = expand_for_target(ctx, args, value);

    struct cmd_options_scope sc;
    char *cause;
    if (cmd_options_scope(ctx, args, window_cmd, d, &sc, &cause) != 0) {
        free(expanded);
        return scope_failed(ctx, args, cause);
    }
    struct options *oo = sc.options;
    bool is_array = d != NULL && (d->flags & OPTION_F_ARRAY);
    if (idx != -1 && !is_array) {
        cmd_error(ctx, "not an array: %s", argument);
        free(expanded);
        return -1;
    }
    bool unset = args->flags['u'] != NULL || args->flags['U'] != NULL;
    if (!unset && args->flags['o'] != NULL) {
        bool already = idx == -1 ? options_is_set(oo, name)
                                 : options_is_set(oo, name) && options_array_get(oo, name, idx) != NULL;
        if (already) {
            free(expanded);
            if (args->flags['q'] != NULL)
                return 0;
            cmd_error(ctx, "already set: %s", argument);
            return -1;
        }
    }

    char err[512] = "";
    int rc = 0;
    bool append = args->flags['a'] != NULL;
    if (args->flags['U'] != NULL && sc.scope == OPTION_WINDOW && !sc.is_pane && !sc.global &&
        sc.window != NULL) {
        struct pane *p;
        TAILQ_FOREACH(p, &sc.window->panes, entry) {
            if (idx == -1)
                options_unset(p->options, name);
            else
                options_unset_item(p->options, name, idx);
        }
    }
    if (unset) {
        if (!options_is_set(oo, name))
            goto done;
        if (idx != -1)
            options_unset_item(oo, name, idx);
        else if (sc.global && *name != '@')
            options_reset(oo, name);
        else
            options_unset(oo, name);
    } else if (*name == '@') {
        if (value == NULL) {
            cmd_error(ctx, "empty value");
            rc = -1;
            goto out;
        }
        options_set_user(oo, name, value, append);
    } else {
        char *canonical = NULL;
        if (d->type == OPTION_COMMAND && value != NULL) {
            /* tmux empties the array before it parses the new command. */
            if (idx == -1 && !append)
                options_set(oo, name, "", false, err, sizeof err);
            char *why = NULL;
            canonical = hook_canonical(value, &why);
            if (canonical == NULL) {
                cmd_error(ctx, "%s", why);
                free(why);
                rc = -1;
                goto out;
            }
            value = canonical;
            if (idx == -1) { /* one command list is one item: the first free one */
                idx = 0;
                while (options_is_set(oo, name) && options_array_get(oo, name, idx) != NULL)
                    idx++;
            }
            rc = options_set_item(oo, name, idx, value, false, err, sizeof err);
        } else if (idx == -1)
            rc = options_set(oo, name, value, append, err, sizeof err);
        else
            rc = options_set_item(oo, name, idx, value, append, err, sizeof err);
        free(canonical);
        if (rc != 0) {
            cmd_error(ctx, "%s", err);
            goto out;
        }
    }
done:
    /* What changed: everything for the server and global sets, else the session (and
     * every window of it) or the one window whose option it is. */
    server_option_changed(ctx->server, name, sc.global ? NULL : sc.session,
                          sc.global || sc.scope != OPTION_WINDOW ? NULL : sc.window);
out:
    free(expanded);
    return rc;
}

static int cmd_set_option_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return cmd_set_option_run(ctx, args, false, false);
}

static int cmd_set_window_option_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return cmd_set_option_run(ctx, args, true, false);
}

static int cmd_set_hook_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    return cmd_set_option_run(ctx, args, false, true);
}

const struct cmd_entry cmd_set_option_entry = {
    .name = "set-option",
    .alias = "set",
    .spec = "aFgopqst:uUw",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-aFgopqsuUw] [-t target-pane] option [value]",
    .exec = cmd_set_option_exec,
};

const struct cmd_entry cmd_set_window_option_entry = {
    .name = "set-window-option",
    .alias = "setw",
    .spec = "aFgoqt:u",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-aFgoqu] [-t target-window] option [value]",
    .exec = cmd_set_window_option_exec,
};

const struct cmd_entry cmd_set_hook_entry = {
    .name = "set-hook",
    .spec = "agpRt:uw",
    .min_args = 1,
    .max_args = 2,
    .usage = "[-agpRuw] [-t target-pane] hook [command]",
    .exec = cmd_set_hook_exec,
};
