/* envset.h - environments as tmux keeps them: the server's global environment and each
 * session's. An entry has a name and a value, or no value (set-environment -r: removed
 * from the environment of new processes, shown as -NAME), and may be hidden (-h: kept
 * for tmx itself, not given to processes). Entries are kept sorted by name. */
#ifndef TMX_ENVSET_H
#define TMX_ENVSET_H

#include <stdbool.h>
#include <stddef.h>

struct environ_entry {
    char *name;
    char *value; /* NULL: removed */
    bool hidden;
};

struct envset {
    struct environ_entry *entries;
    size_t n;
    size_t cap; /* entries allocated */
};

struct envset *envset_create(void);
void envset_free(struct envset *e);
/* Set name (value NULL marks it removed). */
void envset_set(struct envset *e, const char *name, const char *value, bool hidden);
/* Set from "NAME=value" (ignored without '=' or with an empty name). */
void envset_put(struct envset *e, const char *name_value, bool hidden);
void envset_unset(struct envset *e, const char *name);
const struct environ_entry *envset_find(const struct envset *e, const char *name);
/* Copy into dst the variables of src (NAME=value strings) whose names match one of the
 * shell patterns; a pattern naming no variable of src marks that name removed (tmux's
 * update-environment). */
void envset_update(struct envset *dst, const char *const *patterns, size_t npatterns,
                    char *const *src, size_t nsrc);
/* The environment of a new process: global's entries, then session's over them (a removed
 * or hidden entry of the session hides the global one), without removed and hidden
 * ones, as NAME=value strings (NULL-terminated; free with envset_free_strings). */
char **envset_for_child(const struct envset *global, const struct envset *session,
                         size_t *count);
void envset_free_strings(char **strings);

/* Whether a NAME=value entry of a client's environment describes the terminal outside
 * (TERM, COLUMNS, LINES) or the tmx/tmux it runs in (TMX, TMUX and their _PANE): a
 * program started inside gets its own values, never these. */
bool envset_describes_outside(const char *name_value);

#endif
