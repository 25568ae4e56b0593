/* client_input.c - the input path: client bytes -> keys (key_parse) -> prompt, key
 * bindings, or the active pane (key_encode for the pane's modes). Bytes bound for a
 * pane are gathered and written once per message, not once per key. */
#include "client_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "chooser.h"
#include "copy_mode.h"
#include "cmd.h"
#include "format.h"
#include "key_bindings.h"
#include "options.h"
#include "pane_input.h"
#include "pane_mode.h"
#include "keys.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "utf8.h"
#include "vt.h"
#include "xmalloc.h"

/* Bytes on their way to the active pane. */
struct pane_output {
    char buf[4096];
    size_t len;
};

static struct pane *active_pane(struct client *c)
{
    if (c->session == NULL || c->session->current == NULL)
        return NULL;
    return c->session->current->active;
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

static void send_key_to_pane(struct client *c, key_code key, struct pane_output *po)
{
    struct pane *p = active_pane(c);
    if (p == NULL)
        return;
    uint32_t modes = vt_modes(p->vt);
    int flags = 0;
    if (modes & VT_MODE_CURSOR_KEYS)
        flags |= KEY_ENC_CURSOR_APP;
    if (modes & VT_MODE_KEYPAD)
        flags |= KEY_ENC_KEYPAD_APP;
    if ((key == KEYC_PASTE_START || key == KEYC_PASTE_END) && !(modes & VT_MODE_BRACKETED_PASTE))
        return;
    if ((key == KEYC_FOCUS_IN || key == KEYC_FOCUS_OUT) && !(modes & VT_MODE_FOCUS))
        return;
    if (po->len + 32 > sizeof po->buf)
        flush_pane(c, po);
    po->len += key_encode(key, flags, po->buf + po->len);
}

/* Run a bound command for this client; errors show on its status line. */
static void run_bound_command(struct client *c, const char *command)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_string(&ctx, command);
    server_client_command_done(c, &ctx, true);
}

/* Step back over one UTF-8 character before byte offset 'at'. */
static size_t utf8_prev(const char *s, size_t at)
{
    if (at == 0)
        return 0;
    at--;
    while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
        at--;
    return at;
}

static size_t utf8_next(const char *s, size_t len, size_t at)
{
    if (at >= len)
        return len;
    at++;
    while (at < len && ((unsigned char)s[at] & 0xc0) == 0x80)
        at++;
    return at;
}

/* Remember a prompt entry (the last 100). */
static void prompt_history_add(struct server *s, const char *text)
{
    if (s->nprompt_history > 0 &&
        strcmp(s->prompt_history[s->nprompt_history - 1], text) == 0)
        return;
    if (s->nprompt_history == PROMPT_HISTORY_MAX) {
        free(s->prompt_history[0]);
        memmove(s->prompt_history, s->prompt_history + 1,
                (PROMPT_HISTORY_MAX - 1) * sizeof *s->prompt_history);
        s->nprompt_history--;
    }
    s->prompt_history = xreallocarray(s->prompt_history, s->nprompt_history + 1,
                                      sizeof *s->prompt_history);
    s->prompt_history[s->nprompt_history++] = xstrdup(text);
}

static void prompt_replace(struct prompt *p, const char *text)
{
    free(p->input);
    p->input = xstrdup(text);
    p->len = p->cursor = strlen(text);
}

/* Tab: complete the command name being typed (the first word): to the one command that
 * starts so, or as far as all candidates agree. Returns false if nothing changed. */
static bool prompt_complete(struct prompt *p)
{
    if (strchr(p->input, ' ') != NULL || p->cursor != p->len)
        return false;
    const char *first = NULL;
    size_t common = 0, len = p->len;
    int matches = 0;
    for (const struct cmd_entry *const *ep = cmd_get_table(); *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        if (strncmp(e->name, p->input, len) != 0)
            continue;
        if (first == NULL) {
            first = e->name;
            common = strlen(first);
        } else {
            size_t i = 0;
            while (i < common && first[i] == e->name[i])
                i++;
            common = i;
        }
        matches++;
    }
    if (matches == 0 || (common == len && matches > 1))
        return false;
    char *text = matches == 1 ? xasprintf("%s ", first) : xstrndup(first, common);
    prompt_replace(p, text);
    free(text);
    return true;
}

static void prompt_finish(struct client *c, bool accept)
{
    struct prompt *p = &c->prompt;
    char *command = NULL;
    if (accept && p->kind == PROMPT_INPUT && *p->input != '\0')
        prompt_history_add(c->server, p->input);
    if (accept && p->kind == PROMPT_INPUT &&
        (strcmp(p->command, "%1") == 0 || strcmp(p->command, "%%") == 0)) {
        /* The : prompt: what was typed is the command line itself. */
        command = xstrdup(p->input);
    } else if (accept && p->kind == PROMPT_INPUT) {
        /* Replace %% (and %1) with the input, quoted for the command parser. */
        size_t qlen = 0;
        for (const char *q = p->input; *q; q++)
            qlen += *q == '\'' ? 4 : 1;
        char *quoted = xmalloc(qlen + 1), *w = quoted;
        for (const char *q = p->input; *q; q++) {
            if (*q == '\'') {
                memcpy(w, "'\\''", 4);
                w += 4;
            } else
                *w++ = *q;
        }
        *w = '\0';
        size_t cap = strlen(p->command) + 1, len = 0;
        for (const char *t = p->command; *t; t++)
            if (t[0] == '%' && (t[1] == '%' || t[1] == '1'))
                cap += qlen;
        command = xmalloc(cap);
        for (const char *t = p->command; *t; t++) {
            if (t[0] == '%' && (t[1] == '%' || t[1] == '1')) {
                memcpy(command + len, quoted, qlen);
                len += qlen;
                t++;
            } else
                command[len++] = *t;
        }
        command[len] = '\0';
        free(quoted);
    } else if (accept && p->kind == PROMPT_CONFIRM)
        command = xstrdup(p->command);
    free(p->label);
    free(p->input);
    free(p->command);
    memset(p, 0, sizeof *p);
    c->needs_redraw = true;
    server_client_redraw(c);
    if (command != NULL) {
        run_bound_command(c, command);
        free(command);
    }
}

/* Edit the status-line prompt with one key. */
static void prompt_key(struct client *c, key_code key)
{
    struct prompt *p = &c->prompt;
    if (p->kind == PROMPT_CONFIRM) {
        prompt_finish(c, key == 'y' || key == 'Y');
        return;
    }
    if (key == KEYC_ENTER || key == ('m' | KEYC_CTRL) || key == ('j' | KEYC_CTRL)) {
        prompt_finish(c, true);
        return;
    }
    if (key == KEYC_ESCAPE || key == ('c' | KEYC_CTRL) || key == ('g' | KEYC_CTRL)) {
        prompt_finish(c, false);
        return;
    }
    if (key == KEYC_BSPACE || key == ('h' | KEYC_CTRL)) {
        size_t prev = utf8_prev(p->input, p->cursor);
        memmove(p->input + prev, p->input + p->cursor, p->len - p->cursor + 1);
        p->len -= p->cursor - prev;
        p->cursor = prev;
    } else if (key == KEYC_DC || key == ('d' | KEYC_CTRL)) {
        size_t next = utf8_next(p->input, p->len, p->cursor);
        memmove(p->input + p->cursor, p->input + next, p->len - next + 1);
        p->len -= next - p->cursor;
    } else if (key == ('u' | KEYC_CTRL)) {
        p->input[0] = '\0';
        p->len = p->cursor = 0;
    } else if (key == ('k' | KEYC_CTRL)) {
        p->input[p->cursor] = '\0';
        p->len = p->cursor;
    } else if (key == KEYC_LEFT || key == ('b' | KEYC_CTRL)) {
        p->cursor = utf8_prev(p->input, p->cursor);
    } else if (key == KEYC_RIGHT || key == ('f' | KEYC_CTRL)) {
        p->cursor = utf8_next(p->input, p->len, p->cursor);
    } else if (key == KEYC_HOME || key == ('a' | KEYC_CTRL)) {
        p->cursor = 0;
    } else if (key == KEYC_END || key == ('e' | KEYC_CTRL)) {
        p->cursor = p->len;
    } else if (key == KEYC_UP || key == KEYC_DOWN) {
        /* History: Up goes back through what was entered before, Down forward. */
        struct server *s = c->server;
        if (s->nprompt_history == 0)
            return;
        if (key == KEYC_UP && p->history_index < s->nprompt_history)
            p->history_index++;
        else if (key == KEYC_DOWN && p->history_index > 0)
            p->history_index--;
        else
            return;
        const char *text = p->history_index == 0
                               ? ""
                               : s->prompt_history[s->nprompt_history - p->history_index];
        prompt_replace(p, text);
    } else if (key == KEYC_TAB) {
        if (!prompt_complete(p))
            return;
    } else if ((key & KEYC_MODS) == 0 && key >= 0x20 && key < KEYC_SPECIAL && key != 0x7f) {
        char enc[4];
        int n = utf8_encode(key, enc);
        if (p->len + (size_t)n > 4096)
            return;
        p->input = xrealloc(p->input, p->len + (size_t)n + 1);
        memmove(p->input + p->cursor + n, p->input + p->cursor, p->len - p->cursor + 1);
        memcpy(p->input + p->cursor, enc, (size_t)n);
        p->len += (size_t)n;
        p->cursor += (size_t)n;
    } else
        return;
    c->needs_redraw = true;
    server_client_redraw(c);
}

/* A key while the overlay (list of bindings) is shown: scroll it or close it. */
static void overlay_key(struct client *c, key_code key)
{
    size_t page = c->rows > 2 ? (size_t)(c->rows - 2) : 1;
    if (key == KEYC_DOWN || key == 'j')
        c->overlay_top++;
    else if (key == KEYC_UP || key == 'k')
        c->overlay_top = c->overlay_top > 0 ? c->overlay_top - 1 : 0;
    else if (key == KEYC_NPAGE || key == ' ')
        c->overlay_top += page;
    else if (key == KEYC_PPAGE)
        c->overlay_top = c->overlay_top > page ? c->overlay_top - page : 0;
    else {
        for (size_t i = 0; i < c->noverlay; i++)
            free(c->overlay[i]);
        free(c->overlay);
        c->overlay = NULL;
        c->noverlay = c->overlay_top = 0;
    }
    if (c->overlay != NULL && c->overlay_top + page > c->noverlay)
        c->overlay_top = c->noverlay > page ? c->noverlay - page : 0;
    c->needs_redraw = true;
    server_client_redraw(c);
}

static void status_click(struct client *c, int x, struct pane_output *po)
{
    for (size_t i = 0; i < c->nstatus_ranges; i++) {
        const struct status_range *r = &c->status_ranges[i];
        if (x < r->x0 || x >= r->x1)
            continue;
        struct window *w;
        TAILQ_FOREACH(w, &c->session->windows, entry) {
            if (w->id == r->window_id) {
                flush_pane(c, po);
                session_select_window(c->session, w);
                server_redraw_session(c->server, c->session);
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

static void handle_key(struct client *c, key_code key, const struct mouse_event *m,
                       struct pane_output *po)
{
    struct server *s = c->server;
    if (key == KEYC_NONE)
        return;
    if (key == KEYC_MOUSE) {
        if (c->prompt.kind != PROMPT_NONE || c->overlay != NULL || c->chooser != NULL ||
            c->prefix_active ||
            c->readonly)
            return;
        if (m->y == c->status_row && c->session != NULL) {
            /* mouse on: a click on a window's name in the status line selects it. */
            if (options_get_number(c->session->options, "mouse") && !m->release &&
                (m->button & ~KEY_MOUSE_MODS) == 0)
                status_click(c, m->x, po);
            return;
        }
        flush_pane(c, po);
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
    if (c->session != NULL)
        c->session->activity = time(NULL);
    if (c->prompt.kind != PROMPT_NONE) {
        prompt_key(c, key);
        return;
    }
    if (c->chooser != NULL) {
        chooser_key(c, key);
        return;
    }
    if (c->overlay != NULL) {
        overlay_key(c, key);
        return;
    }
    if (pane_input_display_panes_key(c, key))
        return;
    if (c->message != NULL) {
        free(c->message);
        c->message = NULL;
        c->needs_redraw = true;
        server_client_redraw(c);
    }
    const struct key_binding *b;
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
    if (c->prefix_active) {
        c->prefix_active = false;
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
            run_bound_command(c, b->command);
        }
        return;
    }
    struct options *so = c->session != NULL ? c->session->options : s->session_options;
    if (key == (key_code)options_get_number(so, "prefix") ||
        key == (key_code)options_get_number(so, "prefix2")) {
        c->prefix_active = true;
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
        if (b == NULL)
            b = key_bindings_find(s, KEY_TABLE_ROOT, key);
        if (b != NULL) {
            flush_pane(c, po);
            run_bound_command(c, b->command);
        } else if (p->mode->key != NULL) {
            flush_pane(c, po);
            p->mode->key(c, p, key);
        }
        return;
    }
    b = key_bindings_find(s, KEY_TABLE_ROOT, key);
    if (b != NULL) {
        flush_pane(c, po);
        run_bound_command(c, b->command);
        return;
    }
    send_key_to_pane(c, key, po);
}

static void key_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    struct pane_output po = {.len = 0};
    size_t off = 0;
    while (off < c->keylen && c->attached) {
        key_code key;
        struct mouse_event m;
        size_t n = key_parse_mouse(c->keybuf + off, c->keylen - off, true, &key, &m);
        if (n == 0)
            n = 1;
        off += n;
        handle_key(c, key, &m, &po);
    }
    flush_pane(c, &po);
    c->keylen = 0;
}

void client_input(struct client *c, const char *buf, size_t len)
{
    struct pane_output po = {.len = 0};
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
            key_code key;
            struct mouse_event m;
            size_t n = key_parse_mouse(c->keybuf + off, c->keylen - off, false, &key, &m);
            if (n == 0)
                break;
            off += n;
            handle_key(c, key, &m, &po);
        }
        if (off == 0 && c->keylen == sizeof c->keybuf) {
            /* A "sequence" as long as the buffer: not a key; take it byte by byte. */
            key_code key;
            struct mouse_event m;
            size_t n = key_parse_mouse(c->keybuf, c->keylen, true, &key, &m);
            off = n > 0 ? n : 1;
            handle_key(c, key, &m, &po);
        }
        memmove(c->keybuf, c->keybuf + off, c->keylen - off);
        c->keylen -= off;
    }
    flush_pane(c, &po);
    if (c->keylen > 0 && c->attached) {
        if (c->key_timer == NULL)
            c->key_timer = evtimer_new(c->server->base, key_timer_cb, c);
        long ms = options_get_number(c->server->options, "escape-time");
        struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};
        evtimer_add(c->key_timer, &tv);
    }
}
