/* hooks.h - set-hook: commands run when something happens (session-created,
 * session-closed, window-linked, pane-exited, client-attached, client-detached,
 * alert-activity, alert-bell, alert-silence). Hooks are global for now. */
#ifndef TMX_HOOKS_H
#define TMX_HOOKS_H

#include <stdbool.h>

struct server;
struct pane;
struct session;

/* The hook names tmx knows, NULL-terminated. */
extern const char *const hook_names[];
bool hooks_valid_name(const char *name);
/* Set (command non-NULL) or remove a hook. */
void hooks_set(struct server *s, const char *name, const char *command);
const char *hooks_get(const struct server *s, const char *name);
/* Run hook 'name' if set, with "no -t" meaning pane (or, if NULL, the session's
 * current pane). */
void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane);
void hooks_free(struct server *s);

#endif
