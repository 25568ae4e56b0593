/* cmd_pane.c - pane commands: send-keys, send-prefix, capture-pane, list-panes,
 * kill-pane. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "capture.h"
#include "copy_mode.h"
#include "format.h"
#include "keys.h"
#include "options.h"
#include "pane_waiters.h"
#include "paste.h"
#include "proto.h"
#include "server_client.h"
#include "pane_pipe.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

static int pane_key_flags(const struct pane *p)
{
    uint32_t modes = vt_modes(p->vt);
    int flags = 0;
    if (modes & VT_MODE_CURSOR_KEYS)
        flags |= KEY_ENC_CURSOR_APP;
    if (modes & VT_MODE_KEYPAD)
        flags |= KEY_ENC_KEYPAD_APP;
    return flags;
}

int cmd_send_keys(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    long repeat = 1;
    if (args->flags['N'] != NULL) {
        char *end;
        repeat = strtol(args->flags['N'], &end, 10);
        if (*end != '\0' || repeat < 1 || repeat > 100000) {
            cmd_error(ctx, "invalid repeat count: %s", args->flags['N']);
            return -1;
        }
    }
    if (args->flags['X'] != NULL)
        return copy_mode_command(ctx, p, args->argc, args->argv, repeat);
    bool literal = args->flags['l'] != NULL;
    int flags = pane_key_flags(p);
    struct evbuffer *bytes = evbuffer_new();
    for (int i = 0; i < args->argc; i++) {
        const char *a = args->argv[i];
        key_code key = literal ? KEYC_NONE : key_from_name(a);
        if (key != KEYC_NONE) {
            char enc[32];
            size_t n = key_encode(key, flags, enc);
            evbuffer_add(bytes, enc, n);
        } else {
            /* Not a key name: the text itself, as tmux does. */
            evbuffer_add(bytes, a, strlen(a));
        }
    }
    size_t len = evbuffer_get_length(bytes);
    const unsigned char *data = evbuffer_pullup(bytes, -1);
    for (long r = 0; r < repeat && len > 0; r++) {
        if (!pane_write(p, data, len)) {
            evbuffer_free(bytes);
            cmd_error(ctx, "pane %%%u is not reading its input (%u MiB wait for it): keys "
                      "dropped", p->id, PANE_INPUT_MAX >> 20);
            return -1;
        }
    }
    evbuffer_free(bytes);
    return 0;
}

int cmd_send_prefix(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    char enc[32];
    key_code prefix = (key_code)options_get_number(sess->options, args->flags['2'] != NULL ? "prefix2" : "prefix");
    if (prefix == KEYC_NONE)
        return 0;
    size_t n = key_encode(prefix, pane_key_flags(p), enc);
    pane_write(p, enc, n);
    return 0;
}

/* A capture-pane line number: a number (negative = history), or "-" for the edge. */
static int parse_line(const char *s, int edge, int *out)
{
    if (strcmp(s, "-") == 0) {
        *out = edge;
        return 0;
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || *s == '\0')
        return -1;
    *out = (int)(v < -100000000 ? -100000000 : v > 100000000 ? 100000000 : v);
    return 0;
}

/* capture-pane: the pane's text (see capture.h for -a -e -J -N) printed with -p, else
 * kept as a paste buffer (-b names it). Works on any pane, attached or not. */
int cmd_capture_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    struct capture_opts o = {
        .alternate = args->flags['a'] != NULL,
        .escapes = args->flags['e'] != NULL,
        .join = args->flags['J'] != NULL,
        .keep_spaces = args->flags['N'] != NULL,
    };
    if (o.alternate && !(vt_modes(p->vt) & VT_MODE_ALT_SCREEN)) {
        if (args->flags['q'] != NULL)
            return 0;
        cmd_error(ctx, "no alternate screen: pane %%%u is not in the alternate screen "
                  "(-q: no error)", p->id);
        return -1;
    }
    int history = capture_history_size(p->vt, o.alternate);
    int rows = vt_rows(p->vt);
    o.start = 0;
    o.end = rows - 1;
    if (args->flags['S'] != NULL && parse_line(args->flags['S'], -history, &o.start) != 0) {
        cmd_error(ctx, "invalid start line: %s (a number, negative for history, or -)",
                  args->flags['S']);
        return -1;
    }
    if (args->flags['E'] != NULL && parse_line(args->flags['E'], rows - 1, &o.end) != 0) {
        cmd_error(ctx, "invalid end line: %s (a number, negative for history, or -)",
                  args->flags['E']);
        return -1;
    }
    if (args->flags['p'] != NULL) {
        capture_text(p->vt, &o, ctx->out);
        return 0;
    }
    struct evbuffer *text = evbuffer_new();
    capture_text(p->vt, &o, text);
    size_t len = evbuffer_get_length(text);
    char *data = xmalloc(len + 1);
    evbuffer_remove(text, data, len);
    evbuffer_free(text);
    paste_set(ctx->server, args->flags['b'], data, len);
    return 0;
}

int cmd_list_panes(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    int i = 0;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (args->flags['F'] != NULL) {
            struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p};
            char *line = format_expand(&f, args->flags['F']);
            cmd_print(ctx, "%s", line);
            free(line);
        } else {
            cmd_print(ctx, "%d: [%dx%d] [history %d/%d] %%%u%s", i, p->cols, p->rows,
                      grid_history_size(vt_main_grid(p->vt)),
                      (int)options_get_number(sess->options, "history-limit"), p->id,
                      p == w->active ? " (active)" : "");
        }
        i++;
    }
    return 0;
}

/* kill-pane [-a]: close pane p (or, with -a, every other pane of its window). */
int cmd_kill_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    if (args->flags['a'] != NULL) {
        struct pane *o, *next;
        for (o = TAILQ_FIRST(&w->panes); o != NULL; o = next) {
            next = TAILQ_NEXT(o, entry);
            if (o != p) {
                window_remove_pane(w, o);
                pane_free(o);
            }
        }
        window_set_active(w, p);
        w->last_pane = NULL;
        cmd_session_changed(ctx, sess);
        return 0;
    }
    if (window_remove_pane(w, p)) {
        pane_free(p);
        cmd_destroy_window(ctx, sess, w);
        return 0;
    }
    pane_free(p);
    cmd_session_changed(ctx, sess);
    return 0;
}

/* Respawn pane p with the command in args (or its own), killing it first with -k. */
static int respawn(struct cmd_ctx *ctx, struct cmd_args *args, struct session *sess,
                   struct pane *p)
{
    if (!p->dead && args->flags['k'] == NULL) {
        cmd_error(ctx, "pane %%%u still active (respawn with -k to kill it first)", p->id);
        return -1;
    }
    struct spawn_args sa = {
        .argc = args->argc,
        .argv = args->argc > 0 ? args->argv : NULL,
        .cwd = args->flags['c'] != NULL ? args->flags['c'] : p->cwd,
        .env = sess->env,
        .nenv = sess->nenv,
    };
    char err[512];
    if (pane_respawn(p, &sa, err, sizeof err) != 0) {
        cmd_error(ctx, "%s", err);
        return -1;
    }
    cmd_session_changed(ctx, sess);
    return 0;
}

int cmd_respawn_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    return respawn(ctx, args, sess, p);
}

int cmd_respawn_window(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w = cmd_find_window(ctx, args->flags['t'], &sess);
    if (w == NULL)
        return -1;
    if (w->active == NULL) {
        cmd_error(ctx, "window %d has no pane", w->index);
        return -1;
    }
    return respawn(ctx, args, sess, w->active);
}

static void wait_pane_timeout_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    struct server *s = c->server;
    (void)fd;
    (void)events;
    for (size_t i = 0; i < s->nwaiters; i++) {
        if (s->waiters[i].client == c) {
            const char *msg = "tmx: wait-pane: timed out, the command is still running\n";
            server_client_send(c, MSG_STDERR, msg, strlen(msg));
            server_client_exit(c, WAIT_PANE_TIMEOUT_STATUS, NULL);
            pane_waiter_remove(s, i);
            return;
        }
    }
}

/* Block the calling client until the pane's command exits, then exit with its status
 * (128 + signal for a signal); at once if it already died (remain-on-exit). */
int cmd_wait_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    if (ctx->client == NULL || ctx->client->attached) {
        cmd_error(ctx, "wait-pane: only from the command line (tmx wait-pane -t %%%u)", p->id);
        return -1;
    }
    double timeout = -1;
    if (args->flags['T'] != NULL) {
        char *end;
        timeout = strtod(args->flags['T'], &end);
        if (*end != '\0' || !(timeout >= 0) || timeout > 1e9) {
            cmd_error(ctx, "wait-pane: invalid timeout: %s (seconds)", args->flags['T']);
            return -1;
        }
    }
    if (p->dead || p->reaped) {
        ctx->exit_status = pane_exit_status(p);
        return 0;
    }
    s->waiters = xreallocarray(s->waiters, s->nwaiters + 1, sizeof *s->waiters);
    struct pane_waiter *pw = &s->waiters[s->nwaiters++];
    pw->client = ctx->client;
    pw->pane_id = p->id;
    pw->timer = NULL;
    if (timeout >= 0) {
        pw->timer = evtimer_new(s->base, wait_pane_timeout_cb, ctx->client);
        struct timeval tv = {.tv_sec = (time_t)timeout,
                             .tv_usec = (suseconds_t)((timeout - (double)(time_t)timeout) * 1e6)};
        evtimer_add(pw->timer, &tv);
    }
    ctx->wait = true;
    return 0;
}

/* pipe-pane: copy the pane's output to a shell command (-O, the default) and/or type the
 * command's output into the pane (-I). Without a command, stop piping. -o only opens a
 * pipe when none is open (a toggle for key bindings). */
int cmd_pipe_pane(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    bool was_open = pane_pipe_is_open(p);
    pane_pipe_close(p);
    if (args->argc == 0 || *args->argv[0] == '\0')
        return 0;
    if (args->flags['o'] != NULL && was_open)
        return 0;
    if (p->dead) {
        cmd_error(ctx, "pane %%%u is dead: nothing to pipe", p->id);
        return -1;
    }
    bool in = args->flags['I'] != NULL;
    bool out = args->flags['O'] != NULL || !in;
    char err[256];
    if (pane_pipe_open(p, args->argv[0], in, out, err, sizeof err) != 0) {
        cmd_error(ctx, "pipe-pane: %s", err);
        return -1;
    }
    return 0;
}

/* clear-history: forget the pane's scrollback. */
int cmd_clear_history(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    vt_clear_history(p->vt);
    return 0;
}
