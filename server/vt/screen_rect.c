/* screen_rect.c - the operations on parts of the screen that ignore the cursor's line
 * structure: selective erase (DECSED, DECSEL: protected cells kept) and the VT420
 * rectangles (DECFRA, DECERA, DECSERA, DECCRA, DECCARA / DECRARA, the DECRQCRA
 * checksum). Built on screen.c, which never calls them. */
#include "screen_rect.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Blank cell x of line y unless protected (when selective); a wide character is
 * blanked whole. */
static void erase_cell(struct screen *s, int x, int y, bool selective)
{
    const struct grid_cell *c = grid_get(s->grid, x, y);
    if (selective && (c->attr & ATTR_PROTECTED))
        return;
    if (grid_cell_width(c) == 0 && x > 0) {
        const struct grid_cell *l = grid_get(s->grid, x - 1, y);
        if (selective && (l->attr & ATTR_PROTECTED))
            return;
    }
    grid_clear_cells(s->grid, x, y, 1, &s->pen);
}

static void erase_span(struct screen *s, int y, int from, int to, bool selective)
{
    if (!selective) {
        grid_clear_cells(s->grid, from, y, to - from + 1, &s->pen);
    } else {
        int used = grid_line_const(s->grid, y)->used;
        for (int x = from; x <= to && x < used; x++)
            erase_cell(s, x, y, true);
    }
}

void screen_selective_erase_line(struct screen *s, int mode)
{
    s->wrap_pending = false;
    int from = mode == 0 ? s->cx : 0, to = mode == 1 ? s->cx : s->cols - 1;
    erase_span(s, s->cy, from, to, true);
}

void screen_selective_erase_display(struct screen *s, int mode)
{
    s->wrap_pending = false;
    for (int y = 0; y < s->rows; y++) {
        if (mode == 0 && y < s->cy)
            continue;
        if (mode == 1 && y > s->cy)
            break;
        int from = (mode == 0 && y == s->cy) ? s->cx : 0;
        int to = (mode == 1 && y == s->cy) ? s->cx : s->cols - 1;
        erase_span(s, y, from, to, true);
    }
}

void screen_rect_fill(struct screen *s, const struct screen_rect *r, uint32_t ch)
{
    for (int y = r->top; y <= r->bottom; y++) {
        struct grid_cell *c = grid_set_run(s->grid, r->left, y, r->right - r->left + 1);
        if (c == NULL)
            continue;
        for (int x = 0; x <= r->right - r->left; x++) {
            c[x] = screen_pen_cell(s, ch, 1);
            grid_cell_set_link(&c[x], 0); /* only printed text is linked */
        }
    }
}

void screen_rect_erase(struct screen *s, const struct screen_rect *r, bool selective)
{
    for (int y = r->top; y <= r->bottom; y++)
        erase_span(s, y, r->left, r->right, selective);
}

void screen_rect_copy(struct screen *s, const struct screen_rect *r, int dst_top, int dst_left)
{
    int h = r->bottom - r->top + 1, w = r->right - r->left + 1;
    if (dst_top + h > s->rows)
        h = s->rows - dst_top;
    if (dst_left + w > s->cols)
        w = s->cols - dst_left;
    if (h <= 0 || w <= 0)
        return;
    /* Copy through a buffer: source and destination may overlap. */
    struct grid_cell *tmp = xreallocarray(NULL, (size_t)h * (size_t)w, sizeof *tmp);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            tmp[y * w + x] = *grid_get(s->grid, r->left + x, r->top + y);
    for (int y = 0; y < h; y++) {
        struct grid_cell *c = grid_set_run(s->grid, dst_left, dst_top + y, w);
        if (c == NULL)
            continue;
        memcpy(c, tmp + (size_t)y * (size_t)w, (size_t)w * sizeof *c);
        /* Wide characters cut by the rectangle's edges become blanks. */
        if (grid_cell_width(&c[0]) == 0)
            c[0] = grid_blank_cell;
        if (grid_cell_width(&c[w - 1]) == 2) {
            grid_cell_set_width(&c[w - 1], 1);
            c[w - 1].ch = 0;
            c[w - 1].comb = 0;
            grid_cell_set_link(&c[w - 1], 0);
        }
    }
    free(tmp);
}

void screen_rect_attrs(struct screen *s, const struct screen_rect *r, uint16_t set,
                       uint16_t clear, uint16_t toggle)
{
    for (int y = r->top; y <= r->bottom; y++) {
        int from = r->left, to = r->right;
        if (!s->rect_extent) { /* stream: whole lines between the corners */
            from = y == r->top ? r->left : 0;
            to = y == r->bottom ? r->right : s->cols - 1;
        }
        if (from > to)
            continue;
        struct grid_cell *c = grid_set(s->grid, to, y);
        if (c == NULL)
            continue;
        c = grid_set(s->grid, from, y);
        for (int x = 0; x <= to - from; x++) {
            c[x].attr = (uint16_t)((c[x].attr | set) & ~clear);
            c[x].attr ^= toggle;
        }
    }
}

/* xterm's DECRQCRA: the sum of the characters (blanks count as spaces) plus 0x10
 * for underline, 0x20 reverse, 0x40 blink, 0x80 bold; the reply is its negation,
 * 16 bits. */
unsigned screen_rect_checksum(struct screen *s, const struct screen_rect *r)
{
    unsigned sum = 0;
    for (int y = r->top; y <= r->bottom; y++) {
        for (int x = r->left; x <= r->right; x++) {
            const struct grid_cell *c = grid_get(s->grid, x, y);
            if (grid_cell_width(c) == 0)
                continue;
            sum += c->ch == 0 ? ' ' : c->ch;
            if (c->attr & ATTR_UNDERLINE)
                sum += 0x10;
            if (c->attr & ATTR_REVERSE)
                sum += 0x20;
            if (c->attr & ATTR_BLINK)
                sum += 0x40;
            if (c->attr & ATTR_BOLD)
                sum += 0x80;
        }
    }
    return (0u - sum) & 0xffffu;
}
