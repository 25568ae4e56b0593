/* cmd_up.h - `tmx up`: the services of a Procfile or a tmx service file, one session per
 * file and one window per service, started in `after` order (each once those it comes
 * after are ready: a line of output matched ready-line, or ready-command exited 0),
 * stopped in the reverse order (down, SIGTERM under -D), one at a time with stop/restart,
 * read with logs. Under -D the server exits with the main service's status (or the first
 * failure's) once they are all down. Its state hangs off struct server (s->up). */
#ifndef TMX_CMD_UP_H
#define TMX_CMD_UP_H

#include <stdbool.h>

struct server;
struct notify;
struct cmd_ctx;
struct up_group;

/* The listener (server_register): readiness from output, exits, followers of logs -f. */
void cmd_up_notify(struct server *s, const struct notify *n);
/* SIGTERM/SIGINT: every group of services starts stopping in reverse order, and 'then'
 * is called (from the loop) once they are all down. False when there are none, or they
 * already are stopping (the caller then does what it does without up). */
bool cmd_up_terminate(struct server *s, void (*then)(struct server *s));
/* The status the server exits with under -D: the one tmx up decided, else fallback. */
int cmd_up_exit_status(struct server *s, int fallback);
void cmd_up_free(struct server *s);
/* Sessions a snapshot brought back get their services' state again (from the service
 * file their options keep); called after a restore and before restart/stop/logs/down. */
void cmd_up_restore(struct server *s);

/* cmd_up_ctl.c uses these. A service named "NAME" or "SESSION:NAME": the group and the
 * index of the service, or NULL with an error. */
struct up_group *cmd_up_find(struct cmd_ctx *ctx, const char *name, long *index);
/* The group of a session name (down -t), or with NULL the only one; NULL with an error. */
struct up_group *cmd_up_find_group(struct cmd_ctx *ctx, const char *session);
/* Stop service i (its stop-signal, SIGKILL after stop-timeout); then start it again if
 * restart. The calling client (if any, and not attached) waits until it is done. */
void cmd_up_stop(struct cmd_ctx *ctx, struct up_group *g, long i, bool restart);
/* Stop every service in reverse order, then close the session; the client waits. */
void cmd_up_down(struct cmd_ctx *ctx, struct up_group *g);
/* The pane id of service i, or false when it has none (never started). */
bool cmd_up_pane(struct up_group *g, long i, unsigned *pane_id);
/* logs -f: send what service i's pane prints from now on to the calling client, until
 * the pane goes or the client does. */
void cmd_up_follow(struct cmd_ctx *ctx, struct up_group *g, long i);

#endif
