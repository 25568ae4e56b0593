/* style.h - tmux-compatible styles: "fg=red,bg=colour236,bold,noitalics" parsed into a
 * grid_pen, and text with embedded "#[style]" blocks (an expanded status-line format)
 * cut into runs of text that share one pen.
 *
 * A style is a list of tokens separated by commas or spaces (case-insensitive):
 *   fg=COLOUR bg=COLOUR us=COLOUR (underline colour)
 *   bold bright dim italics underscore double-underscore curly-underscore
 *   dotted-underscore dashed-underscore blink reverse hidden strikethrough overline
 *   and each with "no" in front to remove it (nobold, noreverse...)
 *   none       no attributes (colours kept)
 *   default    back to the default pen (the base pen; all defaults for style_apply)
 *   align=left|centre|center|right|absolute-centre, fill=COLOUR,
 *   list=on|focus|left-marker|right-marker, range=left|right|window|N|pane|%N|session|$N,
 *   nolist, norange, noalign, push-default, pop-default: status-line layout words; the
 *   pen ignores them, style_split gives them with each run (status_format draws them).
 * COLOUR is default, black red green yellow blue magenta cyan white, brightblack ...
 * brightwhite, 0-7 / 90-97 (as tmux), colour0-colour255 or color0-color255, or #rrggbb.
 * "fg=default" means the base pen's colour (as tmux: the colour of the enclosing style). */
#ifndef TMX_STYLE_H
#define TMX_STYLE_H

#include <stddef.h>
#include <stdint.h>

#include "grid.h"

/* Apply 'style' on top of *pen, "default" meaning the all-default pen. Returns 0, or -1
 * with a message in err (then *pen is unchanged). NULL or "" changes nothing. */
int style_apply(struct grid_pen *pen, const char *style, char *err, size_t errsize);

/* The same with "default" (and fg=default, bg=default, us=default) meaning *base. */
int style_apply_base(struct grid_pen *pen, const char *style, const struct grid_pen *base,
                     char *err, size_t errsize);

/* Parse one colour name into the COLOUR_* encoding of grid.h. Returns 0, or -1 if the
 * name is not a colour. */
int style_parse_colour(const char *name, uint32_t *colour);

/* A colour as a style would name it ("default", "red", "brightred", "colour236",
 * "#ff8000") into buf. Returns buf. */
const char *style_colour_name(uint32_t colour, char *buf, size_t size);

/* Where a run goes on a status line: #[align=...] (left when never given). */
enum style_align { STYLE_ALIGN_LEFT, STYLE_ALIGN_CENTRE, STYLE_ALIGN_RIGHT,
                   STYLE_ALIGN_ABSOLUTE_CENTRE };
/* A run's part in a status line's window list: #[list=...] (off: not in the list). */
enum style_list { STYLE_LIST_OFF, STYLE_LIST_ON, STYLE_LIST_FOCUS, STYLE_LIST_LEFT_MARKER,
                  STYLE_LIST_RIGHT_MARKER };
/* What a mouse click on a run means: #[range=...] (none by default). */
enum style_range { STYLE_RANGE_NONE, STYLE_RANGE_LEFT, STYLE_RANGE_RIGHT, STYLE_RANGE_PANE,
                   STYLE_RANGE_WINDOW, STYLE_RANGE_SESSION };

/* A piece of text drawn with one pen. 'text' points into the string given to
 * style_split and is not NUL-terminated: draw 'len' bytes of it. */
struct style_run {
    const char *text;
    size_t len;
    struct grid_pen pen;
    enum style_align align;
    enum style_list list;
    enum style_range range;
    long range_arg;       /* window index, pane or session id */
    uint32_t fill;        /* #[fill=COLOUR] so far (COLOUR_DEFAULT: none) */
};

/* Cut text (usually format_expand's output) into runs: "#[fg=red]A#[default]B" gives
 * ("A", red on base) and ("B", base). Each #[...] block applies on top of the current
 * pen with "default" meaning 'base' (or the pen saved by push-default, until
 * pop-default); a block that does not parse is dropped and the pen kept; an unclosed
 * "#[" is text. "##" is one literal '#' (so "##[" shows "#["). Empty runs are not
 * produced. Fills at most max runs (runs may be NULL when max is 0) and returns how
 * many runs the text has: call with max 0 to count, then again. */
size_t style_split(const char *text, const struct grid_pen *base, struct style_run *runs,
                   size_t max);

/* A new string: text with every #[...] block removed and "##" made "#" (the text
 * style_split's runs would show), e.g. to measure a status line or set a title. */
char *style_strip(const char *text);

#endif
