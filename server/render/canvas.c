/* canvas.c - the cells and cursor the server wants a client's terminal to show. */
#include "canvas.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "combs.h"
#include "links.h"
#include "xmalloc.h"

void canvas_init(struct canvas *c, int cols, int rows)
{
    if (cols < 1)
        cols = 1;
    if (rows < 1)
        rows = 1;
    c->cols = cols;
    c->rows = rows;
    c->cells = xcalloc((size_t)cols * (size_t)rows, sizeof *c->cells);
    for (size_t i = 0; i < (size_t)cols * (size_t)rows; i++)
        grid_cell_set_width(&c->cells[i], 1);
    c->cx = 0;
    c->cy = 0;
    c->cursor_visible = true;
    c->cursor_style = 0;
    c->cursor_colour = COLOUR_DEFAULT;
    c->links = NULL;
    c->combs = NULL;
    c->dirty = xcalloc((size_t)rows, 1);
    c->all_dirty = true;
}

void canvas_all_dirty(struct canvas *c)
{
    c->all_dirty = true;
}

void canvas_none_dirty(struct canvas *c)
{
    c->all_dirty = false;
    if (c->dirty != NULL)
        memset(c->dirty, 0, (size_t)c->rows);
}

void canvas_free(struct canvas *c)
{
    free(c->cells);
    c->cells = NULL;
    free(c->dirty);
    c->dirty = NULL;
    c->cols = 0;
    c->rows = 0;
}

/* The cell at (x, y), or NULL outside the canvas. */
struct grid_cell *canvas_cell(struct canvas *c, int x, int y)
{
    if (x < 0 || y < 0 || x >= c->cols || y >= c->rows)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}

void canvas_put_cell(struct canvas *c, int x, int y, uint32_t ch, int width,
                     const struct grid_pen *pen)
{
    struct grid_cell *cell = canvas_cell(c, x, y);
    *cell = (struct grid_cell){.ch = ch, .wl = GRID_WL(width, 0), .fg = pen->fg, .bg = pen->bg,
                               .attr = pen->attr};
    if (width == 2) {
        struct grid_cell *right = canvas_cell(c, x + 1, y);
        *right = *cell;
        right->ch = 0;
        grid_cell_set_width(right, 0);
    }
}

void canvas_import_links(struct canvas *c, struct grid_cell *cells, int n,
                         const struct links *from)
{
    if (from == NULL || links_count(from) == 0)
        return; /* no cell of that vt has a link */
    if (c->links == NULL) {
        /* The terminal shows no hyperlinks: the cells carry none, nothing to look up. */
        for (int i = 0; i < n; i++)
            grid_cell_set_link(&cells[i], 0);
        return;
    }
    unsigned last_from = 0, last_to = 0; /* runs of one link are looked up once */
    for (int i = 0; i < n; i++) {
        unsigned k = grid_cell_link(&cells[i]);
        if (k == 0)
            continue;
        if (k != last_from) {
            const char *id = links_id(from, (uint16_t)k), *uri = links_uri(from, (uint16_t)k);
            last_from = k;
            last_to = uri != NULL ? links_intern(c->links, id, strlen(id), uri, strlen(uri)) : 0;
        }
        grid_cell_set_link(&cells[i], last_to);
    }
}

void canvas_import_combs(struct canvas *c, struct grid_cell *cells, int n,
                         const struct grid *from)
{
    if (!grid_has_comb_sequences(from))
        return; /* no cell of that grid has more than one mark */
    for (int i = 0; i < n; i++) {
        if (!(cells[i].comb & GRID_COMB_SEQ))
            continue;
        uint32_t m[GRID_MARKS_MAX];
        int k = grid_cell_marks(from, &cells[i], m);
        uint32_t comb = k > 0 ? m[0] : 0;
        for (int j = 1; j < k && c->combs != NULL; j++)
            comb = combs_add(c->combs, comb, m[j]);
        cells[i].comb = comb;
    }
}

/* The next character of *p as canvas text shows it: broken UTF-8 as U+FFFD, controls as
 * '_'. Advances *p past it; 0 at the end of the text. */
static uint32_t next_shown_char(const unsigned char **p)
{
    struct utf8_decoder d = {0};
    for (; **p != '\0'; (*p)++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, **p, &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            cp = 0xfffd;
            if (!reprocess)
                (*p)++;
        } else
            (*p)++;
        return cp < 0x20 || cp == 0x7f ? '_' : (uint32_t)cp;
    }
    return 0;
}

int canvas_text_width(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    int width = 0;
    uint32_t cp;
    while ((cp = next_shown_char(&p)) != 0)
        width += utf8_width(cp);
    return width;
}

int canvas_put_text(struct canvas *c, int x, int y, int end, const char *text,
                    const struct grid_pen *pen)
{
    const unsigned char *p = (const unsigned char *)text;
    uint32_t cp;
    while (x < end && (cp = next_shown_char(&p)) != 0) {
        int w = utf8_width(cp);
        if (w == 0)
            continue;
        if (x + w > end)
            break;
        canvas_put_cell(c, x, y, (uint32_t)cp, w, pen);
        x += w;
    }
    return x;
}
