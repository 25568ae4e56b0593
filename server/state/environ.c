/* environ.c - the server's global environment (see environ.h): an envset kept in struct
 * server, sorted by name as show-environment lists it. */
#include "environ.h"

#include "server_state.h"

void environ_init(struct server *s, char **envp)
{
    if (s->environ == NULL)
        s->environ = envset_create();
    for (char **e = envp; e != NULL && *e != NULL; e++)
        envset_put(s->environ, *e, false);
}

const struct environ_entry *environ_find(const struct server *s, const char *name)
{
    return s->environ != NULL ? envset_find(s->environ, name) : NULL;
}

void environ_set(struct server *s, const char *name, const char *value, bool hidden)
{
    if (s->environ == NULL)
        s->environ = envset_create();
    envset_set(s->environ, name, value, hidden);
}

void environ_put(struct server *s, const char *name_value, bool hidden)
{
    if (s->environ == NULL)
        s->environ = envset_create();
    envset_put(s->environ, name_value, hidden);
}

void environ_unset(struct server *s, const char *name)
{
    if (s->environ != NULL)
        envset_unset(s->environ, name);
}

void environ_free(struct server *s)
{
    envset_free(s->environ);
    s->environ = NULL;
}
