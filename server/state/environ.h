/* environ.h - the server's global environment (tmux's `set-environment -g`), an envset
 * (envset.h) in struct server: NAME=value pairs, each maybe hidden (%hidden in a config: usable as $NAME in the config but not
 * given to new panes). Started from the server process's own environment; config lines
 * NAME=value set it and $NAME / ${NAME} in command lines read it. */
#ifndef TMX_ENVIRON_H
#define TMX_ENVIRON_H

#include <stdbool.h>

#include "envset.h" /* struct environ_entry: value NULL: removed (set-environment -r) */

struct server;

/* Fill the global environment from envp (NULL-terminated NAME=value strings). */
void environ_init(struct server *s, char **envp);
/* The entry of name, or NULL. */
const struct environ_entry *environ_find(const struct server *s, const char *name);
/* Set name to value (NULL: set without a value), hidden or not. */
void environ_set(struct server *s, const char *name, const char *value, bool hidden);
/* Set from "NAME=value". */
void environ_put(struct server *s, const char *name_value, bool hidden);
void environ_unset(struct server *s, const char *name);
void environ_free(struct server *s);

#endif
