/* cmd_impl.h - the exec functions behind the command table, and helpers they share. */
#ifndef TMX_CMD_IMPL_H
#define TMX_CMD_IMPL_H

#include <stdbool.h>

#include "cmd.h"
#include "key_bindings.h"
#include "pane.h"

struct window;
struct session;
struct client;
struct options;
struct option_def;
struct paste_buffer;
struct layout_cell;

int cmd_new_session(struct cmd_ctx *, struct cmd_args *);
int cmd_attach_session(struct cmd_ctx *, struct cmd_args *);
int cmd_list_sessions(struct cmd_ctx *, struct cmd_args *);
int cmd_has_session(struct cmd_ctx *, struct cmd_args *);
int cmd_kill_session(struct cmd_ctx *, struct cmd_args *);
int cmd_rename_session(struct cmd_ctx *, struct cmd_args *);
int cmd_kill_server(struct cmd_ctx *, struct cmd_args *);
int cmd_start_server(struct cmd_ctx *, struct cmd_args *);
int cmd_detach_client(struct cmd_ctx *, struct cmd_args *);
int cmd_suspend_client(struct cmd_ctx *, struct cmd_args *);
int cmd_switch_client(struct cmd_ctx *, struct cmd_args *);
int cmd_list_clients(struct cmd_ctx *, struct cmd_args *);
int cmd_move_window(struct cmd_ctx *, struct cmd_args *);
int cmd_swap_window(struct cmd_ctx *, struct cmd_args *);
int cmd_find_window_cmd(struct cmd_ctx *, struct cmd_args *);
int cmd_if_shell(struct cmd_ctx *, struct cmd_args *);
int cmd_set_environment(struct cmd_ctx *, struct cmd_args *);
int cmd_show_environment(struct cmd_ctx *, struct cmd_args *);
int cmd_clear_history(struct cmd_ctx *, struct cmd_args *);
int cmd_choose_tree(struct cmd_ctx *, struct cmd_args *);

int cmd_new_window(struct cmd_ctx *, struct cmd_args *);
int cmd_select_window(struct cmd_ctx *, struct cmd_args *);
int cmd_next_window(struct cmd_ctx *, struct cmd_args *);
int cmd_previous_window(struct cmd_ctx *, struct cmd_args *);
int cmd_last_window(struct cmd_ctx *, struct cmd_args *);
int cmd_rename_window(struct cmd_ctx *, struct cmd_args *);
int cmd_kill_window(struct cmd_ctx *, struct cmd_args *);
int cmd_list_windows(struct cmd_ctx *, struct cmd_args *);

int cmd_send_keys(struct cmd_ctx *, struct cmd_args *);
int cmd_send_prefix(struct cmd_ctx *, struct cmd_args *);
int cmd_capture_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_list_panes(struct cmd_ctx *, struct cmd_args *);
int cmd_kill_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_respawn_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_respawn_window(struct cmd_ctx *, struct cmd_args *);
int cmd_wait_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_pipe_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_copy_mode(struct cmd_ctx *, struct cmd_args *);
int cmd_split_window(struct cmd_ctx *, struct cmd_args *);
int cmd_break_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_join_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_select_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_last_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_swap_pane(struct cmd_ctx *, struct cmd_args *);
int cmd_display_panes(struct cmd_ctx *, struct cmd_args *);
int cmd_select_layout(struct cmd_ctx *, struct cmd_args *);
int cmd_next_layout(struct cmd_ctx *, struct cmd_args *);
int cmd_previous_layout(struct cmd_ctx *, struct cmd_args *);
int cmd_resize_pane(struct cmd_ctx *, struct cmd_args *);

int cmd_list_buffers(struct cmd_ctx *, struct cmd_args *);
int cmd_show_buffer(struct cmd_ctx *, struct cmd_args *);
int cmd_set_buffer(struct cmd_ctx *, struct cmd_args *);
int cmd_load_buffer(struct cmd_ctx *, struct cmd_args *);
int cmd_save_buffer(struct cmd_ctx *, struct cmd_args *);
int cmd_paste_buffer(struct cmd_ctx *, struct cmd_args *);
int cmd_delete_buffer(struct cmd_ctx *, struct cmd_args *);
int cmd_choose_buffer(struct cmd_ctx *, struct cmd_args *);

int cmd_refresh_client(struct cmd_ctx *, struct cmd_args *);
int cmd_list_keys(struct cmd_ctx *, struct cmd_args *);
int cmd_bind_key(struct cmd_ctx *, struct cmd_args *);
int cmd_unbind_key(struct cmd_ctx *, struct cmd_args *);
int cmd_command_prompt(struct cmd_ctx *, struct cmd_args *);
int cmd_confirm_before(struct cmd_ctx *, struct cmd_args *);
int cmd_display_message(struct cmd_ctx *, struct cmd_args *);

int cmd_set_option(struct cmd_ctx *, struct cmd_args *);
int cmd_show_options(struct cmd_ctx *, struct cmd_args *);
int cmd_show_window_options(struct cmd_ctx *, struct cmd_args *);
int cmd_source_file_cmd(struct cmd_ctx *, struct cmd_args *);
int cmd_wait_for(struct cmd_ctx *, struct cmd_args *);
int cmd_list_commands(struct cmd_ctx *, struct cmd_args *);
int cmd_set_hook(struct cmd_ctx *, struct cmd_args *);
int cmd_show_hooks(struct cmd_ctx *, struct cmd_args *);
int cmd_run_shell(struct cmd_ctx *, struct cmd_args *);

/* cmd_spawn.c: how to start a pane of sess: argv, else the session's default-command
 * (kept in dc_argv), else (argc 0) the default shell; in cwd or the session's directory,
 * with the session's environment plus extra_env. */
struct spawn_args cmd_spawn_args(struct session *sess, int argc, char **argv, const char *cwd,
                                 const char *const *extra_env, int cols, int rows,
                                 char *dc_argv[2]);
/* Create window at index (-1: next free) in sess running argv; NULL + error on failure. */
struct window *cmd_spawn_window(struct cmd_ctx *ctx, struct session *sess, int index,
                                const char *name, const char *cwd, int argc, char **argv,
                                const char *const *extra_env);
/* Kill one window (and its session if it was the last). */
void cmd_destroy_window(struct cmd_ctx *ctx, struct session *sess, struct window *w);
/* Redraw every client showing sess (after a window change). */
void cmd_session_changed(struct cmd_ctx *ctx, struct session *sess);

/* cmd_clients.c: the issuing client if it is attached, else NULL with an error saying
 * that 'what' needs one. */
struct client *cmd_attached_client(struct cmd_ctx *ctx, const char *what);
/* A format expanded for the issuing (attached) client. Caller frees. */
char *cmd_expand_for_client(struct cmd_ctx *ctx, const char *template);
/* The attached client whose terminal is tty (#{client_tty}, with or without /dev/), or
 * NULL. */
struct client *cmd_client_by_tty(struct server *srv, const char *tty);
/* A path as the user typed it: relative to the client's directory. Caller frees. */
char *cmd_client_path(struct cmd_ctx *ctx, const char *path);

/* cmd_buffers.c: buffer -b NAME, or the newest one when name is NULL; NULL with an error
 * if there is none. */
struct paste_buffer *cmd_find_buffer(struct cmd_ctx *ctx, const char *name);

/* cmd_attach_session.c: attach ctx->client to sess (new-session -A, attach-session),
 * checking it can show a session; -1 with an error if not. */
int cmd_attach_client(struct cmd_ctx *ctx, struct session *sess, bool detach_others,
                      bool readonly);
/* cmd_respawn_pane.c: respawn pane p with the command in args (or its own), killing it
 * first with -k (respawn-pane, respawn-window). */
int cmd_respawn(struct cmd_ctx *ctx, struct cmd_args *args, struct session *sess,
                struct pane *p);
/* cmd_split_window.c: where a new pane goes in a split of target (or of w, -f): the new
 * leaf, or NULL with an error when there is no room (split-window, join-pane). */
struct layout_cell *cmd_split_cell(struct cmd_ctx *ctx, struct cmd_args *args,
                                   struct window *w, struct pane *target);
/* cmd_set_option.c: the option set a set-option/show-options command acts on, for option d
 * (set-option, show-options). */
struct options *cmd_options_target(struct cmd_ctx *ctx, struct cmd_args *args,
                                   const struct option_def *d, struct session **sp,
                                   struct window **wp);
/* cmd_bind_key.c: the key table -T names (-n: root; neither: prefix) (bind-key, unbind-key). */
int cmd_binding_table(struct cmd_ctx *ctx, struct cmd_args *args, enum key_table *t);

#endif
