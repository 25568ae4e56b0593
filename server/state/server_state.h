/* server_state.h - the server's one top-level struct: every piece of mutable state of
 * the server process hangs off it (sessions, clients, options, key bindings, buffers).
 * State only: this header declares no functions and includes no module's header, so
 * every layer from the state up may read it without reaching a higher one. */
#ifndef TMX_SERVER_STATE_H
#define TMX_SERVER_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "queue.h"
#include <sys/types.h>
#include <time.h>

struct notify;
struct key_binding;
struct paste_buffer;
TAILQ_HEAD(paste_list, paste_buffer);
struct event_base;
struct deferred;
struct event;
struct client;
struct session;
struct history_pool;
struct tap;
struct cmdq;
struct cmdq_item;
struct cmd_ctx;
struct cmd_entry;
struct cmd_list;
struct cmd_parsed;
struct cmd_args;
struct pane;
struct environ_entry;
struct message_entry;
struct envset;
struct snapshot;
struct keeper_link;
struct up_state;

TAILQ_HEAD(client_list, client);
struct job;
TAILQ_HEAD(job_list, job);
struct format_job;
TAILQ_HEAD(session_list, session);

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

/* The kinds of prompt, each with its own history (command-prompt -T, show-prompt-history). */
enum prompt_type {
    PROMPT_TYPE_COMMAND,
    PROMPT_TYPE_SEARCH,
    PROMPT_TYPE_TARGET,
    PROMPT_TYPE_WINDOW_TARGET,
    PROMPT_NTYPES
};

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

/* A user server-access let in (besides the owner and root): read-only or not. */
struct server_acl {
    uid_t uid;
    bool readonly;
};

struct server {
    struct event_base *base;
    char *socket_path;
    char *label;
    pid_t pid;
    time_t start_time;
    int listen_fd;
    struct event *listen_ev;
    struct tap *mirror_tap;  /* pane_mirror.h: the panes' output on stdout (-D), or NULL */
    int mirror_fd;
    struct tap *draining_taps; /* tap.h: closed pipes and logs still writing what is owed */
    int reserve_fd;            /* server_listen.h: spent to tell a client the fds ran out */
    struct event *accept_timer; /* accepting again after running out of fds */
    struct event *sig_chld, *sig_term, *sig_hup, *sig_usr1, *sig_int;
    struct keeper_link *keeper; /* keeper_link.h: the parent of the panes' programs, or NULL */
    struct event *keeper_timer; /* server_keeper.c: tells the keeper where panes are */
    char *upgrade_binary;       /* server-upgrade: exec this once the loop ends */
    int upgrade_lock;           /* the clients' start lock, held across that exec (-1) */
    char *config_arg;           /* -f FILE the server started with, or NULL: for that exec */
    bool as_tmux;
    /* In the foreground (-D): the signals forwarded to the panes (server.c). */
#define SERVER_NFORWARDED 15
    struct event *sig_forward[SERVER_NFORWARDED];
    bool foreground;   /* -D: in the foreground (a container's entrypoint, a service) */
    char *title_area;  /* argv's (and environ's) memory: the process title, ps shows it */
    size_t title_size;
    /* A session went away outside a command (its last pane exited): the top updates the
     * process title (registered by server_register). */
    void (*sessions_changed)(struct server *s);
    char *start_cwd;   /* -D: the directory it was started in (sessions made without a
                        * client start there), else NULL */
    struct event *clock_timer; /* redraws status lines on the minute while clients are attached */

    struct client_list clients;
    struct session_list sessions;
    uint32_t next_session_id, next_window_id, next_pane_id, next_client_id;
    uint64_t next_active_point; /* panes made active, counted (select-pane -L/-R/-U/-D) */

    /* Options (options.h): the server's, and the globals sessions and windows inherit. */
    struct options *options;
    struct options *session_options;
    struct options *window_options;
    struct envset *environ;  /* environ.h: the global environment (the server's at start) */
    char *default_shell;     /* $SHELL of the server, else /bin/sh: when default-shell is "" */
    char *default_terminal;  /* tmux-256color or screen-256color: when default-terminal is "" */

    struct key_binding *bindings;
    size_t nbindings, bindings_size; /* used, allocated */
    bool bindings_deferred; /* key_bindings_init_later: the defaults are still to be made */
    /* key_bindings.c: a bit per (table, key) hash ever bound since the last free, so a
     * key bound in no table is known without reading every binding (each key press). */
    uint64_t binding_filter[64];

    struct wait_channel *channels;
    size_t nchannels;
    struct pane_waiter *waiters;
    size_t nwaiters;
    struct job_list jobs;      /* run-shell and hook commands still running */
    struct job_pty *pty_jobs;  /* display-popup programs (job_pty.c), a list through next */
    struct format_job *format_jobs; /* format_job.h: #(command) results of formats */
    bool format_jobs_off;      /* #(command) expands to nothing (the fuzzers run no shell) */
    struct paste_list paste_buffers; /* paste.h: newest first */
    struct history_pool *history_pool; /* every pane's history: history-bytes-total */
    unsigned next_paste_index;       /* N of the next automatic bufferN */
    struct hook *hooks;        /* unused: hooks are array options (options.h) */
    size_t nhooks;

    void (**listeners)(struct server *s, const struct notify *n);       /* notify.h: who is told what happened, in order */
    size_t nlisteners;
    void (*schedule_frame)(struct client *c); /* redraw.h: registered by the clients layer */
    /* Runs hook 'name' (after-COMMAND) for a command the queue ran (cmd_queue.c calls it;
     * the top registers hooks_run: the queue cannot include the hooks that use it). */
    void (*run_after_hook)(struct server *s, const char *name, struct session *sess,
                           struct pane *pane, const struct cmd_parsed *cmd);
    /* Logs a command about to run in the message log (cmd.c calls it; the top registers
     * cmd_log_command of cmd_print.c, which prints with the parser that cmd.c is part of). */
    void (*log_command)(struct cmd_ctx *ctx, const struct cmd_entry *e,
                        const struct cmd_args *args);
    /* Shows what a key binding's or prompt's commands printed (in view mode) and their
     * errors (status line) to client c: registered by the top (server_register) for
     * their commands, which run on the client's queue (cmd_queue.h). */
    void (*key_output)(struct client *c, struct cmd_ctx *ctx);
    /* Edits len bytes of data in the editor option's program, in a popup on client c
     * (choose-buffer's e; the top registers the overlays' popup_editor): done then gets
     * the text edited (NULL if the editor failed or left nothing), which it frees. False
     * if the editor could not start (done is not called). */
    bool (*edit_in_popup)(struct client *c, const char *data, size_t len,
                          void (*done)(char *buf, size_t len, void *arg), void *arg);
    /* Called after every command the queue ran (cmd_queue.c), with its name if it
     * succeeded: control clients look for what changed (registered by the top:
     * control_command_done). */
    void (*command_done)(struct server *s, const char *name);
    /* Frees a key binding's parsed commands (key_bindings.h): set by the engine when it
     * gives a binding its list (cmd_list_free). */
    void (*binding_list_free)(struct cmd_list *list);

    struct deferred *deferred;  /* defer.h: work for the next turn of the loop */
    size_t ndeferred, deferred_size;
    struct event *defer_ev;
    /* quiet.h: when a client last typed (CLOCK_MONOTONIC ms); the work (events) waiting
     * for the frame after it, since quiet_since_ms; whether that frame went (the work
     * then runs when quiet_timer fires) */
    bool typed;
    int64_t typed_ms;
    struct event **quiet;
    size_t nquiet, quiet_size;
    int64_t quiet_since_ms;
    bool quiet_after_frame;
    struct event *quiet_timer;
    /* What was entered at prompts of each type, oldest first (prompt.h). */
    char **prompt_history[PROMPT_NTYPES];
    size_t nprompt_history[PROMPT_NTYPES];
    int config_depth;  /* source-file nesting while loading */
    char *config_files;  /* the config files loaded at start, comma-separated (#{config_files}) */
    char *config_errors; /* errors loading the config, shown to the first client attaching */
    char *config_causes; /* every config error so far (FILE:LINE: message lines), kept */
    bool first_run_hint; /* tmx found no config at all: the first client to attach is
                          * told the prefix and `?` (not as tmux, nor with -f) */
    int config_pending;  /* the startup config still runs: clients' commands wait */
    struct cmdq *queue;  /* cmd_queue.h: the server's queue (config, hooks) */
    struct cmdq_item *cmdq_current; /* the command running now (hooks go after it), or NULL */
    /* The formats of the run that command belongs to (a hook's #{hook}, #{hook_pane}...:
     * NAME, VALUE..., NULL; cmd_queue.h's cmdq_state formats), seen by every format it
     * expands; NULL when none. */
    const char *const *cmd_formats;
    /* The client a running command with none of its own (a hook's, the config's) acts
     * for in its formats (#{client_name}...): tmux's current client, the attached client
     * used last in the session used last; NULL when none is attached. */
    struct client *cmd_client;
    struct message_entry *messages; /* message_log.h: show-messages, a ring */
    size_t nmessages, messages_size, messages_first;
    unsigned next_message;
    struct server_acl *acl; /* server-access: users let in, sorted by uid */
    size_t nacl;
    bool terminating;  /* SIGTERM: panes were asked to exit, the server follows */
    struct event *grace_timer;
    bool exiting;     /* kill-server or last session gone: stop accepting, exit loop */
    int exit_status;
    bool marked_set;           /* select-pane -m marked a pane: {marked}, ~, #{pane_marked} */
    uint32_t marked_pane_id;   /* its %N (cmd_find_marked forgets it once it is gone) */
    struct snapshot *snapshot; /* snapshot.h: what was written to the snapshot file last */
    struct up_state *up;       /* cmd_up.h: the services tmx up started, or NULL */
};

#endif
