/* regex_bound.h - regcomp with a bound on what a pattern may make the C library build.
 *
 * glibc compiles a counted or stacked repetition by copying the repeated part: "(a{99}){99}"
 * builds ten thousand copies, "a++++++++++++++++++++++++++++++" a billion, and regcomp
 * then takes gigabytes and minutes; many empty alternatives cost it time out of
 * proportion too. Patterns come from users' files and commands (a
 * services file's ready-line, a format's #{m/r:}, find-window -r), so each one's copies
 * are counted first, from the pattern's text, and a pattern that would need too many is
 * refused before regcomp sees it. */
#ifndef TMX_REGEX_BOUND_H
#define TMX_REGEX_BOUND_H

#include <regex.h>
#include <stddef.h>

/* Nodes (atoms, groups, alternatives, with their copies) regcomp may build: far beyond
 * any real pattern's. glibc's compile time grows faster than the node count (its
 * epsilon closures): 2000 optional groups take it some 25 ms, 5000 some 150 ms. */
#define REGEX_BOUND_NODES 2000
/* Longest pattern accepted. */
#define REGEX_BOUND_LENGTH 4096

/* An upper estimate of the nodes regcomp would build for pattern under cflags
 * (REG_EXTENDED or basic syntax): an atom, a group and an alternative are one each, and
 * each repetition multiplies what it repeats by its upper count (2 for *, + and ?, m+1
 * for an open {m,}). -1 for a repetition of a repetition ("a**", "a+{2}"): undefined in
 * POSIX, and glibc builds it by copying, so a run of them grows exponentially. */
double regex_bound_nodes(const char *pattern, int cflags);

/* regcomp(re, pattern, cflags); or, with nothing compiled, REG_BADRPT for a repetition
 * of a repetition, REG_ESPACE when the pattern is longer than REGEX_BOUND_LENGTH or
 * regex_bound_nodes is above REGEX_BOUND_NODES. re is then zeroed, so regfree on it is
 * harmless, as after a failed regcomp; regerror words both as for regcomp's own. */
int regcomp_bounded(regex_t *re, const char *pattern, int cflags);
/* A bracket expression starting at p (on its '['): a first ']' (after an optional '^')
 * is literal, [:class:], [.coll.] and [=equiv=] are skipped whole. Where it ends (just
 * past its ']'), or NULL when it is not closed. */
const char *regex_bracket_end(const char *p);

#endif
