/* notify.h - how a lower layer tells the layers above that something happened, without
 * knowing them: the model (panes, taps, paste buffers) emits a notification, and every
 * listener registered by a higher layer at start-up receives it, in registration order.
 * Listeners only mark and schedule (a frame, a timer, a deferred hook): anything that
 * may free a pane, window, session or client goes through defer.h, because the emitter
 * may be deep in a pty read with the pane still in use. */
#ifndef TMX_NOTIFY_H
#define TMX_NOTIFY_H

#include <stddef.h>

struct server;
struct pane;
struct session;
struct window;
struct client;

enum notify_type {
    NOTIFY_PANE_OUTPUT,    /* pane's program wrote 'size' bytes ('data', as read: for
                              taps), the vt has them; 'count' BELs among them */
    NOTIFY_PANE_FINISHED,  /* pane's program was reaped and its pty drained */
    NOTIFY_PANE_GONE,      /* pane is being freed: forget it, close what is attached */
    NOTIFY_PANE_CLIPBOARD, /* pane's program set the clipboard (OSC 52): 'text' is the
                              selection parameter, 'data' the base64 text */
    NOTIFY_PANE_MESSAGE,   /* 'text' for the status lines of the pane's clients */
    NOTIFY_PANE_PASSTHROUGH, /* pane's program sent DCS tmux; ('data', 'size': for the
                                outer terminal) with allow-passthrough on */
    NOTIFY_PANE_RENAMED,   /* pane's program named its window (ESC k): vt_window_name() */
    NOTIFY_PANE_MODE,      /* pane entered its first mode or left its last (pane_in_mode) */
    NOTIFY_PASTE_COPIED,   /* text copied into a new paste buffer ('data', 'size'): for
                              the terminals' clipboard ('client''s alone if not NULL) */
    NOTIFY_CLIENT_DETACHED, /* a client left 'session' (detached, switched, gone) */
    NOTIFY_CLIENT_CLOSING, /* 'client''s connection is closing: it is still whole, and
                              freed right after: forget every pointer to it */
    NOTIFY_CLIENT_GONE,    /* a client's connection was closed and the client freed */
    NOTIFY_WINDOW_LAYOUT,  /* select-layout laid out the window of 'pane' (changed or
                              not: control clients are told either way) */
    /* For hooks (hook_events.c), emitted where tmux 3.3a notifies its own: */
    NOTIFY_WINDOW_PANE_CHANGED,   /* 'window''s active pane changed */
    NOTIFY_WINDOW_LAYOUT_CHANGED, /* 'window' was laid out again (tmux's count of them) */
    NOTIFY_WINDOW_RESIZED,        /* 'window' changed size */
    NOTIFY_SESSION_WINDOW_CHANGED, /* 'session''s current window changed */
    NOTIFY_PANE_TITLE             /* 'pane''s title was set (by its program or -T) */
};

struct notify {
    enum notify_type type;
    struct pane *pane;       /* NOTIFY_PANE_* */
    struct session *session; /* NOTIFY_CLIENT_DETACHED, NOTIFY_SESSION_* */
    struct window *window;   /* NOTIFY_WINDOW_*_CHANGED, NOTIFY_WINDOW_RESIZED */
    const char *text;
    const void *data;
    size_t size;
    int count;               /* NOTIFY_PANE_OUTPUT: BELs; NOTIFY_WINDOW_LAYOUT_CHANGED and
                                NOTIFY_WINDOW_RESIZED: 1 when a resize made them */
    struct client *client;   /* NOTIFY_PASTE_COPIED: the only client, or NULL for all;
                                NOTIFY_CLIENT_CLOSING: the one closing */
};

typedef void (*notify_fn)(struct server *s, const struct notify *n);

/* Add a listener (at start-up, by the layer that acts). */
void notify_listen(struct server *s, notify_fn fn);
/* Tell every listener. */
void notify_emit(struct server *s, const struct notify *n);
void notify_free(struct server *s);

#endif
