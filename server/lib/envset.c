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

/* Where the name of len bytes is (*found) or would go. */
static size_t find_index(const struct envset *e, const char *name, size_t len, bool *found)
{
    size_t lo = 0, hi = e->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *have = e->entries[mid].name;
        int c = strncmp(have, name, len);
        if (c == 0 && have[len] == '\0') {
            *found = true;
            return mid;
        }
        if (c == 0)
            c = 1; /* have is name followed by more: after it */
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

/* envset_set for a name of len bytes (not NUL-terminated there: envset_put's). */
static void set_name_len(struct envset *e, const char *name, size_t len, const char *value,
                         bool hidden)
{
    bool found;
    size_t i = find_index(e, name, len, &found);
    if (!found) {
        if (e->n == e->cap) {
            e->cap = e->cap < 16 ? 16 : e->cap * 2;
            e->entries = xreallocarray(e->entries, e->cap, sizeof *e->entries);
        }
        memmove(&e->entries[i + 1], &e->entries[i], (e->n - i) * sizeof *e->entries);
        e->entries[i] = (struct environ_entry){.name = xstrndup(name, len)};
        e->n++;
    }
    free(e->entries[i].value);
    e->entries[i].value = value != NULL ? xstrdup(value) : NULL;
    e->entries[i].hidden = hidden;
}

void envset_set(struct envset *e, const char *name, const char *value, bool hidden)
{
    set_name_len(e, name, strlen(name), value, hidden);
}

void envset_put(struct envset *e, const char *name_value, bool hidden)
{
    const char *eq = strchr(name_value, '=');
    if (eq == NULL || eq == name_value)
        return;
    set_name_len(e, name_value, (size_t)(eq - name_value), eq + 1, hidden);
}

void envset_unset(struct envset *e, const char *name)
{
    bool found;
    size_t i = find_index(e, name, strlen(name), &found);
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
    size_t i = find_index(e, name, strlen(name), &found);
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

/* "NAME=value" (a new process's environment has a few dozen: two copies, not a
 * printf each). */
static char *name_value(const struct environ_entry *en)
{
    size_t nlen = strlen(en->name), vlen = strlen(en->value);
    char *s = xmalloc(nlen + vlen + 2);
    memcpy(s, en->name, nlen);
    s[nlen] = '=';
    memcpy(s + nlen + 1, en->value, vlen + 1);
    return s;
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
        out[n++] = name_value(g);
    }
    for (size_t i = 0; session != NULL && i < session->n; i++) {
        const struct environ_entry *s = &session->entries[i];
        if (s->value != NULL && !s->hidden)
            out[n++] = name_value(s);
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

bool envset_describes_outside(const char *name_value)
{
    static const char *const outside[] = {"TMX=", "TMX_PANE=", "TMUX=", "TMUX_PANE=",
                                          "COLUMNS=", "LINES=", "TERM="};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        if (strncmp(name_value, outside[i], strlen(outside[i])) == 0)
            return true;
    }
    return false;
}
