/* cmd_impl.h - what the command files of cmd/ share: helpers, each declared with the file
 * it lives in. Each command's entry and exec function stay in its own file. */
#ifndef TMX_CMD_IMPL_H
#define TMX_CMD_IMPL_H

#include <stdbool.h>

#include "cmd.h"
#include "keys.h"
#include "options.h"
#include "pane.h"

struct window;
struct session;
struct client;
struct options;
struct envset;
struct option_def;
struct paste_buffer;
struct layout_cell;

/* cmd_spawn.c: how to start a pane of sess: argv, else the session's default-command
 * (kept in dc_argv), else (argc 0) the default shell; in cwd or the session's directory,
 * with the session's environment plus extra_env. */
struct spawn_args cmd_spawn_args(struct session *sess, int argc, char **argv, const char *cwd,
                                 const char *const *extra_env, int cols, int rows,
                                 char *dc_argv[2]);
/* The directory p's program reported with OSC 7, copied, when it is an existing
 * directory; else NULL (p may be NULL). New panes and windows without -c start there. */
char *cmd_spawn_reported_cwd(const struct pane *p);
/* Create window at index (-1: next free) in sess running argv, cols x rows; NULL + error
 * on failure. */
struct winlink *cmd_spawn_window(struct cmd_ctx *ctx, struct session *sess, int index,
                                 const char *name, const char *cwd, int argc, char **argv,
                                 const char *const *extra_env, int cols, int rows);
/* The size of a window new-window makes in sess, as tmux 3.3a: with window-size latest,
 * tmux's current client's (whichever session it shows); else that of the clients
 * attached to sess; with none, sess's default-size. */
void cmd_spawn_window_size(struct cmd_ctx *ctx, struct session *sess, int *cols, int *rows);
/* With window-size latest, the size of tmux's current client if it has one that counts
 * (an attached client; a control client once sized): false otherwise. */
bool cmd_spawn_latest_size(struct cmd_ctx *ctx, int *cols, int *rows);
/* Kill one window, in every session it is linked in (and each session it was the last
 * window of). */
void cmd_destroy_window(struct cmd_ctx *ctx, struct window *w);

/* cmd_clients.c: the issuing client if it is attached, else NULL with an error saying
 * that 'what' needs one. */
struct client *cmd_attached_client(struct cmd_ctx *ctx, const char *what);
/* A format expanded for the issuing (attached) client. Caller frees. */
char *cmd_expand_for_client(struct cmd_ctx *ctx, const char *template);
/* The attached client whose terminal is tty (#{client_tty}, with or without /dev/), or
 * NULL. */
struct client *cmd_client_by_tty(struct server *srv, const char *tty);
/* -t target-client (its tty) if given, else cmd_attached_client; NULL with an error. */
struct client *cmd_target_client(struct cmd_ctx *ctx, struct cmd_args *args, const char *what);
/* confirm-before and command-prompt without -b, run by another client than c (a shell's
 * tmx command): its queue waits until the prompt just opened on c closes (after the
 * command the prompt runs), as tmux's does. Call with ctx->client the issuer. */
void cmd_wait_for_prompt(struct cmd_ctx *ctx, struct cmd_args *args, struct client *c);
/* The client -t target-client names (NULL: the issuing client if attached, else an
 * attached one); NULL with an error (none if quiet) when there is none. */
struct client *cmd_find_client(struct cmd_ctx *ctx, const char *name, bool quiet);
/* Whether a client flag list (-f read-only,ignore-size,...; '!' turns one off) asks for
 * read-only. */
bool cmd_flags_readonly(const char *flags);
/* A path as the user typed it: relative to the client's directory. Caller frees. */
char *cmd_client_path(struct cmd_ctx *ctx, const char *path);

/* cmd_buffers.c: buffer -b NAME, or the newest one when name is NULL; NULL with an error
 * if there is none. */
struct paste_buffer *cmd_find_buffer(struct cmd_ctx *ctx, const char *name);

/* cmd_attach_session.c: how to attach (attach-session, new-session -A). */
struct cmd_attach_opts {
    bool detach_others; /* -d / -D: the session's other clients are detached */
    bool hup_others;    /* -x / -X: and the shells they ran from get SIGHUP */
    bool readonly;      /* -r, -f read-only */
    bool keep_env;      /* -E: update-environment is not applied */
    const char *flags;  /* -f: also a control client's (no-output, pause-after=N...) */
};
/* Whether client c would show a session inside itself: $TMUX is set in its environment
 * and its terminal is one of this server's panes (tmux's rule: attaching from a pane of
 * another server, or with $TMUX unset, is allowed). The error is said, -1 returned. */
int cmd_check_nested(struct cmd_ctx *ctx, struct client *c);
/* Attach ctx->client to sess, checking it can show a session; -1 with an error if not. */
int cmd_attach_client(struct cmd_ctx *ctx, struct session *sess,
                      const struct cmd_attach_opts *opts);
/* cmd_move_window.c: a window target that may name a free index ("session:index"): the
 * session, *index -1 when none is named; NULL with an error. */
struct session *cmd_index_target(struct cmd_ctx *ctx, const char *target, int *index);
/* Make room at index of sess: the windows from there to the first free index move up
 * one. Returns index. */
int cmd_shuffle_up(struct session *sess, int index);
/* Move window link wl to index (-1: the next free) of dst; kill replaces a window
 * there (else "index in use"), select makes it current. -1 with an error. */
int cmd_move_window_to(struct cmd_ctx *ctx, struct winlink *wl, struct session *dst, int index,
                       bool kill, bool select);
/* cmd_new_session.c: a session name as tmux makes it from what was given (new-session
 * -s, rename-session): a format, ':' and '.' made '_'; NULL with "invalid session" when
 * empty. Caller frees. */
char *cmd_session_name(struct cmd_ctx *ctx, const char *template);
/* cmd_respawn_pane.c: respawn pane p with the command in args (or its own), killing it
 * first with -k (respawn-pane, respawn-window). */
int cmd_respawn(struct cmd_ctx *ctx, struct cmd_args *args, struct session *sess,
                struct pane *p);
/* cmd_split_window.c: where a new pane goes in a split of target (or of w, -f): the new
 * leaf, or NULL with an error starting with no_room (tmux's text for the command) when
 * there is no room (split-window, join-pane). -l N% is of the target pane's size, or
 * with -f and percent_of_window of the window's. */
struct layout_cell *cmd_split_cell(struct cmd_ctx *ctx, struct cmd_args *args,
                                   struct window *w, struct pane *target, const char *no_room,
                                   bool percent_of_window);
/* cmd_set_option.c: the option set a set-option/show-options/set-hook/show-hooks command
 * acts on: for a table option d its scope decides (-p: a pane option's pane), for a user
 * option or a listing (d NULL) the flags -s, -p, -w (or window_cmd) and -g do; -t names
 * the session, window or pane. Returns 0, or -1 with tmux's reason in *cause (freed by
 * the caller). */
struct cmd_options_scope {
    struct options *options;
    enum option_scope scope;
    bool is_pane, global;
    struct session *session; /* what -t (or the current target) named; may be NULL */
    struct window *window;
    struct pane *pane;
};
int cmd_options_scope(struct cmd_ctx *ctx, struct cmd_args *args, bool window_cmd,
                      const struct option_def *d, struct cmd_options_scope *sc, char **cause);
/* cmd_set_environment.c: the environment set-environment/show-environment act on: the
 * global one (-g) or the target session's (in *sp); NULL with tmux's error if none. */
struct envset *cmd_environment_target(struct cmd_ctx *ctx, struct cmd_args *args,
                                       struct session **sp);
/* cmd_bind_key.c: the key table -T names (-n: root; neither: prefix), in *table; with
 * must_exist, -1 and an error if there is no such table (bind-key, unbind-key). */
int cmd_binding_table(struct cmd_ctx *ctx, struct cmd_args *args, bool must_exist,
                      const char **table);
/* The key a binding's name names, KEYC_NONE if none (bind-key, unbind-key, list-keys). */
key_code cmd_binding_key(const char *name);
/* The error for a key table that does not exist (bind-key, unbind-key, list-keys). */
void cmd_no_key_table(struct cmd_ctx *ctx, const char *name);

/* cmd_overlay_place.c: the client a menu or popup goes to: -c NAME, else the issuing
 * client when attached, else an attached client (of sess first); NULL with tmux's error
 * if there is none. */
struct client *cmd_overlay_client(struct cmd_ctx *ctx, const char *name, struct session *sess);
/* Where a box of 'size' cells goes on one axis of a terminal of 'room' cells: spec is a
 * number, a letter (C R P M W S) or a format, as display-menu -x/-y (for y, the row under
 * the box). p is the target pane (may be NULL). Returns the first cell. */
int cmd_overlay_position(struct cmd_ctx *ctx, struct client *c, struct pane *p, const char *spec,
                         bool vertical, int size, int room);

#endif
