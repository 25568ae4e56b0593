/* control.h - control-mode clients (tmx -C, -CC; man tmux "CONTROL MODE"): command
 * lines read from the client, each command's output in a %begin/%end (or %error) block,
 * notifications of what changed (%window-add, %layout-change, %session-changed...),
 * pane output as %output lines with flow control (pause-after, -A), subscriptions (-B). */
#ifndef TMX_CONTROL_H
#define TMX_CONTROL_H

#include <stdbool.h>
#include <stddef.h>

struct server;
struct client;
struct cmd_ctx;
struct notify;

/* Most bytes a command line may have; a longer one is answered with %error. */
#define CONTROL_LINE_MAX (1u << 20)
/* Most bytes waiting to go to one control client: beyond, its panes are paused
 * (pause-after) or it is dropped ("too far behind"). */
#define CONTROL_PENDING_MAX (8u << 20)

/* Client c identified itself as a control client (level 1: -C, 2: -CC). */
void control_start(struct client *c, int level);
/* Bytes of its command lines (MSG_INPUT). */
void control_input(struct client *c, const char *buf, size_t len);
/* It is being freed. */
void control_free(struct client *c);
/* The output function of its commands (cmd_queue.h): a %begin/%end or %error block.
 * arg is the flags field as a pointer-sized int (0: its command line, 1: control). */
void control_command_output(void *arg, struct cmd_ctx *ctx, int status);
/* The listener of notifications (pane output; anything else: look for changes). */
void control_notify(struct server *s, const struct notify *n);
/* A command ran somewhere (name: it succeeded): look for what changed on the next loop
 * turn. */
void control_command_done(struct server *s, const char *name);

/* refresh-client's control-mode parts, into ctx's output; -1 with an error. */
int control_set_size(struct cmd_ctx *ctx, struct client *c, const char *size);
void control_pane_action(struct cmd_ctx *ctx, struct client *c, const char *arg);
void control_subscribe(struct client *c, const char *arg);
/* -f: one flag ("no-output", "pause-after=N", "wait-exit"...), off if 'off'. False if
 * it is not a control flag. */
bool control_set_flag(struct client *c, const char *flag, bool off);

#endif
