/* cmd_find.h - targets: what a -t or -s names, in tmux's grammar (cmd_find.c). */
#ifndef TMX_CMD_FIND_H
#define TMX_CMD_FIND_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd_ctx.h"

/* Targets (tmux's grammar, described at the top of cmd_find.c). NULL or "" target: the
 * current session/window/pane (the hook's pane, the attached client's session, else the
 * session holding TMX_PANE of the client's environment (or tmux's TMUX_PANE when TMUX
 * names this server), else the most recent session). cmd_find_target fills fs with what
 * target names as a type and returns 0, or reports tmux's error ("can't find session:
 * X"...) and returns -1; flags are CMD_FIND_*.
 * The three below are shorthands for it with no flags: on failure they return NULL. */
int cmd_find_target(struct cmd_ctx *ctx, struct cmd_find_state *fs, const char *target,
                    enum cmd_find_type type, int flags);
struct session *cmd_find_session(struct cmd_ctx *ctx, const char *target);
struct window *cmd_find_window(struct cmd_ctx *ctx, const char *target, struct session **sp);
/* The window link a window target names (its session is wl->session), or NULL. */
struct winlink *cmd_find_winlink(struct cmd_ctx *ctx, const char *target);
struct pane *cmd_find_pane(struct cmd_ctx *ctx, const char *target, struct window **wp,
                           struct session **sp);
/* Make s (its window w and pane p, or their current ones when NULL) what the rest of
 * the command list takes as current, as tmux's new-session/new-window/split-window. */
void cmd_find_set_current(struct cmd_ctx *ctx, struct session *s, struct window *w,
                          struct pane *p);
/* The client a command without a target client acts for, as tmux's current client: the
 * issuing client when it is attached; else, of the session holding the pane the issuing
 * client runs in (TMX_PANE) or the most recently used session, the attached client used
 * last (any attached client when that session has none); NULL when no client is attached. */
struct client *cmd_find_current_client(struct cmd_ctx *ctx);
/* The marked pane (select-pane -m) into st (if not NULL): false when none is marked or
 * it is gone (the mark is then cleared). */
bool cmd_find_marked(struct server *srv, struct cmd_find_state *st);
/* The index of a window's first pane (pane-base-index, 0 while the option is unknown). */
int cmd_find_pane_base_index(const struct window *w);
/* Every session sorted by name, as tmux lists them: a new NULL-terminated array (free it,
 * not the sessions) and its length in *n. */
struct session **cmd_sessions_by_name(struct server *srv, size_t *n);
/* The value of name in client c's environment (as it was when it connected), or NULL. */
const char *cmd_client_env(const struct client *c, const char *name);

#endif
