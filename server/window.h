/* window.h - a window of a session: a name, an index, and its panes (one until splits). */
#ifndef TMX_WINDOW_H
#define TMX_WINDOW_H

#include <stdbool.h>
#include <stdint.h>
#include "queue.h"

#include "pane.h"

struct session;

struct window {
    TAILQ_ENTRY(window) entry;
    struct session *session;
    uint32_t id;              /* @N */
    int index;
    char *name;
    TAILQ_HEAD(, pane) panes;
    struct pane *active;
    int cols, rows;
    struct options *options;  /* window options, inheriting the global ones */
    int alerts;               /* WINDOW_ALERT_* seen since the window was last current */
    struct event *silence_timer;
};

enum { WINDOW_ALERT_ACTIVITY = 1, WINDOW_ALERT_BELL = 2, WINDOW_ALERT_SILENCE = 4 };

struct window *window_create(struct session *s, int index, const char *name);
void window_free(struct window *w);
void window_resize(struct window *w, int cols, int rows);
void window_set_name(struct window *w, const char *name);
/* Update an automatic name from the active pane's foreground command; true if changed. */
bool window_update_name(struct window *w);

#endif
