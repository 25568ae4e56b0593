/* sgr.c - SGR (select graphic rendition): turns the parameters of CSI ... m,
 * including colon sub-parameters, into changes of the pen. */
#include "sgr.h"

#include <string.h>

/* An extended colour (38/48/58) starting at params[i]; returns how many parameters
 * it used after params[i], or -1 when malformed (the rest of the SGR is dropped). */
static int parse_ext_colour(const struct parser_seq *q, int i, int nsub, uint32_t *out)
{
    const uint32_t *p = q->params;
    *out = (uint32_t)-1;
    if (nsub > 0) {
        /* Colon form: 38:5:n, 38:2:r:g:b or 38:2:cs:r:g:b (cs may be empty). */
        const uint32_t *sub = p + i + 1;
        if (sub[0] == 5 && nsub >= 2 && sub[1] <= 255)
            *out = COLOUR_PALETTE | sub[1];
        else if (sub[0] == 2 && (nsub == 4 || nsub >= 5)) {
            const uint32_t *rgb = nsub == 4 ? sub + 1 : sub + 2;
            if (rgb[0] <= 255 && rgb[1] <= 255 && rgb[2] <= 255)
                *out = COLOUR_RGB | rgb[0] << 16 | rgb[1] << 8 | rgb[2];
        }
        return nsub;
    }
    /* Semicolon form: 38;5;n or 38;2;r;g;b. */
    int left = q->nparams - i - 1;
    if (left >= 2 && p[i + 1] == 5) {
        if (p[i + 2] <= 255)
            *out = COLOUR_PALETTE | p[i + 2];
        return 2;
    }
    if (left >= 4 && p[i + 1] == 2) {
        if (p[i + 2] <= 255 && p[i + 3] <= 255 && p[i + 4] <= 255)
            *out = COLOUR_RGB | p[i + 2] << 16 | p[i + 3] << 8 | p[i + 4];
        return 4;
    }
    return -1;
}

/* Underline style 0 (none), 1 single, 2 double, 3 curly, 4 dotted, 5 dashed. */
static void set_underline(struct grid_pen *pen, uint32_t style)
{
    pen->attr &= (uint16_t)~(ATTR_UNDERLINE | ATTR_UNDERLINE_STYLE_MASK);
    if (style == 0)
        return;
    pen->attr |= ATTR_UNDERLINE;
    if (style >= 2 && style <= 5)
        pen->attr |= (uint16_t)(style << ATTR_UNDERLINE_STYLE_SHIFT);
}

/* Apply one SGR parameter that has no colour arguments. */
static void sgr_simple(struct grid_pen *pen, uint32_t v)
{
    static const uint16_t set[10] = {
        0, ATTR_BOLD, ATTR_DIM, ATTR_ITALIC, ATTR_UNDERLINE, ATTR_BLINK, ATTR_BLINK,
        ATTR_REVERSE, ATTR_HIDDEN, ATTR_STRIKE,
    };
    static const uint16_t clear[10] = {
        0, 0, ATTR_BOLD | ATTR_DIM, ATTR_ITALIC, ATTR_UNDERLINE, ATTR_BLINK, 0,
        ATTR_REVERSE, ATTR_HIDDEN, ATTR_STRIKE,
    };
    /* Colours first: they are most of what programs send. */
    if (v - 30 <= 7) {
        pen->fg = COLOUR_PALETTE | (v - 30);
    } else if (v - 40 <= 7) {
        pen->bg = COLOUR_PALETTE | (v - 40);
    } else if (v == 0) {
        uint16_t keep = pen->attr & ATTR_PROTECTED; /* DECSCA is not a rendition */
        memset(pen, 0, sizeof *pen);
        pen->attr = keep;
    } else if (v == 4) {
        set_underline(pen, 1);
    } else if (v <= 9) {
        pen->attr |= set[v];
    } else if (v == 21) {
        set_underline(pen, 2);
    } else if (v == 24) {
        set_underline(pen, 0);
    } else if (v >= 22 && v <= 29) {
        pen->attr &= (uint16_t)~clear[v - 20];
    } else if (v == 53) {
        pen->attr |= ATTR_OVERLINE;
    } else if (v == 55) {
        pen->attr &= (uint16_t)~ATTR_OVERLINE;
    } else if (v == 59) {
        pen->ul = COLOUR_DEFAULT;
    } else if (v == 39) {
        pen->fg = COLOUR_DEFAULT;
    } else if (v == 49) {
        pen->bg = COLOUR_DEFAULT;
    } else if (v >= 90 && v <= 97) {
        pen->fg = COLOUR_PALETTE | (v - 90 + 8);
    } else if (v >= 100 && v <= 107) {
        pen->bg = COLOUR_PALETTE | (v - 100 + 8);
    }
}

void sgr_apply(struct grid_pen *pen, const struct parser_seq *q)
{
    if (q->nparams == 0) {
        sgr_simple(pen, 0);
        return;
    }
    int i = 0;
    while (i < q->nparams) {
        uint32_t v = q->params[i];
        int nsub = 0;
        while (q->sub_mask != 0 && i + 1 + nsub < q->nparams &&
               (q->sub_mask & (1u << (i + 1 + nsub))))
            nsub++;
        if (v == 38 || v == 48 || v == 58) {
            uint32_t c;
            int used = parse_ext_colour(q, i, nsub, &c);
            if (used < 0)
                return;
            if (c != (uint32_t)-1 && v == 38)
                pen->fg = c;
            else if (c != (uint32_t)-1 && v == 48)
                pen->bg = c;
            else if (c != (uint32_t)-1 && v == 58)
                pen->ul = c;
            i += 1 + used;
            continue;
        }
        if (v == 4 && nsub > 0) {
            /* 4:0 no underline; 4:1-4:5 underline styles (other values: single). */
            uint32_t style = q->params[i + 1];
            set_underline(pen, style <= 5 ? style : 1);
        } else if (nsub == 0) {
            sgr_simple(pen, v);
        }
        i += 1 + nsub;
    }
}
