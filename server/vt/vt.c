/* vt.c - the virtual terminal: ties the parser (bytes -> sequences), the dispatch
 * tables (sequences -> operations) and the screen (operations -> grid) behind vt.h. */
#include "vt.h"

#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "parser.h"
#include "screen.h"
#include "utf8.h"
#include "xmalloc.h"

struct vt {
    struct parser parser;
    struct screen screen;
};

struct vt *vt_create(int cols, int rows, int history_limit)
{
    struct vt *vt = xmalloc(sizeof *vt);
    parser_init(&vt->parser);
    screen_init(&vt->screen, cols, rows, history_limit);
    return vt;
}

void vt_free(struct vt *vt)
{
    if (vt == NULL)
        return;
    screen_free(&vt->screen);
    parser_free(&vt->parser);
    free(vt);
}

void vt_set_ops(struct vt *vt, const struct vt_ops *ops, void *arg)
{
    screen_set_ops(&vt->screen, ops, arg);
}

void vt_feed(struct vt *vt, const void *buf, size_t len)
{
    parser_feed(&vt->parser, buf, len, &dispatch_ops, &vt->screen);
}

void vt_resize(struct vt *vt, int cols, int rows)
{
    screen_resize(&vt->screen, cols, rows);
}

int vt_cols(const struct vt *vt)
{
    return vt->screen.cols;
}

int vt_rows(const struct vt *vt)
{
    return vt->screen.rows;
}

const struct grid *vt_grid(const struct vt *vt)
{
    return vt->screen.grid;
}

const struct grid *vt_main_grid(const struct vt *vt)
{
    return vt->screen.main;
}

void vt_reinit(struct vt *vt)
{
    parser_free(&vt->parser);
    parser_init(&vt->parser);
    screen_reinit(&vt->screen);
}

void vt_clear_history(struct vt *vt)
{
    grid_clear_history(vt->screen.main);
}

/* resize-pane -T: the lines below the cursor go, and as many of the newest history
 * lines come back at the top (the cursor moves down with its line). Returns how many. */
int vt_trim_below_cursor(struct vt *vt)
{
    struct screen *s = &vt->screen;
    int n = grid_rows(s->grid) - 1 - s->cy;
    if (n <= 0)
        return 0;
    /* On the alternate screen the lines come from the main screen's history and are
     * lost with the alternate screen, as in tmux (one grid for both there). */
    n = grid_pull_history_from(s->grid, s->grid == s->alt ? s->main : s->grid, n);
    s->cy += n;
    return n;
}

void vt_set_alternate_screen(struct vt *vt, bool allowed)
{
    vt->screen.no_alt_screen = !allowed;
}

void vt_set_scroll_on_clear(struct vt *vt, bool on)
{
    vt->screen.scroll_on_clear = on;
}

void vt_set_history_limit(struct vt *vt, int limit)
{
    grid_set_history_limit(vt->screen.main, limit);
}

void vt_set_history_bytes(struct vt *vt, size_t bytes)
{
    grid_set_history_bytes(vt->screen.main, bytes);
}

void vt_set_history_pool(struct vt *vt, struct history_pool *pool)
{
    grid_set_history_pool(vt->screen.main, pool);
}

const struct links *vt_links(const struct vt *vt)
{
    return vt->screen.links;
}

const struct grid_cell *vt_cell(const struct vt *vt, int x, int y)
{
    return grid_get(vt->screen.grid, x, y);
}

void vt_cursor(const struct vt *vt, int *x, int *y)
{
    *x = vt->screen.cx;
    *y = vt->screen.cy;
}

uint32_t vt_modes(const struct vt *vt)
{
    return vt->screen.modes;
}

const char *vt_title(const struct vt *vt)
{
    return vt->screen.title != NULL ? vt->screen.title : "";
}

const char *vt_cwd(const struct vt *vt)
{
    return vt->screen.cwd != NULL ? vt->screen.cwd : "";
}

const char *vt_window_name(const struct vt *vt)
{
    return vt->screen.window_name != NULL ? vt->screen.window_name : "";
}

int vt_cursor_style(const struct vt *vt)
{
    return vt->screen.cursor_style;
}

void vt_scroll_region(const struct vt *vt, int *top, int *bottom)
{
    *top = vt->screen.top;
    *bottom = vt->screen.bottom;
}

bool vt_tab_stop(const struct vt *vt, int x)
{
    return x >= 0 && x < vt->screen.tabs_cap && vt->screen.tabs[x] != 0;
}

/* Append s (n bytes) to buf if it fits whole; returns false when full. */
static bool append(char *buf, size_t size, size_t *len, const char *s, int n)
{
    if (*len + (size_t)n >= size)
        return false;
    memcpy(buf + *len, s, (size_t)n);
    *len += (size_t)n;
    return true;
}

size_t vt_line_text(const struct vt *vt, int y, char *buf, size_t size)
{
    const struct grid *g = vt->screen.grid;
    const struct grid_line *l;
    if (y >= 0) {
        l = grid_line_const(g, y);
    } else {
        g = vt->screen.main;
        l = grid_history_line(g, grid_history_size(g) + y);
    }
    if (size == 0)
        return 0;
    size_t len = 0, trimmed = 0;
    for (int x = 0; l != NULL && x < l->used; x++) {
        const struct grid_cell *c = &l->cells[x];
        if (grid_cell_width(c) == 0)
            continue;
        char tmp[8 + GRID_MARKS_UTF8_MAX];
        int n = c->ch == 0 ? (tmp[0] = ' ', 1) : utf8_encode(c->ch, tmp);
        if (c->comb != 0)
            n += grid_cell_marks_utf8(g, c, tmp + n);
        if (!append(buf, size, &len, tmp, n))
            break;
        if (c->ch != 0 && c->ch != ' ')
            trimmed = len;
    }
    buf[trimmed] = '\0';
    return trimmed;
}

void vt_set_passthrough(struct vt *vt, bool on)
{
    vt->screen.passthrough = on;
}

void vt_set_title_reports(struct vt *vt, bool on)
{
    vt->screen.title_reports = on;
}

void vt_set_title_allowed(struct vt *vt, bool on)
{
    vt->screen.title_locked = !on;
}

void vt_set_owner_colour(struct vt *vt, int i, int32_t rgb)
{
    if (i < 0 || i >= PALETTE_SIZE)
        return;
    if (rgb < 0 && vt->screen.palette == NULL)
        return;
    palette_set(screen_palette(&vt->screen), i, rgb, true);
}

uint32_t vt_colour(const struct vt *vt, int i)
{
    return palette_get(vt->screen.palette, i);
}

uint32_t vt_default_colour(int i)
{
    return palette_default(i);
}

const uint32_t *vt_palette_map(const struct vt *vt)
{
    const struct palette *p = vt->screen.palette;
    return p != NULL && p->mapped ? p->map : NULL;
}

uint32_t vt_program_colour(const struct vt *vt, int which)
{
    const struct palette *p = vt->screen.palette;
    if (p == NULL || which < 0 || which > 1)
        return COLOUR_DEFAULT;
    return p->program[PALETTE_FG + which];
}
uint32_t vt_colours_generation(const struct vt *vt)
{
    return vt->screen.palette != NULL ? vt->screen.palette->generation : 0;
}

_Static_assert(VT_COLOURS == PALETTE_SIZE && VT_COLOUR_FG == PALETTE_FG, "vt.h and palette.h agree");

int vt_kitty_flags(const struct vt *vt)
{
    const struct screen *s = &vt->screen;
    return s->kbd.flags[s->grid == s->alt ? 1 : 0];
}

int vt_modify_other_keys(const struct vt *vt)
{
    return vt->screen.kbd.modify_other_keys;
}

void vt_set_extended_keys_always(struct vt *vt, bool always, bool now)
{
    vt->screen.kbd.extended_always = always;
    if (always && now)
        vt->screen.kbd.modify_other_keys = 2;
}

/* The screen inside, for vt_snapshot.c (vt.h). */
struct screen *vt_snapshot_screen(struct vt *vt)
{
    return &vt->screen;
}

const struct parser *vt_snapshot_parser(const struct vt *vt)
{
    return &vt->parser;
}
