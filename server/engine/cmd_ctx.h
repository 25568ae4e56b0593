/* cmd_ctx.h - where a command runs (struct cmd_ctx: its server, client, output, the
 * targets found for it) and how it reports (cmd_error, cmd_print): what every part of the
 * engine shares, below the parser, the targets and the executor (cmd.h). */
#ifndef TMX_CMD_CTX_H
#define TMX_CMD_CTX_H

#include <stdbool.h>

struct server;
struct client;
struct session;
struct window;
struct winlink;
struct pane;
struct evbuffer;
struct cmdq_item;
struct cmd_entry;

/* What an entry's -t or -s names: the executor finds it before exec runs. */
enum cmd_find_type {
    CMD_FIND_NONE,    /* nothing (no such flag, or the command looks it up itself) */
    CMD_FIND_SESSION, /* a session (cmd_find_session) */
    CMD_FIND_WINDOW,  /* a window and its session (cmd_find_window) */
    CMD_FIND_PANE,    /* a pane, its window and session (cmd_find_pane) */
};

/* Flags of a cmd_find_spec. */
#define CMD_FIND_IF_GIVEN 0x1       /* only when the flag is given; without it, nothing */
#define CMD_FIND_MAY_BE_MISSING 0x2 /* without the flag, the current one if there is one:
                                     * none, or none found, is no failure */
#define CMD_FIND_QUIET 0x4          /* report no error (the caller does) */
#define CMD_FIND_CANFAIL 0x8        /* not found is no failure: what was found is used, as
                                     * tmux's display-message -t, if-shell -t, run-shell -t */
#define CMD_FIND_DEFAULT_MARKED 0x10 /* without the flag, the marked pane if there is one
                                      * (join-pane -s, swap-pane -s...) */
#define CMD_FIND_PREFER_UNATTACHED 0x40 /* without the flag, of the sessions, the most
                                         * recently used unattached one (attach-session) */
#define CMD_FIND_PARTIAL 0x80      /* with CANFAIL: what was found is kept as it is, not
                                     * filled in (tmux's show-options -t sess:99 is sess's) */
#define CMD_FIND_WINDOW_INDEX 0x20  /* a window target may name a free index (fs->idx):
                                     * a missing index or an offset past the last window is
                                     * no error */

/* An entry's target (-t) or source (-s): which flag, naming what. */
struct cmd_find_spec {
    char flag;
    enum cmd_find_type type;
    int flags; /* CMD_FIND_IF_GIVEN, CMD_FIND_MAY_BE_MISSING */
};

/* What the executor found for a spec; members it did not find are NULL. */
struct cmd_find_state {
    struct session *session;
    struct winlink *wl; /* the window's link in session (a window may have several) */
    struct window *window;
    struct pane *pane;
    int idx; /* with CMD_FIND_WINDOW_INDEX: the window index named, -1 for none; it may
              * be free (then window is NULL): new-window -t s:5, move-window -t :+1 */
};

/* Where a command runs and where its output goes. */
struct cmd_ctx {
    struct server *server;
    struct client *client;   /* issuing client, NULL for the config file */
    bool from_key;           /* from a key binding or prompt of an attached client */
    struct evbuffer *out;    /* text for stdout (or the client's view when from_key) */
    struct evbuffer *err;    /* error text */
    bool attached;           /* the command attached the client to a session */
    bool wait;               /* the client waits (wait-for): no exit yet */
    bool detached;           /* the command detached/exited the issuing client */
    int exit_status;         /* status for the client when the command succeeds (wait-pane) */
    struct pane *target_pane; /* what "no -t" means for hooks (the pane it fired for), or NULL */
    /* What the commands after this one in the same list take as current (tmux's: set by
     * new-session, and new-window and split-window without -d, with cmd_find_set_current);
     * all NULL when unset. Checked against the server's lists before it is used. */
    struct cmd_find_state current;
    /* What the mouse event of the key binding running the command points at: the target
     * '=' or {mouse} (a pane, else that window's active pane); all NULL when none. */
    struct cmd_find_state mouse;
    /* What the running command's entry declared, found before its exec was called (-s
     * first, then -t); valid during exec only. */
    struct cmd_find_state source;
    struct cmd_find_state target;
    /* Set once a command's exec succeeded: its entry and what its -t named (for its
     * after-COMMAND hook). */
    const struct cmd_entry *ran;
    struct cmd_find_state ran_target;
    /* The queue item running the command (cmd_queue.h), or NULL when it runs directly:
     * a command may then neither wait nor have commands inserted after it. */
    struct cmdq_item *item;
    const char *file;        /* the config file the command came from, or NULL */
    unsigned line;           /* and its line */
    unsigned depth;          /* and how deep in source-files that was */
};

/* wait-pane --timeout gave up: a status no command's exit is confused with... mostly. */
#define WAIT_PANE_TIMEOUT_STATUS 124

void cmd_error(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
