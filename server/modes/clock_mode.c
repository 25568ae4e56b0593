/* clock_mode.c - the clock over a pane (see clock_mode.h). The clock is drawn from the
 * current time on every frame; a timer asks for a frame when the minute changes. */
#include "clock_mode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <event2/event.h>

#include "model.h"
#include "options.h"
#include "pane_line.h"
#include "pane_mode.h"
#include "redraw.h"
#include "render.h"
#include "server_state.h"
#include "xmalloc.h"
#include "window.h"

/* The big characters, five rows of five cells, '#' filled (tmux's shapes). */
static const struct {
    char ch;
    const char *rows[5];
} glyphs[] = {
    {'0', {"#####", "#   #", "#   #", "#   #", "#####"}},
    {'1', {"    #", "    #", "    #", "    #", "    #"}},
    {'2', {"#####", "    #", "#####", "#    ", "#####"}},
    {'3', {"#####", "    #", "#####", "    #", "#####"}},
    {'4', {"#   #", "#   #", "#####", "    #", "    #"}},
    {'5', {"#####", "#    ", "#####", "    #", "#####"}},
    {'6', {"#####", "#    ", "#####", "#   #", "#####"}},
    {'7', {"#####", "    #", "    #", "    #", "    #"}},
    {'8', {"#####", "#   #", "#####", "#   #", "#####"}},
    {'9', {"#####", "#   #", "#####", "    #", "#####"}},
    {':', {"     ", "  #  ", "     ", "  #  ", "     "}},
    {'A', {"#####", "#   #", "#####", "#   #", "#   #"}},
    {'P', {"#####", "#   #", "#####", "#    ", "#    "}},
    {'M', {"#   #", "## ##", "# # #", "#   #", "#   #"}},
};

/* The shape of ch, NULL for a blank (a space). */
static const char *const *glyph(char ch)
{
    for (size_t i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++) {
        if (glyphs[i].ch == ch)
            return glyphs[i].rows;
    }
    return NULL;
}

void clock_mode_text(const struct tm *tm, bool twelve_hour, char *buf, size_t size)
{
    if (!twelve_hour) {
        snprintf(buf, size, "%02d:%02d", tm->tm_hour, tm->tm_min);
        return;
    }
    int hour = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
    snprintf(buf, size, "%2d:%02d %s", hour, tm->tm_min, tm->tm_hour >= 12 ? "PM" : "AM");
}

void clock_mode_draw_text(struct canvas *cv, int x0, int y0, int width, int height,
                          const char *text, uint32_t colour)
{
    const struct grid_pen blank = {0};
    for (int y = y0; y < y0 + height; y++) {
        for (int x = x0; x < x0 + width; x++)
            canvas_put_cell(cv, x, y, ' ', 1, &blank);
    }
    int len = (int)strlen(text);
    if (width < 6 * len || height < 6) {
        /* Too small for the big digits: the text, centred. */
        if (width < len || height == 0)
            return;
        const struct grid_pen pen = {.fg = colour};
        canvas_put_text(cv, x0 + width / 2 - len / 2, y0 + height / 2, x0 + width, text, &pen);
        return;
    }
    clock_mode_paint_big(cv, x0 + width / 2 - 3 * len, y0 + height / 2 - 3, text, colour);
}

void clock_mode_paint_big(struct canvas *cv, int x, int y, const char *text, uint32_t colour)
{
    const struct grid_pen block = {.bg = colour};
    for (const char *p = text; *p != '\0'; p++, x += 6) {
        const char *const *rows = glyph(*p);
        for (int j = 0; rows != NULL && j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                if (rows[j][i] == '#' && x + i >= 0 && y + j >= 0 && x + i < cv->cols &&
                    y + j < cv->rows)
                    canvas_put_cell(cv, x + i, y + j, ' ', 1, &block);
            }
        }
    }
}

struct clock_mode {
    struct pane *p;
    struct event *timer;  /* the next minute */
};

static const struct pane_mode clock_mode_ops;

/* Clients showing the pane draw it again. */
static void redraw(struct pane *p)
{
    if (p->window != NULL)
        window_redraw(p->window, REDRAW_STATUS);
}

/* Wake up when the minute changes (tmux looks every second; the clock shows minutes). */
static void arm_timer(struct clock_mode *cm)
{
    struct timeval now;
    gettimeofday(&now, NULL);
    time_t t = now.tv_sec;
    struct tm tm;
    localtime_r(&t, &tm);
    long us = (60 - tm.tm_sec) * 1000000L - now.tv_usec;
    if (us <= 0)
        us = 1000;
    struct timeval tv = {.tv_sec = us / 1000000, .tv_usec = us % 1000000};
    evtimer_add(cm->timer, &tv);
}

static void timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct clock_mode *cm = arg;
    (void)fd;
    (void)events;
    arm_timer(cm);
    if (cm->p->mode == &clock_mode_ops)
        redraw(cm->p);
}

void clock_mode_enter(struct pane *p)
{
    bool shown = p->mode == &clock_mode_ops;
    if (pane_mode_raise(p, &clock_mode_ops)) {
        if (!shown)
            redraw(p);
        return;
    }
    struct clock_mode *cm = xcalloc(1, sizeof *cm);
    cm->p = p;
    cm->timer = evtimer_new(p->server->base, timer_cb, cm);
    arm_timer(cm);
    pane_mode_push(p, &clock_mode_ops, cm);
    redraw(p);
}

static void clock_mode_free(struct pane *p, void *data)
{
    struct clock_mode *cm = data;
    (void)p;
    event_free(cm->timer);
    free(cm);
}

static void clock_mode_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                            int height)
{
    int n, rows;
    if (!pane_line_area(p, cv, x0, y0, width, height, &n, &rows))
        return;
    const struct options *o = p->window != NULL ? p->window->options : p->server->window_options;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char text[16];
    clock_mode_text(&tm, options_get_number(o, "clock-mode-style") == 0, text, sizeof text);
    clock_mode_draw_text(cv, x0, y0, n, rows, text,
                         (uint32_t)options_get_number(o, "clock-mode-colour"));
}

/* Any key leaves. */
static void clock_mode_key(struct client *c, struct pane *p, key_code key)
{
    (void)c;
    (void)key;
    pane_mode_pop(p);
    redraw(p);
}

/* So does the mouse (tmux hands it to the mode, which leaves). */
static void clock_mode_mouse(struct client *c, struct pane *p, const struct mouse_event *m,
                             int x, int y)
{
    (void)m;
    (void)x;
    (void)y;
    clock_mode_key(c, p, KEYC_NONE);
}

static const struct pane_mode clock_mode_ops = {
    .name = "clock-mode",
    .free = clock_mode_free,
    .draw = clock_mode_draw,
    .key = clock_mode_key,
    .mouse = clock_mode_mouse,
};
