/* grid.h - cell storage for one screen of a pane: visible lines plus a history of
 * lines scrolled off the top. Pure data; knows nothing about escape sequences. */
#ifndef TMX_GRID_H
#define TMX_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Colour encoding in a uint32_t: COLOUR_DEFAULT, or a palette index, or 24-bit RGB. */
#define COLOUR_DEFAULT 0u
#define COLOUR_PALETTE (1u << 24) /* | index 0-255 */
#define COLOUR_RGB (2u << 24)     /* | 0xRRGGBB */
#define COLOUR_KIND(c) ((c) & 0xff000000u)
#define COLOUR_VALUE(c) ((c) & 0x00ffffffu)

/* Cell attributes (bit flags). */
enum {
    ATTR_BOLD = 1 << 0,
    ATTR_DIM = 1 << 1,
    ATTR_ITALIC = 1 << 2,
    ATTR_UNDERLINE = 1 << 3,
    ATTR_BLINK = 1 << 4,
    ATTR_REVERSE = 1 << 5,
    ATTR_HIDDEN = 1 << 6,
    ATTR_STRIKE = 1 << 7,
    ATTR_OVERLINE = 1 << 8,   /* SGR 53 */
    ATTR_PROTECTED = 1 << 9,  /* DECSCA: kept by selective erase (not a rendition) */
    /* Bits 10-12: underline style when ATTR_UNDERLINE is set (SGR 4:n, 21):
     * 0 or 1 single, 2 double, 3 curly, 4 dotted, 5 dashed. */
    ATTR_UNDERLINE_STYLE_MASK = 7 << 10,
};
#define ATTR_UNDERLINE_STYLE_SHIFT 10
#define ATTR_UNDERLINE_STYLE(a) (((a) >> ATTR_UNDERLINE_STYLE_SHIFT) & 7)

/* One character cell. ch == 0 means blank (shown as a space). A wide character
 * occupies its cell (width 2) and the next one (width 0, a continuation). The width and
 * the hyperlink share the two bytes after attr, so a cell stays 24 bytes; they are a
 * plain uint16_t read and written through the functions below, not bit-fields: gcc
 * copied cells holding bit-fields through the stack, field by field, in every loop that
 * fills cells (erasing with a colour ran 6x slower, printing at -O3 5x). */
struct grid_cell {
    uint32_t ch;         /* Unicode scalar value, 0 = blank */
    uint32_t comb;       /* one combining mark attached to ch, 0 = none */
    uint32_t fg;         /* COLOUR_* */
    uint32_t bg;         /* COLOUR_* */
    uint16_t attr;       /* ATTR_* */
    uint16_t wl;         /* GRID_WL(width, link): grid_cell_width, grid_cell_link */
    uint32_t ul;         /* underline colour (SGR 58), COLOUR_DEFAULT = the text colour */
};
_Static_assert(sizeof(struct grid_cell) == 24 && offsetof(struct grid_cell, attr) == 16 &&
                   offsetof(struct grid_cell, ul) == 20,
               "a cell is 24 bytes, width and link in the two bytes after attr");

/* The width (1, 2, or 0 for the right half of a wide character) in bits 0-1, the
 * hyperlink (OSC 8: a number of the vt's links.h table, 0 = none) in bits 2-15. */
#define GRID_WL(width, link) ((uint16_t)(((unsigned)(link) << 2) | ((unsigned)(width) & 3u)))
#define GRID_LINK_BITS 14

static inline unsigned grid_cell_width(const struct grid_cell *c)
{
    return c->wl & 3u;
}

static inline uint16_t grid_cell_link(const struct grid_cell *c)
{
    return (uint16_t)(c->wl >> 2);
}

static inline void grid_cell_set_width(struct grid_cell *c, unsigned width)
{
    c->wl = (uint16_t)((c->wl & ~3u) | (width & 3u));
}

static inline void grid_cell_set_link(struct grid_cell *c, unsigned link)
{
    c->wl = (uint16_t)((c->wl & 3u) | (link << 2));
}

/* A cell as three 8-byte words, for the loops that write or compare cells by the
 * million (printing, history): word 0 holds ch and comb, 1 fg and bg, 2 attr, width,
 * link and ul. */
enum { GRID_WORD_TEXT, GRID_WORD_COLOURS, GRID_WORD_REST };
_Static_assert(sizeof(struct grid_cell) == 3 * sizeof(uint64_t), "a cell is three words");

static inline uint64_t grid_cell_word(const struct grid_cell *c, int i)
{
    uint64_t w;
    memcpy(&w, (const unsigned char *)c + (size_t)i * sizeof w, sizeof w);
    return w;
}

static inline void grid_cell_set_word(struct grid_cell *c, int i, uint64_t w)
{
    memcpy((unsigned char *)c + (size_t)i * sizeof w, &w, sizeof w);
}

/* The attributes new text and erasures use (the "pen"). */
struct grid_pen {
    uint32_t fg, bg;
    uint16_t attr;
    uint32_t ul;    /* underline colour */
};

struct grid_line {
    struct grid_cell *cells; /* 'used' cells meaningful; cells past 'used' are blank */
    int used;                /* number of meaningful cells (may exceed cols in history) */
    int size;                /* number of cells allocated (>= used) */
    bool wrapped;            /* the line continues on the next one (autowrap) */
    /* Every cell in [0, used) is a default blank or a printable ASCII character (0x20-
     * 0x7e) in the default style: width 1, no mark, no link. History then encodes the
     * line byte by byte. False promises nothing. Set only by grid.c (a cleared line,
     * grid_write_text_run); writable access through grid.h forgets it. */
    bool plain;
};

/* A blank cell (ch 0, width 1, default colours). */
extern const struct grid_cell grid_blank_cell;

/* The blank cell's style: width 1, default colours and attributes, no link. */
static inline bool grid_cell_style_is_blank(const struct grid_cell *c)
{
    const struct grid_cell *b = &grid_blank_cell;
    return grid_cell_word(c, GRID_WORD_COLOURS) == grid_cell_word(b, GRID_WORD_COLOURS) &&
           grid_cell_word(c, GRID_WORD_REST) == grid_cell_word(b, GRID_WORD_REST);
}

/* Exactly the blank cell (what a line's end drops without losing anything). */
static inline bool grid_cell_is_default_blank(const struct grid_cell *c)
{
    return grid_cell_word(c, GRID_WORD_TEXT) == 0 && grid_cell_style_is_blank(c);
}

/* A cell a plain line may hold (grid_line.plain): blank or printable ASCII (comb, the
 * high half of word 0, is 0) in the blank cell's style. */
static inline bool grid_cell_is_plain(const struct grid_cell *c)
{
    uint64_t text = grid_cell_word(c, GRID_WORD_TEXT);
    return (text == 0 || text - 0x20 < 0x5f) && grid_cell_style_is_blank(c);
}

struct grid;

struct grid *grid_create(int cols, int rows, int history_limit);
void grid_free(struct grid *g);
int grid_cols(const struct grid *g);
int grid_rows(const struct grid *g);

/* Visible line y (0 = top). Taking it writable forgets that it is plain. */
struct grid_line *grid_line(struct grid *g, int y);
const struct grid_line *grid_line_const(const struct grid *g, int y);
/* History: 0 = oldest kept line, grid_history_size()-1 = the most recent. History
 * lines keep the width they had: after a narrowing resize 'used' may exceed cols.
 * They are stored encoded (history.h); grid_history_line decodes line i into a line
 * owned by the grid: the pointer and its cells are valid only until the next
 * grid_history_line call or any change to this grid, or to any grid sharing its
 * history pool (history-bytes-total may drop its oldest lines). Copy what you need
 * first, or use grid_history_copy to hold several lines at once. */
int grid_history_size(const struct grid *g);
const struct grid_line *grid_history_line(const struct grid *g, int i);
/* How many lines were ever dropped from the oldest end of history (a limit reached,
 * clear-history): history line i is line number dropped + i of everything the grid
 * ever held, which output and trimming do not change. */
uint64_t grid_history_dropped(const struct grid *g);
/* Decode history line i into out (zeroed, or holding cells from an earlier call:
 * they are reused and grown); free with grid_line_release. False out of range. */
bool grid_history_copy(const struct grid *g, int i, struct grid_line *out);
/* Used width and wrapped flag of history line i without decoding it. */
bool grid_history_info(const struct grid *g, int i, int *used, bool *wrapped);
void grid_line_release(struct grid_line *l);
/* The links table that gives the cells' link numbers their meaning: history lines
 * keep their links only with one (links.h). */
struct links;
void grid_set_links(struct grid *g, struct links *links);
/* Most lines kept (oldest dropped first), and most bytes (0 = no cap). */
void grid_set_history_limit(struct grid *g, int limit);
void grid_set_history_bytes(struct grid *g, size_t bytes);
/* Share a byte cap with other grids (NULL = none): history.h. */
struct history_pool;
void grid_set_history_pool(struct grid *g, struct history_pool *pool);
/* Bytes the history takes (encoded lines and their index slots). */
size_t grid_history_bytes(const struct grid *g);
void grid_clear_history(struct grid *g);

/* Returns the cell at (x, y) of the visible screen, a static blank cell past 'used'
 * or outside the screen. */
const struct grid_cell *grid_get(const struct grid *g, int x, int y);
/* Writable cell, growing the line as needed; NULL outside the screen. */
struct grid_cell *grid_set(struct grid *g, int x, int y);

/* n writable cells starting at (x, y), growing the line as needed; a wide character
 * only partly covered by the run is blanked, so none is left half overwritten.
 * n must fit on the line (x + n <= cols). NULL outside the screen. */
struct grid_cell *grid_set_run(struct grid *g, int x, int y, int n);
/* The same, but the n cells are left as they were (possibly uninitialised): the
 * caller must write every one of them. The fast path for printing. */
struct grid_cell *grid_write_run(struct grid *g, int x, int y, int n);
/* grid_write_run for a caller that writes printable ASCII (0x20-0x7e) in the default
 * style into every one of the n cells: a plain line stays plain. */
struct grid_cell *grid_write_text_run(struct grid *g, int x, int y, int n);
/* Set or clear the line's autowrap flag ('wrapped'); it stays plain. */
void grid_set_wrapped(struct grid *g, int y, bool wrapped);

/* Editing primitives; 'pen' supplies the background of erased cells (bce). */
void grid_clear_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen);
void grid_clear_lines(struct grid *g, int y, int n, const struct grid_pen *pen);
/* Scroll lines [top, bottom] up by n; if to_history and top == 0, the lines
 * scrolled off go to history. */
void grid_scroll_up(struct grid *g, int top, int bottom, int n, bool to_history,
                    const struct grid_pen *pen);
void grid_scroll_down(struct grid *g, int top, int bottom, int n, const struct grid_pen *pen);
void grid_insert_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen);
void grid_delete_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen);
/* The same inside columns [x, end) only (a right margin at end - 1): cells pushed past
 * end - 1 are lost, cells from end on do not move; a wide character split by the
 * edges is blanked. end >= cols is the whole line (the functions above). */
void grid_insert_cells_in(struct grid *g, int x, int y, int n, int end,
                          const struct grid_pen *pen);
void grid_delete_cells_in(struct grid *g, int x, int y, int n, int end,
                          const struct grid_pen *pen);
/* Scroll the rectangle of lines [top, bottom] and columns [left, right] up (down) by
 * n: only those cells move, blanks (pen's background) come in; never to history. */
void grid_scroll_band_up(struct grid *g, int top, int bottom, int left, int right, int n,
                         const struct grid_pen *pen);
void grid_scroll_band_down(struct grid *g, int top, int bottom, int left, int right, int n,
                           const struct grid_pen *pen);
/* Change the size: rows are added or removed at the bottom, lines are truncated
 * (a wide character cut in half is blanked) or extended with blanks. */
void grid_resize(struct grid *g, int cols, int rows);
/* Move the n most recent history lines back to the top of the screen, pushing the
 * visible lines down (the bottom n are dropped). Returns how many were moved. */
int grid_pull_history(struct grid *g, int n);

/* A position on the screen that a reflow moves with its character. */
struct grid_pos {
    int x, y;
    bool pending; /* the cursor is past x (a wrap is pending) */
};
/* Change the width rewrapping text: lines joined by autowrap ('wrapped') are joined
 * and cut again at the new width, history included. pos[0] (the cursor) keeps its
 * row on the screen when there are enough lines above it; every position (at most 4)
 * follows its character; a position that ends above the screen gets y < 0. Rows
 * do not change. */
void grid_reflow(struct grid *g, int cols, struct grid_pos *pos, int npos);

#endif
