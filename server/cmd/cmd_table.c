/* cmd_table.c - every command tmx knows, sorted by name as list-commands shows them
 * (tmux's order). Each entry (name, alias, flags, arguments, usage, targets, exec) sits
 * in its command's file; the engine (cmd.c) runs the table that server_main registers
 * with cmd_set_table. */
#include "cmd_table.h"

#include <stdbool.h>
#include <stddef.h>

extern const struct cmd_entry cmd_attach_session_entry;
extern const struct cmd_entry cmd_bind_key_entry;
extern const struct cmd_entry cmd_break_pane_entry;
extern const struct cmd_entry cmd_capture_pane_entry;
extern const struct cmd_entry cmd_choose_buffer_entry;
extern const struct cmd_entry cmd_choose_client_entry;
extern const struct cmd_entry cmd_choose_tree_entry;
extern const struct cmd_entry cmd_choose_window_entry;
extern const struct cmd_entry cmd_clear_history_entry;
extern const struct cmd_entry cmd_clear_prompt_history_entry;
extern const struct cmd_entry cmd_clock_mode_entry;
extern const struct cmd_entry cmd_command_prompt_entry;
extern const struct cmd_entry cmd_confirm_before_entry;
extern const struct cmd_entry cmd_copy_mode_entry;
extern const struct cmd_entry cmd_customize_mode_entry;
extern const struct cmd_entry cmd_delete_buffer_entry;
extern const struct cmd_entry cmd_detach_client_entry;
extern const struct cmd_entry cmd_display_menu_entry;
extern const struct cmd_entry cmd_display_message_entry;
extern const struct cmd_entry cmd_display_panes_entry;
extern const struct cmd_entry cmd_display_popup_entry;
extern const struct cmd_entry cmd_find_window_entry;
extern const struct cmd_entry cmd_has_session_entry;
extern const struct cmd_entry cmd_if_shell_entry;
extern const struct cmd_entry cmd_join_pane_entry;
extern const struct cmd_entry cmd_kill_pane_entry;
extern const struct cmd_entry cmd_kill_server_entry;
extern const struct cmd_entry cmd_server_upgrade_entry;
extern const struct cmd_entry cmd_kill_session_entry;
extern const struct cmd_entry cmd_kill_window_entry;
extern const struct cmd_entry cmd_last_pane_entry;
extern const struct cmd_entry cmd_last_window_entry;
extern const struct cmd_entry cmd_link_window_entry;
extern const struct cmd_entry cmd_list_buffers_entry;
extern const struct cmd_entry cmd_list_clients_entry;
extern const struct cmd_entry cmd_list_commands_entry;
extern const struct cmd_entry cmd_list_keys_entry;
extern const struct cmd_entry cmd_list_panes_entry;
extern const struct cmd_entry cmd_list_sessions_entry;
extern const struct cmd_entry cmd_list_windows_entry;
extern const struct cmd_entry cmd_load_buffer_entry;
extern const struct cmd_entry cmd_lock_client_entry;
extern const struct cmd_entry cmd_lock_server_entry;
extern const struct cmd_entry cmd_lock_session_entry;
extern const struct cmd_entry cmd_move_pane_entry;
extern const struct cmd_entry cmd_move_window_entry;
extern const struct cmd_entry cmd_new_session_entry;
extern const struct cmd_entry cmd_new_window_entry;
extern const struct cmd_entry cmd_next_layout_entry;
extern const struct cmd_entry cmd_next_window_entry;
extern const struct cmd_entry cmd_paste_buffer_entry;
extern const struct cmd_entry cmd_pipe_pane_entry;
extern const struct cmd_entry cmd_previous_layout_entry;
extern const struct cmd_entry cmd_previous_window_entry;
extern const struct cmd_entry cmd_refresh_client_entry;
extern const struct cmd_entry cmd_rename_session_entry;
extern const struct cmd_entry cmd_rename_window_entry;
extern const struct cmd_entry cmd_resize_pane_entry;
extern const struct cmd_entry cmd_resize_window_entry;
extern const struct cmd_entry cmd_respawn_pane_entry;
extern const struct cmd_entry cmd_respawn_window_entry;
extern const struct cmd_entry cmd_resurrect_entry;
extern const struct cmd_entry cmd_rotate_window_entry;
extern const struct cmd_entry cmd_run_shell_entry;
extern const struct cmd_entry cmd_save_buffer_entry;
extern const struct cmd_entry cmd_select_layout_entry;
extern const struct cmd_entry cmd_select_pane_entry;
extern const struct cmd_entry cmd_select_window_entry;
extern const struct cmd_entry cmd_send_keys_entry;
extern const struct cmd_entry cmd_send_prefix_entry;
extern const struct cmd_entry cmd_server_access_entry;
extern const struct cmd_entry cmd_set_buffer_entry;
extern const struct cmd_entry cmd_set_environment_entry;
extern const struct cmd_entry cmd_set_hook_entry;
extern const struct cmd_entry cmd_set_option_entry;
extern const struct cmd_entry cmd_set_window_option_entry;
extern const struct cmd_entry cmd_show_buffer_entry;
extern const struct cmd_entry cmd_show_environment_entry;
extern const struct cmd_entry cmd_show_hooks_entry;
extern const struct cmd_entry cmd_show_messages_entry;
extern const struct cmd_entry cmd_show_options_entry;
extern const struct cmd_entry cmd_show_prompt_history_entry;
extern const struct cmd_entry cmd_show_window_options_entry;
extern const struct cmd_entry cmd_source_file_entry;
extern const struct cmd_entry cmd_split_window_entry;
extern const struct cmd_entry cmd_start_server_entry;
extern const struct cmd_entry cmd_suspend_client_entry;
extern const struct cmd_entry cmd_swap_pane_entry;
extern const struct cmd_entry cmd_swap_window_entry;
extern const struct cmd_entry cmd_switch_client_entry;
extern const struct cmd_entry cmd_unbind_key_entry;
extern const struct cmd_entry cmd_unlink_window_entry;
extern const struct cmd_entry cmd_wait_for_entry;
extern const struct cmd_entry cmd_wait_pane_entry;
extern const struct cmd_entry cmd_up_entry;
extern const struct cmd_entry cmd_down_entry;
extern const struct cmd_entry cmd_restart_entry;
extern const struct cmd_entry cmd_stop_entry;
extern const struct cmd_entry cmd_logs_entry;

static const struct cmd_entry *const cmd_table[] = {
    &cmd_attach_session_entry,
    &cmd_bind_key_entry,
    &cmd_break_pane_entry,
    &cmd_capture_pane_entry,
    &cmd_choose_buffer_entry,
    &cmd_choose_client_entry,
    &cmd_choose_tree_entry,
    &cmd_choose_window_entry,
    &cmd_clear_history_entry,
    &cmd_clear_prompt_history_entry,
    &cmd_clock_mode_entry,
    &cmd_command_prompt_entry,
    &cmd_confirm_before_entry,
    &cmd_copy_mode_entry,
    &cmd_customize_mode_entry,
    &cmd_delete_buffer_entry,
    &cmd_detach_client_entry,
    &cmd_display_menu_entry,
    &cmd_display_message_entry,
    &cmd_display_popup_entry, /* before display-panes, as tmux lists them */
    &cmd_display_panes_entry,
    &cmd_find_window_entry,
    &cmd_has_session_entry,
    &cmd_if_shell_entry,
    &cmd_join_pane_entry,
    &cmd_kill_pane_entry,
    &cmd_kill_server_entry,
    &cmd_kill_session_entry,
    &cmd_kill_window_entry,
    &cmd_last_pane_entry,
    &cmd_last_window_entry,
    &cmd_link_window_entry,
    &cmd_list_buffers_entry,
    &cmd_list_clients_entry,
    &cmd_list_commands_entry,
    &cmd_list_keys_entry,
    &cmd_list_panes_entry,
    &cmd_list_sessions_entry,
    &cmd_list_windows_entry,
    &cmd_load_buffer_entry,
    &cmd_lock_client_entry,
    &cmd_lock_server_entry,
    &cmd_lock_session_entry,
    &cmd_move_pane_entry,
    &cmd_move_window_entry,
    &cmd_new_session_entry,
    &cmd_new_window_entry,
    &cmd_next_layout_entry,
    &cmd_next_window_entry,
    &cmd_paste_buffer_entry,
    &cmd_pipe_pane_entry,
    &cmd_previous_layout_entry,
    &cmd_previous_window_entry,
    &cmd_refresh_client_entry,
    &cmd_rename_session_entry,
    &cmd_rename_window_entry,
    &cmd_resize_pane_entry,
    &cmd_resize_window_entry,
    &cmd_respawn_pane_entry,
    &cmd_respawn_window_entry,
    &cmd_resurrect_entry,
    &cmd_rotate_window_entry,
    &cmd_run_shell_entry,
    &cmd_save_buffer_entry,
    &cmd_select_layout_entry,
    &cmd_select_pane_entry,
    &cmd_select_window_entry,
    &cmd_send_keys_entry,
    &cmd_send_prefix_entry,
    &cmd_server_access_entry,
    &cmd_set_buffer_entry,
    &cmd_set_environment_entry,
    &cmd_set_hook_entry,
    &cmd_set_option_entry,
    &cmd_set_window_option_entry,
    &cmd_show_buffer_entry,
    &cmd_show_environment_entry,
    &cmd_show_hooks_entry,
    &cmd_show_messages_entry,
    &cmd_show_options_entry,
    &cmd_show_prompt_history_entry,
    &cmd_show_window_options_entry,
    &cmd_source_file_entry,
    &cmd_split_window_entry,
    &cmd_start_server_entry,
    &cmd_suspend_client_entry,
    &cmd_swap_pane_entry,
    &cmd_swap_window_entry,
    &cmd_switch_client_entry,
    &cmd_unbind_key_entry,
    &cmd_unlink_window_entry,
    &cmd_wait_for_entry,
    &cmd_wait_pane_entry,
    &cmd_server_upgrade_entry,
    &cmd_up_entry, /* tmx up and its services (cmd_up.c, cmd_up_ctl.c) */
    &cmd_down_entry,
    &cmd_restart_entry,
    &cmd_stop_entry,
    &cmd_logs_entry,
    NULL,
};

const struct cmd_entry *const *cmd_table_entries(void)
{
    return cmd_table;
}

/* tmx's own commands, which tmux 3.3a does not have: list-commands names them only when
 * asked for by name, so that its list is tmux's. */
bool cmd_table_is_extension(const struct cmd_entry *e)
{
    return e == &cmd_choose_window_entry || e == &cmd_wait_pane_entry ||
           e == &cmd_server_upgrade_entry || e == &cmd_up_entry || e == &cmd_down_entry ||
           e == &cmd_restart_entry || e == &cmd_stop_entry || e == &cmd_logs_entry;
}
