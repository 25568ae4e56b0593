/* control.c - control-mode clients (tmx -C, -CC; man tmux "CONTROL MODE").
 *
 * A control client sends command lines (relayed by its process as MSG_INPUT); each
 * line is parsed and queued on the client's queue, and each command's output comes back
 * as one "%begin TIME NUMBER FLAGS" ... "%end" (or "%error") block written at once, so
 * nothing else can land inside it. An empty line detaches.
 *
 * Notifications (%window-add, %layout-change, %session-changed...) are found by
 * comparing what the client last knew (a snapshot: sessions, windows, layouts, active
 * panes, modes, other clients) with the server now, on the loop turn after any command
 * ran (s->command_done, also after keys or the mouse changed something), after a model
 * notification, and once a second; so they follow
 * the block of the command that caused them, in the order tmux 3.3a gives them.
 *
 * Pane output is written as "%output %PANE VALUE" (bytes below space and backslash as
 * \ooo), or %extended-output with pause-after. What waits to be written to one client is
 * bounded (CONTROL_PENDING_MAX): beyond it the pane is paused (pause-after) or the
 * client is dropped with "too far behind"; no other client is disturbed. */
#include "control.h"

#include <stdarg.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_frames.h"
#include "client_limits.h"
#include "cmd.h"
#include "cmd_ctx.h"
#include "cmd_queue.h"
#include "format.h"
#include "model.h"
#include "notify.h"
#include "pane_mode.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* What a client last knew of one window. */
struct control_win {
    uint32_t id;
    bool mine;         /* linked in the client's session */
    char *name;
    char *layout;      /* "#{window_layout} #{window_visible_layout} #{window_flags}" */
    long index;        /* its index in the client's session (when mine) */
    uint32_t active;
    int npanes;
    unsigned links_made, links_gone; /* the window's counts (model.h) */
    unsigned renames;
    unsigned nlinks;                 /* its links then */
};

/* Of one pane: its id and how many modes it is in. */
struct control_mode {
    uint32_t id;
    unsigned depth;
};

/* Of another client: its id, its name and the session it shows (or none). */
struct control_peer {
    uint32_t id;
    char *name;
    bool attached;
    uint32_t session;
};

/* Of one link: its session and window. */
struct control_link {
    uint32_t session, window;
    bool current; /* its session's current link (a window may be linked twice in one) */
    int stack;    /* its place in its session's stack of last windows (0 the top), or -1 */
};

struct control_sess {
    uint32_t id;
    char *name;
    uint32_t current;         /* its current window, UINT32_MAX for none */
    unsigned current_changes; /* session.current_changes */
};

/* What a control client last knew of the server. */
struct control_snap {
    bool attached;
    uint32_t session, current; /* its session and that session's current window */
    bool has_current;
    unsigned renumbers; /* its session's (session.renumbers): indexes that changed by a
                         * renumbering are no move to tell */
    unsigned session_sets; /* the client's (client.session_sets): set again, told again */
    struct control_sess *sessions;
    size_t nsessions;
    struct control_win *wins;
    size_t nwins;
    struct control_mode *modes;
    size_t nmodes;
    struct control_peer *peers;
    size_t npeers;
    struct control_link *links; /* every link, session by session, each by index */
    size_t nlinks;
};

/* Flow control of one pane for this client. */
struct control_pane {
    uint32_t id;
    bool off;                   /* -A %N:off */
    bool paused;                /* -A %N:pause, or pause-after */
    uint64_t pending_until;     /* its last byte queued, as a count of all bytes queued */
    struct timeval pending_since; /* when its oldest unwritten output was queued */
};

/* A -B subscription and the values last reported, by target. */
struct control_sub {
    char *name;
    char *what;    /* "", "%N", "%*", "@N", "@*" */
    char *format;
    struct control_subval {
        char key[32];
        char *value;
        bool seen;
    } *vals;
    size_t nvals;
};

struct control_state {
    struct evbuffer *line;     /* a command line not ended yet */
    bool discarding;           /* it was too long: skip to its end */
    bool failed;               /* a command failed (the exit status) */
    unsigned number;           /* of the last command block */
    struct control_snap snap;
    struct control_pane *panes;
    size_t npanes;
    struct control_sub *subs;
    size_t nsubs;
    uint64_t queued;           /* every byte ever queued to its socket */
    void *exit_payload;        /* its MSG_EXIT, held until the check after its command */
    size_t exit_len;
    char last_command[32];     /* the last command that ran before this check: the order
                                  of its notifications (break-pane, join-pane) */
    uint32_t *relaid;          /* windows select-layout laid out since the last check */
    size_t nrelaid;
    struct event *check_ev;    /* look for changes on the next loop turn */
    struct event *timer;       /* once a second: subscriptions, pause-after, changes */
};

static void control_check_cb(evutil_socket_t fd, short events, void *arg);
static bool control_exiting(struct client *c, const void *payload, size_t len);
static void control_timer_cb(evutil_socket_t fd, short events, void *arg);
static void snap_take(struct client *c, struct control_snap *snap);

/* ---- writing ---- */

static struct evbuffer *socket_out(struct client *c)
{
    return bufferevent_get_output(c->bev);
}

/* Bytes queued to the client and not yet taken by its socket. */
static size_t pending(struct client *c)
{
    return evbuffer_get_length(socket_out(c));
}

/* Queue text for the client's stdout. */
static void control_write_raw(struct client *c, const char *text, size_t len)
{
    if ((c->exiting && !c->control_exit_held) || len == 0)
        return;
    struct control_state *cs = c->control_state;
    if (pending(c) > 2 * CONTROL_PENDING_MAX)
        return; /* it does not read: it goes (control_line), and this is not kept */
    while (len > 0) {
        size_t n = len > PROTO_MAX_PAYLOAD ? PROTO_MAX_PAYLOAD : len;
        client_send(c, MSG_STDOUT, text, n);
        cs->queued += n + PROTO_HEADER_SIZE;
        text += n;
        len -= n;
    }
}

/* One line (a newline is added). */
static void control_write(struct client *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void control_write(struct client *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    text = xrealloc(text, (size_t)n + 2);
    text[n] = '\n';
    control_write_raw(c, text, (size_t)n + 1);
    free(text);
}

/* ---- start, end ---- */

void control_start(struct client *c, int level)
{
    struct control_state *cs = xcalloc(1, sizeof *cs);
    c->control = level;
    c->control_state = cs;
    c->control_free_hook = control_free;
    c->control_exiting_hook = control_exiting;
    /* It may attach without a terminal, and is 80x24 until refresh-client -C. */
    c->flags |= IDENT_TTY;
    c->cols = 80;
    c->rows = 24;
    cs->line = evbuffer_new();
    cs->check_ev = event_new(c->server->base, -1, 0, control_check_cb, c);
    cs->timer = event_new(c->server->base, -1, EV_PERSIST, control_timer_cb, c);
    struct timeval second = {1, 0};
    event_add(cs->timer, &second);
    /* What exists before its command runs is not news to it. */
    snap_take(c, &cs->snap);
}

static void snap_free(struct control_snap *snap)
{
    for (size_t i = 0; i < snap->nsessions; i++)
        free(snap->sessions[i].name);
    free(snap->sessions);
    for (size_t i = 0; i < snap->nwins; i++) {
        free(snap->wins[i].name);
        free(snap->wins[i].layout);
    }
    free(snap->wins);
    free(snap->modes);
    for (size_t i = 0; i < snap->npeers; i++)
        free(snap->peers[i].name);
    free(snap->peers);
    free(snap->links);
    memset(snap, 0, sizeof *snap);
}

static void sub_free(struct control_sub *sub)
{
    free(sub->name);
    free(sub->what);
    free(sub->format);
    for (size_t i = 0; i < sub->nvals; i++)
        free(sub->vals[i].value);
    free(sub->vals);
}

void control_free(struct client *c)
{
    struct control_state *cs = c->control_state;
    if (cs == NULL)
        return;
    evbuffer_free(cs->line);
    event_free(cs->check_ev);
    event_free(cs->timer);
    snap_free(&cs->snap);
    free(cs->panes);
    free(cs->relaid);
    for (size_t i = 0; i < cs->nsubs; i++)
        sub_free(&cs->subs[i]);
    free(cs->subs);
    free(cs->exit_payload);
    free(cs);
    c->control_state = NULL;
    free(c->control_winsizes);
    c->control_winsizes = NULL;
    c->ncontrol_winsizes = 0;
}

/* It goes, saying why in its %exit line (reason NULL: none). */
static void control_exit(struct client *c, int status, const char *reason)
{
    if (c->exiting)
        return;
    c->control_reason = reason != NULL;
    server_client_exit(c, status, reason);
}

/* ---- command lines ---- */

/* The block of one command: begin, what it printed and its errors, end or error. */
void control_command_output(void *arg, struct cmd_ctx *ctx, int status)
{
    struct client *c = ctx->client;
    if (c == NULL || (c->exiting && !c->control_exit_held) || c->control_state == NULL)
        return;
    struct control_state *cs = c->control_state;
    int flags = (int)(intptr_t)arg;
    long now = (long)time(NULL);
    unsigned number = ++cs->number;
    if (status != 0)
        cs->failed = true;
    struct evbuffer *block = evbuffer_new();
    evbuffer_add_printf(block, "%%begin %ld %u %d\n", now, number, flags);
    size_t n = evbuffer_get_length(ctx->out);
    if (n > 0) {
        evbuffer_add_buffer(block, ctx->out);
        if (evbuffer_pullup(block, -1)[evbuffer_get_length(block) - 1] != '\n')
            evbuffer_add(block, "\n", 1);
    }
    if (evbuffer_get_length(ctx->err) > 0) {
        evbuffer_add_buffer(block, ctx->err);
        if (evbuffer_pullup(block, -1)[evbuffer_get_length(block) - 1] != '\n')
            evbuffer_add(block, "\n", 1);
    }
    evbuffer_add_printf(block, "%%%s %ld %u %d\n", status != 0 ? "error" : "end", now, number,
                        flags);
    control_write_raw(c, (const char *)evbuffer_pullup(block, -1), evbuffer_get_length(block));
    evbuffer_free(block);
}

/* A line that did not parse (or was too long): a block of its own with the error. */
static void control_line_error(struct client *c, const char *error)
{
    struct control_state *cs = c->control_state;
    long now = (long)time(NULL);
    unsigned number = ++cs->number;
    control_write(c, "%%begin %ld %u 1\n%s\n%%error %ld %u 1", now, number, error, now, number);
}

static void control_line(struct client *c, char *line, size_t len)
{
    if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
    struct control_state *cs = c->control_state;
    if (len == 0) {
        /* An empty line: the client is done. */
        control_exit(c, cs->failed ? 1 : 0, NULL);
        return;
    }
    if (strlen(line) != len) {
        control_line_error(c, "parse error: NUL byte in command");
        return;
    }
    if (pending(c) > CONTROL_PENDING_MAX) {
        /* It sends commands but does not read their answers: it goes alone. */
        control_exit(c, 1, "too far behind");
        return;
    }
    struct server *s = c->server;
    char *error = NULL;
    struct cmd_parse_input pi = {.server = s, .client = c};
    struct cmd_list *list = cmd_parse_string(line, &pi, &error);
    if (list == NULL) {
        if (error == NULL)
            return; /* nothing but a comment or blanks: no block, as tmux */
        char *msg = xasprintf("parse error: %s", error);
        control_line_error(c, msg);
        free(msg);
        free(error);
        return;
    }
    struct cmdq *q = cmdq_get(s, c);
    struct cmdq_state *st =
        cmdq_state_new(s, c, false, control_command_output, (void *)(intptr_t)1);
    cmdq_append(q, list, st);
    cmd_list_free(list);
    cmdq_state_unref(st);
    if (c->queue != NULL)
        cmdq_run(c->queue);
}

void control_input(struct client *c, const char *buf, size_t len)
{
    struct control_state *cs = c->control_state;
    while (len > 0 && !c->exiting) {
        const char *nl = memchr(buf, '\n', len);
        size_t n = nl != NULL ? (size_t)(nl - buf) : len;
        if (cs->discarding) {
            if (nl != NULL)
                cs->discarding = false;
        } else if (evbuffer_get_length(cs->line) + n > CONTROL_LINE_MAX) {
            /* Too long: the line is answered with an error and the rest of it skipped. */
            evbuffer_drain(cs->line, evbuffer_get_length(cs->line));
            control_line_error(c, "command too long");
            cs->discarding = nl == NULL;
        } else {
            evbuffer_add(cs->line, buf, n);
            if (nl != NULL) {
                size_t ll = evbuffer_get_length(cs->line);
                char *line = xmalloc(ll + 1);
                evbuffer_remove(cs->line, line, ll);
                line[ll] = '\0';
                control_line(c, line, ll);
                free(line);
                if (c->control_state == NULL)
                    return;
            }
        }
        if (nl == NULL)
            break;
        len -= n + 1;
        buf += n + 1;
    }
}

/* ---- pane output and flow control ---- */

static struct control_pane *pane_state(struct control_state *cs, uint32_t id, bool create)
{
    for (size_t i = 0; i < cs->npanes; i++) {
        if (cs->panes[i].id == id)
            return &cs->panes[i];
    }
    if (!create)
        return NULL;
    cs->panes = xreallocarray(cs->panes, cs->npanes + 1, sizeof *cs->panes);
    struct control_pane *cp = &cs->panes[cs->npanes++];
    memset(cp, 0, sizeof *cp);
    cp->id = id;
    return cp;
}

static void forget_pane(struct control_state *cs, uint32_t id)
{
    for (size_t i = 0; i < cs->npanes; i++) {
        if (cs->panes[i].id == id) {
            cs->panes[i] = cs->panes[--cs->npanes];
            return;
        }
    }
}

/* Whether window w is linked in session sess. */
static bool session_has_window(const struct session *sess, const struct window *w)
{
    const struct winlink *x;
    TAILQ_FOREACH(x, &sess->windows, entry) {
        if (x->window == w)
            return true;
    }
    return false;
}

static long ms_since(const struct timeval *tv)
{
    struct timeval now, d;
    gettimeofday(&now, NULL);
    timersub(&now, tv, &d);
    return (long)d.tv_sec * 1000 + d.tv_usec / 1000;
}

static void pause_pane(struct client *c, struct control_pane *cp)
{
    if (cp->paused)
        return;
    cp->paused = true;
    control_write(c, "%%pause %%%u", cp->id);
}

/* pause-after: panes whose output waited longer than that are paused. */
static void check_ages(struct client *c)
{
    struct control_state *cs = c->control_state;
    if (c->control_pause_after <= 0)
        return;
    uint64_t written = cs->queued - pending(c);
    for (size_t i = 0; i < cs->npanes; i++) {
        struct control_pane *cp = &cs->panes[i];
        if (cp->paused || cp->pending_until <= written)
            continue;
        if (ms_since(&cp->pending_since) > (long)c->control_pause_after * 1000)
            pause_pane(c, cp);
    }
}

/* Bytes as %output shows them: below space and backslash as \ooo. */
static void escape_output(struct evbuffer *out, const unsigned char *data, size_t size)
{
    size_t start = 0;
    for (size_t i = 0; i < size; i++) {
        if (data[i] >= ' ' && data[i] != '\\')
            continue;
        if (i > start)
            evbuffer_add(out, data + start, i - start);
        char esc[5] = {'\\', (char)('0' + (data[i] >> 6)), (char)('0' + ((data[i] >> 3) & 7)),
                       (char)('0' + (data[i] & 7)), 0};
        evbuffer_add(out, esc, 4);
        start = i + 1;
    }
    if (size > start)
        evbuffer_add(out, data + start, size - start);
}

static void control_output(struct client *c, struct pane *p, const void *data, size_t size)
{
    struct control_state *cs = c->control_state;
    if (c->control_no_output || size == 0)
        return;
    struct control_pane *cp = pane_state(cs, p->id, true);
    if (cp->off || cp->paused)
        return;
    if (pending(c) > CONTROL_PENDING_MAX) {
        if (c->control_pause_after > 0)
            pause_pane(c, cp);
        else
            control_exit(c, 1, "too far behind");
        return;
    }
    uint64_t written = cs->queued - pending(c);
    if (cp->pending_until <= written)
        gettimeofday(&cp->pending_since, NULL);
    struct evbuffer *line = evbuffer_new();
    if (c->control_pause_after > 0)
        evbuffer_add_printf(line, "%%extended-output %%%u %ld : ", p->id,
                            cp->pending_until <= written ? 0L : ms_since(&cp->pending_since));
    else
        evbuffer_add_printf(line, "%%output %%%u ", p->id);
    escape_output(line, data, size);
    evbuffer_add(line, "\n", 1);
    control_write_raw(c, (const char *)evbuffer_pullup(line, -1), evbuffer_get_length(line));
    evbuffer_free(line);
    cp->pending_until = cs->queued;
    check_ages(c);
}

/* ---- refresh-client's parts ---- */

/* A size refresh-client -C was given: in range, and within what any client may make a
 * window cost (client_limits.h). */
static bool size_fits(struct cmd_ctx *ctx, unsigned w, unsigned h)
{
    if (w < 1 || h < 1 || w > 10000 || h > 10000) {
        cmd_error(ctx, "size too small or too big");
        return false;
    }
    if (!client_limits_frame_fits((int)w, (int)h)) {
        char why[512];
        client_limits_frame_error((int)w, (int)h, why, sizeof why);
        cmd_error(ctx, "size too small or too big (%s)", why);
        return false;
    }
    return true;
}

/* This client's size for one window (-C @ID:...), NULL if it has none. */
static struct control_winsize *winsize_find(struct client *c, uint32_t id)
{
    for (size_t i = 0; i < c->ncontrol_winsizes; i++)
        if (c->control_winsizes[i].window == id)
            return &c->control_winsizes[i];
    return NULL;
}

/* Every window sized again at once, and each laid out again for the control clients
 * (tmux tells a %layout-change for each, changed or not, after any -C). */
static void sizes_now(struct server *s)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        server_client_update_sizes_now(s, sess);
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry)
            notify_emit(s, &(struct notify){.type = NOTIFY_WINDOW_LAYOUT,
                                            .pane = wl->window->active});
    }
}

/* -C WxH (or W,H): the client's size; -C @ID:WxH: its size for window @ID alone, which
 * wins over its own; -C @ID: (no size) takes that back. As tmux, text after the
 * numbers is not looked at. */
int control_set_size(struct cmd_ctx *ctx, struct client *c, const char *size)
{
    unsigned id, w, h;
    if (sscanf(size, "@%u:%ux%u", &id, &w, &h) == 3) {
        if (!size_fits(ctx, w, h))
            return -1;
        struct control_winsize *ws = winsize_find(c, id);
        if (ws == NULL) {
            if (c->ncontrol_winsizes >= 1024) {
                cmd_error(ctx, "too many window sizes (1024): take some back with -C @ID:");
                return -1;
            }
            c->control_winsizes = xreallocarray(c->control_winsizes, c->ncontrol_winsizes + 1,
                                                sizeof *c->control_winsizes);
            ws = &c->control_winsizes[c->ncontrol_winsizes++];
            ws->window = id;
        }
        ws->cols = (int)w;
        ws->rows = (int)h;
        c->control_win_sized = true;
        sizes_now(c->server);
        return 0;
    }
    if (sscanf(size, "@%u:", &id) == 1) {
        struct control_winsize *ws = winsize_find(c, id);
        if (ws != NULL) {
            *ws = c->control_winsizes[--c->ncontrol_winsizes];
            sizes_now(c->server);
        }
        return 0;
    }
    if (sscanf(size, "%u,%u", &w, &h) != 2 && sscanf(size, "%ux%u", &w, &h) != 2) {
        cmd_error(ctx, "bad size argument");
        return -1;
    }
    if (!size_fits(ctx, w, h))
        return -1;
    c->cols = (int)w;
    c->rows = (int)h;
    c->control_sized = true;
    sizes_now(c->server);
    return 0;
}

void control_pane_action(struct cmd_ctx *ctx, struct client *c, const char *arg)
{
    struct control_state *cs = c->control_state;
    char *end;
    if (arg[0] != '%')
        return;
    unsigned long id = strtoul(arg + 1, &end, 10);
    if (end == arg + 1 || *end != ':' || id > UINT32_MAX)
        return;
    const char *what = end + 1;
    if (session_find_pane(c->server, (uint32_t)id) == NULL)
        return;
    struct control_pane *cp = pane_state(cs, (uint32_t)id, true);
    if (strcmp(what, "on") == 0)
        cp->off = false;
    else if (strcmp(what, "off") == 0)
        cp->off = true;
    else if (strcmp(what, "pause") == 0) {
        if (!cp->paused) {
            cp->paused = true;
            evbuffer_add_printf(ctx->out, "%%pause %%%u\n", cp->id);
        }
    } else if (strcmp(what, "continue") == 0) {
        if (cp->paused) {
            cp->paused = false;
            cp->pending_until = 0;
            evbuffer_add_printf(ctx->out, "%%continue %%%u\n", cp->id);
        }
    }
}

void control_subscribe(struct client *c, const char *arg)
{
    struct control_state *cs = c->control_state;
    const char *c1 = strchr(arg, ':');
    size_t nlen = c1 != NULL ? (size_t)(c1 - arg) : strlen(arg);
    for (size_t i = 0; i < cs->nsubs; i++) {
        if (strlen(cs->subs[i].name) == nlen && strncmp(cs->subs[i].name, arg, nlen) == 0) {
            sub_free(&cs->subs[i]);
            cs->subs[i] = cs->subs[--cs->nsubs];
            break;
        }
    }
    if (c1 == NULL)
        return;
    const char *c2 = strchr(c1 + 1, ':');
    if (c2 == NULL || nlen == 0)
        return;
    if (cs->nsubs >= 1000)
        return; /* bounded: a client cannot make the one-second check unbounded */
    cs->subs = xreallocarray(cs->subs, cs->nsubs + 1, sizeof *cs->subs);
    struct control_sub *sub = &cs->subs[cs->nsubs++];
    memset(sub, 0, sizeof *sub);
    sub->name = xstrndup(arg, nlen);
    sub->what = xstrndup(c1 + 1, (size_t)(c2 - c1 - 1));
    sub->format = xstrdup(c2 + 1);
}

bool control_set_flag(struct client *c, const char *flag, bool off)
{
    if (strcmp(flag, "no-output") == 0)
        c->control_no_output = !off;
    else if (strcmp(flag, "wait-exit") == 0)
        c->control_wait_exit = !off;
    else if (strncmp(flag, "pause-after", 11) == 0) {
        long v = 0;
        if (!off && flag[11] == '=')
            v = strtol(flag + 12, NULL, 10);
        else if (!off && flag[11] != '\0')
            return false;
        c->control_pause_after = v > 0 && v < 86400 ? (int)v : 0;
        if (c->control_pause_after == 0 && c->control_state != NULL) {
            for (size_t i = 0; i < c->control_state->npanes; i++)
                c->control_state->panes[i].paused = false;
        }
    } else
        return false;
    return true;
}

/* ---- subscriptions ---- */

static struct control_subval *sub_value(struct control_sub *sub, const char *key)
{
    for (size_t i = 0; i < sub->nvals; i++) {
        if (strcmp(sub->vals[i].key, key) == 0)
            return &sub->vals[i];
    }
    if (sub->nvals >= 10000)
        return NULL;
    sub->vals = xreallocarray(sub->vals, sub->nvals + 1, sizeof *sub->vals);
    struct control_subval *v = &sub->vals[sub->nvals++];
    memset(v, 0, sizeof *v);
    snprintf(v->key, sizeof v->key, "%s", key);
    return v;
}

/* One target of a subscription: its value, reported when it changed. A window or pane
 * is one target at each index its window has (tmux keys them by id and index: one that
 * moves to another index is told again there). */
static void sub_check_one(struct client *c, struct control_sub *sub, struct winlink *wl,
                          struct pane *p)
{
    struct session *sess = c->session;
    struct window *w = wl != NULL ? wl->window : NULL;
    struct format_ctx fctx = {.server = c->server, .session = sess, .window = w, .wl = wl,
                              .pane = p, .client = c};
    format_defaults(&fctx);
    char key[32];
    if (p != NULL && w != NULL)
        snprintf(key, sizeof key, "%%%u:%d", p->id, wl->index);
    else if (w != NULL)
        snprintf(key, sizeof key, "@%u:%d", w->id, wl->index);
    else
        snprintf(key, sizeof key, "$");
    struct control_subval *v = sub_value(sub, key);
    if (v == NULL)
        return;
    v->seen = true;
    char *value = format_expand(&fctx, sub->format);
    if (v->value != NULL && strcmp(v->value, value) == 0) {
        free(value);
        return;
    }
    free(v->value);
    v->value = value;
    char wpart[32] = "-", ipart[32] = "-", ppart[32] = "-";
    if (w != NULL) {
        snprintf(wpart, sizeof wpart, "@%u", w->id);
        char *index = format_expand(&fctx, "#{window_index}");
        snprintf(ipart, sizeof ipart, "%s", index);
        free(index);
    }
    if (p != NULL && w != NULL)
        snprintf(ppart, sizeof ppart, "%%%u", p->id);
    control_write(c, "%%subscription-changed %s $%u %s %s %s : %s", sub->name, sess->id, wpart,
                  ipart, ppart, value);
}

static void check_subscriptions(struct client *c)
{
    struct control_state *cs = c->control_state;
    struct session *sess = c->session;
    if (!c->attached || sess == NULL)
        return;
    for (size_t i = 0; i < cs->nsubs; i++) {
        struct control_sub *sub = &cs->subs[i];
        for (size_t j = 0; j < sub->nvals; j++)
            sub->vals[j].seen = false;
        const char *what = sub->what;
        struct winlink *wl;
        if (*what == '\0')
            sub_check_one(c, sub, NULL, NULL);
        else if (what[0] == '@' || what[0] == '%') {
            bool all = strcmp(what + 1, "*") == 0;
            char *end;
            unsigned long id = strtoul(what + 1, &end, 10);
            bool one = !all && end != what + 1 && *end == '\0';
            TAILQ_FOREACH(wl, &sess->windows, entry) {
                struct window *w = wl->window;
                if (what[0] == '@') {
                    if (all || (one && w->id == id))
                        sub_check_one(c, sub, wl, NULL);
                    continue;
                }
                struct pane *p;
                TAILQ_FOREACH(p, &w->panes, entry) {
                    if (all || (one && p->id == id))
                        sub_check_one(c, sub, wl, p);
                }
            }
        }
        /* Targets that went are forgotten (a new one by the same id reports again). */
        for (size_t j = 0; j < sub->nvals;) {
            if (!sub->vals[j].seen) {
                free(sub->vals[j].value);
                sub->vals[j] = sub->vals[--sub->nvals];
            } else
                j++;
        }
    }
}

/* ---- notifications: what changed since the client last looked ---- */

static char *client_name(const struct client *c)
{
    if (c->tty_name != NULL)
        return xstrdup(c->tty_name);
    return xasprintf("client-%ld", (long)c->pid);
}

static void snap_take(struct client *c, struct control_snap *snap)
{
    struct server *s = c->server;
    memset(snap, 0, sizeof *snap);
    snap->attached = c->attached && c->session != NULL;
    if (snap->attached) {
        snap->session = c->session->id;
        snap->renumbers = c->session->renumbers;
        snap->session_sets = c->session_sets;
        if (c->session->current != NULL) {
            snap->has_current = true;
            snap->current = c->session->current->window->id;
        }
    }
    struct session *sess;
    size_t nsess = 0, nwins = 0, npanes = 0;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        nsess++;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct window *w = wl->window;
            nwins++;
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry)
                npanes++;
        }
    }
    snap->sessions = xcalloc(nsess + 1, sizeof *snap->sessions);
    snap->wins = xcalloc(nwins + 1, sizeof *snap->wins);
    snap->modes = xcalloc(npanes + 1, sizeof *snap->modes);
    snap->links = xcalloc(nwins + 1, sizeof *snap->links);
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        if (s->exiting)
            break; /* the server is going, and every session with it */
        struct control_sess *cs = &snap->sessions[snap->nsessions++];
        cs->id = sess->id;
        cs->name = xstrdup(sess->name);
        cs->current = sess->current != NULL ? sess->current->window->id : UINT32_MAX;
        cs->current_changes = sess->current_changes;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct window *w = wl->window;
            snap->links[snap->nlinks].session = sess->id;
            snap->links[snap->nlinks].current = wl == sess->current;
            snap->links[snap->nlinks].stack = -1;
            int place = 0;
            for (struct winlink *x = TAILQ_FIRST(&sess->lastw); x != NULL && wl->stacked;
                 x = TAILQ_NEXT(x, sentry), place++) {
                if (x == wl)
                    snap->links[snap->nlinks].stack = place;
            }
            snap->links[snap->nlinks++].window = w->id;
            /* A window linked in several sessions is one window: mine if in mine. */
            struct control_win *cw = NULL;
            for (size_t i = 0; i < snap->nwins; i++) {
                if (snap->wins[i].id == w->id)
                    cw = &snap->wins[i];
            }
            bool mine = snap->attached && c->session == sess;
            if (cw != NULL) {
                cw->mine = cw->mine || mine;
                continue;
            }
            cw = &snap->wins[snap->nwins++];
            cw->id = w->id;
            cw->mine = mine || (snap->attached && session_has_window(c->session, w));
            cw->name = xstrdup(w->name);
            /* Its flags as its first link in the client's session shows them, as tmux's
             * %layout-change (only a window of that session is told one). */
            struct winlink *own = snap->attached ? session_lowest_link(c->session, w) : NULL;
            struct format_ctx fctx = {.server = s, .session = own != NULL ? c->session : sess,
                                      .window = w, .wl = own};
            format_defaults(&fctx);
            char *line = format_expand(
                &fctx, "#{window_index} #{window_layout} #{window_visible_layout} #{window_flags}");
            char *space = strchr(line, ' ');
            cw->index = strtol(line, NULL, 10);
            cw->layout = xstrdup(space != NULL ? space + 1 : "");
            free(line);
            cw->active = w->active != NULL ? w->active->id : UINT32_MAX;
            cw->links_made = w->links_made;
            cw->renames = w->renames;
            cw->links_gone = w->links_gone;
            struct winlink *x;
            TAILQ_FOREACH(x, &w->links, wentry)
                cw->nlinks++;
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                cw->npanes++;
                snap->modes[snap->nmodes].id = p->id;
                snap->modes[snap->nmodes++].depth = pane_mode_depth(p);
            }
        }
    }
    struct client *o;
    size_t npeers = 0;
    TAILQ_FOREACH(o, &s->clients, entry)
        npeers++;
    snap->peers = xcalloc(npeers + 1, sizeof *snap->peers);
    TAILQ_FOREACH(o, &s->clients, entry) {
        if (o == c || !o->identified)
            continue;
        struct control_peer *pr = &snap->peers[snap->npeers++];
        pr->id = o->id;
        pr->name = client_name(o);
        pr->attached = o->attached && o->session != NULL && !o->exiting;
        pr->session = pr->attached ? o->session->id : 0;
    }
}

static const struct control_win *find_win(const struct control_snap *snap, uint32_t id)
{
    for (size_t i = 0; i < snap->nwins; i++) {
        if (snap->wins[i].id == id)
            return &snap->wins[i];
    }
    return NULL;
}

static const struct control_sess *find_sess(const struct control_snap *snap, uint32_t id)
{
    for (size_t i = 0; i < snap->nsessions; i++) {
        if (snap->sessions[i].id == id)
            return &snap->sessions[i];
    }
    return NULL;
}

static const struct control_mode *find_mode(const struct control_snap *snap, uint32_t id)
{
    for (size_t i = 0; i < snap->nmodes; i++) {
        if (snap->modes[i].id == id)
            return &snap->modes[i];
    }
    return NULL;
}

static const struct control_peer *find_peer(const struct control_snap *snap, uint32_t id)
{
    for (size_t i = 0; i < snap->npeers; i++) {
        if (snap->peers[i].id == id)
            return &snap->peers[i];
    }
    return NULL;
}

/* Whether a window of the client's session had that index. */
static bool index_used(const struct control_snap *snap, long index)
{
    for (size_t i = 0; i < snap->nwins; i++) {
        if (snap->wins[i].mine && snap->wins[i].index == index)
            return true;
    }
    return false;
}

/* The layout part of a window's layout line: "LAYOUT VISIBLE" without the flags. */
static bool layout_differs(const char *a, const char *b)
{
    const char *ea = strrchr(a, ' '), *eb = strrchr(b, ' ');
    size_t la = ea != NULL ? (size_t)(ea - a) : strlen(a);
    size_t lb = eb != NULL ? (size_t)(eb - b) : strlen(b);
    return la != lb || strncmp(a, b, la) != 0;
}

/* What changed between old and now, by kind; snap_diff puts them in tmux's order. */
struct diff {
    struct client *c;
    const struct control_snap *old, *now;
    bool same_session;
    bool *told;         /* by session of now: its current window was told (diff_vanished) */
    bool vanished_told; /* the windows that went were told (diff_vanished) */
};

/* Its session's windows were renumbered since: tmux tells no index that changed so. */
static bool renumbered(const struct diff *d)
{
    return d->old->renumbers != d->now->renumbers;
}

static bool current_moved(const struct diff *d)
{
    if (renumbered(d))
        return false;
    const struct control_win *cur =
        d->now->has_current ? find_win(d->now, d->now->current) : NULL;
    const struct control_win *was = cur != NULL ? find_win(d->old, cur->id) : NULL;
    return cur != NULL && was != NULL && was->mine && cur->index != was->index &&
           !index_used(d->old, cur->index);
}

/* The window that was current moved to a free index and another is current now
 * (move-window -d, break-pane -d of a lone pane): tmux's session changes its current
 * window as the old link goes, between the new link's add and the old one's close. */
static bool old_current_moved_away(const struct diff *d)
{
    if (renumbered(d) || !d->old->has_current || !d->now->has_current || d->old->current == d->now->current)
        return false;
    const struct control_win *was = find_win(d->old, d->old->current);
    const struct control_win *nw = find_win(d->now, d->old->current);
    return was != NULL && nw != NULL && was->mine && nw->mine && nw->index != was->index &&
           !index_used(d->old, nw->index);
}

static int sess_name_order(const void *a, const void *b)
{
    return strcmp((*(const struct control_sess *const *)a)->name,
                  (*(const struct control_sess *const *)b)->name);
}

/* The old snapshot's links as tmux unlinks the windows that went (diff_vanished): which
 * are gone, which is current in its session, their places in its stack. */
struct vanish_walk {
    bool *gone, *current;
    int *stack;
};

/* Link l of a window that went is unlinked as tmux does it: when it is current, its
 * session goes to the top of its stack of last windows unless that is l itself, else to
 * the link before l (wrapping to the last); true when that changed the current window. */
static bool walk_unlink(const struct control_snap *old, struct vanish_walk *v, size_t l)
{
    uint32_t sid = old->links[l].session;
    bool changed = false;
    if (v->current[l]) {
        size_t next = SIZE_MAX;
        int top = INT_MAX;
        for (size_t k = 0; k < old->nlinks; k++) {
            if (old->links[k].session == sid && !v->gone[k] && v->stack[k] >= 0 &&
                v->stack[k] < top) {
                top = v->stack[k];
                next = k;
            }
        }
        if (next == l)
            next = SIZE_MAX;
        for (size_t k = l; next == SIZE_MAX && k-- > 0;) {
            if (old->links[k].session == sid && !v->gone[k])
                next = k;
        }
        for (size_t k = old->nlinks; next == SIZE_MAX && k-- > l + 1;) {
            if (old->links[k].session == sid && !v->gone[k])
                next = k;
        }
        v->current[l] = false;
        if (next != SIZE_MAX) {
            v->current[next] = true;
            v->stack[next] = -1;
            changed = true;
        }
    }
    v->stack[l] = -1;
    v->gone[l] = true;
    return changed;
}

/* Walks the unlinks of the windows that went in tmux's order: window by window, session
 * by session in name order, each session's links by index. With emit, writes each
 * unlink and, before it, each change of its session's current window: where walk_unlink
 * finds one when simulate, else once, before the link that was current. Counts the
 * changes found by session (by_name's order). */
static void vanish_walk(struct diff *d, const struct control_sess **by_name, bool simulate,
                        bool emit, unsigned *changes)
{
    const struct control_snap *old = d->old, *now = d->now;
    struct vanish_walk v = {.gone = xcalloc(old->nlinks + 1, sizeof *v.gone),
                            .current = xcalloc(old->nlinks + 1, sizeof *v.current),
                            .stack = xcalloc(old->nlinks + 1, sizeof *v.stack)};
    for (size_t l = 0; l < old->nlinks; l++) {
        v.current[l] = old->links[l].current;
        v.stack[l] = old->links[l].stack;
    }
    for (size_t w = 0; w < old->nwins; w++) {
        uint32_t id = old->wins[w].id;
        if (find_win(now, id) != NULL)
            continue;
        for (size_t i = 0; i < old->nsessions; i++) {
            const struct control_sess *os = by_name[i];
            size_t at = 0;
            while (at < now->nsessions && now->sessions[at].id != os->id)
                at++;
            const struct control_sess *ns = &now->sessions[at];
            for (size_t l = 0; l < old->nlinks; l++) {
                if (old->links[l].session != os->id || old->links[l].window != id)
                    continue;
                bool was_current = v.current[l];
                bool changed = walk_unlink(old, &v, l);
                if (!simulate)
                    changed = was_current && changes[i] == 0 &&
                              os->current_changes != ns->current_changes;
                if (changed)
                    changes[i]++;
                if (emit && changed && ns->current != UINT32_MAX) {
                    control_write(d->c, "%%session-window-changed $%u @%u", ns->id,
                                  ns->current);
                    d->told[at] = true;
                }
                if (emit)
                    control_write(d->c, "%%unlinked-window-close @%u", id);
            }
        }
    }
    free(v.gone);
    free(v.current);
    free(v.stack);
}

/* Windows that went (kill-window, the last pane of one killed) while every session that
 * had them is still there: tmux unlinks them session by session in name order, each
 * session's links by index, telling a session's new current window (the one it has
 * after the command) each time it unlinks its current link: more than once when the
 * window was linked several times and the session went to another of its links. When
 * that walk does not find as many changes as the sessions made, each session's change
 * is told once, before its current link's unlink. */
static void diff_vanished(struct diff *d)
{
    const struct control_snap *old = d->old, *now = d->now;
    bool any = false;
    for (size_t i = 0; i < old->nlinks; i++) {
        if (find_win(now, old->links[i].window) != NULL)
            continue;
        any = true;
        if (find_sess(now, old->links[i].session) == NULL)
            return; /* a session went too (kill-session): told as sessions go */
    }
    if (!any)
        return;
    const struct control_sess **by_name = xcalloc(old->nsessions + 1, sizeof *by_name);
    for (size_t i = 0; i < old->nsessions; i++)
        by_name[i] = &old->sessions[i];
    qsort(by_name, old->nsessions, sizeof *by_name, sess_name_order);
    unsigned *changes = xcalloc(old->nsessions + 1, sizeof *changes);
    vanish_walk(d, by_name, true, false, changes);
    bool simulate = true;
    for (size_t i = 0; i < old->nsessions; i++) {
        const struct control_sess *ns = find_sess(now, by_name[i]->id);
        bool lost = false; /* a link of a window that went */
        for (size_t l = 0; l < old->nlinks; l++)
            lost = lost || (old->links[l].session == by_name[i]->id &&
                            find_win(now, old->links[l].window) == NULL);
        if (lost)
            simulate = simulate && ns != NULL &&
                       changes[i] == ns->current_changes - by_name[i]->current_changes;
        changes[i] = 0;
    }
    vanish_walk(d, by_name, simulate, true, changes);
    free(changes);
    free(by_name);
    d->vanished_told = true;
}

/* Its session's current window (told with the move if the new or the old one moved);
 * each change of another session's, as tmux tells every control client. */
static void diff_current(const struct diff *d)
{
    const struct control_sess *was = find_sess(d->old, d->now->session);
    const struct control_sess *is = find_sess(d->now, d->now->session);
    /* When the session went to another link (even of the same window: swap-window -d);
     * a link that shows another window now (swap-window) is no change. */
    bool changed = was != NULL && is != NULL && was->current_changes != is->current_changes;
    for (size_t i = 0; i < d->now->nsessions; i++) {
        if (d->told[i] && d->now->sessions[i].id == d->now->session)
            changed = false; /* told with the window that went (diff_vanished) */
    }
    if (d->same_session && changed && d->now->has_current && !current_moved(d) &&
        !old_current_moved_away(d))
        control_write(d->c, "%%session-window-changed $%u @%u", d->now->session,
                      d->now->current);
    for (size_t i = 0; i < d->now->nsessions; i++) {
        const struct control_sess *ns = &d->now->sessions[i], *os = find_sess(d->old, ns->id);
        if (os == NULL || (d->same_session && ns->id == d->now->session) ||
            ns->current == UINT32_MAX || d->told[i])
            continue; /* (a session it switched to: told before the switch) */
        for (unsigned n = os->current_changes; n != ns->current_changes; n++)
            control_write(d->c, "%%session-window-changed $%u @%u", ns->id, ns->current);
    }
}

/* A window of its session moved to a free index in it (move-window): linked there, then
 * unlinked from its old index. */
static bool moved_in_session(const struct diff *d, const struct control_win *ow,
                             const struct control_win *nw)
{
    return nw->mine && ow->mine && d->same_session && nw->index != ow->index &&
           !index_used(d->old, nw->index) && !renumbered(d) && nw->links_made > ow->links_made &&
           nw->links_gone > ow->links_gone;
}

/* Windows linked into a session since (created, linked, moved): tmux tells each link,
 * "%window-add" if the client's session has the window (even a window it had: linked a
 * second time, or into another session), else "%unlinked-window-add"; renamed:
 * break-pane's new window, which tmux names after it was made. */
static void diff_added(const struct diff *d, bool renamed)
{
    const struct control_snap *old = d->old, *now = d->now;
    for (size_t i = 0; i < now->nwins; i++) {
        const struct control_win *nw = &now->wins[i], *ow = find_win(old, nw->id);
        const char *kind = nw->mine ? "" : "unlinked-";
        if (ow == NULL) {
            if (renamed && nw->mine)
                control_write(d->c, "%%window-renamed @%u %s", nw->id, nw->name);
            for (unsigned n = 0; n < nw->links_made || n == 0; n++)
                control_write(d->c, "%%%swindow-add @%u", kind, nw->id);
            continue;
        }
        unsigned links = nw->links_made - ow->links_made;
        if (moved_in_session(d, ow, nw)) {
            /* Linked there, then unlinked from its old index, which tmux tells as these
             * three. */
            links--;
            control_write(d->c, "%%window-add @%u", nw->id);
            if (now->has_current && now->current == nw->id)
                control_write(d->c, "%%session-window-changed $%u @%u", now->session, nw->id);
            else if (d->same_session && old->has_current && old->current == nw->id &&
                     old_current_moved_away(d))
                control_write(d->c, "%%session-window-changed $%u @%u", now->session,
                              now->current);
            control_write(d->c, "%%window-close @%u", nw->id);
        }
        for (unsigned n = 0; n < links; n++)
            control_write(d->c, "%%%swindow-add @%u", kind, nw->id);
    }
}

/* Sessions created or destroyed, its own session, sessions renamed. */
static void diff_sessions(const struct diff *d)
{
    const struct control_snap *old = d->old, *now = d->now;
    bool sessions_changed = old->nsessions != now->nsessions;
    for (size_t i = 0; i < now->nsessions && !sessions_changed; i++)
        sessions_changed = find_sess(old, now->sessions[i].id) == NULL;
    if (sessions_changed)
        control_write(d->c, "%%sessions-changed");
    if (now->attached && (!d->same_session || old->session_sets != now->session_sets)) {
        const struct control_sess *ns = find_sess(now, now->session);
        control_write(d->c, "%%session-changed $%u %s", now->session,
                      ns != NULL ? ns->name : "");
    }
    for (size_t i = 0; i < now->nsessions; i++) {
        const struct control_sess *ns = &now->sessions[i], *os = find_sess(old, ns->id);
        if (os != NULL && strcmp(os->name, ns->name) != 0)
            control_write(d->c, "%%session-renamed $%u %s", ns->id, ns->name);
    }
}

enum { DIFF_PANE = 1, DIFF_LAYOUT = 2, DIFF_NAME = 4, DIFF_PANE_FIRST = 8, DIFF_NOT_UNZOOMED = 16 };

/* Whether w was zoomed: its flags, the last word of its layout field, have a Z. */
static bool zoomed(const struct control_win *w)
{
    const char *flags = strrchr(w->layout, ' ');
    return flags != NULL && strchr(flags, 'Z') != NULL;
}

static int win_id_order(const void *a, const void *b)
{
    uint32_t x = (*(const struct control_win *const *)a)->id;
    uint32_t y = (*(const struct control_win *const *)b)->id;
    return x < y ? -1 : x > y;
}

/* Windows that changed: active pane, layout, name (what says which), in the order of
 * their ids, as tmux tells a resize of many (its windows are a tree by id). */
static void diff_windows(const struct diff *d, int what)
{
    struct control_state *cs = d->c->control_state;
    const struct control_win **by_id = xcalloc(d->now->nwins + 1, sizeof *by_id);
    for (size_t i = 0; i < d->now->nwins; i++)
        by_id[i] = &d->now->wins[i];
    qsort(by_id, d->now->nwins, sizeof *by_id, win_id_order);
    for (size_t i = 0; i < d->now->nwins; i++) {
        const struct control_win *nw = by_id[i], *ow = find_win(d->old, nw->id);
        if (ow == NULL)
            continue;
        if (!nw->mine && (what & DIFF_PANE) && ow->active != nw->active &&
            nw->active != UINT32_MAX) /* of any window, as tmux */
            control_write(d->c, "%%window-pane-changed @%u %%%u", nw->id, nw->active);
        if (nw->mine) {
            bool pane_changed = (what & DIFF_PANE) && ow->active != nw->active &&
                                nw->active != UINT32_MAX;
            /* DIFF_NOT_UNZOOMED: a window unzoomed was told first (diff_unzoomed). */
            bool layout_changed = (what & DIFF_LAYOUT) && layout_differs(ow->layout, nw->layout) &&
                                  !((what & DIFF_NOT_UNZOOMED) && zoomed(ow) && !zoomed(nw));
            for (size_t j = 0; j < cs->nrelaid && (what & DIFF_LAYOUT); j++)
                layout_changed = layout_changed || cs->relaid[j] == nw->id;
            /* Added panes are told before the layout, exited ones after; so is a pane
             * selected in a zoomed window, which tmux unzooms first. */
            bool first = (what & DIFF_PANE_FIRST) ||
                         (nw->npanes >= ow->npanes && !(zoomed(ow) && !zoomed(nw)));
            if (pane_changed && first)
                control_write(d->c, "%%window-pane-changed @%u %%%u", nw->id, nw->active);
            if (layout_changed)
                control_write(d->c, "%%layout-change @%u %s", nw->id, nw->layout);
            if (pane_changed && !first)
                control_write(d->c, "%%window-pane-changed @%u %%%u", nw->id, nw->active);
        }
        /* Each name set is told (rename-window to the same name too), with the name now. */
        unsigned renames = (what & DIFF_NAME) ? nw->renames - ow->renames : 0;
        if ((what & DIFF_NAME) && renames == 0 && strcmp(ow->name, nw->name) != 0)
            renames = 1;
        for (unsigned n = 0; n < renames; n++) {
            if (nw->mine)
                control_write(d->c, "%%window-renamed @%u %s", nw->id, nw->name);
            else
                control_write(d->c, "%%unlinked-window-renamed @%u %s", nw->id, nw->name);
        }
    }
    free(by_id);
}

/* break-pane and join-pane unzoom the windows they take a pane from or put one in, and
 * tmux tells that first: each such window's layout (as it is at the end, as tmux's
 * notifications are written when they run), before the rest and again in its place. */
static void diff_unzoomed(const struct diff *d)
{
    for (size_t i = 0; i < d->now->nwins; i++) {
        const struct control_win *nw = &d->now->wins[i], *ow = find_win(d->old, nw->id);
        if (ow != NULL && nw->mine && zoomed(ow) && !zoomed(nw))
            control_write(d->c, "%%layout-change @%u %s", nw->id, nw->layout);
    }
}

/* Panes whose mode changed. */
static void diff_modes(const struct diff *d)
{
    for (size_t i = 0; i < d->now->nmodes; i++) {
        const struct control_mode *om = find_mode(d->old, d->now->modes[i].id);
        if (om != NULL && om->depth != d->now->modes[i].depth)
            control_write(d->c, "%%pane-mode-changed %%%u", d->now->modes[i].id);
    }
}

/* Windows unlinked from a session since (closed, unlinked, moved): tmux tells each,
 * "%window-close" if the client's session still has the window, else
 * "%unlinked-window-close" (a window closed in its session too). */
static void diff_closed(const struct diff *d)
{
    for (size_t i = 0; i < d->old->nwins; i++) {
        const struct control_win *ow = &d->old->wins[i], *nw = find_win(d->now, ow->id);
        /* A window that went lost each link it had (made since: not known here). */
        if (nw == NULL && d->vanished_told)
            continue;
        unsigned gone = nw != NULL ? nw->links_gone - ow->links_gone : ow->nlinks;
        if (nw != NULL && moved_in_session(d, ow, nw))
            gone--; /* told with its add */
        for (unsigned n = 0; n < gone; n++)
            control_write(d->c, "%%%swindow-close @%u",
                          nw != NULL && nw->mine ? "" : "unlinked-", ow->id);
    }
}

/* Other clients: switched, attached or gone. */
static void diff_peers(const struct diff *d)
{
    const struct control_snap *old = d->old, *now = d->now;
    for (size_t i = 0; i < now->npeers; i++) {
        const struct control_peer *np = &now->peers[i], *op = find_peer(old, np->id);
        bool was = op != NULL && op->attached;
        if (np->attached && (!was || op->session != np->session)) {
            const struct control_sess *ns = find_sess(now, np->session);
            control_write(d->c, "%%client-session-changed %s $%u %s", np->name, np->session,
                          ns != NULL ? ns->name : "");
        } else if (!np->attached && was)
            control_write(d->c, "%%client-detached %s", np->name);
    }
    for (size_t i = 0; i < old->npeers; i++) {
        const struct control_peer *op = &old->peers[i];
        if (op->attached && find_peer(now, op->id) == NULL)
            control_write(d->c, "%%client-detached %s", op->name);
    }
}

/* Tell the client what changed between old and now, in the order tmux 3.3a gives it
 * (which follows what its commands do first: break-pane and join-pane differ). */
static void snap_diff(struct client *c, const struct control_snap *old,
                      const struct control_snap *now)
{
    struct diff d = {.c = c, .old = old, .now = now,
                     .same_session = old->attached && now->attached &&
                                     old->session == now->session};
    const char *cmd = c->control_state->last_command;
    if (!now->attached) {
        /* Not (or no longer) attached: only that sessions came or went. */
        bool changed = old->nsessions != now->nsessions;
        for (size_t i = 0; i < now->nsessions && !changed; i++)
            changed = find_sess(old, now->sessions[i].id) == NULL;
        if (changed)
            control_write(c, "%%sessions-changed");
        return;
    }
    d.told = xcalloc(now->nsessions + 1, sizeof *d.told);
    if (strcmp(cmd, "break-pane") == 0) {
        diff_unzoomed(&d);
        diff_windows(&d, DIFF_PANE | DIFF_LAYOUT | DIFF_NAME | DIFF_PANE_FIRST);
        diff_added(&d, true);
        diff_current(&d);
        diff_sessions(&d);
        diff_modes(&d);
        diff_closed(&d);
    } else if (strcmp(cmd, "rotate-window") == 0) {
        /* tmux tells the new active pane, not the layout the panes turned in (but the
         * layout of a window it unzoomed, first). */
        diff_unzoomed(&d);
        diff_current(&d);
        diff_windows(&d, DIFF_PANE | DIFF_NAME);
        diff_modes(&d);
    } else if (strcmp(cmd, "join-pane") == 0 || strcmp(cmd, "move-pane") == 0) {
        diff_unzoomed(&d);
        diff_windows(&d, DIFF_PANE | DIFF_PANE_FIRST);
        diff_current(&d);
        diff_closed(&d);
        diff_windows(&d, DIFF_LAYOUT | DIFF_NAME);
        diff_added(&d, false);
        diff_sessions(&d);
        diff_modes(&d);
    } else if (strcmp(cmd, "switch-client") == 0) {
        /* tmux unzooms and selects the pane, then the window, then sets the client's
         * session. */
        diff_unzoomed(&d);
        diff_windows(&d, DIFF_PANE | DIFF_PANE_FIRST);
        diff_current(&d);
        diff_added(&d, false);
        diff_sessions(&d);
        diff_windows(&d, DIFF_LAYOUT | DIFF_NAME | DIFF_NOT_UNZOOMED);
        diff_modes(&d);
        diff_closed(&d);
    } else if (strcmp(cmd, "split-window") == 0) {
        /* In a zoomed window: the layout as tmux unzooms, the new pane, the layout. */
        diff_unzoomed(&d);
        diff_current(&d);
        diff_added(&d, false);
        diff_sessions(&d);
        diff_windows(&d, DIFF_PANE | DIFF_LAYOUT | DIFF_NAME | DIFF_PANE_FIRST);
        diff_modes(&d);
        diff_closed(&d);
    } else {
        diff_vanished(&d);
        diff_current(&d);
        diff_added(&d, false);
        diff_sessions(&d);
        diff_windows(&d, DIFF_PANE | DIFF_LAYOUT | DIFF_NAME);
        diff_modes(&d);
        diff_closed(&d);
    }
    diff_peers(&d);
    free(d.told);
}

/* The server made it exit: the message waits for the next check, so that the block of
 * the command that did it (and what it changed) comes first, as in tmux. */
static bool control_exiting(struct client *c, const void *payload, size_t len)
{
    struct control_state *cs = c->control_state;
    if (cs == NULL || cs->exit_payload != NULL)
        return false;
    cs->exit_payload = xmalloc(len);
    memcpy(cs->exit_payload, payload, len);
    cs->exit_len = len;
    c->control_exit_held = true;
    event_active(cs->check_ev, EV_TIMEOUT, 1);
    return true;
}

static void control_check(struct client *c)
{
    struct control_state *cs = c->control_state;
    if (cs == NULL || (c->exiting && !c->control_exit_held))
        return;
    struct control_snap now;
    snap_take(c, &now);
    snap_diff(c, &cs->snap, &now);
    cs->nrelaid = 0;
    cs->last_command[0] = '\0';
    snap_free(&cs->snap);
    cs->snap = now;
    if (c->control_exit_held) {
        /* Its last lines are out: now the exit. */
        size_t mlen = cs->exit_len > 4 ? strnlen((char *)cs->exit_payload + 4, cs->exit_len - 4)
                                        : 0;
        if (c->control_wait_exit && cs->exit_len == 4 + mlen + 1) {
            /* wait-exit: its process reads to an empty line before it goes. */
            cs->exit_payload = xrealloc(cs->exit_payload, cs->exit_len + 2);
            ((char *)cs->exit_payload)[cs->exit_len++] = PROTO_EXIT_WAIT;
            ((char *)cs->exit_payload)[cs->exit_len++] = '\0';
        }
        client_send(c, MSG_EXIT, cs->exit_payload, cs->exit_len);
        free(cs->exit_payload);
        cs->exit_payload = NULL;
        c->control_exit_held = false;
        return;
    }
    /* Panes that are gone are forgotten. */
    for (size_t i = 0; i < cs->npanes;) {
        if (session_find_pane(c->server, cs->panes[i].id) == NULL)
            forget_pane(cs, cs->panes[i].id);
        else
            i++;
    }
}

static void control_check_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    control_check(arg);
}

static void control_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    struct client *c = arg;
    if (c->exiting)
        return;
    control_check(c);
    check_subscriptions(c);
    check_ages(c);
}

void control_command_done(struct server *s, const char *name)
{
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->control_state != NULL && !c->exiting) {
            if (name != NULL)
                snprintf(c->control_state->last_command,
                         sizeof c->control_state->last_command, "%s", name);
            event_active(c->control_state->check_ev, EV_TIMEOUT, 1);
        }
    }
}

void control_notify(struct server *s, const struct notify *n)
{
    struct pane *p = n->pane;
    struct client *c, *next;
    if (n->type == NOTIFY_WINDOW_LAYOUT && p != NULL) {
        TAILQ_FOREACH(c, &s->clients, entry) {
            struct control_state *cs = c->control_state;
            if (cs == NULL || cs->nrelaid >= 64)
                continue;
            cs->relaid = xreallocarray(cs->relaid, cs->nrelaid + 1, sizeof *cs->relaid);
            cs->relaid[cs->nrelaid++] = p->window->id;
        }
    }
    if (n->type != NOTIFY_PANE_OUTPUT) {
        control_command_done(s, NULL);
        return;
    }
    TAILQ_FOREACH_SAFE(c, &s->clients, entry, next) {
        if (c->control_state == NULL || c->exiting || !c->attached || c->session == NULL)
            continue;
        if (session_has_window(c->session, p->window))
            control_output(c, p, n->data, n->size);
    }
}
