/* hook_events.c - hooks fired by what happens to panes and windows outside a command
 * (see hook_events.h). Notifications may come from deep in a pty read, so each hook is
 * deferred and its pane or window looked up again by id when it runs. */
#include "hook_events.h"

#include <stdint.h>

#include "defer.h"
#include "hooks.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "server_find.h"
#include "server_state.h"

static void hook_events_pane(struct server *s, uint32_t id, const char *name)
{
    struct pane *p = server_find_pane(s, id);
    if (p != NULL && p->window != NULL)
        hooks_fire(s, name, &(struct hook_event){.pane = p});
}

/* The window of id, looked for through the sessions' links; NULL if none holds it. */
static struct window *find_window(struct server *s, uint32_t id)
{
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            if (wl->window->id == id)
                return wl->window;
        }
    }
    return NULL;
}

static void hook_events_window(struct server *s, uint32_t id, const char *name)
{
    struct window *w = find_window(s, id);
    if (w != NULL)
        hooks_fire(s, name, &(struct hook_event){.window = w});
}

void hook_events_window_renamed(struct server *s, struct window *w)
{
    defer_add(s, hook_events_window, w->id, "window-renamed");
}

void hook_events_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_MODE)
        defer_add(s, hook_events_pane, n->pane->id, "pane-mode-changed");
    else if (n->type == NOTIFY_PANE_CLIPBOARD &&
             options_get_number(s->options, "set-clipboard") == 2) /* "on" */
        defer_add(s, hook_events_pane, n->pane->id, "pane-set-clipboard");
}
