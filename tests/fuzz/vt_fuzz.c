/* vt_fuzz.c - libFuzzer target for the terminal emulator (server/vt): arbitrary bytes
 * from a pane's program, cut at arbitrary places, with arbitrary resizes in between.
 *
 * Input format (so that a plain escape-sequence file is a useful seed):
 *   byte 0: initial columns (1 + b % 200), byte 1: rows (1 + b % 60),
 *   byte 2: history limit (b % 64); bit 6: title reports allowed, bit 7: passthrough
 *   allowed and a few owner colours set (pane-colours, window-style);
 *   then the byte stream for vt_feed, where 0xff is a command byte:
 *     ff ff      a literal 0xff byte for the vt
 *     ff 00      end the current vt_feed call here (the next bytes are a new call, so
 *                sequences and UTF-8 characters are cut between calls)
 *     ff C R     resize to 1 + C % 200 columns, 1 + R % 60 rows (C != 0, C != ff)
 * After every call the invariants of vt.h and grid.h are checked: the cursor inside the
 * screen, sizes as asked, cell widths 0/1/2 with a width-0 cell only right of a width-2
 * cell (and a width-2 cell always followed by its width-0 half), no control characters
 * stored as text or in the title, line texts NUL-terminated within their buffer, every
 * linked cell (screen or history) linked to a link of the table whose URI and id are
 * printable ASCII, the table within its caps; the owner's events (vt_ops.h) as
 * promised: a sync event only when mode 2026 changes, never a change without one;
 * every reply at most 1100 bytes (the longest, a title report, is 1023 + 5), a
 * passthrough under 1 MiB, the drawing palette only RGB colours. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "links.h"
#include "vt.h"

#define COLS(b) (1 + (int)(b) % 200)
#define ROWS(b) (1 + (int)(b) % 60)

static void fail(const char *what, int x, int y)
{
    fprintf(stderr, "vt_fuzz: invariant broken: %s at x=%d y=%d\n", what, x, y);
    abort();
}

/* The vt's owner (vt_ops.h): every event is taken, its arguments touched and its
 * promises checked. */
struct owner {
    struct vt *vt;
    size_t replies;
    unsigned long bells, names;
    bool sync; /* as the sync events said */
};

static void reply_cb(void *arg, const char *buf, size_t len)
{
    if (len == 0 || len > 1100)
        fail("reply empty or over 1100 bytes", (int)len, 0);
    /* Touch every byte so ASan sees an over-read in a reply. */
    struct owner *o = arg;
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += (unsigned char)buf[i];
    o->replies += len + (sum & 1);
}

static void clipboard_cb(void *arg, const char *selection, const char *base64)
{
    struct owner *o = arg;
    o->replies += strlen(selection) + strlen(base64);
}

static void passthrough_cb(void *arg, const char *data, size_t len)
{
    struct owner *o = arg;
    if (len >= 1024 * 1024)
        fail("passthrough of 1 MiB or more", (int)len, 0);
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += (unsigned char)data[i];
    o->replies += len + (sum & 1);
}

static void bell_cb(void *arg)
{
    ((struct owner *)arg)->bells++;
}

static void window_name_cb(void *arg)
{
    struct owner *o = arg;
    const char *name = vt_window_name(o->vt);
    if (strlen(name) > 255)
        fail("window name over 255 bytes", (int)strlen(name), 0);
    o->names++;
}

/* Called only when mode 2026 changes, and vt_modes already says so. */
static void sync_cb(void *arg, bool on)
{
    struct owner *o = arg;
    if (on == o->sync)
        fail("sync event without a change", on, 0);
    if (((vt_modes(o->vt) & VT_MODE_SYNC) != 0) != on)
        fail("sync event disagrees with vt_modes", on, 0);
    o->sync = on;
}

static const struct vt_ops owner_ops = {
    .reply = reply_cb,
    .clipboard = clipboard_cb,
    .bell = bell_cb,
    .window_name = window_name_cb,
    .sync = sync_cb,
    .passthrough = passthrough_cb,
};

static void check_char(uint32_t ch, int x, int y)
{
    if (ch == 0)
        return;
    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0))
        fail("control character stored in a cell", x, y);
    if (ch > 0x10ffff || (ch >= 0xd800 && ch <= 0xdfff))
        fail("not a Unicode scalar value in a cell", x, y);
}

static void check_link(const struct links *links, unsigned n, int x, int y)
{
    const char *uri = links_uri(links, (uint16_t)n), *id = links_id(links, (uint16_t)n);
    if (uri == NULL || id == NULL)
        fail("cell linked to a number that is no link", x, y);
    if (*uri == '\0')
        fail("empty URI", x, y);
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        if (*p < 0x20 || *p >= 0x7f)
            fail("URI byte that is not printable ASCII", x, y);
    }
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        if (*p <= 0x20 || *p >= 0x7f || *p == ':' || *p == ';')
            fail("bad id byte", x, y);
    }
}

/* One line of cells: n cells meaningful (cols for the screen, 'used' for history). */
static void check_cells(const struct grid *g, const struct links *links,
                        const struct grid_cell *cells, int n, int y)
{
    for (int x = 0; x < n; x++) {
        const struct grid_cell *c = &cells[x];
        if (grid_cell_width(c) > 2)
            fail("cell width above 2", x, y);
        if (grid_cell_width(c) == 0 && (x == 0 || grid_cell_width(&cells[x - 1]) != 2))
            fail("width-0 cell not right of a width-2 cell", x, y);
        if (grid_cell_width(c) == 2 && (x + 1 >= n || grid_cell_width(&cells[x + 1]) != 0))
            fail("width-2 cell without its width-0 half", x, y);
        check_char(c->ch, x, y);
        if (c->comb & GRID_COMB_SEQ) {
            /* A sequence: two to eight marks, each a scalar value, as UTF-8. */
            char marks[GRID_MARKS_UTF8_MAX];
            int len = grid_cell_marks_utf8(g, c, marks);
            if (len < 4 || len > GRID_MARKS_UTF8_MAX)
                fail("combining sequence the table does not hold", x, y);
        } else if (c->comb != 0 &&
                   (c->comb > 0x10ffff || (c->comb >= 0xd800 && c->comb <= 0xdfff)))
            fail("bad combining character", x, y);
        if (grid_cell_link(c) != 0)
            check_link(links, grid_cell_link(c), x, y);
    }
}

static void check_grid(const struct links *links, const struct grid *g, int cols, int rows)
{
    if (grid_cols(g) != cols || grid_rows(g) != rows)
        fail("grid size differs from the vt size", cols, rows);
    static struct grid_cell line[256];
    for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
            const struct grid_cell *c = grid_get(g, x, y);
            if (c == NULL)
                fail("grid_get returned NULL inside the screen", x, y);
            line[x] = *c;
        }
        check_cells(g, links, line, cols, y);
        const struct grid_line *l = grid_line_const(g, y);
        if (l == NULL || l->used < 0 || l->used > l->size)
            fail("visible line with a bad used/size", 0, y);
    }
    int hist = grid_history_size(g);
    if (hist < 0)
        fail("negative history size", 0, 0);
    for (int i = 0; i < hist; i++) {
        const struct grid_line *l = grid_history_line(g, i);
        if (l == NULL || l->used < 0 || l->used > l->size)
            fail("history line with a bad used/size", 0, -1 - i);
        check_cells(g, links, l->cells, l->used, -1 - i);
    }
}

static void check_text(const struct vt *vt, int y, size_t size)
{
    /* An exact-size heap buffer: ASan catches a write past it. */
    char *buf = malloc(size);
    size_t n = vt_line_text(vt, y, buf, size);
    if (size > 0 && (n >= size || buf[n] != '\0' || strlen(buf) != n))
        fail("vt_line_text result not NUL-terminated within its buffer", (int)size, y);
    if (size == 0 && n != 0)
        fail("vt_line_text wrote into an empty buffer", 0, y);
    free(buf);
}

static void check(struct vt *vt, const struct owner *o, int cols, int rows,
                  unsigned char salt)
{
    if (vt_cols(vt) != cols || vt_rows(vt) != rows)
        fail("vt size differs from the size asked for", vt_cols(vt), vt_rows(vt));
    int cx, cy;
    vt_cursor(vt, &cx, &cy);
    if (cx < 0 || cx >= cols || cy < 0 || cy >= rows)
        fail("cursor outside the screen", cx, cy);

    const struct links *links = vt_links(vt);
    check_grid(links, vt_grid(vt), cols, rows);
    if (vt_main_grid(vt) != vt_grid(vt))
        check_grid(links, vt_main_grid(vt), cols, rows);
    if (links_count(links) >= LINKS_MAX ||
        links_bytes(links) > LINKS_BYTES_MAX + (size_t)LINKS_MAX * 64 + 4096)
        fail("links table over its caps", links_count(links), (int)links_bytes(links));

    /* Outside the screen vt_cell gives a blank cell, never NULL. */
    if (vt_cell(vt, -1, 0) == NULL || vt_cell(vt, cols, rows) == NULL ||
        vt_cell(vt, 0, -1) == NULL || vt_cell(vt, 1 << 20, 1 << 20) == NULL)
        fail("vt_cell NULL outside the screen", cols, rows);

    const char *title = vt_title(vt);
    for (const unsigned char *t = (const unsigned char *)title; *t; t++) {
        if (*t < 0x20 || *t == 0x7f)
            fail("control character in the title", (int)(t - (const unsigned char *)title), 0);
    }

    /* Every visible line and the history through vt_line_text, in buffers of a size
     * picked from the input (tiny ones truncate) and a comfortable one. */
    int hist = grid_history_size(vt_main_grid(vt));
    size_t small = salt % 24;
    for (int y = -hist; y < rows; y++) {
        check_text(vt, y, small);
        check_text(vt, y, (size_t)cols * 16 + 64);
    }

    (void)vt_modes(vt);
    (void)vt_cursor_style(vt);
    const uint32_t *map = vt_palette_map(vt);
    for (int i = 0; map != NULL && i < 256; i++) {
        if (map[i] != 0 && COLOUR_KIND(map[i]) != COLOUR_RGB)
            fail("palette entry that is not RGB", i, 0);
    }
    for (int k = 0; k < 2; k++) {
        uint32_t c = vt_program_colour(vt, k);
        if (c != COLOUR_DEFAULT && COLOUR_KIND(c) != COLOUR_RGB)
            fail("program colour that is not RGB", k, 0);
    }
    for (int i = 0; i < VT_COLOURS; i++) {
        if (vt_colour(vt, i) > 0xffffff)
            fail("colour beyond 24 bits", i, 0);
    }
    if (((vt_modes(vt) & VT_MODE_SYNC) != 0) != o->sync)
        fail("mode 2026 changed without a sync event", o->sync, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    int cols = COLS(data[0]), rows = ROWS(data[1]);
    struct vt *vt = vt_create(cols, rows, data[2] % 64);
    struct owner owner = { .vt = vt };
    vt_set_ops(vt, &owner_ops, &owner);
    vt_set_title_reports(vt, (data[2] & 64) != 0);
    if (data[2] & 128) {
        vt_set_passthrough(vt, true);
        vt_set_owner_colour(vt, data[0], (int32_t)data[1] << 8);
        vt_set_owner_colour(vt, VT_COLOUR_BG, 0x102030);
    }

    /* The bytes of one vt_feed call, without the command bytes. */
    unsigned char *chunk = malloc(size);
    size_t n = 0;
    for (size_t i = 3; i <= size; i++) {
        bool flush = i == size;
        int new_cols = 0, new_rows = 0;
        if (!flush && data[i] == 0xff) {
            if (i + 1 >= size)
                break;
            if (data[i + 1] == 0xff) {
                chunk[n++] = 0xff;
                i++;
                continue;
            }
            flush = true;
            if (data[i + 1] == 0x00) {
                i++;
            } else {
                if (i + 2 >= size)
                    break;
                new_cols = COLS(data[i + 1]);
                new_rows = ROWS(data[i + 2]);
                i += 2;
            }
        }
        if (!flush) {
            chunk[n++] = data[i];
            continue;
        }
        if (n > 0) {
            /* Exact-size copy: ASan catches a read past the end of what was fed. */
            unsigned char *exact = malloc(n);
            memcpy(exact, chunk, n);
            vt_feed(vt, exact, n);
            free(exact);
            n = 0;
        }
        check(vt, &owner, cols, rows, data[i - 1 < size ? i - 1 : 0]);
        if (new_cols != 0) {
            vt_resize(vt, new_cols, new_rows);
            cols = new_cols;
            rows = new_rows;
            check(vt, &owner, cols, rows, (unsigned char)new_cols);
        }
    }
    if (n > 0) {
        vt_feed(vt, chunk, n);
        check(vt, &owner, cols, rows, 0);
    }
    free(chunk);
    vt_free(vt);
    return 0;
}
