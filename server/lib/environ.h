/* environ.h - environments as tmux keeps them: the server's global environment and each
 * session's. An entry has a name and a value, or no value (set-environment -r: removed
 * from the environment of new processes, shown as -NAME), and may be hidden (-h: kept
 * for tmx itself, not given to processes). Entries are kept sorted by name. */
#ifndef TMX_ENVIRON_H
#define TMX_ENVIRON_H

#include <stdbool.h>
#include <stddef.h>

struct environ_entry {
    char *name;
    char *value; /* NULL: removed */
    bool hidden;
};

struct environ {
    struct environ_entry *entries;
    size_t n;
};

struct environ *environ_create(void);
void environ_free(struct environ *e);
/* Set name (value NULL marks it removed). */
void environ_set(struct environ *e, const char *name, const char *value, bool hidden);
/* Set from "NAME=value" (ignored without '=' or with an empty name). */
void environ_put(struct environ *e, const char *name_value, bool hidden);
void environ_unset(struct environ *e, const char *name);
const struct environ_entry *environ_find(const struct environ *e, const char *name);
/* Copy into dst the variables of src (NAME=value strings) whose names match one of the
 * shell patterns; a pattern naming no variable of src marks that name removed (tmux's
 * update-environment). */
void environ_update(struct environ *dst, const char *const *patterns, size_t npatterns,
                    char *const *src, size_t nsrc);
/* The environment of a new process: global's entries, then session's over them (a removed
 * or hidden entry of the session hides the global one), without removed and hidden
 * ones, as NAME=value strings (NULL-terminated; free with environ_free_strings). */
char **environ_for_child(const struct environ *global, const struct environ *session,
                         size_t *count);
void environ_free_strings(char **strings);

#endif
