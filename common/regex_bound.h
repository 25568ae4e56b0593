/* regex_bound.h - regcomp with a bound on what a pattern may make the C library build.
 *
 * glibc compiles a counted or stacked repetition by copying the repeated part: "(a{99}){99}"
 * builds ten thousand copies, "a++++++++++++++++++++++++++++++" a billion, and regcomp
 * then takes gigabytes and minutes. Patterns come from users' files and commands (a
 * services file's ready-line, a format's #{m/r:}, find-window -r), so each one's copies
 * are counted first, from the pattern's text, and a pattern that would need too many is
 * refused as REG_ESPACE before regcomp sees it. */
#ifndef TMX_REGEX_BOUND_H
#define TMX_REGEX_BOUND_H

#include <regex.h>
#include <stddef.h>

/* Copies of pattern atoms regcomp may make: far beyond any real pattern's. */
#define REGEX_BOUND_NODES 20000
/* Longest pattern accepted. */
#define REGEX_BOUND_LENGTH 4096

/* An upper estimate of the atoms regcomp would build for pattern under cflags
 * (REG_EXTENDED or basic syntax): each repetition multiplies what it repeats by its
 * upper count (2 for *, + and ?, m+1 for an open {m,}). */
double regex_bound_nodes(const char *pattern, int cflags);

/* regcomp(re, pattern, cflags), or REG_ESPACE (nothing compiled, re untouched) when the
 * pattern is longer than REGEX_BOUND_LENGTH or regex_bound_nodes is above
 * REGEX_BOUND_NODES; re is then zeroed, so regfree on it is harmless, as after a failed
 * regcomp. regerror gives "Memory exhausted" for it, as for regcomp's own. */
int regcomp_bounded(regex_t *re, const char *pattern, int cflags);

#endif
