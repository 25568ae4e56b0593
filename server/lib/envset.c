/* envset.c - sorted environments with removed and hidden entries (see envset.h). */
#include "envset.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct envset *envset_create(void)
{
    return xcalloc(1, sizeof(struct envset));
}

void envset_free(struct envset *e)
{
    if (e == NULL)
        return;
    for (size_t i = 0; i < e->n; i++) {
        free(e->entries[i].name);
        free(e->entries[i].value);
    }
    free(e->entries);
    free(e);
}

/* Where name is (*found) or would go. */
static size_t find_index(const struct envset *e, const char *name, bool *found)
{
    size_t lo = 0, hi = e->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(e->entries[mid].name, name);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

void envset_set(struct envset *e, const char *name, const char *value, bool hidden)
{
    bool found;
    size_t i = find_index(e, name, &found);
    if (!found) {
        e->entries = xreallocarray(e->entries, e->n + 1, sizeof *e->entries);
        memmove(&e->entries[i + 1], &e->entries[i], (e->n - i) * sizeof *e->entries);
        e->entries[i] = (struct environ_entry){.name = xstrdup(name)};
        e->n++;
    }
    free(e->entries[i].value);
    e->entries[i].value = value != NULL ? xstrdup(value) : NULL;
    e->entries[i].hidden = hidden;
}

void envset_put(struct envset *e, const char *name_value, bool hidden)
{
    const char *eq = strchr(name_value, '=');
    if (eq == NULL || eq == name_value)
        return;
    char *name = xstrndup(name_value, (size_t)(eq - name_value));
    envset_set(e, name, eq + 1, hidden);
    free(name);
}

void envset_unset(struct envset *e, const char *name)
{
    bool found;
    size_t i = find_index(e, name, &found);
    if (!found)
        return;
    free(e->entries[i].name);
    free(e->entries[i].value);
    memmove(&e->entries[i], &e->entries[i + 1], (e->n - i - 1) * sizeof *e->entries);
    e->n--;
}

const struct environ_entry *envset_find(const struct envset *e, const char *name)
{
    bool found;
    size_t i = find_index(e, name, &found);
    return found ? &e->entries[i] : NULL;
}

void envset_update(struct envset *dst, const char *const *patterns, size_t npatterns,
                    char *const *src, size_t nsrc)
{
    for (size_t p = 0; p < npatterns; p++) {
        bool any = false;
        /* A name without * ? [ or \ matches only itself: compared as it is, not through
         * fnmatch (which makes wide copies of both in a UTF-8 locale), for each variable
         * of each new session. */
        bool literal = strpbrk(patterns[p], "*?[\\") == NULL;
        size_t plen = strlen(patterns[p]);
        for (size_t i = 0; i < nsrc; i++) {
            const char *eq = strchr(src[i], '=');
            if (eq == NULL)
                continue;
            size_t nlen = (size_t)(eq - src[i]);
            if (literal && (nlen != plen || memcmp(src[i], patterns[p], plen) != 0))
                continue;
            char *name = xstrndup(src[i], nlen);
            if (literal || fnmatch(patterns[p], name, 0) == 0) {
                envset_set(dst, name, eq + 1, false);
                any = true;
            }
            free(name);
        }
        if (!any)
            envset_set(dst, patterns[p], NULL, false);
    }
}

char **envset_for_child(const struct envset *global, const struct envset *session,
                         size_t *count)
{
    char **out = xcalloc((global != NULL ? global->n : 0) + (session != NULL ? session->n : 0) + 1,
                         sizeof *out);
    size_t n = 0;
    for (size_t i = 0; global != NULL && i < global->n; i++) {
        const struct environ_entry *g = &global->entries[i];
        if (g->value == NULL || g->hidden)
            continue;
        if (session != NULL && envset_find(session, g->name) != NULL)
            continue; /* the session's entry decides */
        out[n++] = xasprintf("%s=%s", g->name, g->value);
    }
    for (size_t i = 0; session != NULL && i < session->n; i++) {
        const struct environ_entry *s = &session->entries[i];
        if (s->value != NULL && !s->hidden)
            out[n++] = xasprintf("%s=%s", s->name, s->value);
    }
    out[n] = NULL;
    *count = n;
    return out;
}

void envset_free_strings(char **strings)
{
    if (strings == NULL)
        return;
    for (char **s = strings; *s != NULL; s++)
        free(*s);
    free(strings);
}
