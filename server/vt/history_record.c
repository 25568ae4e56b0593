/* history_record.c - one history line as bytes: the record history.c stores, its
 * encoder and its decoder.
 *
 *   seq      8 bytes   order of the line among every history of the pool
 *   varint   used << 5 | mark << 1 | wrapped (mark: GRID_MARK_*, four bits)
 *   varint   payload length
 *   payload  cells 0..n-1 where n drops the tail of default blank cells (those come
 *            back on decode, up to 'used'):
 *     0x20-0x7e            one cell: that ASCII character, width 1
 *     UTF-8 (lead c2-f4)   one cell: that character, width 1
 *     OP_WIDE + UTF-8      a width-2 cell and its continuation (ch 0, width 0, same style)
 *     OP_COMB varint       the combining mark of the last character cell
 *     OP_BLANK varint n    n blank cells (ch 0, width 1)
 *     OP_STYLE mask ...    the style of the following cells changes: fg, bg, attr
 *                          (varint), ul, link (varint number, varint generation),
 *                          each present when its mask bit is set; a colour is a tag
 *                          (0 default, 1 palette + index, 2 RGB + 3 bytes, 3 any other
 *                          value + 4 bytes). A link is decoded only while the links
 *                          table still has that number with that generation (links.h).
 *     OP_RAW ch comb w     any other cell, fields as they are (varints, a width byte)
 *   The style starts as the default at the start of each line.
 *
 * A line flagged plain (cell.h) is encoded byte by byte without comparing styles;
 * debug builds check every such line cell by cell. */
#include "history_record.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "links.h"
#include "xmalloc.h"

_Static_assert(GRID_MARK_BITS == 4, "a line's marks are four bits of its header");
#define USED_SHIFT (GRID_MARK_BITS + 1)

enum {
    OP_WIDE = 0x01,
    OP_COMB = 0x02,
    OP_BLANK = 0x03,
    OP_STYLE = 0x04,
    OP_RAW = 0x05,
};

enum { STYLE_FG = 1, STYLE_BG = 2, STYLE_ATTR = 4, STYLE_UL = 8, STYLE_LINK = 16 };

/* ---- varints, UTF-8 ---- */

static size_t put_varint(uint8_t *p, uint32_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    p[n++] = (uint8_t)v;
    return n;
}

static uint32_t get_varint(const uint8_t **pp)
{
    const uint8_t *p = *pp;
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        uint8_t b = *p++;
        v |= (uint32_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    *pp = p;
    return v;
}

/* A character stored as plain UTF-8 (anything else is a raw cell). */
static bool plain_char(uint32_t ch)
{
    if (ch < 0x80)
        return ch >= 0x20 && ch < 0x7f;
    return ch <= 0x10ffff && (ch < 0xd800 || ch > 0xdfff);
}

static size_t put_utf8(uint8_t *p, uint32_t ch)
{
    if (ch < 0x80) {
        p[0] = (uint8_t)ch;
        return 1;
    }
    if (ch < 0x800) {
        p[0] = (uint8_t)(0xc0 | ch >> 6);
        p[1] = (uint8_t)(0x80 | (ch & 0x3f));
        return 2;
    }
    if (ch < 0x10000) {
        p[0] = (uint8_t)(0xe0 | ch >> 12);
        p[1] = (uint8_t)(0x80 | ((ch >> 6) & 0x3f));
        p[2] = (uint8_t)(0x80 | (ch & 0x3f));
        return 3;
    }
    p[0] = (uint8_t)(0xf0 | ch >> 18);
    p[1] = (uint8_t)(0x80 | ((ch >> 12) & 0x3f));
    p[2] = (uint8_t)(0x80 | ((ch >> 6) & 0x3f));
    p[3] = (uint8_t)(0x80 | (ch & 0x3f));
    return 4;
}

/* Records hold only what put_utf8 wrote: no validation needed. */
static uint32_t get_utf8(const uint8_t **pp)
{
    const uint8_t *p = *pp;
    uint32_t ch;
    int more;
    if (p[0] < 0x80) {
        ch = p[0];
        more = 0;
    } else if (p[0] < 0xe0) {
        ch = p[0] & 0x1f;
        more = 1;
    } else if (p[0] < 0xf0) {
        ch = p[0] & 0x0f;
        more = 2;
    } else {
        ch = p[0] & 0x07;
        more = 3;
    }
    for (int i = 1; i <= more; i++)
        ch = ch << 6 | (p[i] & 0x3f);
    *pp = p + 1 + more;
    return ch;
}

/* ---- encoding ---- */

/* The bits of a cell's word 2 holding the width. */
static inline uint64_t rest_width_bits(void)
{
    struct grid_cell c;
    memset(&c, 0, sizeof c);
    grid_cell_set_width(&c, 3);
    return grid_cell_word(&c, GRID_WORD_REST);
}

static bool same_style(const struct grid_cell *a, const struct grid_cell *b)
{
    uint64_t rest_diff = grid_cell_word(a, GRID_WORD_REST) ^ grid_cell_word(b, GRID_WORD_REST);
    return grid_cell_word(a, GRID_WORD_COLOURS) == grid_cell_word(b, GRID_WORD_COLOURS) &&
           (rest_diff & ~rest_width_bits()) == 0;
}

/* A cell of one printable ASCII character (0x20-0x7e, no combining mark: comb is the
 * high half of word 0, so one comparison checks both), width 1, in the style whose
 * words 1 and 2 (width 1) are given (cell.h). */
static inline bool narrow_ascii_in(const struct grid_cell *c, uint64_t colours, uint64_t rest)
{
    return grid_cell_word(c, GRID_WORD_TEXT) - 0x20 < 0x5f &&
           ((grid_cell_word(c, GRID_WORD_COLOURS) ^ colours) |
            (grid_cell_word(c, GRID_WORD_REST) ^ rest)) == 0;
}

/* A blank cell (ch 0, no mark), width 1, in the style given as above. */
static inline bool narrow_blank_in(const struct grid_cell *c, uint64_t colours, uint64_t rest)
{
    return (grid_cell_word(c, GRID_WORD_TEXT) | (grid_cell_word(c, GRID_WORD_COLOURS) ^ colours) |
            (grid_cell_word(c, GRID_WORD_REST) ^ rest)) == 0;
}

/* The continuation cell a wide character c normally has. */
static bool plain_continuation(const struct grid_cell *d, const struct grid_cell *c)
{
    return grid_cell_width(d) == 0 && d->ch == 0 && d->comb == 0 && same_style(d, c);
}

static uint8_t *put_colour(uint8_t *p, uint32_t c)
{
    if (c == COLOUR_DEFAULT) {
        *p++ = 0;
    } else if (COLOUR_KIND(c) == COLOUR_PALETTE && COLOUR_VALUE(c) <= 255) {
        *p++ = 1;
        *p++ = (uint8_t)COLOUR_VALUE(c);
    } else if (COLOUR_KIND(c) == COLOUR_RGB) {
        *p++ = 2;
        *p++ = (uint8_t)(c >> 16);
        *p++ = (uint8_t)(c >> 8);
        *p++ = (uint8_t)c;
    } else {
        *p++ = 3;
        memcpy(p, &c, 4);
        p += 4;
    }
    return p;
}

static uint32_t get_colour(const uint8_t **pp)
{
    const uint8_t *p = *pp;
    uint32_t c = COLOUR_DEFAULT;
    switch (*p++) {
    case 1:
        c = COLOUR_PALETTE | *p++;
        break;
    case 2:
        c = COLOUR_RGB | (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
        p += 3;
        break;
    case 3:
        memcpy(&c, p, 4);
        p += 4;
        break;
    }
    *pp = p;
    return c;
}

/* The STYLE_* bits of the fields in which the style of c differs from the one whose
 * words 1 and 2 (cell.h) are colours and rest (width bits aside). */
static inline uint8_t style_mask(const struct grid_cell *c, uint64_t colours, uint64_t rest)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* The fields from the words' bits (cell.h: fg bg | attr, width and link, ul). */
    uint64_t dc = grid_cell_word(c, GRID_WORD_COLOURS) ^ colours;
    uint64_t dr = grid_cell_word(c, GRID_WORD_REST) ^ rest;
    return (uint8_t)(((uint32_t)dc != 0 ? STYLE_FG : 0) | ((dc >> 32) != 0 ? STYLE_BG : 0) |
                     ((dr & 0xffff) != 0 ? STYLE_ATTR : 0) | ((dr >> 32) != 0 ? STYLE_UL : 0) |
                     ((dr >> 18 & 0x3fff) != 0 ? STYLE_LINK : 0));
#else
    struct grid_cell cur;
    grid_cell_set_word(&cur, GRID_WORD_COLOURS, colours);
    grid_cell_set_word(&cur, GRID_WORD_REST, rest);
    return (uint8_t)((c->fg != cur.fg ? STYLE_FG : 0) | (c->bg != cur.bg ? STYLE_BG : 0) |
                     (c->attr != cur.attr ? STYLE_ATTR : 0) | (c->ul != cur.ul ? STYLE_UL : 0) |
                     (grid_cell_link(c) != grid_cell_link(&cur) ? STYLE_LINK : 0));
#endif
}

/* A style record taking the style whose words 1 and 2 are colours and rest to the
 * style of c; a link goes with its generation. The current style stays in registers
 * as two words: a cell on the stack for it cost loads and stores of each field. */
static uint8_t *put_style(uint8_t *p, uint64_t colours, uint64_t rest, const struct grid_cell *c,
                          const struct links *links)
{
    uint8_t mask = style_mask(c, colours, rest);
    *p++ = OP_STYLE;
    *p++ = mask;
    if (mask & STYLE_FG)
        p = put_colour(p, c->fg);
    if (mask & STYLE_BG)
        p = put_colour(p, c->bg);
    if (mask & STYLE_ATTR)
        p += put_varint(p, c->attr);
    if (mask & STYLE_UL)
        p = put_colour(p, c->ul);
    if (mask & STYLE_LINK) {
        p += put_varint(p, grid_cell_link(c));
        p += put_varint(p, links != NULL ? links_gen(links, grid_cell_link(c)) : 0);
    }
    return p;
}

#ifndef NDEBUG
/* What cell.h promises of a plain line, checked cell by cell in debug builds. */
static bool line_is_plain(const struct grid_cell *cells, int used)
{
    for (int x = 0; x < used; x++) {
        if (!grid_cell_is_plain(&cells[x]))
            return false;
    }
    return true;
}
#endif

/* The payload of a plain line (cell.h): the bytes encode_payload writes for it, found
 * without comparing styles: its characters, and its blank runs as OP_BLANK. */
static size_t encode_plain(const struct grid_cell *cells, int used, uint8_t *buf)
{
    assert(line_is_plain(cells, used));
    if (used == 0)
        return 0; /* cells may be NULL: no arithmetic on it */
    const struct grid_cell *c = cells, *end = cells + used;
    while (end > c && end[-1].ch == 0)
        end--;
    uint8_t *p = buf;
    while (c < end) {
#if defined(__SSE2__)
        /* Eight characters a step while none is blank: each cell's ch (below 0x80) into
         * a 16-bit lane, the lanes packed to bytes, stored as one word. */
        while (end - c >= 8) {
            __m128i v = _mm_cvtsi32_si128((int)c[0].ch);
            v = _mm_insert_epi16(v, (int)c[1].ch, 1);
            v = _mm_insert_epi16(v, (int)c[2].ch, 2);
            v = _mm_insert_epi16(v, (int)c[3].ch, 3);
            v = _mm_insert_epi16(v, (int)c[4].ch, 4);
            v = _mm_insert_epi16(v, (int)c[5].ch, 5);
            v = _mm_insert_epi16(v, (int)c[6].ch, 6);
            v = _mm_insert_epi16(v, (int)c[7].ch, 7);
            __m128i bytes = _mm_packus_epi16(v, v);
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_setzero_si128())) & 0xff)
                break;
            _mm_storel_epi64((__m128i *)(void *)p, bytes);
            p += 8;
            c += 8;
        }
#endif
        /* Four characters a step while none is blank: a plain cell's ch is below 0x80,
         * so the four fit a word a byte each, and the word has a zero byte exactly
         * when one of them is blank ((w - 0x01..) & ~w & 0x80.. is then nonzero). */
        while (end - c >= 4) {
            uint32_t w = c[0].ch | c[1].ch << 8 | c[2].ch << 16 | c[3].ch << 24;
            if ((w - 0x01010101u) & ~w & 0x80808080u)
                break;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            memcpy(p, &w, 4);
#else
            p[0] = (uint8_t)w;
            p[1] = (uint8_t)(w >> 8);
            p[2] = (uint8_t)(w >> 16);
            p[3] = (uint8_t)(w >> 24);
#endif
            p += 4;
            c += 4;
        }
        if (c == end)
            break;
        if (c->ch != 0) {
            *p++ = (uint8_t)c++->ch;
            continue;
        }
        const struct grid_cell *run = c + 1;
        /* Four cells a step while all are blank (end[-1] is not), then one. */
        while (end - run >= 4 && (run[0].ch | run[1].ch | run[2].ch | run[3].ch) == 0)
            run += 4;
        while (run->ch == 0)
            run++;
        *p++ = OP_BLANK;
        p += put_varint(p, (uint32_t)(run - c));
        c = run;
    }
    return (size_t)(p - buf);
}

/* The payload of cells[0, used); buf holds at least HISTORY_RECORD_CELL_MAX bytes per
 * cell. */
static size_t encode_payload(const struct grid_cell *cells, int used, uint8_t *buf,
                             const struct links *links)
{
    if (used == 0)
        return 0; /* cells may be NULL: no arithmetic on it */
    /* Pointers, not indexes: an index back from a pointer divides by a cell's 24 bytes. */
    const struct grid_cell *c = cells, *end = cells + used;
    while (end > c && grid_cell_is_default_blank(end - 1))
        end--;
    /* The current style's words 1 and 2 (its width 1), starting as the blank cell's. */
    const struct grid_cell blank = GRID_BLANK_CELL;
    const uint64_t width_bits = rest_width_bits();
    uint64_t colours = grid_cell_word(&blank, GRID_WORD_COLOURS);
    uint64_t rest = grid_cell_word(&blank, GRID_WORD_REST);
    uint8_t *p = buf;
    while (c < end) {
        if (grid_cell_word(c, GRID_WORD_COLOURS) != colours ||
            ((grid_cell_word(c, GRID_WORD_REST) ^ rest) & ~width_bits) != 0) {
            p = put_style(p, colours, rest, c, links);
            colours = grid_cell_word(c, GRID_WORD_COLOURS);
            rest = (grid_cell_word(c, GRID_WORD_REST) & ~width_bits) | (rest & width_bits);
        }
        if (narrow_ascii_in(c, colours, rest)) {
            /* The common case: a run of ASCII in one style, one branch a cell. */
            do
                *p++ = (uint8_t)c++->ch;
            while (c < end && narrow_ascii_in(c, colours, rest));
            continue;
        }
        if (narrow_blank_in(c, colours, rest)) {
            const struct grid_cell *run = c + 1;
#if defined(__SSE2__)
            /* Two cells a step: their 48 bytes against a pair of such blanks,
             * [0, colours] [rest, 0] [colours, rest] (cell.h's words). */
            const __m128i b0 = _mm_set_epi64x((long long)colours, 0);
            const __m128i b1 = _mm_set_epi64x(0, (long long)rest);
            const __m128i b2 = _mm_set_epi64x((long long)rest, (long long)colours);
            while (end - run >= 2) {
                const __m128i *q = (const __m128i *)(const void *)run;
                __m128i same = _mm_and_si128(
                    _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128(q), b0),
                                  _mm_cmpeq_epi8(_mm_loadu_si128(q + 1), b1)),
                    _mm_cmpeq_epi8(_mm_loadu_si128(q + 2), b2));
                if (_mm_movemask_epi8(same) != 0xffff)
                    break;
                run += 2;
            }
#endif
            while (run < end && narrow_blank_in(run, colours, rest))
                run++;
            *p++ = OP_BLANK;
            p += put_varint(p, (uint32_t)(run - c));
            c = run;
            continue;
        }
        const struct grid_cell *ch = c;
        if (grid_cell_width(ch) == 2 && end - ch > 1 && plain_char(ch->ch) &&
            plain_continuation(ch + 1, ch)) {
            *p++ = OP_WIDE;
            p += put_utf8(p, ch->ch);
            c += 2;
        } else if (grid_cell_width(ch) == 1 && plain_char(ch->ch)) {
            p += put_utf8(p, ch->ch);
            c++;
        } else {
            *p++ = OP_RAW;
            p += put_varint(p, ch->ch);
            p += put_varint(p, ch->comb);
            *p++ = grid_cell_width(ch);
            c++;
            continue;
        }
        if (ch->comb != 0) {
            *p++ = OP_COMB;
            p += put_varint(p, ch->comb);
        }
    }
    return (size_t)(p - buf);
}

/* Grow out's cells to hold n. */
static void line_reserve(struct grid_line *out, int n)
{
    if (n > out->size) {
        int size = out->size > 0 ? out->size : 16;
        while (size < n)
            size *= 2;
        out->cells = xreallocarray(out->cells, (size_t)size, sizeof *out->cells);
        out->size = size;
    }
}

void history_record_decode(const uint8_t *rec, struct grid_line *out, struct links *links)
{
    const uint8_t *p = rec + HISTORY_RECORD_SEQ_BYTES;
    uint32_t used_wrapped = get_varint(&p);
    uint32_t len = get_varint(&p);
    const uint8_t *end = p + len;
    int used = (int)(used_wrapped >> USED_SHIFT);
    line_reserve(out, used);
    out->used = used;
    out->wrapped = (used_wrapped & 1) != 0;
    out->mark = (uint8_t)(used_wrapped >> 1 & ((1u << GRID_MARK_BITS) - 1));
    struct grid_cell *cells = out->cells;
    struct grid_cell cur = grid_blank_cell; /* the style, ch 0, width 1 */
    int x = 0, last = -1;
    bool plain = true; /* only ASCII and blanks, no style (cell.h) */
    while (p < end) {
        uint8_t b = *p;
        if (x == used && b != OP_COMB && b != OP_STYLE)
            break; /* past the last cell only its combining mark may follow */
        if (b >= 0x20 && b < 0x7f) {
            cells[x] = cur;
            cells[x].ch = b;
            last = x++;
            p++;
            continue;
        }
        plain = plain && b == OP_BLANK;
        switch (b) {
        case OP_WIDE:
            p++;
            cells[x] = cur;
            cells[x].ch = get_utf8(&p);
            grid_cell_set_width(&cells[x], 2);
            last = x++;
            if (x < used) {
                cells[x] = cur;
                grid_cell_set_width(&cells[x++], 0);
            }
            break;
        case OP_COMB:
            p++;
            if (last >= 0)
                cells[last].comb = get_varint(&p);
            else
                (void)get_varint(&p);
            break;
        case OP_BLANK: {
            p++;
            uint32_t run = get_varint(&p);
            for (uint32_t i = 0; i < run && x < used; i++)
                cells[x++] = cur;
            break;
        }
        case OP_STYLE: {
            p++;
            uint8_t mask = *p++;
            if (mask & STYLE_FG)
                cur.fg = get_colour(&p);
            if (mask & STYLE_BG)
                cur.bg = get_colour(&p);
            if (mask & STYLE_ATTR)
                cur.attr = (uint16_t)get_varint(&p);
            if (mask & STYLE_UL)
                cur.ul = get_colour(&p);
            if (mask & STYLE_LINK) {
                uint32_t n = get_varint(&p), gen = get_varint(&p);
                grid_cell_set_link(&cur, links != NULL && n < LINKS_MAX
                                             ? links_resolve(links, (uint16_t)n, gen) : 0);
            }
            break;
        }
        case OP_RAW:
            p++;
            cells[x] = cur;
            cells[x].ch = get_varint(&p);
            cells[x].comb = get_varint(&p);
            grid_cell_set_width(&cells[x], *p++);
            x++;
            break;
        default:
            cells[x] = cur;
            cells[x].ch = get_utf8(&p);
            last = x++;
            break;
        }
    }
    while (x < used)
        cells[x++] = grid_blank_cell;
    out->plain = plain;
}

/* ---- the record ---- */

/* Bytes put_varint writes for v. */
static size_t varint_len(uint32_t v)
{
    size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        n++;
    }
    return n;
}

size_t history_record_encode(const struct grid_line *l, uint64_t seq,
                             const struct links *links, uint8_t *buf)
{
    int used = l->used > 0 ? l->used : 0;
    uint32_t used_wrapped = (uint32_t)used << USED_SHIFT |
                            (uint32_t)(l->mark & ((1u << GRID_MARK_BITS) - 1)) << 1 |
                            (l->wrapped ? 1u : 0u);
    uint8_t *p = buf;
    history_record_set_seq(p, seq);
    p += HISTORY_RECORD_SEQ_BYTES;
    p += put_varint(p, used_wrapped);
    /* The payload goes after a one-byte length, the common case; a longer length
     * moves it up (the bound leaves room for the longest header). */
    uint8_t *payload = p + 1;
    size_t len = l->plain ? encode_plain(l->cells, used, payload)
                          : encode_payload(l->cells, used, payload, links);
    size_t lenlen = varint_len((uint32_t)len);
    if (lenlen > 1)
        memmove(payload + lenlen - 1, payload, len);
    put_varint(p, (uint32_t)len);
    return (size_t)(p - buf) + lenlen + len;
}

size_t history_record_size(const uint8_t *rec)
{
    const uint8_t *p = rec + HISTORY_RECORD_SEQ_BYTES;
    (void)get_varint(&p);
    uint32_t len = get_varint(&p);
    return (size_t)(p - rec) + len;
}

void history_record_info(const uint8_t *rec, int *used, bool *wrapped)
{
    const uint8_t *p = rec + HISTORY_RECORD_SEQ_BYTES;
    uint32_t v = get_varint(&p);
    if (used != NULL)
        *used = (int)(v >> USED_SHIFT);
    if (wrapped != NULL)
        *wrapped = (v & 1) != 0;
}
