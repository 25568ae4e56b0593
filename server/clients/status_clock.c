/* status_clock.c - status lines that show the time are redrawn on the clock: a timer
 * at the next multiple of status-interval, only while some attached client shows a
 * time, so an idle server never wakes up. */
#include "status_clock.h"

#include <string.h>
#include <sys/time.h>

#include <event2/event.h>

#include "client_state.h"
#include "model.h"
#include "options.h"
#include "redraw.h"
#include "server_state.h"


/* How often the status line of an attached client must be redrawn for its clock:
 * status-interval seconds when its status line shows the time (a strftime % sequence)
 * or a command's output (#(command), run again then), else never (0). */
/* True if a status-format line is not its default: it may show anything, so it is
 * redrawn every status-interval, as tmux does. */
static bool status_formats_set(const struct options *o)
{
    const struct option_def *def = options_find("status-format");
    if (def == NULL || def->default_array == NULL)
        return false;
    long lines = options_get_number(o, "status");
    for (long i = 0; i < lines; i++) {
        const char *item = options_array_get(o, "status-format", i);
        const char *deflt = NULL;
        for (long j = 0; def->default_array[j] != NULL; j++) {
            if (j == i)
                deflt = def->default_array[j];
        }
        if (item != NULL && (deflt == NULL || strcmp(item, deflt) != 0))
            return true;
    }
    return false;
}

static long status_interval(const struct client *c)
{
    const struct options *o = c->session->options;
    if (!options_get_number(o, "status"))
        return 0;
    const char *left = options_get_string(o, "status-left");
    const char *right = options_get_string(o, "status-right");
    if (strchr(left, '%') == NULL && strchr(right, '%') == NULL && strstr(left, "#(") == NULL &&
        strstr(right, "#(") == NULL && !status_formats_set(o))
        return 0;
    return options_get_number(o, "status-interval");
}

/* Redraw status lines that show the time, and arm the timer for the next one, at a
 * multiple of the interval on the wall clock (so a minute shows when it starts). With
 * nothing to show the timer stops: an idle server never wakes up. */
static void server_clock_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    long interval = 0;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session == NULL)
            continue;
        long i = status_interval(c);
        if (i <= 0)
            continue;
        if (events != 0) {
            client_redraw(c, REDRAW_STATUS);
        }
        if (interval == 0 || i < interval)
            interval = i;
    }
    if (interval == 0)
        return;
    struct timeval now;
    gettimeofday(&now, NULL);
    struct timeval tv = {.tv_sec = interval - 1 - now.tv_sec % interval,
                         .tv_usec = 1000000 - now.tv_usec};
    if (tv.tv_usec >= 1000000) {
        tv.tv_sec++;
        tv.tv_usec -= 1000000;
    }
    evtimer_add(s->clock_timer, &tv);
}

void server_clock_start(struct server *s)
{
    if (s->clock_timer == NULL)
        s->clock_timer = evtimer_new(s->base, server_clock_cb, s);
    if (!evtimer_pending(s->clock_timer, NULL))
        server_clock_cb(-1, 0, s);
}
