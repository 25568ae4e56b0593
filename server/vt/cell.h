/* cell.h - the vocabulary every part of the emulator shares: a cell (character,
 * width, colours, attributes, hyperlink), the pen that writes cells, and a line of
 * cells. Types, inline helpers and two line operations (cell.c); it includes nothing
 * of vt/, so grid, history and links can all build on it. The names keep grid's
 * prefix: they are the grid's cells, as the rest of tmx knows them. */
#ifndef TMX_VT_CELL_H
#define TMX_VT_CELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Colour encoding in a uint32_t: COLOUR_DEFAULT, or a palette index, or 24-bit RGB. */
#define COLOUR_DEFAULT 0u
#define COLOUR_PALETTE (1u << 24) /* | index 0-255 */
#define COLOUR_RGB (2u << 24)     /* | 0xRRGGBB */
#define COLOUR_KIND(c) ((c) & 0xff000000u)
#define COLOUR_VALUE(c) ((c) & 0x00ffffffu)

/* A cell's comb naming a sequence of several marks (combs.h), not one mark. */
#define GRID_COMB_SEQ 0x80000000u
/* Combining marks one cell keeps at most (further ones are dropped). */
#define GRID_MARKS_MAX 8

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
    uint32_t comb;       /* combining marks on ch: 0 none, a mark, or GRID_COMB_SEQ | n,
                            several (sequence n of the vt's table: grid.h) */
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

/* Words 1 and 2 of a cell made from its fields in registers. A cell built field by
 * field on the stack and read back as words makes each load wait for the narrower
 * stores before it (no store forwarding): a stall per call that was a third of the
 * time of printing a short run. */
static inline uint64_t grid_cell_colours_word(uint32_t fg, uint32_t bg)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (uint64_t)fg | (uint64_t)bg << 32;
#else
    struct grid_cell c = {.fg = fg, .bg = bg};
    return grid_cell_word(&c, GRID_WORD_COLOURS);
#endif
}

static inline uint64_t grid_cell_rest_word(uint16_t attr, uint16_t wl, uint32_t ul)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (uint64_t)attr | (uint64_t)wl << 16 | (uint64_t)ul << 32;
#else
    struct grid_cell c = {.attr = attr, .wl = wl, .ul = ul};
    return grid_cell_word(&c, GRID_WORD_REST);
#endif
}

/* Cells c[0, n) made the characters text[0, n) in the style whose words 1 and 2
 * (cell.h) are given: three word stores a cell, or with SSE2 three 16-byte stores a
 * pair of cells, the characters widened to words eight at a time. */
static inline void grid_cells_write_ascii(struct grid_cell *c, const uint8_t *text, size_t n,
                                          uint64_t colours, uint64_t rest)
{
    size_t i = 0;
#if defined(__SSE2__)
    /* A pair of cells is 48 bytes: [ch0, colours] [rest, ch1] [colours, rest]. */
    const __m128i style = _mm_set_epi64x((long long)rest, (long long)colours);
    const __m128i zero = _mm_setzero_si128();
    for (; i + 8 <= n; i += 8) {
        __m128i w16 = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(const void *)(text + i)),
                                        zero);
        __m128i w32lo = _mm_unpacklo_epi16(w16, zero), w32hi = _mm_unpackhi_epi16(w16, zero);
        __m128i pairs[4] = {_mm_unpacklo_epi32(w32lo, zero), _mm_unpackhi_epi32(w32lo, zero),
                            _mm_unpacklo_epi32(w32hi, zero), _mm_unpackhi_epi32(w32hi, zero)};
        __m128i *dst = (__m128i *)(void *)&c[i];
        for (int k = 0; k < 4; k++) {
            _mm_storeu_si128(dst + 3 * k, _mm_unpacklo_epi64(pairs[k], style));
            _mm_storeu_si128(dst + 3 * k + 1, _mm_unpackhi_epi64(style, pairs[k]));
            _mm_storeu_si128(dst + 3 * k + 2, style);
        }
    }
#endif
    for (; i + 4 <= n; i += 4) { /* four a step: a quarter of the loop's cost */
        for (size_t k = i; k < i + 4; k++) {
            grid_cell_set_word(&c[k], GRID_WORD_TEXT, text[k]);
            grid_cell_set_word(&c[k], GRID_WORD_COLOURS, colours);
            grid_cell_set_word(&c[k], GRID_WORD_REST, rest);
        }
    }
    for (; i < n; i++) {
        grid_cell_set_word(&c[i], GRID_WORD_TEXT, text[i]);
        grid_cell_set_word(&c[i], GRID_WORD_COLOURS, colours);
        grid_cell_set_word(&c[i], GRID_WORD_REST, rest);
    }
}

/* Cells c[0, n) made default blanks (grid_blank_cell). Where their words 1 and 2 are
 * already the blank cell's ('styled': in a line's clean start, below) only word 0 is
 * stored; else the three words from registers (a cell copied from grid_blank_cell
 * loads them each time). */
static inline void grid_cells_blank(struct grid_cell *c, size_t n, bool styled)
{
    size_t i = 0;
    if (styled) {
        for (; i + 4 <= n; i += 4) {
            for (size_t k = i; k < i + 4; k++)
                grid_cell_set_word(&c[k], GRID_WORD_TEXT, 0);
        }
        for (; i < n; i++)
            grid_cell_set_word(&c[i], GRID_WORD_TEXT, 0);
        return;
    }
    const uint64_t colours = grid_cell_colours_word(COLOUR_DEFAULT, COLOUR_DEFAULT);
    const uint64_t rest = grid_cell_rest_word(0, GRID_WL(1, 0), COLOUR_DEFAULT);
    for (; i < n; i++) {
        grid_cell_set_word(&c[i], GRID_WORD_TEXT, 0);
        grid_cell_set_word(&c[i], GRID_WORD_COLOURS, colours);
        grid_cell_set_word(&c[i], GRID_WORD_REST, rest);
    }
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
    uint8_t mark;            /* GRID_MARK_*: shell integration marks (OSC 133) */
    /* Cells [0, clean) of the allocation, meaningful or not, have the blank cell's words
     * 1 and 2 (default colours and attributes, width 1, no link): text in the default
     * style written there needs only its characters (grid_write_text). 0 promises
     * nothing. Only grid.c raises it; writable access through grid.h zeroes it. */
    int clean;
    /* A visible line's version: a new one (from its grid's counter) each time anything
     * in the line may change; kept when the line only moves (scrolling). A drawer that
     * remembers the version it drew a row from knows whether to draw it again. Only
     * grid.c sets it; history lines ignore it. */
    uint64_t version;
};

/* What a shell said of a line (OSC 133, "semantic prompts"): kept with the line in
 * history and through reflow (on its first line), cleared when the line is. */
enum {
    GRID_MARK_PROMPT = 1 << 0, /* OSC 133 ; A: a prompt starts on this line */
    GRID_MARK_OUTPUT = 1 << 1, /* OSC 133 ; C: a command's output starts on this line */
    GRID_MARK_COMMAND = 1 << 2, /* OSC 133 ; B: the command line (after the prompt) */
    GRID_MARK_END = 1 << 3,    /* OSC 133 ; D: the command finished (output ends above) */
};
#define GRID_MARK_BITS 4

/* A blank cell (ch 0, width 1, default colours): GRID_BLANK_CELL is its value, for
 * the inline helpers below to compare with a constant. */
#define GRID_BLANK_CELL { .ch = 0, .wl = GRID_WL(1, 0) }
extern const struct grid_cell grid_blank_cell;

/* Free a line's cells (it is then empty: zeroed). */
void grid_line_release(struct grid_line *l);
/* Cut l to at most cols cells; a wide character cut in half is blanked. */
void grid_line_truncate(struct grid_line *l, int cols);

/* The blank cell's style: width 1, default colours and attributes, no link. */
static inline bool grid_cell_style_is_blank(const struct grid_cell *c)
{
    const struct grid_cell b = GRID_BLANK_CELL;
    return grid_cell_word(c, GRID_WORD_COLOURS) == grid_cell_word(&b, GRID_WORD_COLOURS) &&
           grid_cell_word(c, GRID_WORD_REST) == grid_cell_word(&b, GRID_WORD_REST);
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

#endif
