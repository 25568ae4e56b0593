/* status_clock.c - status lines that show the time are redrawn on the clock: a timer
 * at the next multiple of status-interval, only while some attached client shows a
 * time, so an idle server never wakes up. */
#include "status_clock.h"

#include <stdbool.h>
#include <string.h>
#include <sys/time.h>

#include <event2/event.h>

#include "client_state.h"
#include "model.h"
#include "options.h"
#include "redraw.h"
#include "server_state.h"


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

/* What the time in a strftime template changes by: 2 when it shows seconds (or a
 * conversion with them: %s %T %r %c %X %+), 1 when it shows a coarser time (minutes,
 * hours, the date: it changes at most once a minute), 0 when it shows none. */
static int template_time(const char *t)
{
    int level = 0;
    for (const char *p = strchr(t, '%'); p != NULL; p = strchr(p, '%')) {
        p++;
        if (*p == '%') { /* a literal % */
            p++;
            continue;
        }
        while (*p != '\0' && strchr("-_0^#", *p) != NULL)
            p++;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == 'E' || *p == 'O')
            p++;
        if (*p == '\0')
            break;
        if (strchr("STrcXs+", *p) != NULL)
            return 2;
        level = 1;
    }
    return level;
}

/* How client c's status line changes with time: 0 never (nothing there shows the time
 * or a command's output); 1 with the wall-clock minute (a time without seconds); 2 every
 * status-interval (seconds, #(command) output run again then, or a status-format of the
 * user's, which may show anything, as tmux does). */
static int status_ticks(const struct client *c)
{
    const struct options *o = c->session->options;
    if (!options_get_number(o, "status") || options_get_number(o, "status-interval") <= 0)
        return 0;
    const char *left = options_get_string(o, "status-left");
    const char *right = options_get_string(o, "status-right");
    if (strstr(left, "#(") != NULL || strstr(right, "#(") != NULL || status_formats_set(o))
        return 2;
    const struct options *wo = c->session->current != NULL ? c->session->current->window->options
                                                             : NULL;
    int level = template_time(left);
    int r = template_time(right);
    level = r > level ? r : level;
    if (wo != NULL) {
        static const char *const names[] = {"window-status-format", "window-status-current-format"};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            const char *f = options_get_string(wo, names[i]);
            if (strstr(f, "#(") != NULL)
                return 2;
            int w = template_time(f);
            level = w > level ? w : level;
        }
    }
    return level;
}

/* Redraw status lines that show the time, and arm the timer for the next change: at a
 * multiple of status-interval on the wall clock for those that tick with it, at the
 * next minute for those whose time has no seconds (they change then, and only then).
 * With nothing to show the timer stops: an idle server never wakes up. */
static void server_clock_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    long interval = 0;
    bool minutes = false;
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (!c->attached || c->session == NULL)
            continue;
        int ticks = status_ticks(c);
        if (ticks == 0)
            continue;
        if (events != 0)
            client_redraw(c, REDRAW_STATUS);
        if (ticks == 1) {
            minutes = true;
            continue;
        }
        long i = options_get_number(c->session->options, "status-interval");
        if (interval == 0 || i < interval)
            interval = i;
    }
    if (interval == 0 && !minutes)
        return;
    struct timeval now;
    gettimeofday(&now, NULL);
    /* Both kinds: a period whose multiples hold every minute and every interval. */
    long every = interval == 0 ? 60 : interval;
    if (minutes) {
        long a = every, b = 60;
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        every = a;
    }
    struct timeval tv = {.tv_sec = every - 1 - now.tv_sec % every,
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
    /* Armed again from now: what is shown may tick sooner (or no more) than before. */
    evtimer_del(s->clock_timer);
    server_clock_cb(-1, 0, s);
}
