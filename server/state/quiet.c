/* quiet.c - work that waits for a moment when no keystroke waits for its echo (quiet.h). */
#include "quiet.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <event2/event.h>

#include "clock_ms.h"
#include "server_state.h"
#include "xmalloc.h"

/* Someone is typing when a client's input came less than this ago. */
#define QUIET_TYPING_MS 1000
/* After the frame, the work waits this long: the frame's bytes still have to reach the
 * terminal (a kernel worker, the terminal's reader), maybe on the server's CPU. */
#define QUIET_AFTER_FRAME_US 1000L
/* What waits runs at the latest this long after it first asked (a key that draws
 * nothing, a program that does not echo, keys that never stop). */
#define QUIET_WAIT_MAX_MS 200

/* The timer for 'us' from now, or for what is left of the longest wait if less. */
static void quiet_arm(struct server *s, long us)
{
    long left = (long)(s->quiet_since_ms + QUIET_WAIT_MAX_MS - clock_monotonic_ms()) * 1000;
    if (left < us)
        us = left > 0 ? left : 0;
    struct timeval tv = {.tv_sec = us / 1000000, .tv_usec = us % 1000000};
    evtimer_add(s->quiet_timer, &tv);
}

/* Everything that waits runs now (made active: on this turn of the loop). */
static void quiet_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    for (size_t i = 0; i < s->nquiet; i++)
        event_active(s->quiet[i], EV_TIMEOUT, 0);
    s->nquiet = 0;
    s->quiet_after_frame = false;
}

void quiet_typed(struct server *s)
{
    s->typed_ms = clock_monotonic_ms();
    s->typed = true;
    if (s->nquiet > 0 && s->quiet_after_frame) {
        /* Another key before the work ran: it waits for that one's frame. */
        s->quiet_after_frame = false;
        quiet_arm(s, QUIET_WAIT_MAX_MS * 1000L);
    }
}

void quiet_frame_sent(struct server *s)
{
    if (s->nquiet > 0 && !s->quiet_after_frame) {
        s->quiet_after_frame = true;
        quiet_arm(s, QUIET_AFTER_FRAME_US);
    }
}

void quiet_run(struct server *s, struct event *ev)
{
    if (!s->typed || clock_monotonic_ms() - s->typed_ms >= QUIET_TYPING_MS) {
        event_active(ev, EV_TIMEOUT, 0);
        return;
    }
    for (size_t i = 0; i < s->nquiet; i++) {
        if (s->quiet[i] == ev)
            return;
    }
    if (s->nquiet == s->quiet_size) {
        s->quiet_size = s->quiet_size ? s->quiet_size * 2 : 4;
        s->quiet = xreallocarray(s->quiet, s->quiet_size, sizeof *s->quiet);
    }
    s->quiet[s->nquiet++] = ev;
    if (s->quiet_timer == NULL)
        s->quiet_timer = evtimer_new(s->base, quiet_timer_cb, s);
    if (s->nquiet == 1) {
        s->quiet_since_ms = clock_monotonic_ms();
        s->quiet_after_frame = false;
        quiet_arm(s, QUIET_WAIT_MAX_MS * 1000L);
    }
}

void quiet_cancel(struct server *s, struct event *ev)
{
    for (size_t i = 0; i < s->nquiet; i++) {
        if (s->quiet[i] == ev) {
            s->quiet[i] = s->quiet[--s->nquiet];
            break;
        }
    }
    if (s->nquiet == 0 && s->quiet_timer != NULL)
        evtimer_del(s->quiet_timer);
}

void quiet_free(struct server *s)
{
    free(s->quiet);
    s->quiet = NULL;
    s->nquiet = s->quiet_size = 0;
    if (s->quiet_timer != NULL)
        event_free(s->quiet_timer);
    s->quiet_timer = NULL;
}
