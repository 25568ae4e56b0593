/* box_lines.h - the characters of a box's border for each *-border-lines choice
 * (popup-border-lines, menu-border-lines): single, rounded, double, heavy, simple, padded
 * and none (drawn as blanks where a box keeps its frame). */
#ifndef TMX_BOX_LINES_H
#define TMX_BOX_LINES_H

#include <stdint.h>

/* Corners, horizontal and vertical lines, and the joins where a separator row meets the
 * left and right sides. */
struct box_lines {
    const char *name;
    uint32_t tl, tr, bl, br, h, v, left_join, right_join;
};

/* The set named 'name' (NULL or unknown: single). */
const struct box_lines *box_lines_named(const char *name);

#endif
