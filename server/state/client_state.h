/* client_state.h - one connected client as the server sees it: its socket, identity
 * (TERM, size, environment), the session it is attached to, its key state, status-line
 * message, overlays (prompt, text view...), and its renderer's front buffer. State only: the functions that
 * act on a client are in server_client.h and the clients layer. */
#ifndef TMX_CLIENT_STATE_H
#define TMX_CLIENT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "queue.h"
#include <sys/time.h>
#include <sys/types.h>

#include "keys.h"
#include "render.h"

struct server;
struct session;
struct bufferevent;
struct cmdq;
struct evbuffer;
struct event;
struct client_tty_ops;
struct control_state;
struct compose_cache;

struct client {
    TAILQ_ENTRY(client) entry;
    struct server *server;
    uint32_t id;              /* for work that outlives a callback: look it up again */
    int fd;
    struct bufferevent *bev;  /* the socket: output (reading is read_ev, for fds) */
    struct event *read_ev;    /* socket readable: recvmsg (MSG_TTY brings an fd) */
    struct evbuffer *in;      /* bytes received, not yet decoded */
    /* The client's terminal, when it passed it (client_tty.c): keys and frames go
     * through it instead of MSG_INPUT / MSG_OUTPUT. */
    struct bufferevent *tty_bev;
    const struct client_tty_ops *tty_ops; /* who hears its keys and drains */
    struct event *tty_read_ev;
    bool tty_ready;           /* MSG_TTY_READY came: the terminal is raw, draw on it */
    char *tty_name;           /* its path (#{client_tty}), NULL if not passed */
    int tty_pending;          /* an fd received, until MSG_TTY takes it */
    bool tty_pending_set;
    uid_t uid;
    pid_t pid;

    /* Control mode (control.c): 0 no, 1 -C, 2 -CC; its -f flags; its own state. */
    int control;
    bool control_no_output;   /* -f no-output */
    bool control_wait_exit;   /* -f wait-exit */
    int control_pause_after;  /* -f pause-after=N seconds, 0: off */
    bool control_sized;       /* refresh-client -C gave its size: only then does it
                                 count for window sizes, as in tmux */
    /* refresh-client -C @WINDOW:WxH: sizes of single windows for this client, which
     * win over cols/rows for those windows (a zero size: taken back). Any such size
     * makes the client count for window sizes (control.c sets, server_client reads). */
    struct control_winsize {
        uint32_t window;
        int cols, rows;
    } *control_winsizes;
    size_t ncontrol_winsizes;
    bool control_win_sized;
    struct control_state *control_state;
    void (*control_free_hook)(struct client *c); /* frees it (registered by control.c) */
    bool control_reason;      /* the exit's message is its %exit reason (else none) */
    /* Its MSG_EXIT is held until the block of the command that made it exit and what
     * that changed are written (registered by control.c; true: it took the payload). */
    bool (*control_exiting_hook)(struct client *c, const void *payload, size_t len);
    bool control_exit_held;   /* held: its socket may drain without it being freed */

    bool identified;      /* MSG_IDENTIFY received */
    bool attached;        /* showing a session */
    bool exiting;         /* MSG_EXIT sent: close once the output is flushed */
    bool waiting;         /* command not finished (wait-for) */
    bool has_command;     /* MSG_COMMAND received (only one is allowed) */
    bool in_command;      /* its command is running: it answers the client itself */
    struct cmdq *queue;   /* cmd_queue.h: its commands waiting to run, or NULL */
    uint32_t flags;       /* IDENT_* */
    uint32_t proto_version; /* the protocol version it identified with (proto.h) */
    int cols, rows;
    char *term;
    char *cwd;
    char **env;
    size_t nenv;
    size_t env_bytes;     /* of all env strings, with their NULs (client_limits.h) */

    struct session *session;

    const struct render_caps *caps;
    struct render_caps *caps_owned; /* caps with terminal-overrides applied (freed with c) */
    bool term_extkeys;        /* terminal-features gives it extkeys (modifyOtherKeys) */
    bool term_kitty_asked;    /* CSI ? u sent to the terminal at attach */
    int term_kitty_flags;     /* -1: the terminal never answered; else the kitty flags
                                 tmx pushed there (its keys then come as CSI u) */
    bool term_type_pending;   /* XTVERSION (CSI > q) asked at attach, not answered yet */
    char *term_type;          /* its answer, the terminal's name and version, or NULL */
    bool term_da2_pending;    /* DA2 (CSI > c) asked at attach, not answered yet */
    bool term_da2_answered;
    int term_da2_kind;        /* the answer's first parameter (84 'T' a tmux...), -1 none */
    struct render_state *render;
    struct canvas canvas;
    struct compose_cache *compose_cache; /* how the canvas was composed (view/compose.c) */
    struct event *render_timer;
    struct evbuffer *frame_buf; /* a frame is rendered into this, kept between frames */
    bool render_scheduled;
    bool sync_waiting;        /* the scheduled frame waits for a pane's mode 2026 end */
    bool needs_redraw;        /* something it shows changed (beyond the pane's cells) */
    bool needs_redraw_title;  /* during a frame: the terminal title may have changed */
    bool blocked;             /* socket not draining: no frames until it does */
    bool suspended;           /* suspend-client: stopped until MSG_WAKEUP */
    struct timeval last_frame;
    struct timeval prev_frame; /* the frame before it: a small output may follow one
                                  other frame at once (client_frames.c) */
    size_t output_since_frame; /* pane bytes since the last frame: small = interactive */
    size_t last_frame_cost;   /* what the last frame wrote to the terminal, or the cells it
                                 compared if more (a scroll of identical lines writes
                                 nothing and still costs a screen): paces floods */
    bool flooding;            /* the last frame showed more than a small output */
    bool flood_waiting;       /* the scheduled frame waits for more of a flood (client_frames.c) */
    size_t flood_looked;      /* output_since_frame when the waiting frame was last put off */
    bool behind;              /* the last frame has not all left: the next waits until it has */

    /* Input. */
    char keybuf[256];         /* room for a terminal's answer (term_reply.h) */
    size_t keylen;
    struct event *key_timer;  /* lone ESC / partial sequence timeout */
    bool prefix_active;       /* the prefix key was pressed */
    char *key_table;          /* switch-client -T: the next key is looked up there, or NULL */
    bool in_key;              /* a key's binding (or a prompt it opened) is running: */
    key_code cmd_key;         /* which key, for the message log ("key C-b: ...") */
    bool readonly;            /* attach -r: sees everything, types nothing */
    uint32_t last_session_id; /* switch-client -l goes back there */
    bool has_last_session;
    unsigned session_sets;    /* times it was (re)attached to a session, the same one
                               * again included (switch-client): control mode's
                               * %session-changed */
    struct timeval repeat_until; /* a bind -r key may be pressed again until then */
    struct timeval prefix_until; /* prefix-timeout: the prefix lapses then (unset: never) */
    struct timeval activity;  /* last attach or key: the latest client (window-size latest) */
    struct timeval last_key;  /* when the last key came (assume-paste-time) */
    /* Mouse button 1 went down over the active pane (mouse on): where, and whether it
     * is dragging a copy-mode selection since. */
    bool mouse_down, mouse_dragging;
    int mouse_down_x, mouse_down_y;

    struct overlay *overlays; /* overlay.h: prompt, text view, display-panes; top first */
    char *message;            /* shown on the status line until a key or timeout */
    struct event *message_timer;
    /* Where each window's entry was drawn on the status line (for mouse clicks). */
    struct status_range {
        uint32_t window_id;
        int x0, x1;           /* columns [x0, x1) */
    } *status_ranges;
    size_t nstatus_ranges;
    int status_row;           /* -1: no status line; else the row of its first line */
    int status_lines;         /* how many lines it has (the status option) */
    /* The last status line drawn, reused while nothing it shows changed (needs_redraw
     * unset, same pane title): pane output alone does not re-expand its formats. */
    struct grid_cell *status_cache;
    int status_cache_cols, status_cache_lines;
    char *status_cache_title;
    /* A command reading the client's stdin (load-buffer -): bytes until its end. */
    struct evbuffer *stdin_data;  /* NULL when nothing is being read */
    size_t stdin_limit;
    void (*stdin_done)(struct client *c, struct evbuffer *data, bool too_big);
    /* Or each piece as it comes, when set (split-window -I; stdin_data stays empty). */
    void (*stdin_piece)(struct client *c, const char *data, size_t len);
    char *stdin_arg;              /* for stdin_done (freed with the client) */
    bool dragging;            /* mouse: a pane border is being dragged */
    int drag_x, drag_y;       /* where that border is now */
};

#endif
