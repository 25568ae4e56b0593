/* client_message.h - status-line messages and the results of commands run from keys. */
#ifndef TMX_CLIENT_MESSAGE_H
#define TMX_CLIENT_MESSAGE_H

#include <stdbool.h>
#include <stddef.h>

struct client;
struct cmd_ctx;

/* After a command run for client c from a key or a list: its first error line goes to
 * the status line, its output (when show_output, e.g. list-keys from C-b ?) in the
 * view mode of its current pane; frees ctx's buffers. */
void client_command_done(struct client *c, struct cmd_ctx *ctx, bool show_output);
/* What a command client c ran printed, as tmux shows it to an attached client: in the
 * view mode of the client's current pane (view_mode.h). Nothing if c is not attached. */
void client_show_output(struct client *c, const char *text, size_t len);
/* A message on c's status line for display-time (and into the message log). */
void client_message(struct client *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same for delay_ms (0: until a key is pressed). */
void client_message_delay(struct client *c, int delay_ms, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
