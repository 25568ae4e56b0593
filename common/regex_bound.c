/* regex_bound.c - counting a pattern's copies before regcomp (see regex_bound.h). */
#include "regex_bound.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Nesting deeper than this is refused (its count is taken as over the bound). */
#define REGEX_BOUND_DEPTH 64

/* One open group: the atoms of its branches so far, of the branch being read, and the
 * size of that branch's last atom (what a repetition after it repeats). */
struct regex_level {
    double done;   /* finished branches (alternatives add up) */
    double branch; /* the current branch, its last atom included */
    double last;   /* the last atom's size; 0: none to repeat */
    bool repeated; /* the last token was a repetition of it */
};

/* Repeat the last atom of lv to times copies in all. */
static void regex_repeat(struct regex_level *lv, double times)
{
    if (lv->last <= 0)
        return; /* a repetition with nothing before it is a literal or an error */
    lv->branch += lv->last * (times - 1);
    lv->last *= times;
}

/* The upper count of a {m} {m,} {m,n} bound starting at p (after the brace), and where
 * it ends (after the closing brace, \} in basic syntax); -1 when it is not one. */
static double regex_brace(const char *p, bool extended, const char **end)
{
    char *e;
    long m = strtol(p, &e, 10);
    if (e == p && *e != ',')
        return -1;
    /* Counted in double: a count strtol clamped to LONG_MAX stays a count. */
    double low = (double)m, high = low;
    if (*e == ',') {
        const char *q = e + 1;
        long n = strtol(q, &e, 10);
        high = e == q ? low + 1 : (double)n; /* {m,}: at least m+1 copies are built */
    }
    if (extended ? *e != '}' : (e[0] != '\\' || e[1] != '}'))
        return -1;
    *end = e + (extended ? 1 : 2);
    if (low < 0 || high < 0)
        return -1;
    return (high > low ? high : low) + 1;
}

const char *regex_bracket_end(const char *p)
{
    p++;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p != '\0' && *p != ']') {
        if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
            const char *close = strchr(p + 2, p[1]);
            while (close != NULL && close[1] != ']')
                close = strchr(close + 1, p[1]);
            if (close == NULL)
                return NULL;
            p = close + 2;
        } else
            p++;
    }
    return *p == ']' ? p + 1 : NULL;
}

double regex_bound_nodes(const char *pattern, int cflags)
{
    bool ext = (cflags & REG_EXTENDED) != 0;
    struct regex_level stack[REGEX_BOUND_DEPTH];
    size_t depth = 0;
    stack[0] = (struct regex_level){0, 0, 0, false};
    const char *p = pattern;
    while (*p != '\0') {
        struct regex_level *lv = &stack[depth];
        const char *end = NULL;
        double times;
        /* What the next token is: an operator (in this syntax) or an atom. */
        bool esc = p[0] == '\\' && p[1] != '\0';
        char c = esc ? p[1] : p[0];
        bool open = ext ? (!esc && c == '(') : (esc && c == '(');
        bool close = ext ? (!esc && c == ')') : (esc && c == ')');
        bool alt = ext ? (!esc && c == '|') : (esc && c == '|');
        bool brace = ext ? (!esc && c == '{') : (esc && c == '{');
        bool star = !esc && c == '*';
        bool plus_q = ext ? (!esc && (c == '+' || c == '?')) : (esc && (c == '+' || c == '?'));
        bool repeat = star || plus_q || (brace && regex_brace(p + (esc ? 2 : 1), ext, &end) > 0);
        if (repeat && lv->repeated)
            return -1; /* a repetition of a repetition */
        lv->repeated = repeat && lv->last > 0;
        if (open) {
            if (++depth == REGEX_BOUND_DEPTH)
                return 1e300;
            stack[depth] = (struct regex_level){0, 1, 0, false}; /* the group's own node */
            p += esc ? 2 : 1;
        } else if (close && depth > 0) {
            double group = stack[depth].done + stack[depth].branch;
            depth--;
            stack[depth].branch += group;
            stack[depth].last = group;
            stack[depth].repeated = false;
            p += esc ? 2 : 1;
        } else if (alt) {
            lv->done += lv->branch + 1; /* the alternation's node, empty branches too */
            lv->branch = lv->last = 0;
            p += esc ? 2 : 1;
        } else if (star || plus_q) {
            regex_repeat(lv, 2);
            p += esc ? 2 : 1;
        } else if (brace && (times = regex_brace(p + (esc ? 2 : 1), ext, &end)) > 0) {
            regex_repeat(lv, times);
            p = end;
        } else if (!esc && c == '[') {
            const char *end_bracket = regex_bracket_end(p);
            p = end_bracket != NULL ? end_bracket : p + strlen(p);
            lv->branch += 1;
            lv->last = 1;
        } else {
            p += esc ? 2 : 1;
            lv->branch += 1;
            lv->last = 1;
        }
        if (stack[depth].branch > 1e250)
            return 1e300;
    }
    double total = 0;
    for (;;) { /* unclosed groups: regcomp refuses them; count what was read */
        total += stack[depth].done + stack[depth].branch;
        if (depth == 0)
            break;
        depth--;
    }
    return total;
}

int regcomp_bounded(regex_t *re, const char *pattern, int cflags)
{
    double nodes = strlen(pattern) > REGEX_BOUND_LENGTH ? 1e300 : regex_bound_nodes(pattern, cflags);
    if (nodes < 0 || nodes > REGEX_BOUND_NODES) {
        memset(re, 0, sizeof *re);
        return nodes < 0 ? REG_BADRPT : REG_ESPACE;
    }
    return regcomp(re, pattern, cflags);
}
