/* render.c - turns a client's terminal into a wanted canvas by diffing it against a
 * front buffer (what the terminal shows now) and writing only the changed cells, with
 * the cheapest cursor motion and attribute changes the terminal's capabilities allow
 * (scroll regions, EL/ECH erasures, REP runs), each frame optionally wrapped in a
 * synchronized update, and linked cells inside OSC 8 hyperlinks where the terminal
 * takes them. This file is the frame: the renderer's life, which rows changed, the
 * clear, the cursor at the end; the parts it calls are the line diff (render_line.c),
 * scroll detection (render_scroll.c), cursor motion (render_motion.c) and the pen
 * (render_pen.c), all over the state of render_state.h. The title and input modes are
 * in render_modes.c. */
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "combs.h"
#include "links.h"
#include "render_line.h"
#include "render_motion.h"
#include "render_pen.h"
#include "render_scroll.h"
#include "render_state.h"
#include "xmalloc.h"

/* --- Front buffer --- */

static void front_blank(struct render_state *rs)
{
    size_t n = (size_t)rs->cols * (size_t)rs->rows;
    memset(rs->front, 0, n * sizeof *rs->front);
    for (size_t i = 0; i < n; i++)
        grid_cell_set_width(&rs->front[i], 1);
}

/* Cells the terminal shows with a link are drawn again on the next frame (their numbers
 * are about to mean something else, or nothing). */
static void front_forget_links(struct render_state *rs)
{
    size_t n = (size_t)rs->cols * (size_t)rs->rows;
    for (size_t i = 0; i < n; i++) {
        if (grid_cell_link(&rs->front[i]) != 0)
            grid_cell_set_width(&rs->front[i], WIDTH_INVALID);
    }
}

/* As links_renumber, for the table of combining-mark sequences. */
static void combs_renumber(struct render_state *rs)
{
    if (combs_count(rs->combs) < COMBS_MAX / 2)
        return;
    combs_clear(rs->combs);
    size_t n = (size_t)rs->cols * (size_t)rs->rows;
    for (size_t i = 0; i < n; i++) {
        if (rs->front[i].comb & GRID_COMB_SEQ)
            grid_cell_set_width(&rs->front[i], WIDTH_INVALID);
    }
    rs->epoch++;
}

/* After a frame: a table more than half full starts again, so the next frames have
 * room; cells drawn with the old numbers are drawn again. */
static void links_renumber(struct render_state *rs)
{
    if (rs->links == NULL || (links_count(rs->links) < LINKS_MAX / 2 &&
                              links_bytes(rs->links) < LINKS_BYTES_MAX / 2))
        return;
    links_clear(rs->links);
    front_forget_links(rs);
    rs->epoch++; /* canvases kept hold numbers that mean nothing now */
}

/* --- The frame --- */

/* Note which wanted rows are byte-for-byte what the front buffer has (nothing to draw);
 * returns how many are not. */
static int mark_same_rows(struct render_state *rs, const struct canvas *want)
{
    size_t row_bytes = (size_t)rs->cols * sizeof *rs->front;
    int changed = 0;
    for (int y = 0; y < rs->rows; y++) {
        rs->row_same[y] = memcmp(&want->cells[(size_t)y * (size_t)rs->cols], front_cell(rs, 0, y),
                                 row_bytes) == 0;
        changed += !rs->row_same[y];
    }
    return changed;
}

/* The same for a canvas that says which rows changed since the last frame (the others
 * are what the front buffer already shows): only those are compared. */
static int mark_dirty_rows(struct render_state *rs, const struct canvas *want)
{
    size_t row_bytes = (size_t)rs->cols * sizeof *rs->front;
    int changed = 0;
    for (int y = 0; y < rs->rows; y++) {
        rs->row_same[y] = !want->dirty[y] ||
                          memcmp(&want->cells[(size_t)y * (size_t)rs->cols], front_cell(rs, 0, y),
                                 row_bytes) == 0;
        changed += !rs->row_same[y];
    }
    return changed;
}

/* Clear the screen and note it as blank with the cursor home. */
static void clear_screen(struct render_state *rs)
{
    render_pen_reset(rs);
    render_link_set(rs, 0);
    const char *clear = cap(rs, RENDER_CAP_CLEAR);
    const char *el = cap(rs, RENDER_CAP_EL);
    if (clear != NULL) {
        out_str(rs, clear);
        front_blank(rs);
    } else if (el != NULL) {
        rs->tx = rs->ty = -1;
        for (int y = 0; y < rs->rows; y++) {
            render_move_to(rs, 0, y);
            out_str(rs, el);
        }
        front_blank(rs);
    } else {
        for (size_t i = 0; i < (size_t)rs->cols * (size_t)rs->rows; i++)
            grid_cell_set_width(&rs->front[i], WIDTH_INVALID);
    }
    rs->tx = rs->ty = -1;
    const char *home = cap(rs, RENDER_CAP_HOME);
    if (clear != NULL) {
        rs->tx = rs->ty = 0; /* terminfo: clear screen and home cursor */
    } else if (home != NULL) {
        out_str(rs, home);
        rs->tx = rs->ty = 0;
    }
}

/* A colour as RGB the way tmux gives it to the terminal (its 256-colour table). */
static uint32_t colour_rgb(uint32_t c)
{
    static const uint32_t base[16] = {0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080,
                                      0x008080, 0xc0c0c0, 0x808080, 0xff0000, 0x00ff00, 0xffff00,
                                      0x0000ff, 0xff00ff, 0x00ffff, 0xffffff};
    static const uint32_t level[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
    if (COLOUR_KIND(c) == COLOUR_RGB)
        return COLOUR_VALUE(c);
    uint32_t i = COLOUR_VALUE(c) & 0xff;
    if (i < 16)
        return base[i];
    if (i < 232) {
        i -= 16;
        return level[i / 36] << 16 | level[(i / 6) % 6] << 8 | level[i % 6];
    }
    uint32_t g = 8 + 10 * (i - 232);
    return g << 16 | g << 8 | g;
}

/* cursor-colour: Cs with "rgb:RR/GG/BB" for a colour, Cr back to the terminal's. */
static void apply_cursor_colour(struct render_state *rs, uint32_t colour)
{
    const char *cs = cap(rs, RENDER_CAP_CS), *cr = cap(rs, RENDER_CAP_CRC);
    rs->cursor_colour = colour;
    if (colour == COLOUR_DEFAULT) {
        if (cr != NULL)
            out_str(rs, cr);
        return;
    }
    const char *at = cs != NULL ? strstr(cs, "%p1%s") : NULL;
    if (at == NULL)
        return;
    uint32_t rgb = colour_rgb(colour);
    char tmp[128];
    int n = snprintf(tmp, sizeof tmp, "%.*srgb:%02x/%02x/%02x%s", (int)(at - cs), cs,
                     (unsigned)(rgb >> 16 & 0xff), (unsigned)(rgb >> 8 & 0xff),
                     (unsigned)(rgb & 0xff), at + 5);
    if (n > 0 && (size_t)n < sizeof tmp)
        out_str(rs, tmp);
}

static void apply_cursor(struct render_state *rs, const struct canvas *want)
{
    int cx = want->cx < 0 ? 0 : want->cx >= want->cols ? want->cols - 1 : want->cx;
    int cy = want->cy < 0 ? 0 : want->cy >= want->rows ? want->rows - 1 : want->cy;
    render_move_to(rs, cx, cy);

    int visible = want->cursor_visible ? 1 : 0;
    if (visible != rs->cursor_visible) {
        out_str(rs, cap(rs, visible ? RENDER_CAP_CNORM : RENDER_CAP_CIVIS));
        rs->cursor_visible = visible;
    }
    int style = want->cursor_style < 0 || want->cursor_style > 6 ? 0 : want->cursor_style;
    if (style != rs->cursor_style) {
        const char *ss = cap(rs, RENDER_CAP_SS), *se = cap(rs, RENDER_CAP_SE);
        char tmp[64];
        if (ss != NULL)
            out_bytes(rs, tmp, render_tparm(tmp, sizeof tmp, ss, style, 0));
        else if (style == 0 && se != NULL)
            out_str(rs, se);
        rs->cursor_style = style;
    }
    if (want->cursor_colour != rs->cursor_colour)
        apply_cursor_colour(rs, want->cursor_colour);
}

struct render_state *render_create(const struct render_caps *caps, bool utf8)
{
    struct render_state *rs = xcalloc(1, sizeof *rs);
    rs->caps = caps;
    rs->utf8 = utf8;
    rs->combs = combs_create();
    rs->attr_mask = render_pen_attrs(caps);
    /* Styled underlines and their colour only where the terminal says it has them
     * (every terminal with Smulx known to us also takes SGR 58). Both need the
     * combined ANSI SGR form. */
    if (render_caps_flag(caps, RENDER_FLAG_ANSI_SGR)) {
        bool smulx = render_caps_string(caps, RENDER_CAP_SMULX) != NULL;
        if (smulx)
            rs->attr_mask |= ATTR_UNDERLINE_STYLE_MASK;
        rs->ul_colour = smulx || render_caps_string(caps, RENDER_CAP_SETULC) != NULL;
    } else {
        rs->attr_mask &= (uint16_t)~ATTR_OVERLINE;
    }
    rs->cursor_style = 0;
    render_set_sync(rs, render_caps_string(caps, RENDER_CAP_SYNC) != NULL);
    render_set_hyperlinks(rs, render_caps_string(caps, RENDER_CAP_HLS) != NULL);
    render_invalidate(rs);
    return rs;
}

void render_free(struct render_state *rs)
{
    if (rs == NULL)
        return;
    free(rs->front);
    free(rs->hash_want);
    free(rs->hash_front);
    free(rs->row_same);
    links_free(rs->links);
    combs_free(rs->combs);
    free(rs);
}

void render_invalidate(struct render_state *rs)
{
    rs->epoch++;
    rs->valid = false;
    rs->tx = rs->ty = -1;
    rs->pen_known = false;
    rs->cursor_visible = -1;
    rs->title_known = false;
    rs->modes_known = false;
    rs->link = 0; /* every frame closes what it opened */
}

void render_set_hyperlinks(struct render_state *rs, bool on)
{
    if (on && rs->links == NULL) {
        rs->links = links_create(NULL, NULL);
    } else if (!on && rs->links != NULL) {
        links_free(rs->links);
        rs->links = NULL;
        rs->link = 0;
        front_forget_links(rs);
    }
    rs->epoch++;
}

unsigned render_epoch(const struct render_state *rs)
{
    return rs->epoch;
}

struct links *render_links(struct render_state *rs)
{
    return rs->links;
}

struct combs *render_combs(struct render_state *rs)
{
    return rs->combs;
}

void render_set_sync(struct render_state *rs, bool on)
{
    const char *sync = render_caps_string(rs->caps, RENDER_CAP_SYNC);
    rs->sync = on;
    if (sync != NULL) {
        render_tparm(rs->sync_begin, sizeof rs->sync_begin, sync, 1, 0);
        render_tparm(rs->sync_end, sizeof rs->sync_end, sync, 2, 0);
    }
    if (sync == NULL || rs->sync_begin[0] == '\0' || rs->sync_end[0] == '\0') {
        snprintf(rs->sync_begin, sizeof rs->sync_begin, "\033[?2026h");
        snprintf(rs->sync_end, sizeof rs->sync_end, "\033[?2026l");
    }
}

void render_frame(struct render_state *rs, const struct canvas *want, struct evbuffer *out)
{
    if (want->cols <= 0 || want->rows <= 0 || want->cells == NULL)
        return;
    rs->out = out;
    rs->len = 0;
    rs->emitted = 0;
    if (rs->sync) { /* taken back below if the frame turns out empty */
        rs->len = strlen(rs->sync_begin);
        memcpy(rs->buf, rs->sync_begin, rs->len);
    }
    if (want->cols != rs->cols || want->rows != rs->rows) {
        free(rs->front);
        free(rs->hash_want);
        free(rs->hash_front);
        free(rs->row_same);
        rs->cols = want->cols;
        rs->rows = want->rows;
        rs->row_same = xcalloc((size_t)rs->rows, sizeof *rs->row_same);
        rs->front = xcalloc((size_t)rs->cols * (size_t)rs->rows, sizeof *rs->front);
        rs->hash_want = xcalloc((size_t)rs->rows, sizeof *rs->hash_want);
        rs->hash_front = xcalloc((size_t)rs->rows, sizeof *rs->hash_front);
        rs->valid = false;
    }
    if (!rs->valid) {
        clear_screen(rs);
        rs->valid = true;
        memset(rs->row_same, 0, (size_t)rs->rows * sizeof *rs->row_same);
    } else {
        /* Most frames change a line or two (an echo, a clock): find them with memcmp,
         * and look for a scroll only when enough lines changed for one to pay. */
        bool all = want->all_dirty || want->dirty == NULL;
        int changed = all ? mark_same_rows(rs, want) : mark_dirty_rows(rs, want);
        if (changed >= 3 && render_try_scroll(rs, want))
            mark_same_rows(rs, want); /* the front moved: every row again */
    }
    for (int y = 0; y < want->rows; y++) {
        if (!rs->row_same[y])
            render_draw_row(rs, want, y);
    }
    render_link_set(rs, 0);
    links_renumber(rs);
    combs_renumber(rs);
    apply_cursor(rs, want);
    if (rs->sync) {
        if (rs->emitted == 0)
            rs->len = 0; /* nothing changed: no frame at all */
        else
            out_str(rs, rs->sync_end);
    }
    out_flush(rs);
    rs->out = NULL;
}
