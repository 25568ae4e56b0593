/* hook_events.c - hooks fired by what happens to panes and windows outside a command
 * (see hook_events.h). Notifications may come from deep in a pty read, so each hook is
 * deferred and its pane or window looked up again by id when it runs. */
#include "hook_events.h"

#include <stdbool.h>
#include <stdint.h>

#include "cmd_queue.h"
#include "defer.h"
#include "hooks.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "server_find.h"
#include "server_state.h"
#include "session.h"

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

static void hook_events_session(struct server *s, uint32_t id, const char *name)
{
    struct session *sess = session_find_id(s, id);
    if (sess != NULL)
        hooks_fire(s, name, &(struct hook_event){.session = sess});
}

/* Whether the command running now is a hook's own: what it does fires no hook, as in
 * tmux (a window-layout-changed hook that resizes a pane does not run itself again). */
static bool in_hook(struct server *s)
{
    return s->cmdq_current != NULL && cmdq_item_state(s->cmdq_current)->no_hooks;
}

/* Hook name for the object of n: during a command, queued at once (after that command,
 * in the order things happened, among the hooks it fires itself); from anywhere else (a
 * pty read, a client's resize) deferred, the object looked up again by id. */
static void hook_events_object(struct server *s, const struct notify *n, const char *name)
{
    /* A resize is told even when a hook caused it: tmux resizes from its loop, after
     * the hooks ran (a hook setting status off still fires window-resized). */
    if (n->count == 0 && in_hook(s))
        return;
    if (s->cmdq_current != NULL) {
        hooks_fire(s, name, &(struct hook_event){.session = n->session, .window = n->window,
                                                 .pane = n->pane});
        return;
    }
    if (n->pane != NULL)
        defer_add(s, hook_events_pane, n->pane->id, name);
    else if (n->window != NULL)
        defer_add(s, hook_events_window, n->window->id, name);
    else if (n->session != NULL)
        defer_add(s, hook_events_session, n->session->id, name);
}

void hook_events_notify(struct server *s, const struct notify *n)
{
    switch (n->type) {
    case NOTIFY_WINDOW_PANE_CHANGED:
        hook_events_object(s, n, "window-pane-changed");
        return;
    case NOTIFY_WINDOW_LAYOUT_CHANGED:
        hook_events_object(s, n, "window-layout-changed");
        return;
    case NOTIFY_WINDOW_RESIZED:
        hook_events_object(s, n, "window-resized");
        return;
    case NOTIFY_SESSION_WINDOW_CHANGED:
        hook_events_object(s, n, "session-window-changed");
        return;
    case NOTIFY_PANE_TITLE:
        hook_events_object(s, n, "pane-title-changed");
        return;
    default:
        break;
    }
    if (n->type == NOTIFY_PANE_MODE)
        defer_add(s, hook_events_pane, n->pane->id, "pane-mode-changed");
    else if (n->type == NOTIFY_PANE_CLIPBOARD &&
             options_get_number(s->options, "set-clipboard") == 2) /* "on" */
        defer_add(s, hook_events_pane, n->pane->id, "pane-set-clipboard");
}
