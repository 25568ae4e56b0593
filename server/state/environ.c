/* environ.c - the server's global environment (see environ.h). Kept sorted by name, as
 * show-environment lists it. */
#include "environ.h"

#include <stdlib.h>
#include <string.h>

#include "server_state.h"
#include "xmalloc.h"

/* Index of name, or where it would go (*found false). */
static size_t environ_index(const struct server *s, const char *name, bool *found)
{
    size_t lo = 0, hi = s->nglobal_env;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(s->global_env[mid].name, name);
        if (cmp == 0) {
            *found = true;
            return mid;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

void environ_init(struct server *s, char **envp)
{
    for (char **e = envp; e != NULL && *e != NULL; e++)
        environ_put(s, *e, false);
}

const struct environ_entry *environ_find(const struct server *s, const char *name)
{
    bool found;
    size_t i = environ_index(s, name, &found);
    return found ? &s->global_env[i] : NULL;
}

void environ_set(struct server *s, const char *name, const char *value, bool hidden)
{
    bool found;
    size_t i = environ_index(s, name, &found);
    if (found) {
        free(s->global_env[i].value);
        s->global_env[i].value = value != NULL ? xstrdup(value) : NULL;
        s->global_env[i].hidden = hidden;
        return;
    }
    s->global_env = xreallocarray(s->global_env, s->nglobal_env + 1, sizeof *s->global_env);
    memmove(&s->global_env[i + 1], &s->global_env[i],
            (s->nglobal_env - i) * sizeof *s->global_env);
    s->global_env[i].name = xstrdup(name);
    s->global_env[i].value = value != NULL ? xstrdup(value) : NULL;
    s->global_env[i].hidden = hidden;
    s->nglobal_env++;
}

void environ_put(struct server *s, const char *name_value, bool hidden)
{
    const char *eq = strchr(name_value, '=');
    if (eq == NULL || eq == name_value)
        return;
    char *name = xstrndup(name_value, (size_t)(eq - name_value));
    environ_set(s, name, eq + 1, hidden);
    free(name);
}

void environ_unset(struct server *s, const char *name)
{
    bool found;
    size_t i = environ_index(s, name, &found);
    if (!found)
        return;
    free(s->global_env[i].name);
    free(s->global_env[i].value);
    memmove(&s->global_env[i], &s->global_env[i + 1],
            (s->nglobal_env - i - 1) * sizeof *s->global_env);
    s->nglobal_env--;
}

void environ_free(struct server *s)
{
    for (size_t i = 0; i < s->nglobal_env; i++) {
        free(s->global_env[i].name);
        free(s->global_env[i].value);
    }
    free(s->global_env);
    s->global_env = NULL;
    s->nglobal_env = 0;
}
