/* model.h - the objects the server keeps: a session holds window links (a window at an
 * index), a window may be linked in several sessions (or twice in one) and holds panes
 * laid out by a layout tree, a pane is a pty and its program parsed by a vt.
 * State only (the functions are in pane.h, window.h, session.h, which call one way:
 * session -> window -> pane). */
#ifndef TMX_MODEL_H
#define TMX_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "queue.h"
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>

struct event;
struct evbuffer;
struct server;
struct vt;
struct layout_cell;
struct options;
struct envset;
struct pane_mode;
struct pane_mode_entry;
struct pane_pipe;
struct pane_log;
struct pane_mirror;
struct keeper_ring;

struct pane {
    TAILQ_ENTRY(pane) entry;
    struct window *window;
    struct server *server;
    uint32_t id;             /* %N */
    int fd;                  /* pty master, -1 once closed */
    pid_t pid;               /* child, 0 once reaped */
    struct vt *vt;
    struct event *read_ev;
    struct event *write_ev;
    struct event *exit_timer; /* gives up waiting for EOF after the child exited */
    struct evbuffer *to_pty; /* bytes waiting for the pty to accept them */
    bool reaped;             /* child exited and was waited for */
    bool eof;                /* pty gave EOF or EIO: all output is read */
    bool keeperless;         /* the keeper that runs it went away: EOF is its end */
    uint32_t keeper_tag;     /* hash of where the keeper was last told it is */
    struct keeper_ring *ring; /* its output ring in shared memory (keeper_ring.h), or NULL */
    int wait_status;         /* from waitpid once reaped */
    time_t exit_time;
    time_t start_time;       /* when its program (last) started */
    struct event *name_timer; /* deferred automatic-rename check */
    struct event *name_work;  /* that check, run at a quiet moment (quiet.h) */
    int bells;               /* BELs from the vt since the last read was reported */
    bool window_name_changed; /* ESC k since then (vt_window_name has the name) */
    int titles;              /* titles set (OSC 0/2, CSI 23 t) since then */
    bool sync_mode;          /* mode 2026 is set in the vt (its sync event) */
    bool in_sync;            /* the program is inside a mode 2026 synchronized update */
    struct timeval sync_since;
    char *cwd;
    int cols, rows;
    struct layout_cell *cell; /* where the window's layout shows it (layout.h) */
    int xoff, yoff;          /* its top-left in the window, from the layout */
    uint64_t active_point;   /* when it was last made active (the server's count), 0 never */
    int argc;                /* the command, kept for respawn-pane */
    char **argv;
    bool dead;               /* finished but kept on screen (remain-on-exit) */
    bool closing;            /* finished: its pane-exited hook and close are pending */
    bool input_off;          /* select-pane -d: keys (typed or sent) do not reach it */
    struct pane_pipe *pipe;  /* pipe-pane, or NULL */
    struct pane_log *log;    /* log-file, or NULL */
    struct pane_mirror *mirror; /* pane_mirror.c's state (under -D), or NULL */
    /* Restart policy (policy/pane_exit.c, options restart*): restarts so far, the
     * next delay, the restarts counted in the current restart-interval, the timer of a
     * pending restart, and whether it gave up (a crash loop). */
    unsigned restarts;
    long long restart_delay_ms;
    long long restart_window_start; /* ms, CLOCK_MONOTONIC */
    unsigned restart_window_count;
    long long started_ms;     /* when its program last started (ms, CLOCK_MONOTONIC) */
    struct event *restart_timer;
    bool crash_loop;
    const struct pane_mode *mode; /* the mode shown over the pane (pane_mode.h), or NULL */
    void *mode_data;         /* its state */
    struct pane_mode_entry *modes_below; /* modes under it, shown again when it leaves */
    struct options *options; /* pane options (set -p), inheriting its window's */
    char *last_search;       /* copy mode's last search, which the next copy mode of the */
    bool last_search_regex;  /* pane takes up (tmux's searchstr), or NULL */
};

TAILQ_HEAD(pane_list, pane);

/* A window at an index of a session (tmux's winlink). A window lives as long as it has
 * one: unlinking the last frees it. */
struct winlink {
    TAILQ_ENTRY(winlink) entry;  /* the session's list, ordered by index */
    TAILQ_ENTRY(winlink) wentry; /* the window's list of its links */
    TAILQ_ENTRY(winlink) sentry; /* the session's stack of windows shown before */
    bool stacked;                /* in that stack */
    struct session *session;
    struct window *window;
    int index;
    int alerts; /* WINDOW_ALERT_* seen since the link was last current in its session */
};

TAILQ_HEAD(winlink_list, winlink);

struct window {
    struct winlink_list links; /* every link of the window, oldest first (wentry) */
    /* Links made and gone so far (tmux's window-linked and window-unlinked events, each
     * of which a control client is told, even of a window it already had: control.c). */
    unsigned links_made, links_gone;
    unsigned renames;         /* names set (tmux tells each, even to the same name) */
    struct server *server;
    uint32_t id;              /* @N */
    char *name;
    struct pane_list panes;
    struct pane *active;
    struct pane *last_pane;   /* the active pane before this one (last-pane) */
    struct layout_cell *layout; /* where each pane is (layout.h) */
    bool zoomed;              /* the active pane fills the window (resize-pane -Z) */
    int preset;               /* the preset select-layout last used, -1 for none */
    char *old_layout;         /* the layout before select-layout last changed it (-o) */
    int cols, rows;
    int manual_cols, manual_rows; /* its size under window-size manual: the size it was
                                   * made with, then resize-window's (as tmux 3.3a) */
    struct options *options;  /* window options, inheriting the global ones */
    int holds;                /* callers keeping it while its links go (window_hold) */
    time_t activity;          /* created, or last output of a pane (#{window_activity}) */
    uint32_t latest_client;   /* id of its latest client, 0 for none: the last to type in
                               * it, resize its terminal on it, attach to it or make it
                               * (window-size latest sizes it by that one, as tmux) */
    bool resize_pending;      /* the clients gave it a size while no client saw it: */
    int pending_cols, pending_rows; /* that size, taken when one does if none is given then */
    struct event *silence_timer;
};

enum { WINDOW_ALERT_ACTIVITY = 1, WINDOW_ALERT_BELL = 2, WINDOW_ALERT_SILENCE = 4 };

/* Sessions of one group (new-session -t) show the same windows at the same indexes,
 * each with its own current window. It goes with its last session. */
struct session_group {
    char *name;
    TAILQ_HEAD(session_group_list, session) sessions; /* in the order they joined */
};

struct session {
    TAILQ_ENTRY(session) entry;
    struct session_group *group; /* or NULL */
    TAILQ_ENTRY(session) gentry; /* in the group's list */
    struct server *server;
    uint32_t id;            /* $N */
    char *name;
    time_t created;
    time_t activity;        /* last attach or input (#{session_activity}) */
    struct timeval activity_tv; /* the same moment to the microsecond: which session was
                                 * used last, the "most recent session" of targets */
    struct winlink_list windows; /* its links, by index */
    struct winlink *current;
    struct winlink_list lastw;   /* links shown before, most recent first (sentry) */
    struct winlink *last;        /* the first of them (last-window), or NULL */
    unsigned renumbers;          /* times its windows were renumbered (move-window -r,
                                  * renumber-windows): control mode tells no move for it */
    unsigned current_changes;    /* times its current window changed (control mode tells
                                  * each, of every session) */
    struct envset *environ; /* environ.h: the session environment (update-environment,
                              * set-environment) */
    char **env;              /* what the last spawned process got: global and session
                              * environments merged (session_child_environment) */
    size_t nenv;
    char *cwd;
    int cols, rows;         /* window size when no client is attached (-x/-y) */
    struct options *options; /* session options, inheriting the global ones */
    struct event *lock_timer; /* lock-after-time from the last activity (clients layer) */
};

#endif
