/* client_frames.c - what goes to a client: messages on its socket, and frames for its
 * terminal, paced (at once for a small echo, at most one per 8 ms under output, fewer
 * during a flood that is still coming, none while the last frame has not left, held
 * back during a pane's synchronized update), composed (compose.c) and diffed (render/),
 * then written to its own terminal or relayed over its socket; bytes outside a frame
 * (a bell, OSC 52); frames stopping while the client does not drain, then one full
 * repaint. */
#include "client_frames.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <termios.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "client_limits.h"
#include "client_state.h"
#include "client_tty.h"
#include "compose.h"
#include "format.h"
#include "model.h"
#include "options.h"
#include "proto.h"
#include "quiet.h"
#include "server_state.h"
#include "vt.h"

/* Frames are at least this far apart under a flood (about 120 per second)... */
#define FRAME_INTERVAL_US 8000
/* ...but when little output arrived since the last frame (an echo, a prompt), the
 * frame goes out at once, at most one per millisecond; or two within 2 ms, so an echo
 * right after another frame (a status line, a window renamed) is not held. */
#define FRAME_SMALL_OUTPUT 1024
#define FRAME_MIN_INTERVAL_US 1000
/* A pane's own synchronized update (mode 2026) holds its frames back at most this long. */
#define SYNC_TIMEOUT_US 1000000L
/* A client with more than this unsent gets no new frames until it drains. */
#define CLIENT_OUTPUT_MAX (1u << 20)
/* A flood: output goes on frame after frame. A frame then waits until the panes wrote
 * FRAME_FLOOD_RATIO times what the last frame wrote (or the cells it compared, if more:
 * a flood of identical lines scrolls a whole screen and writes nothing), or a time that
 * grows with the last frame's size (20 ms, and 16 us a byte, at most 100 ms: whole new screens of a 200x50
 * terminal come about 10 times a second, small changes 30 times): the terminal gets
 * under 1 % of a flood's bytes even when the server is slowed down, and the server
 * spends its time reading. Once the panes pause for FRAME_FLOOD_LOOK_US the frame goes:
 * the end of a flood is drawn 4-8 ms after its last byte. */
#define FRAME_FLOOD_RATIO 128
#define FRAME_FLOOD_BASE_US 20000L
#define FRAME_FLOOD_US_PER_BYTE 16L
#define FRAME_FLOOD_MAX_US 100000L
#define FRAME_FLOOD_LOOK_US 4000L
/* While the last frame has not all left, the next waits for it to drain (the write
 * callback); this is only the look again in case no callback comes. */
#define FRAME_BEHIND_RECHECK_US 100000L

static void client_render_cb(evutil_socket_t fd, short events, void *arg);

void client_send(struct client *c, uint32_t type, const void *buf, size_t len)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, (uint32_t)len, hdr);
    struct evbuffer *out = bufferevent_get_output(c->bev);
    evbuffer_add(out, hdr, sizeof hdr);
    if (len > 0)
        evbuffer_add(out, buf, len);
}

/* Where frames go: the client's own terminal when it passed it, else its socket. */
static struct bufferevent *terminal_bev(struct client *c)
{
    return client_tty_active(c) ? c->tty_bev : c->bev;
}

void client_write_terminal(struct client *c, const void *buf, size_t len)
{
    if (c->suspended || c->control)
        return; /* the terminal is the shell's until it comes back */
    if (client_tty_active(c)) {
        struct evbuffer *out = client_tty_output(c);
        if (evbuffer_get_length(out) + len <= CLIENT_OUTPUT_MAX)
            evbuffer_add(out, buf, len);
        return;
    }
    if (evbuffer_get_length(bufferevent_get_output(c->bev)) + len <= CLIENT_OUTPUT_MAX)
        client_send(c, MSG_OUTPUT, buf, len);
}

void client_frames_schedule(struct client *c)
{
    if (!c->attached || c->control) /* a control client has no terminal to draw on */
        return;
    if (c->render_scheduled && c->flood_waiting &&
        c->output_since_frame / FRAME_FLOOD_RATIO >= c->last_frame_cost) {
        /* The flood wrote enough for the next frame: paced as below. */
        evtimer_del(c->render_timer);
        c->render_scheduled = c->flood_waiting = false;
    }
    if (c->render_scheduled && c->sync_waiting) {
        /* New output may have ended the pane's synchronized update: look again now. */
        evtimer_del(c->render_timer);
        c->render_scheduled = c->sync_waiting = false;
    }
    if (c->render_scheduled)
        return;
    c->render_scheduled = true;
    struct timeval now, diff;
    gettimeofday(&now, NULL);
    timersub(&now, &c->last_frame, &diff);
    long elapsed = diff.tv_sec * 1000000L + diff.tv_usec;
    bool small = c->output_since_frame <= FRAME_SMALL_OUTPUT;
    long interval = small ? FRAME_MIN_INTERVAL_US : FRAME_INTERVAL_US;
    bool at_once = diff.tv_sec < 0 || elapsed >= interval;
    if (!at_once && small) {
        struct timeval prev;
        timersub(&now, &c->prev_frame, &prev);
        at_once = prev.tv_sec < 0 ||
                  prev.tv_sec * 1000000L + prev.tv_usec >= 2 * FRAME_MIN_INTERVAL_US;
    }
    if (at_once) {
        /* Draw at the end of this loop iteration: no added delay. */
        event_active(c->render_timer, EV_TIMEOUT, 0);
    } else {
        struct timeval tv = {.tv_sec = 0, .tv_usec = interval - elapsed};
        evtimer_add(c->render_timer, &tv);
    }
}

/* Whether a printable key typed now is echoed at the cursor by the program (what tmx -H
 * may predict): the active pane on its main screen with its cursor shown, no mode, no
 * overlay, no prefix or key table, and a pty that echoes or a program that echoes itself
 * (no echo in canonical mode is a password prompt). */
static bool client_predictable(struct client *c, struct pane *active)
{
    if (active == NULL || active->mode != NULL || active->dead || active->input_off ||
        active->fd < 0 || c->overlays != NULL || c->prefix_active || c->key_table != NULL)
        return false;
    uint32_t modes = vt_modes(active->vt);
    if ((modes & VT_MODE_ALT_SCREEN) || !(modes & VT_MODE_CURSOR_VISIBLE))
        return false;
    struct termios t;
    if (tcgetattr(active->fd, &t) != 0)
        return false;
    return (t.c_lflag & ECHO) != 0 || (t.c_lflag & ICANON) == 0;
}

/* Whether this frame waits for more of a flood: the last frame showed a flood too (more
 * than a small output), output came since this frame was last put off, and since the
 * last frame the panes wrote less than FRAME_FLOOD_RATIO times its size in less than
 * the time its size allows. If so, it looks again in FRAME_FLOOD_LOOK_US: a flood that
 * stopped is drawn then. */
static bool client_flood_wait(struct client *c)
{
    if (!c->flooding || c->output_since_frame <= FRAME_SMALL_OUTPUT ||
        c->output_since_frame / FRAME_FLOOD_RATIO >= c->last_frame_cost ||
        c->output_since_frame == c->flood_looked)
        return false;
    struct timeval now, diff;
    gettimeofday(&now, NULL);
    timersub(&now, &c->last_frame, &diff);
    long elapsed = diff.tv_sec * 1000000L + diff.tv_usec;
    long limit = FRAME_FLOOD_MAX_US;
    if (c->last_frame_cost < (size_t)(FRAME_FLOOD_MAX_US - FRAME_FLOOD_BASE_US) / FRAME_FLOOD_US_PER_BYTE)
        limit = FRAME_FLOOD_BASE_US + (long)c->last_frame_cost * FRAME_FLOOD_US_PER_BYTE;
    if (diff.tv_sec < 0 || elapsed >= limit)
        return false;
    long wait = limit - elapsed;
    if (wait > FRAME_FLOOD_LOOK_US)
        wait = FRAME_FLOOD_LOOK_US;
    struct timeval tv = {.tv_sec = 0, .tv_usec = wait};
    c->flood_looked = c->output_since_frame;
    c->render_scheduled = c->flood_waiting = true;
    evtimer_add(c->render_timer, &tv);
    return true;
}

/* The cells the renderer compares for this canvas: its dirty rows' (all of them when
 * the composer could not say which changed). */
static size_t frame_cells_looked(const struct canvas *cv)
{
    if (cv->all_dirty || cv->dirty == NULL)
        return (size_t)cv->cols * (size_t)cv->rows;
    size_t rows = 0;
    for (int y = 0; y < cv->rows; y++)
        rows += cv->dirty[y] != 0;
    return rows * (size_t)cv->cols;
}

static void client_render_cb(evutil_socket_t fd, short events, void *arg)
{
    struct client *c = arg;
    (void)fd;
    (void)events;
    c->render_scheduled = c->sync_waiting = c->flood_waiting = false;
    if (!c->attached || c->render == NULL || c->suspended)
        return;
    /* Frames go to the client's terminal itself when it passed it (once it is in raw
     * mode), else as MSG_OUTPUT on the socket. */
    bool direct = client_tty_active(c);
    if (direct && !client_tty_drawable(c))
        return; /* MSG_TTY_READY draws the first frame */
    struct bufferevent *bev = terminal_bev(c);
    struct evbuffer *out = bufferevent_get_output(bev);
    if (evbuffer_get_length(out) > CLIENT_OUTPUT_MAX) {
        /* Not draining: no frames until it does (client_frames_drained), then a
         * full one. */
        if (!c->blocked) {
            c->blocked = true;
            bufferevent_setwatermark(bev, EV_WRITE, CLIENT_OUTPUT_MAX / 4, 0);
        }
        return;
    }
    if (evbuffer_get_length(out) > 0) {
        /* Behind: the last frame is still leaving. The next waits until it has
         * (client_frames_drained), so the terminal gets the newest state, not a queue. */
        struct timeval tv = {.tv_sec = 0, .tv_usec = FRAME_BEHIND_RECHECK_US};
        c->behind = c->render_scheduled = true;
        evtimer_add(c->render_timer, &tv);
        return;
    }
    if (client_flood_wait(c))
        return;
    struct session *sess = c->session;
    struct pane *active = sess != NULL && sess->current != NULL ? sess->current->window->active : NULL;
    if (active != NULL && active->in_sync) {
        /* The program is mid-update: draw when it ends (its output schedules a frame)
         * or when the timeout passes, whichever is first. */
        struct timeval now, diff;
        gettimeofday(&now, NULL);
        timersub(&now, &active->sync_since, &diff);
        long waited = diff.tv_sec * 1000000L + diff.tv_usec;
        if (waited >= 0 && waited < SYNC_TIMEOUT_US) {
            struct timeval tv = {.tv_sec = 0, .tv_usec = SYNC_TIMEOUT_US - waited};
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec = tv.tv_usec / 1000000;
                tv.tv_usec %= 1000000;
            }
            c->render_scheduled = c->sync_waiting = true;
            evtimer_add(c->render_timer, &tv);
            return;
        }
    }
    c->prev_frame = c->last_frame;
    gettimeofday(&c->last_frame, NULL);
    c->flooding = c->output_since_frame > FRAME_SMALL_OUTPUT;
    c->output_since_frame = c->flood_looked = 0;
    /* The terminal's title is expanded again only when something may have changed it. */
    c->needs_redraw_title = c->needs_redraw || c->status_cache_title == NULL ||
                            (active != NULL && strcmp(vt_title(active->vt), c->status_cache_title) != 0);
    compose_client(c);
    size_t looked = frame_cells_looked(&c->canvas);
    if (c->frame_buf == NULL)
        c->frame_buf = evbuffer_new();
    struct evbuffer *frame = c->frame_buf; /* empty: every frame leaves it so */
    render_frame(c->render, &c->canvas, frame);
    /* The terminal follows the active pane: its title, and the input modes it asked for
     * (mouse, bracketed paste, focus), so its events reach it in its encoding. */
    if (active != NULL) {
        uint32_t modes = vt_modes(active->vt);
        /* focus-events: off, panes hear nothing of the terminal's focus (tmux); on, the
         * terminal reports it (to the panes that asked for it). */
        if (options_get_number(c->server->options, "focus-events"))
            modes |= VT_MODE_FOCUS;
        else
            modes &= ~(uint32_t)VT_MODE_FOCUS;
        if (options_get_number(sess->options, "mouse"))
            /* Clicks on the status line, the wheel and drags for copy mode. */
            modes |= VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_SGR;
        render_set_modes(c->render, modes, frame);
        if (options_get_number(sess->options, "set-titles") && c->needs_redraw_title) {
            struct format_ctx f = {.server = c->server, .session = sess, .client = c};
            format_defaults(&f);
            char *title = format_expand(&f, options_get_string(sess->options, "set-titles-string"));
            if (*title != '\0')
                render_set_title(c->render, title, frame);
            free(title);
        }
    }
    c->last_frame_cost = evbuffer_get_length(frame);
    if (looked > c->last_frame_cost)
        c->last_frame_cost = looked;
    if (direct) {
        /* Nothing is queued before it (see "behind" above): written now, on this turn of
         * the loop (a keystroke's echo leaves at once); only what the terminal does not
         * take waits in the bufferevent. */
        if (evbuffer_get_length(frame) > 0 &&
            evbuffer_write(frame, bufferevent_getfd(bev)) < 0 && errno != EAGAIN &&
            errno != EINTR)
            evbuffer_drain(frame, evbuffer_get_length(frame)); /* the event callback closes it */
        evbuffer_add_buffer(out, frame);
        c->needs_redraw = false;
        quiet_frame_sent(c->server);
        return;
    }
    /* On the socket: split into messages under the protocol's payload limit. */
    struct evbuffer *msgs = evbuffer_new();
    if (c->flags & IDENT_PREDICT) {
        /* Before the frame: its cursor is where predicted keys would go. */
        uint32_t ok = client_predictable(c, active) ? 1 : 0;
        char hdr[PROTO_HEADER_SIZE];
        proto_encode_header(MSG_PREDICT, sizeof ok, hdr);
        evbuffer_add(msgs, hdr, sizeof hdr);
        evbuffer_add(msgs, &ok, sizeof ok);
    }
    while (evbuffer_get_length(frame) > 0) {
        size_t n = evbuffer_get_length(frame);
        if (n > PROTO_MAX_PAYLOAD / 2)
            n = PROTO_MAX_PAYLOAD / 2;
        char hdr[PROTO_HEADER_SIZE];
        proto_encode_header(MSG_OUTPUT, (uint32_t)n, hdr);
        evbuffer_add(msgs, hdr, sizeof hdr);
        evbuffer_remove_buffer(frame, msgs, n);
    }
    /* Nothing queued before it: write the frame now, on this turn of the loop (a
     * keystroke's echo leaves at once); only what the socket does not take waits in the
     * bufferevent. */
    if (evbuffer_get_length(out) == 0 && evbuffer_get_length(msgs) > 0) {
        if (evbuffer_write(msgs, bufferevent_getfd(bev)) < 0 && errno != EAGAIN &&
            errno != EINTR)
            evbuffer_drain(msgs, evbuffer_get_length(msgs)); /* the event callback closes it */
    }
    evbuffer_add_buffer(out, msgs);
    evbuffer_free(msgs);
    c->needs_redraw = false;
    quiet_frame_sent(c->server);
}

void client_frames_drained(struct client *c, struct evbuffer *out)
{
    if (c->behind && evbuffer_get_length(out) == 0) {
        /* The last frame has left: the frame that waited for it goes now. */
        c->behind = false;
        if (c->render_scheduled && !c->sync_waiting && !c->flood_waiting) {
            evtimer_del(c->render_timer);
            c->render_scheduled = false;
        }
        client_frames_schedule(c);
    }
    if (c->blocked && evbuffer_get_length(out) <= CLIENT_OUTPUT_MAX / 4) {
        c->blocked = false;
        bufferevent_setwatermark(terminal_bev(c), EV_WRITE, 0, 0);
        render_invalidate(c->render);
        client_frames_schedule(c);
    }
}

void client_frames_init(struct client *c)
{
    c->render_timer = evtimer_new(c->server->base, client_render_cb, c);
}
