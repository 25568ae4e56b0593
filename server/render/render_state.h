/* render_state.h - what a client's renderer knows about its terminal (the front buffer
 * of what it shows, its cursor, pen, open hyperlink, title and input modes) and the
 * output buffer every part of the renderer writes through, with the few cell tests
 * they share. Included by the renderer's own files only: render.c (the frame),
 * render_line.c, render_scroll.c, render_motion.c, render_pen.c, render_modes.c;
 * everyone else sees struct render_state as opaque (render.h). */
#ifndef TMX_RENDER_STATE_H
#define TMX_RENDER_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <event2/buffer.h>

#include "caps.h"
#include "grid.h"
#include "render_title.h"

struct links;

/* A front-buffer cell whose content is unknown: never equal to any wanted cell. */
#define WIDTH_INVALID 3 /* (widths are 2 bits) */
/* Attributes that show on a space. */
#define ATTR_VISIBLE_ON_BLANK (ATTR_UNDERLINE | ATTR_REVERSE | ATTR_STRIKE | ATTR_OVERLINE)

struct render_pen {
    uint16_t attr;   /* with the underline style bits when the terminal has Smulx */
    uint32_t fg, bg; /* mapped to what the terminal can show */
    uint32_t ul;     /* underline colour (SGR 58), COLOUR_DEFAULT when not shown */
};

struct render_state {
    const struct render_caps *caps;
    bool utf8;
    uint16_t attr_mask;       /* attributes the terminal can show */
    bool ul_colour;           /* the terminal takes SGR 58 (Setulc, or styled underlines) */

    int cols, rows;           /* size of the front buffer; 0 before the first frame */
    struct grid_cell *front;  /* what the terminal shows (cols * rows) */
    uint64_t *hash_want;      /* per-row hashes for scroll detection (rows each) */
    uint64_t *hash_front;
    bool *row_same;           /* per frame: want row is byte-identical to the front row */
    bool valid;               /* false: the screen is unknown, clear and repaint */
    unsigned epoch;           /* render_epoch */

    int tx, ty;               /* terminal cursor; -1 = unknown */
    struct render_pen pen;    /* the terminal's current SGR state */
    bool pen_known;
    int cursor_visible;       /* -1 unknown, 0, 1 */
    int cursor_style;         /* last DECSCUSR sent (0 assumed at start) */
    uint32_t cursor_colour;   /* last cursor colour sent (COLOUR_DEFAULT assumed at start) */

    struct links *links;      /* hyperlinks of the canvases drawn (NULL: not shown) */
    struct combs *combs;      /* combining-mark sequences of the canvases drawn */
    uint16_t link;            /* the hyperlink the terminal has open, 0 = none */

    bool sync;                /* wrap frames in a synchronized update */
    char sync_begin[32], sync_end[32];

    bool title_known;         /* title holds what the terminal's title was set to */
    char title[RENDER_TITLE_MAX + 1];
    bool modes_known;         /* modes holds the input modes the terminal has */
    uint32_t modes;

    struct evbuffer *out;     /* valid during render_frame */
    size_t len;
    size_t emitted;           /* bytes of this frame, synchronized-update marks aside */
    char buf[8192];
};

/* --- Output: bytes gather in rs->buf and go to rs->out when it fills and at the end
 * of a frame; emitted counts them. --- */

static inline void out_flush(struct render_state *rs)
{
    if (rs->len > 0 && rs->out != NULL)
        evbuffer_add(rs->out, rs->buf, rs->len);
    rs->len = 0;
}

static inline void out_bytes(struct render_state *rs, const char *p, size_t n)
{
    rs->emitted += n;
    if (rs->len + n > sizeof rs->buf) {
        out_flush(rs);
        if (n > sizeof rs->buf) {
            evbuffer_add(rs->out, p, n);
            return;
        }
    }
    memcpy(rs->buf + rs->len, p, n);
    rs->len += n;
}

static inline void out_str(struct render_state *rs, const char *s)
{
    if (s != NULL)
        out_bytes(rs, s, strlen(s));
}

static inline const char *cap(const struct render_state *rs, enum render_cap c)
{
    return render_caps_string(rs->caps, c);
}

static inline bool flag(const struct render_state *rs, enum render_flag f)
{
    return render_caps_flag(rs->caps, f);
}

/* Cell (x, y) of the front buffer. */
static inline struct grid_cell *front_cell(struct render_state *rs, int x, int y)
{
    return &rs->front[(size_t)y * (size_t)rs->cols + (size_t)x];
}

/* --- Cells --- */

/* A cell an erasure can make: a space showing only its background (a linked space is
 * not one: erasures do not link). */
static inline bool cell_is_blank(const struct grid_cell *c)
{
    return (c->ch == 0 || c->ch == ' ') && c->comb == 0 && grid_cell_width(c) == 1 &&
           (c->attr & ATTR_VISIBLE_ON_BLANK) == 0 && grid_cell_link(c) == 0;
}

/* Whether two cells look the same on a terminal. Right halves of wide characters are
 * drawn with their left half, so any two of them are equal. */
static inline bool cells_same(const struct grid_cell *a, const struct grid_cell *b)
{
    if (grid_cell_width(a) != grid_cell_width(b))
        return false;
    if (grid_cell_width(a) == 0)
        return true;
    if (cell_is_blank(a) && cell_is_blank(b))
        return a->bg == b->bg;
    uint32_t ach = a->ch == 0 ? ' ' : a->ch, bch = b->ch == 0 ? ' ' : b->ch;
    return ach == bch && a->comb == b->comb && a->fg == b->fg && a->bg == b->bg &&
           a->attr == b->attr && (a->ul == b->ul || !(a->attr & ATTR_UNDERLINE)) &&
           grid_cell_link(a) == grid_cell_link(b);
}

#endif
