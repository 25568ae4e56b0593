/* status_format.h - one status line drawn from an expanded format (status-format[N]), as
 * tmux lays one out: #[align=left|centre|right|absolute-centre] sections, the window list
 * (#[list=on], its focus kept in sight with the #[list=left-marker] and
 * #[list=right-marker] texts when it is too long), #[fill=COLOUR], and #[range=...]
 * marking what a mouse click there means. */
#ifndef TMX_STATUS_FORMAT_H
#define TMX_STATUS_FORMAT_H

#include <stddef.h>

#include "canvas.h"
#include "style.h"

/* Columns [x0, x1) of the line drawn in one #[range=...]. */
struct status_format_range {
    enum style_range range;
    long arg; /* window index, pane or session id */
    int x0, x1;
};

/* Draw text (format_expand's output, with #[...] blocks) on row y of cv, over its whole
 * width, in base (#[default]). The ranges drawn are appended to *ranges (*nranges of
 * them, the array grown with xreallocarray). */
void status_format_draw(struct canvas *cv, int y, const char *text, const struct grid_pen *base,
                        struct status_format_range **ranges, size_t *nranges);

#endif
