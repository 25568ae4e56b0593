/* server_int.h - the server's one top-level struct: every piece of mutable state of the
 * server process hangs off it (sessions, clients, options, key bindings). */
#ifndef TMX_SERVER_INT_H
#define TMX_SERVER_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "queue.h"
#include <sys/types.h>
#include <time.h>

#include "key_bindings.h"
#include "keys.h"
#include "paste.h"

struct event_base;
struct deferred;
struct event;
struct client;
struct session;
struct history_pool;

TAILQ_HEAD(client_list, client);
struct job;
TAILQ_HEAD(job_list, job);
TAILQ_HEAD(session_list, session);

/* A key binding: a key of one key table (key_bindings.h) and its command. */
struct key_binding {
    key_code key;
    enum key_table table;
    char *command;    /* command line, run through the command parser */
    char *note;       /* what it does, for list-keys / C-b ? */
    bool repeat;      /* bind -r: may be pressed again without the prefix (repeat-time) */
};

/* A wait-for channel: clients blocked in `wait-for NAME` until `wait-for -S NAME`. */
struct wait_channel {
    char *name;
    bool signalled;        /* signalled with nobody waiting: the next wait returns at once */
    struct client **waiters;
    size_t nwaiters;
    bool locked;                  /* wait-for -L holds it */
    struct client **lockers;      /* clients blocked in -L until -U */
    size_t nlockers;
};

#define PROMPT_HISTORY_MAX 100

/* A hook: when the event happens, the command runs (set-hook). */
struct hook {
    char *name;
    char *command;
};

/* A client blocked in `wait-pane` until pane %pane_id's command exits. */
struct pane_waiter {
    struct client *client;
    uint32_t pane_id;
    struct event *timer;   /* --timeout, or NULL */
};

struct server {
    struct event_base *base;
    char *socket_path;
    char *label;
    pid_t pid;
    time_t start_time;
    int listen_fd;
    struct event *listen_ev;
    struct event *sig_chld, *sig_term, *sig_hup, *sig_usr1, *sig_int;
    struct event *clock_timer; /* redraws status lines on the minute while clients are attached */

    struct client_list clients;
    struct session_list sessions;
    uint32_t next_session_id, next_window_id, next_pane_id, next_client_id;

    /* Options (options.h): the server's, and the globals sessions and windows inherit. */
    struct options *options;
    struct options *session_options;
    struct options *window_options;
    char *default_shell;     /* $SHELL of the server, else /bin/sh: when default-shell is "" */
    char *default_terminal;  /* tmux-256color or screen-256color: when default-terminal is "" */

    struct key_binding *bindings;
    size_t nbindings;

    struct wait_channel *channels;
    size_t nchannels;
    struct pane_waiter *waiters;
    size_t nwaiters;
    struct job_list jobs;      /* run-shell and hook commands still running */
    struct paste_list paste_buffers; /* paste.h: newest first */
    struct history_pool *history_pool; /* every pane's history: history-bytes-total */
    unsigned next_paste_index;       /* N of the next automatic bufferN */
    struct hook *hooks;        /* set-hook: event name -> command */
    size_t nhooks;

    struct deferred *deferred;  /* defer.h: work for the next turn of the loop */
    size_t ndeferred, deferred_size;
    struct event *defer_ev;
    char **prompt_history;  /* what was entered at prompts, oldest first */
    size_t nprompt_history;
    int config_depth;  /* source-file nesting while loading */
    char *config_errors; /* errors loading the config, shown to the first client attaching */
    bool terminating;  /* SIGTERM: panes were asked to exit, the server follows */
    struct event *grace_timer;
    bool exiting;     /* kill-server or last session gone: stop accepting, exit loop */
    int exit_status;
};

/* Free everything the server owns (clients, sessions, buffers, options, events, the
 * event base); the struct itself stays the caller's. Also used by the fuzz targets. */
void server_free_all(struct server *s);
/* A client left session sess: with destroy-unattached, the session goes when nobody
 * is attached any more. */
void server_session_detached(struct server *s, struct session *sess);
/* The server exits once every session is gone (called after a session is destroyed). */
void server_check_exit(struct server *s);
/* Stop the server: tell every client, then leave the loop. */
void server_shutdown(struct server *s, const char *client_message);
/* Destroy a session: its clients leave with [exited] and exit status 'status'; the
 * server exits if it was the last one. */
void server_destroy_session(struct server *s, struct session *sess, int status);
/* Make sure the status-line clock ticks (called when a client attaches). */
void server_clock_start(struct server *s);
/* Mark every client showing this session as needing a redraw. */
void server_redraw_session(struct server *s, struct session *sess);



struct pane;
/* Called by a pane when its program wrote 'bytes' of output (the vt has changed). */
void server_pane_output(struct pane *p, size_t bytes);
/* Answer wait-pane callers of pane p (its command exited, or it is being killed). */
void server_pane_waiters_release(struct server *s, struct pane *p);
void server_pane_waiter_remove(struct server *s, size_t i);
struct pane *server_find_pane(struct server *s, uint32_t id);
struct client *server_find_client(struct server *s, uint32_t id);
struct window;
/* Option 'name' changed, for session sess or window w (both NULL: a global value): apply
 * what it changes now (log files, timers, the status line). */
void server_option_changed(struct server *s, const char *name, struct session *sess,
                           struct window *w);
/* Open or close a pane's log file as its window's log-file option says. */
void server_pane_apply_log(struct server *s, struct pane *p);
/* A pane's program set the clipboard (OSC 52): with set-clipboard on, the terminals of
 * the clients showing it get it. */
void server_pane_clipboard(struct pane *p, const char *selection, const char *base64);
/* Largest text sent to the terminals' clipboard: more is not sent (it stays a buffer). */
#define SERVER_CLIPBOARD_MAX (1024 * 1024)
/* Put text on the clipboard of every attached client's terminal whose terminal takes
 * OSC 52 (ESC ] 52 ; c ; base64 BEL), whatever set-clipboard says (callers check). */
void server_clipboard_set(struct server *s, const char *data, size_t size);
/* Show a message on the status line of every client showing the pane's session. */
void server_pane_message(struct pane *p, const char *msg);
/* Called once a pane is finished (reaped and drained): close it and maybe its window. */
void server_pane_finished(struct pane *p);
#endif
