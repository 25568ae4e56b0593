/* session.h - a session: named, holds window links ordered by index (a window may be
 * linked in several sessions), a current and a last link, the environment of the
 * client that created it. The struct is in model.h. */
#ifndef TMX_SESSION_H
#define TMX_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "queue.h"
#include <time.h>

#include "model.h"

struct server;


struct session *session_create(struct server *srv, const char *name, const char *cwd,
                               char **env, size_t nenv, int cols, int rows);
/* The same, an unnamed one named PREFIX-ID (a session of a group) when prefix is set. */
struct session *session_create_prefixed(struct server *srv, const char *name,
                                        const char *prefix, const char *cwd, char **env,
                                        size_t nenv, int cols, int rows);
/* Remove every window and free; detaching clients is the caller's business. */
void session_free(struct session *s);
struct session *session_find(struct server *srv, const char *name);
struct session *session_find_id(struct server *srv, uint32_t id);
/* The pane with id %id in any session, or NULL (it may have gone since the id was kept). */
struct pane *session_find_pane(struct server *srv, uint32_t id);
/* A session name tmux would accept: non-empty, no ':' or '.'. */
bool session_valid_name(const char *name);
int session_count_windows(const struct session *s);
/* The lowest free index >= base. */
int session_next_index(const struct session *s, int base);
/* The link at index, or NULL. */
struct winlink *session_window_at(const struct session *s, int index);
/* The first link of w in s (the oldest), or NULL when s does not hold w. */
struct winlink *session_find_window(const struct session *s, const struct window *w);
/* The link of w in s at the lowest index (tmux's winlink_find_by_window), or NULL. */
struct winlink *session_lowest_link(const struct session *s, const struct window *w);
/* Link w into s at index (free: the caller checked), keeping the list ordered; it
 * becomes current when s had none. */
struct winlink *session_link_window(struct session *s, struct window *w, int index);
/* Put wl at the place its (changed) index gives it in s's list; is_new: not in it yet. */
void session_sort_window(struct session *s, struct winlink *wl, bool is_new);
void session_select_window(struct session *s, struct winlink *wl);
/* Empty s's stack of windows shown before (no last window), as a new grouped session's. */
void session_forget_last_windows(struct session *s);
/* Unlink and free wl, picking a new current window; the window goes with its last link.
 * True if the session is now empty (the caller destroys it). The others keep their
 * indexes: callers that close windows apply renumber-windows after. */
bool session_unlink_window(struct session *s, struct winlink *wl);
/* With renumber-windows on: the links take the indexes from base-index on, in order. */
void session_renumber_windows(struct session *s);
/* Set NAME=VALUE (given as one string) in the session's environment, replacing NAME. */
void session_setenv(struct session *s, const char *name_value);
/* Remove NAME from the session's environment. */
void session_unsetenv(struct session *s, const char *name);
/* update-environment: on creation and attach, take the variables its patterns name from
 * the client (SSH_AUTH_SOCK, DISPLAY...; one the client lacks is marked removed), so new
 * windows reach the user's current agent and display. */
void session_update_environment(struct session *s, char **client_env, size_t nenv);
/* The environment of a new process of the session (global and session environments
 * merged), kept in s->env / s->nenv until the next call. */
void session_child_environment(struct session *s);
struct winlink *session_next_window(struct session *s, struct winlink *wl);
struct winlink *session_previous_window(struct session *s, struct winlink *wl);
/* Are a and b one session or sessions of one group (new-session -t)? */
bool session_same_group(const struct session *a, const struct session *b);
/* Number the links from base on, in order (move-window -r). The other sessions of its
 * group keep their numbers until the group's next change (as tmux 3.3a). */
void session_renumber_all(struct session *s, int base);

/* Session groups (new-session -t): the sessions of a group show the same windows. The
 * functions above that change a session's links (link, unlink, sort, renumber-windows)
 * make the rest of its group follow (session_group_sync); one that empties a session
 * does not: the others keep the windows (unlink-window, move-window) or lose them too
 * (kill-window), and the caller destroys the empty one. */
/* The group named name, or NULL. */
struct session_group *session_group_find(struct server *srv, const char *name);
/* Put s (in no group) in group g, or in a new group called name when g is NULL. */
void session_group_add(struct session *s, struct session_group *g, const char *name);
/* Take s out of its group (freed with its last session); its links stay. */
void session_group_remove(struct session *s);
int session_group_count(const struct session_group *g);
/* Make every other session of s's group show s's windows at s's indexes, each keeping
 * its current window where it can. */
void session_group_sync(struct session *s);
/* t (new in its group) shows what the group's first other session shows; the others
 * are left as they are (as tmux 3.3a: their numbers may differ after move-window -r). */
void session_group_sync_to(struct session *t);

#endif
