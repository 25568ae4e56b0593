/* quiet.c - work that waits for a moment when no keystroke waits for its echo (quiet.h). */
#include "quiet.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <event2/event.h>

#include "server_state.h"
#include "xmalloc.h"

/* Someone is typing when a client's input came less than this ago. */
#define QUIET_TYPING_MS 1000
/* What waits for a frame runs at the latest this long after it asked (a key that draws
 * nothing, a program that does not echo). */
#define QUIET_WAIT_MAX_MS 200

static int64_t quiet_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Everything that waits runs now (made active: on this turn of the loop). */
static void quiet_release(struct server *s)
{
    for (size_t i = 0; i < s->nquiet; i++)
        event_active(s->quiet[i], EV_TIMEOUT, 0);
    s->nquiet = 0;
    if (s->quiet_timer != NULL)
        evtimer_del(s->quiet_timer);
}

static void quiet_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    quiet_release(arg);
}

void quiet_typed(struct server *s)
{
    s->typed_ms = quiet_now_ms();
    s->typed = true;
}

void quiet_frame_sent(struct server *s)
{
    if (s->nquiet > 0)
        quiet_release(s);
}

void quiet_run(struct server *s, struct event *ev)
{
    if (!s->typed || quiet_now_ms() - s->typed_ms >= QUIET_TYPING_MS) {
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
    if (!evtimer_pending(s->quiet_timer, NULL)) {
        struct timeval tv = {.tv_sec = 0, .tv_usec = QUIET_WAIT_MAX_MS * 1000};
        evtimer_add(s->quiet_timer, &tv);
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
