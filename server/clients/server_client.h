/* server_client.h - one connected client: its creation and end, messages to it,
 * attach/detach/suspend, frames, status-line messages. The client's state is struct
 * client (client_state.h); its overlays (prompt, text view...) are overlay.h's. */
#ifndef TMX_SERVER_CLIENT_H
#define TMX_SERVER_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "queue.h"
#include <sys/time.h>
#include <sys/types.h>

#include "client_state.h"

struct server;
struct session;
struct window;
struct bufferevent;
struct evbuffer;
struct event;

void server_client_free(struct client *c);
/* Finish with this client: send MSG_EXIT with status and message, close when flushed. */
void server_client_exit(struct client *c, int status, const char *message);
/* The client of this id, if it is still there and not already going, exits with status
 * (a command that kept it waiting is done: display-menu, display-popup). */
void server_client_exit_id(struct server *s, uint32_t id, int status);
/* The same, the client then sending SIGHUP to its parent (PROTO_EXIT_HUP) or becoming
 * a shell command (PROTO_EXIT_EXEC, command). */
void server_client_exit_how(struct client *c, int status, const char *message, int how,
                            const char *command);
/* Attach to a session: raw mode on the client, full redraw. */
void server_client_attach(struct client *c, struct session *s);
/* switch-client to the session c already shows: as tmux, the client's session is set
 * again (client-session-changed, control mode's %session-changed). */
void server_client_reattach_same(struct client *c);
/* c's terminal changed size (it said so): client-resized, after the window hooks. */
void server_client_resized(struct client *c);
/* suspend-client: the client restores its terminal and stops (SIGTSTP) until the
 * user continues it (fg); nothing is read or drawn meanwhile. */
void server_client_suspend(struct client *c);
/* lock-*: the client runs lock-command on its terminal (stopped until MSG_WAKEUP); with
 * lock-command empty, nothing happens. */
void server_client_lock(struct client *c);
/* Activity in a session (a client attached, typed, or came back from lock-command):
 * #{session_activity} and the lock-after-time timer start again. */
void server_client_session_activity(struct session *sess);
/* Detach with the reason printed by the client. */
void server_client_detach(struct client *c, const char *message);
/* Show a message on the status line for a while. */
struct cmd_ctx;
/* Ask the client for its stdin: done(c, data, false) runs once it ended, or
 * done(c, data, true) as soon as more than limit bytes came (the rest is dropped).
 * arg (malloc'd, owned from now on) stays in c->stdin_arg for done. The command keeps
 * the client waiting (ctx->wait); done must end it (server_client_exit). */
void server_client_read_stdin(struct client *c, size_t limit,
                              void (*done)(struct client *, struct evbuffer *, bool), char *arg);
/* The same, but each piece goes to piece(c, data, len) as it comes; done(c, empty, false)
 * runs at the end. */
void server_client_stream_stdin(struct client *c,
                                void (*piece)(struct client *, const char *, size_t),
                                void (*done)(struct client *, struct evbuffer *, bool), char *arg);
/* Size the session's windows that a client sees by the attached clients and each
 * window's window-size (a window no client sees keeps its size until one does, as in
 * tmux); _now sizes every window of the session at once (refresh-client -C). */
void server_client_update_sizes(struct server *s, struct session *sess);
void server_client_update_sizes_now(struct server *s, struct session *sess);
/* The same on the next loop turn: after the command (and hooks) that made a window
 * current, which see the sizes as they were (tmuxp's client-attached hook selects each
 * window and lays it out at its old size; tmux resizes it after). */
void server_client_update_sizes_later(struct server *s, struct session *sess);
/* Whether c's size counts for the windows of its session: attached, and a control client
 * only once it said a size (refresh-client -C). */
bool server_client_sizes_windows(const struct client *c);
/* c typed, or its terminal changed size: it becomes the latest client of the window it
 * shows (window-size latest sizes a window by its latest client, as tmux): client-active,
 * and the window's new size, if it was not already. */
void server_client_became_latest(struct client *c);
/* The size of the largest (or smallest) attached client of any session showing w, less
 * its status line (resize-window -A/-a); false when no client counts. */
bool server_client_window_size(struct server *s, struct window *w, bool largest, int *cols,
                               int *rows);

#endif
