/* client_message.h - status-line messages and the results of commands run from keys. */
#ifndef TMX_CLIENT_MESSAGE_H
#define TMX_CLIENT_MESSAGE_H

#include <stdbool.h>

struct client;
struct cmd_ctx;

/* After a command run for client c from a key or a list: its first error line goes to
 * the status line, its output (when show_output, e.g. list-keys from C-b ?) over the
 * pane until a key; frees ctx's buffers. */
void client_command_done(struct client *c, struct cmd_ctx *ctx, bool show_output);
void client_message(struct client *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
