/* server_exit.h - sessions that end, and the server's exit. */
#ifndef TMX_SERVER_EXIT_H
#define TMX_SERVER_EXIT_H

struct server;
struct session;

struct notify;

/* The listener: a client left a session (NOTIFY_CLIENT_DETACHED): with
 * destroy-unattached, the session goes when nobody is attached any more. */
void server_exit_notify(struct server *s, const struct notify *n);
/* The server exits once every session is gone (called after a session is destroyed). */
void server_check_exit(struct server *s);
/* Stop the server: tell every client, then leave the loop. */
void server_shutdown(struct server *s, const char *client_message);
/* Destroy a session: its clients leave with [exited] and exit status 'status'; the
 * server exits if it was the last one. */
void server_destroy_session(struct server *s, struct session *sess, int status);
/* Destroy sess and every other session of its group (they showed the same windows). */
void server_destroy_session_group(struct server *s, struct session *sess, int status);
/* Redraw the status of sess and of the other sessions of its group. */
void server_redraw_session_group(struct server *s, struct session *sess);
struct window;
/* Close window w: unlink it from every session holding it (it is freed with its last
 * link); a session left empty is destroyed, its clients leaving with 'status'. */
void server_kill_window(struct server *s, struct window *w, int status);
/* The hooks tmux runs when the others of sess's group follow a change in sess: each of
 * them has every window linked again (window-linked for each) and gone (window-unlinked,
 * if not NULL) unlinked. */
void server_group_synced_hooks(struct server *s, struct session *sess, struct window *gone);

#endif
