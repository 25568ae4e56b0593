/* capture.c - capture-pane's text (see capture.h). One line is read at a time: a
 * history line's pointer is only valid until the next one is asked for. */
#include "capture.h"

#include <stdio.h>
#include <string.h>

#include <event2/buffer.h>

#include "links.h"
#include "utf8.h"
#include "vt.h"

/* The grid holding the visible lines captured. */
static const struct grid *capture_grid(const struct vt *vt, bool alternate)
{
    return alternate ? vt_main_grid(vt) : vt_grid(vt);
}

int capture_history_size(const struct vt *vt, bool alternate)
{
    return alternate ? 0 : grid_history_size(vt_main_grid(vt));
}

/* Line y in capture-pane numbering, or NULL. */
static const struct grid_line *capture_line(const struct vt *vt, bool alternate, int y)
{
    if (y >= 0)
        return grid_line_const(capture_grid(vt, alternate), y);
    const struct grid *main = vt_main_grid(vt);
    return grid_history_line(main, grid_history_size(main) + y);
}

/* Append the SGR parameters of a colour (base 30 for foreground, 40 background, 50
 * for the underline colour, which has no short forms). */
static void sgr_colour(struct evbuffer *out, uint32_t c, int base)
{
    uint32_t v = COLOUR_VALUE(c);
    if (COLOUR_KIND(c) == COLOUR_PALETTE) {
        if (base != 50 && v < 8)
            evbuffer_add_printf(out, ";%u", base + v);
        else if (base != 50 && v < 16)
            evbuffer_add_printf(out, ";%u", base + 60 + v - 8);
        else
            evbuffer_add_printf(out, ";%d;5;%u", base + 8, v);
    } else if (COLOUR_KIND(c) == COLOUR_RGB) {
        evbuffer_add_printf(out, ";%d;2;%u;%u;%u", base + 8, v >> 16, (v >> 8) & 0xff, v & 0xff);
    }
}

/* The SGR parameters of one colour as tmux writes them (base 30, 40 or 50; the default
 * is base + 9, the underline colour's 59). */
static void sgr_one_colour(struct evbuffer *out, uint32_t c, int base)
{
    if (COLOUR_KIND(c) != COLOUR_PALETTE && COLOUR_KIND(c) != COLOUR_RGB) {
        evbuffer_add_printf(out, "%d", base + 9);
        return;
    }
    struct evbuffer *tmp = evbuffer_new();
    sgr_colour(tmp, c, base);
    evbuffer_drain(tmp, 1); /* the leading ';' */
    evbuffer_add_buffer(out, tmp);
    evbuffer_free(tmp);
}

/* A pen's attributes as a set in tmux's order (see sgr_diff). */
static unsigned attr_bits(uint16_t attr)
{
    unsigned bits = 0;
    static const uint16_t plain[] = {ATTR_BOLD,  ATTR_DIM,     ATTR_ITALIC, 0,
                                     ATTR_BLINK, ATTR_REVERSE, ATTR_HIDDEN, ATTR_STRIKE};
    for (int i = 0; i < 8; i++) {
        if (plain[i] != 0 && (attr & plain[i]))
            bits |= 1u << i;
    }
    if (attr & ATTR_UNDERLINE) {
        int style = ATTR_UNDERLINE_STYLE(attr);
        bits |= style <= 1 ? 1u << 3 : 1u << (8 + (style > 5 ? 5 : style) - 2);
    }
    if (attr & ATTR_OVERLINE)
        bits |= 1u << 12;
    return bits;
}

/* What changes from pen 'from' to 'to', as tmux's capture-pane -e writes it: one
 * sequence for the attributes (a reset first when any went off), then one for each
 * colour that changed. */
static void sgr_diff(struct evbuffer *out, struct grid_pen *from, const struct grid_pen *to)
{
    /* tmux's order: plain underline with the others, its styles after strikethrough. */
    static const struct {
        int bit; /* into the set attr_bits makes */
        const char *code;
    } codes[] = {
        {0, "1"},   {1, "2"},   {2, "3"},   {3, "4"},   {4, "5"},   {5, "7"},  {6, "8"},
        {7, "9"},   {8, "4:2"}, {9, "4:3"}, {10, "4:4"}, {11, "4:5"}, {12, "53"},
    };
    unsigned last = attr_bits(from->attr), want = attr_bits(to->attr);
    bool reset = (last & ~want) != 0;
    if (reset)
        last = 0; /* and both colours are written again below, as tmux does */
    bool any = reset;
    struct evbuffer *attrs = evbuffer_new();
    if (reset)
        evbuffer_add(attrs, "0", 1);
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        unsigned bit = 1u << codes[i].bit;
        if ((want & bit) && !(last & bit)) {
            evbuffer_add_printf(attrs, "%s%s", any ? ";" : "", codes[i].code);
            any = true;
        }
    }
    if (any) {
        evbuffer_add(out, "\033[", 2);
        evbuffer_add_buffer(out, attrs);
        evbuffer_add(out, "m", 1);
    }
    evbuffer_free(attrs);
    if (reset || to->fg != from->fg) {
        evbuffer_add(out, "\033[", 2);
        sgr_one_colour(out, to->fg, 30);
        evbuffer_add(out, "m", 1);
    }
    if (reset || to->bg != from->bg) {
        evbuffer_add(out, "\033[", 2);
        sgr_one_colour(out, to->bg, 40);
        evbuffer_add(out, "m", 1);
    }
    if (to->ul != from->ul) {
        evbuffer_add(out, "\033[", 2);
        sgr_one_colour(out, to->ul, 50);
        evbuffer_add(out, "m", 1);
    }
    *from = *to;
}

static bool cell_blank(const struct grid_cell *c)
{
    return c->ch == 0 || c->ch == ' ';
}

/* With -e: make link n of 'links' the open hyperlink (OSC 8; 0 closes it). The
 * table keeps only printable ASCII in its strings. */
static void capture_link(const struct links *links, uint16_t n, uint16_t *open,
                         struct evbuffer *out)
{
    if (n != 0 && links_uri(links, n) == NULL)
        n = 0; /* not a link: close */
    if (n == *open)
        return;
    char seq[LINKS_OSC8_MAX];
    evbuffer_add(out, seq, links_osc8(links, n, seq));
    *open = n;
}

/* Append one line's cells; *pen is what the SGR state is and *link the hyperlink
 * open (with -e). */
static void capture_one(const struct grid *g, const struct grid_line *l, int width,
                        const struct capture_opts *o, bool continues, struct grid_pen *pen,
                        uint16_t *link, const struct links *links, struct evbuffer *out)
{
    int used = l != NULL ? l->used : 0;
    /* How many cells are kept: all of them to the width (-N), those up to the last
     * character written (-J, or a line that continues), else up to the last one that
     * is not a space. */
    int keep = 0;
    (void)width;
    if (o->keep_spaces) {
        keep = used; /* as tmux: what was written, spaces included */
    } else {
        for (int x = used - 1; x >= 0 && keep == 0; x--) {
            const struct grid_cell *c = &l->cells[x];
            if (grid_cell_width(c) != 0 && ((o->join || continues) ? c->ch != 0 : !cell_blank(c)))
                keep = x + 1;
        }
        if (continues && used > keep)
            keep = used;
    }
    for (int x = 0; x < keep; x++) {
        const struct grid_cell *c = x < used ? &l->cells[x] : &grid_blank_cell;
        if (grid_cell_width(c) == 0)
            continue;
        if (o->escapes) {
            struct grid_pen want = {.fg = c->fg, .bg = c->bg, .attr = c->attr, .ul = c->ul};
            want.attr &= (uint16_t)~ATTR_PROTECTED;
            if (want.fg != pen->fg || want.bg != pen->bg || want.attr != pen->attr ||
                want.ul != pen->ul) /* (not memcmp: the struct has padding) */
                sgr_diff(out, pen, &want);
            capture_link(links, grid_cell_link(c), link, out);
        }
        char tmp[8 + GRID_MARKS_UTF8_MAX];
        int n = c->ch == 0 ? (tmp[0] = ' ', 1) : utf8_encode(c->ch, tmp);
        if (c->comb != 0)
            n += grid_cell_marks_utf8(g, c, tmp + n);
        evbuffer_add(out, tmp, (size_t)n);
    }
}

static int clamp_line(int y, int history, int rows)
{
    return y < -history ? -history : y > rows - 1 ? rows - 1 : y;
}

void capture_text(const struct vt *vt, const struct capture_opts *o, struct evbuffer *out)
{
    const struct grid *g = capture_grid(vt, o->alternate);
    int rows = grid_rows(g), width = grid_cols(g);
    int history = capture_history_size(vt, o->alternate);
    /* Each end clamped to the lines there are, then the two put in order, as tmux: a
     * range wholly in the history before its oldest line is that line. */
    int start = clamp_line(o->start, history, rows), end = clamp_line(o->end, history, rows);
    if (start > end) {
        int t = start;
        start = end;
        end = t;
    }
    struct grid_pen pen = {0};
    uint16_t link = 0;
    for (int y = start; y <= end; y++) {
        const struct grid_line *l = capture_line(vt, o->alternate, y);
        bool continues = o->join && l != NULL && l->wrapped && y < end;
        capture_one(g, l, width, o, continues, &pen, &link, vt_links(vt), out);
        /* Nothing of l is used after this point (a history line may be gone). */
        if (continues)
            continue;
        capture_link(vt_links(vt), 0, &link, out);
        /* The pen carries over to the next line, as in tmux (no reset at the end). */
        evbuffer_add(out, "\n", 1);
    }
}
