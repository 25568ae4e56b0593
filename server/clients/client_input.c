/* client_input.c - the input path: client bytes -> keys (key_parse) -> the client's
 * overlays (overlay.h: prompt, text view...), key bindings, the mode of the active pane
 * (pane_mode.h), or the active pane's program (key_encode for its modes). Bytes bound
 * for a pane are gathered and written once per message, not once per key. */
#include "client_input.h"

#include <stdio.h>
#include <sys/time.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "client_frames.h"
#include "client_term.h"
#include "client_tty.h"
#include "client_message.h"
#include "copy_mode.h"
#include "cmd.h"
#include "format.h"
#include "hooks.h"
#include "key_bindings.h"
#include "options.h"
#include "overlay.h"
#include "pane_input.h"
#include "pane_mode.h"
#include "keys.h"
#include "quiet.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "utf8.h"
#include "vt.h"
#include "xmalloc.h"

/* Bytes on their way to the active pane; acted: a key did more than go to it (a
 * binding, a mode, an overlay, the mouse), so control clients look for changes. */
struct pane_output {
    char buf[4096];
    size_t len;
    bool acted;
};

static struct pane *active_pane(struct client *c)
{
    if (c->session == NULL || c->session->current == NULL)
        return NULL;
    return c->session->current->window->active;
}

static void flush_pane(struct client *c, struct pane_output *po)
{
    struct pane *p = active_pane(c);
    if (p != NULL && po->len > 0)
        pane_input_write(p, po->buf, po->len);
    po->len = 0;
}

/* A mouse event from the client's terminal: to the active pane, in the encoding it asked
 * for, if it asked for mouse reports and the event is inside it. */
static void send_mouse_to_pane(struct client *c, const struct mouse_event *m,
                               struct pane_output *po)
{
    struct pane *p = active_pane(c);
    if (p == NULL || m->x >= p->cols || m->y >= p->rows)
        return;
    uint32_t modes = vt_modes(p->vt);
    if (!(modes & VT_MODE_MOUSE))
        return;
    int flags = (modes & VT_MODE_MOUSE_ANY)      ? KEY_ENC_MOUSE_ANY
                : (modes & VT_MODE_MOUSE_BUTTON) ? KEY_ENC_MOUSE_BUTTON
                : (modes & VT_MODE_MOUSE_X10)    ? KEY_ENC_MOUSE_X10
                                                 : KEY_ENC_MOUSE_NORMAL;
    if (modes & VT_MODE_MOUSE_SGR)
        flags |= KEY_ENC_MOUSE_SGR;
    if (modes & VT_MODE_MOUSE_URXVT)
        flags |= KEY_ENC_MOUSE_URXVT;
    if (modes & VT_MODE_MOUSE_UTF8)
        flags |= KEY_ENC_MOUSE_UTF8;
    if (po->len + 32 > sizeof po->buf)
        flush_pane(c, po);
    po->len += key_encode_mouse(m, flags, m->x, m->y, po->buf + po->len);
}

/* A key event for the active pane's program, in the encoding its modes ask for (the
 * kitty flags it pushed, extended keys, cursor and keypad modes). */
static void send_event_to_pane(struct client *c, const struct key_event *event,
                               struct pane_output *po)
{
    struct pane *p = active_pane(c);
    if (p == NULL)
        return;
    struct key_event ev = *event;
    key_code key = ev.key;
    uint32_t modes = vt_modes(p->vt);
    int flags = pane_input_key_flags(p->vt, c->server);
    if ((key == KEYC_PASTE_START || key == KEYC_PASTE_END) && !(modes & VT_MODE_BRACKETED_PASTE))
        return;
    if ((key == KEYC_FOCUS_IN || key == KEYC_FOCUS_OUT) && !(modes & VT_MODE_FOCUS))
        return;
    if (key == KEYC_BSPACE && KEY_ENC_KITTY_FLAGS(flags) == 0) {
        /* backspace: the key panes get for it (C-?, DEL, by default). */
        key_code bs = (key_code)options_get_number(c->server->options, "backspace");
        if (bs != KEYC_NONE && bs != key_from_name("C-?"))
            ev.key = bs;
    }
    if (po->len + KEY_ENCODE_MAX > sizeof po->buf)
        flush_pane(c, po);
    po->len += key_encode_event(&ev, flags, po->buf + po->len);
}

static void send_key_to_pane(struct client *c, key_code key, struct pane_output *po)
{
    struct key_event ev;
    key_event_from_key(key, &ev);
    send_event_to_pane(c, &ev, po);
}

/* Run a binding's commands for this client; errors show on its status line. */
static void run_bound_command(struct client *c, const struct key_binding *b)
{
    key_code key = b->key;
    bool in_key = c->in_key;
    key_code cmd_key = c->cmd_key;
    c->in_key = true;
    c->cmd_key = key;
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_binding(&ctx, b);
    c->in_key = in_key;
    c->cmd_key = cmd_key;
    client_command_done(c, &ctx, true);
}

static void status_click(struct client *c, int x, struct pane_output *po)
{
    for (size_t i = 0; i < c->nstatus_ranges; i++) {
        const struct status_range *r = &c->status_ranges[i];
        if (x < r->x0 || x >= r->x1)
            continue;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &c->session->windows, entry) {
            if (wl->window->id == r->window_id) {
                flush_pane(c, po);
                session_select_window(c->session, wl);
                session_redraw(c->server, c->session, REDRAW_STATUS);
                break;
            }
        }
        return;
    }
}

/* With the mouse option on, events over a pane in a mode are the mode's; over a pane
 * whose program does not take the mouse (or during a drag) copy mode's: the wheel
 * scrolls back, dragging selects. Returns false if the event is the program's. */
static bool mouse_to_mode(struct client *c, const struct mouse_event *m, struct pane_output *po)
{
    struct pane *p = active_pane(c);
    if (p == NULL || c->session == NULL || !options_get_number(c->session->options, "mouse"))
        return false;
    if (p->mode == NULL && !c->mouse_dragging && (vt_modes(p->vt) & VT_MODE_MOUSE))
        return false;
    if (!c->mouse_dragging && (m->x >= p->cols || m->y >= p->rows))
        return true; /* outside the pane: nothing there */
    flush_pane(c, po);
    if (p->mode == NULL)
        copy_mode_mouse(c, p, m, m->x, m->y);
    else if (p->mode->mouse != NULL)
        p->mode->mouse(c, p, m, m->x, m->y);
    return true;
}

/* The bound commands a read-only client may run: they only change what it sees. */
static bool readonly_allowed(const char *command)
{
    static const char *const allowed[] = {"detach-client", "refresh-client", "list-keys"};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        size_t n = strlen(allowed[i]);
        if (strncmp(command, allowed[i], n) == 0 && (command[n] == '\0' || command[n] == ' '))
            return true;
    }
    return false;
}

/* Whether the key being handled came within assume-paste-time milliseconds of the one
 * before it (keys of one read come together). Each key moves the mark. */
static bool assumed_paste(struct client *c)
{
    struct timeval now, d;
    gettimeofday(&now, NULL);
    timersub(&now, &c->last_key, &d);
    c->last_key = now;
    long ms = c->session != NULL ? options_get_number(c->session->options, "assume-paste-time")
                                 : 0;
    return ms > 0 && d.tv_sec == 0 && d.tv_usec >= 0 && d.tv_usec < ms * 1000;
}

static void handle_key(struct client *c, const struct key_event *ev,
                       const struct mouse_event *m, struct pane_output *po)
{
    struct server *s = c->server;
    key_code key = ev->key;
    if (key == KEYC_REPLY_KITTY) {
        client_tty_kitty_answered(c, (int)ev->code);
        return;
    }
    if (ev->type == KEY_EVENT_RELEASE || key == KEYC_NONE) {
        /* A release, or a key tmx has no name for (F13, a modifier alone): nothing to
         * bind; the program has it if it asked for such events (kitty flags). */
        struct pane *rp = active_pane(c);
        if (ev->code != 0 && rp != NULL && rp->mode == NULL && !c->prefix_active &&
            !c->readonly && KEY_ENC_KITTY_FLAGS(pane_input_key_flags(rp->vt, c->server)) != 0)
            send_event_to_pane(c, ev, po);
        return;
    }
    bool acted = po->acted;
    po->acted = true;
    if (key == KEYC_MOUSE) {
        if (overlay_mouse(c, m) || c->prefix_active || c->readonly)
            return;
        if (c->status_row >= 0 && m->y >= c->status_row &&
            m->y < c->status_row + c->status_lines && c->session != NULL) {
            /* mouse on: a click on a window's name in the status line selects it. */
            if (m->y == c->status_row && options_get_number(c->session->options, "mouse") &&
                !m->release && (m->button & ~KEY_MOUSE_MODS) == 0)
                status_click(c, m->x, po);
            return;
        }
        flush_pane(c, po);
        struct mouse_event below = *m;
        if (c->status_row == 0) {
            /* status-position top: the window starts below the status lines. */
            if (below.y < c->status_lines)
                return;
            below.y -= c->status_lines;
            m = &below;
        }
        if (pane_input_mouse(c, m))
            return;
        /* From here on, positions are the active pane's. */
        struct pane *ap = active_pane(c);
        struct mouse_event local = *m;
        if (ap != NULL) {
            local.x -= ap->xoff;
            local.y -= ap->yoff;
            if (!c->mouse_dragging && (local.x < 0 || local.y < 0))
                return; /* outside the active pane */
        }
        if (mouse_to_mode(c, &local, po))
            return;
        send_mouse_to_pane(c, &local, po);
        return;
    }
    if (key == KEYC_FOCUS_IN || key == KEYC_FOCUS_OUT) {
        /* focus-events on: the terminal's focus, for the hooks and the active pane. */
        struct pane *fp = active_pane(c);
        bool in = key == KEYC_FOCUS_IN;
        if (c->session != NULL)
            hooks_fire(s, in ? "client-focus-in" : "client-focus-out",
                       &(struct hook_event){.client = c, .pane = fp});
        if (fp != NULL)
            hooks_fire(s, in ? "pane-focus-in" : "pane-focus-out", &(struct hook_event){.pane = fp});
        send_key_to_pane(c, key, po);
        return;
    }
    if (c->session != NULL) {
        server_client_session_activity(c->session);
        server_client_became_latest(c); /* a key, not a terminal's reply */
    }
    if (overlay_key(c, key))
        return;
    if (c->message != NULL) {
        free(c->message);
        c->message = NULL;
        client_redraw(c, REDRAW_STATUS);
    }
    struct pane *pp = active_pane(c);
    if (assumed_paste(c) && pp != NULL && pp->mode == NULL && !c->prefix_active &&
        c->key_table == NULL && !c->readonly) {
        /* assume-paste-time: this key came so soon after the one before that it is
         * part of a paste: no binding, the program has it, as tmux. Unlike tmux, the
         * key after the prefix and keys for a pane's mode are still looked up (a busy
         * server may read two typed keys at once). */
        po->acted = acted;
        send_event_to_pane(c, ev, po);
        return;
    }
    const struct key_binding *b;
    if (c->key_table != NULL) {
        /* switch-client -T: this key from that table; not bound there, from the root
         * table as any key (as tmux tries again there). */
        char *table = c->key_table;
        c->key_table = NULL;
        b = key_bindings_find(s, table, key);
        free(table);
        if (b != NULL && c->readonly && !readonly_allowed(b->command))
            b = NULL;
        if (b != NULL) {
            flush_pane(c, po);
            run_bound_command(c, b);
            return;
        }
    }
    struct timeval now;
    gettimeofday(&now, NULL);
    if (!c->prefix_active && timercmp(&now, &c->repeat_until, <)) {
        /* Just after a bind -r key: another repeatable key needs no prefix. */
        b = key_bindings_find(s, KEY_TABLE_PREFIX, key);
        if (b != NULL && b->repeat)
            c->prefix_active = true;
        else
            timerclear(&c->repeat_until);
    }
    if (c->prefix_active && timerisset(&c->prefix_until) && !timercmp(&now, &c->prefix_until, <)) {
        /* prefix-timeout (tmux 3.5): the prefix lapsed; this key is an ordinary key. */
        c->prefix_active = false;
        timerclear(&c->prefix_until);
    }
    if (c->prefix_active) {
        c->prefix_active = false;
        timerclear(&c->prefix_until);
        /* Unbound keys after the prefix do nothing. A prefix binding in the prefix
         * table (C-b C-b) is looked up like any key. */
        b = key_bindings_find(s, KEY_TABLE_PREFIX, key);
        if (b != NULL && c->readonly && !readonly_allowed(b->command))
            b = NULL;
        if (b != NULL) {
            if (b->repeat) {
                long ms = options_get_number(c->session->options, "repeat-time");
                struct timeval d = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
                timeradd(&now, &d, &c->repeat_until);
            }
            flush_pane(c, po);
            run_bound_command(c, b);
        }
        return;
    }
    struct options *so = c->session != NULL ? c->session->options : s->session_options;
    if (key == (key_code)options_get_number(so, "prefix") ||
        key == (key_code)options_get_number(so, "prefix2")) {
        c->prefix_active = true;
        long ms = options_get_number(s->options, "prefix-timeout");
        timerclear(&c->prefix_until);
        if (ms > 0) {
            struct timeval d = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
            timeradd(&now, &d, &c->prefix_until);
        }
        return;
    }
    if (c->readonly)
        return; /* a read-only client types nothing into panes */
    struct pane *p = active_pane(c);
    if (p != NULL && p->mode != NULL) {
        /* A pane in a mode takes every key: its key table (copy mode's, by mode-keys),
         * then the root table, then the mode itself; nothing reaches the program. */
        const char *table = p->mode->key_table != NULL ? p->mode->key_table(p) : NULL;
        b = table != NULL ? key_bindings_find(s, table, key) : NULL;
        if (b == NULL) /* key-table: the root table (or the one it names) */
            b = key_bindings_find(s, options_get_string(so, "key-table"), key);
        if (b != NULL) {
            flush_pane(c, po);
            run_bound_command(c, b);
        } else if (p->mode->key != NULL) {
            flush_pane(c, po);
            p->mode->key(c, p, key);
        }
        return;
    }
    b = key_bindings_find(s, options_get_string(so, "key-table"), key);
    if (b != NULL) {
        flush_pane(c, po);
        run_bound_command(c, b);
        return;
    }
    po->acted = acted;
    send_event_to_pane(c, ev, po);
}

/* Keys that changed something (a pane selected or resized with the mouse, a mode left)
 * reach control clients at once, as a command's changes do. */
static void input_done(struct server *s, const struct pane_output *po)
{
    if (po->acted && s->command_done != NULL)
        s->command_done(s, NULL);
}

/* One key at buf: a user key (user-keys[N], the key UserN) when the bytes are one, else
 * what the key parser makes of them. 0: wait for more (a partial sequence or user key). */
static size_t parse_key(struct client *c, const char *buf, size_t len, bool timed_out,
                        struct key_event *ev, struct mouse_event *m)
{
    const char *uk;
    bool partial = false;
    for (long i = options_array_next(c->server->options, "user-keys", -1, &uk);
         i >= 0 && i < (long)KEYC_USER_MAX;
         i = options_array_next(c->server->options, "user-keys", i, &uk)) {
        size_t n = strlen(uk);
        if (n == 0)
            continue;
        if (len >= n && memcmp(buf, uk, n) == 0) {
            key_event_from_key(KEYC_USER_BASE + (key_code)i, ev);
            return n;
        }
        if (len < n && memcmp(buf, uk, len) == 0)
            partial = true;
    }
    if (partial && !timed_out)
        return 0;
    /* The terminal's answer to XTVERSION, asked at attach: not a key. */
    long r = client_term_reply(c, buf, len, timed_out);
    if (r >= 0) {
        if (r > 0) {
            memset(ev, 0, sizeof *ev);
            ev->key = KEYC_NONE;
        }
        return (size_t)r;
    }
    return key_parse_event(buf, len, timed_out, ev, m);
}

static void key_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    struct pane_output po = {.len = 0};
    size_t off = 0;
    while (off < c->keylen && c->attached) {
        struct key_event ev;
        struct mouse_event m;
        size_t n = parse_key(c, c->keybuf + off, c->keylen - off, true, &ev, &m);
        if (n == 0)
            n = 1;
        off += n;
        handle_key(c, &ev, &m, &po);
    }
    flush_pane(c, &po);
    c->keylen = 0;
    input_done(c->server, &po);
}

void client_input(struct client *c, const char *buf, size_t len)
{
    struct server *s = c->server;
    struct pane_output po = {.len = 0};
    quiet_typed(s);
    if (c->attached) /* its activity: the most recent client is tmux's best one */
        gettimeofday(&c->activity, NULL);
    if (c->key_timer != NULL)
        evtimer_del(c->key_timer);
    while (len > 0 && c->attached) {
        /* Top up the key buffer; a partial sequence stays at its front. */
        size_t room = sizeof c->keybuf - c->keylen;
        size_t take = len < room ? len : room;
        memcpy(c->keybuf + c->keylen, buf, take);
        c->keylen += take;
        buf += take;
        len -= take;
        size_t off = 0;
        while (off < c->keylen && c->attached) {
            struct key_event ev;
            struct mouse_event m;
            size_t n = parse_key(c, c->keybuf + off, c->keylen - off, false, &ev, &m);
            if (n == 0)
                break;
            off += n;
            handle_key(c, &ev, &m, &po);
        }
        if (off == 0 && c->keylen == sizeof c->keybuf) {
            /* A "sequence" as long as the buffer: not a key; take it byte by byte. */
            struct key_event ev;
            struct mouse_event m;
            size_t n = parse_key(c, c->keybuf, c->keylen, true, &ev, &m);
            off = n > 0 ? n : 1;
            handle_key(c, &ev, &m, &po);
        }
        memmove(c->keybuf, c->keybuf + off, c->keylen - off);
        c->keylen -= off;
    }
    flush_pane(c, &po);
    input_done(s, &po);
    if (c->keylen > 0 && c->attached) {
        if (c->key_timer == NULL)
            c->key_timer = evtimer_new(c->server->base, key_timer_cb, c);
        long ms = options_get_number(c->server->options, "escape-time");
        struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
        evtimer_add(c->key_timer, &tv);
    }
}
