/* window.c - windows: name (automatic or set by the user), panes, size. */
#include "window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "options.h"
#include "server_int.h"
#include "session.h"
#include "xmalloc.h"

struct window *window_create(struct session *s, int index, const char *name)
{
    struct window *w = xcalloc(1, sizeof *w);
    w->session = s;
    w->id = s->server->next_window_id++;
    w->index = index;
    w->name = xstrdup(name != NULL ? name : "");
    TAILQ_INIT(&w->panes);
    w->cols = s->cols;
    w->rows = s->rows;
    w->options = options_create(s->server->window_options);
    if (name != NULL) {
        char err[128];
        options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    }
    return w;
}

void window_free(struct window *w)
{
    struct pane *p;
    while ((p = TAILQ_FIRST(&w->panes)) != NULL) {
        TAILQ_REMOVE(&w->panes, p, entry);
        pane_free(p);
    }
    if (w->silence_timer != NULL)
        event_free(w->silence_timer);
    options_free(w->options);
    free(w->name);
    free(w);
}

void window_resize(struct window *w, int cols, int rows)
{
    if (cols < 1)
        cols = 1;
    if (rows < 1)
        rows = 1;
    if (cols == w->cols && rows == w->rows)
        return;
    w->cols = cols;
    w->rows = rows;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry)
        pane_resize(p, cols, rows);
}

void window_set_name(struct window *w, const char *name)
{
    free(w->name);
    /* Keep control characters out of anything drawn on the status line. */
    w->name = xstrdup(name);
    for (char *p = w->name; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '_';
    }
}

bool window_update_name(struct window *w)
{
    char buf[256];
    if (!options_get_number(w->options, "automatic-rename") || w->active == NULL)
        return false;
    if (!pane_current_command(w->active, buf, sizeof buf))
        return false;
    if (strcmp(buf, w->name) == 0)
        return false;
    window_set_name(w, buf);
    return true;
}
