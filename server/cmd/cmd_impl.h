/* cmd_impl.h - the exec functions behind the command table, and helpers they share. */
#ifndef TMX_CMD_IMPL_H
#define TMX_CMD_IMPL_H

#include "../cmd.h"
#include "../pane.h"

struct window;
struct session;

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

/* How to start a pane of sess: argv, else the session's default-command (kept in
 * dc_argv), else (argc 0) the default shell; in cwd or the session's directory, with the
 * session's environment plus extra_env. */
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

#endif
