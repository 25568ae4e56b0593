/* hooks.h - running hooks: commands run when something happens. Hooks are array options
 * of the option table (OPTION_F_HOOK: set-hook sets them, in a session's, a window's,
 * a pane's or the global options); each item is a command list. */
#ifndef TMX_HOOKS_H
#define TMX_HOOKS_H

#include <stdbool.h>

struct server;
struct pane;
struct session;

/* Run hook 'name' if set, with "no -t" meaning pane (or, if NULL, the session's
 * current pane). */
void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane);
void hooks_free(struct server *s);

#endif
