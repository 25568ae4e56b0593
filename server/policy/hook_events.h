/* hook_events.h - hooks fired by what happens to panes and windows outside a command
 * (tmux's pane-mode-changed, pane-set-clipboard, window-renamed...), each deferred to the
 * server's own loop turn. */
#ifndef TMX_HOOK_EVENTS_H
#define TMX_HOOK_EVENTS_H

struct server;
struct window;
struct notify;

/* The listener (registered by the top): NOTIFY_PANE_MODE, NOTIFY_PANE_CLIPBOARD, and
 * the window, session and title changes of notify.h (window-pane-changed,
 * window-layout-changed, window-resized, session-window-changed, pane-title-changed). */
void hook_events_notify(struct server *s, const struct notify *n);
/* Window w was renamed (automatic-rename, ESC k): window-renamed, soon. */
void hook_events_window_renamed(struct server *s, struct window *w);

#endif
