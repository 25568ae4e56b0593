/* chooser_draw.c - a chooser on the screen (see chooser_draw.h), laid out as tmux 3.3a
 * lays out its mode trees: the list in the pane's top rows, the chosen line in
 * mode-style, and below it a box with the chosen item's name and the order in its top
 * line and the item's preview inside (preview.h draws the boxes and the panes). */
#include "chooser_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "client_state.h"
#include "options.h"
#include "pane.h"
#include "pane_line.h"
#include "paste.h"
#include "preview.h"
#include "server_state.h"
#include "session.h"
#include "status_format.h"
#include "style.h"
#include "xmalloc.h"

/* The tree lines before an item below the top: for each level above its parent, a
 * bar when that level's item has more after it, then a branch to the item. */
static void tree_prefix(const struct chooser *ch, const struct chooser_line *line, char *buf,
                        size_t size)
{
    const struct chooser_item *it = &ch->items[line->item];
    const char *symbol = line->flat              ? ""
                         : !it->has_children     ? "  "
                         : it->expanded          ? "- "
                                                 : "+ ";
    buf[0] = '\0';
    if (line->depth > 0) {
        /* tmux looks at the parent's line for every level: whether it is the last. */
        bool parent_last = false;
        for (size_t l = 0; l < ch->nlines; l++) {
            if ((long)ch->lines[l].item == it->parent)
                parent_last = ch->lines[l].last;
        }
        for (int d = 1; d < line->depth; d++)
            strncat(buf, parent_last ? "    " : "\u2502   ", size - strlen(buf) - 1);
        strncat(buf, line->last ? "\u2514\u2500> " : "\u251c\u2500> ", size - strlen(buf) - 1);
    }
    strncat(buf, symbol, size - strlen(buf) - 1);
}

/* One line of the list on row y: "(KEY)" padded to the widest key, the tree lines, the
 * name and ": ", then the text with its styles, in pen (the chosen line's row in its
 * background to the edge). */
static void draw_line(const struct chooser *ch, const struct preview_area *a, size_t l, int y,
                      int keylen, const struct grid_pen *line_pen, bool chosen)
{
    const struct chooser_item *it = &ch->items[ch->lines[l].item];
    struct grid_pen pen = *line_pen;
    if (it->tagged)
        pen.attr ^= ATTR_BOLD;
    if (chosen) {
        struct grid_pen fill = {.bg = pen.bg};
        for (int x = 0; x < a->cols; x++)
            preview_text(a, x, y, " ", &fill, 1);
    }
    char key[80] = "", name[64];
    if (it->key != KEYC_NONE)
        snprintf(key, sizeof key, "(%s)", key_to_name(it->key, name, sizeof name));
    char prefix[512];
    tree_prefix(ch, &ch->lines[l], prefix, sizeof prefix);
    char *head;
    if (it->name != NULL)
        head = xasprintf("%-*s%s%s%s%s", keylen, key, prefix, it->name, it->tagged ? "*" : "",
                         it->text != NULL ? ": " : "");
    else
        head = xasprintf("%-*s%s%s", keylen, key, prefix, it->text != NULL ? it->text : "");
    int x = preview_text(a, 0, y, head, &pen, a->cols);
    free(head);
    if (it->name == NULL || it->text == NULL || x >= a->cols)
        return;
    /* The text as a format draws it, in the columns left. */
    int n = a->cols - x;
    struct canvas tmp;
    canvas_init(&tmp, n, 1);
    struct grid_pen blank = {.bg = chosen ? pen.bg : COLOUR_DEFAULT};
    for (int i = 0; i < n; i++)
        canvas_put_cell(&tmp, i, 0, ' ', 1, &blank);
    struct status_format_range *ranges = NULL;
    size_t nranges = 0;
    status_format_draw(&tmp, 0, it->text, &pen, &ranges, &nranges);
    free(ranges);
    memcpy(canvas_cell(a->cv, a->x0 + x, a->y0 + y), tmp.cells, (size_t)n * sizeof *tmp.cells);
    canvas_free(&tmp);
}

/* choose-buffer's preview: the buffer's first lines, control characters escaped. */
static void draw_buffer(struct chooser *ch, const struct chooser_item *it,
                        const struct preview_area *a, int x, int y, int w, int h)
{
    struct paste_buffer *pb = paste_find(ch->server, it->buffer_name);
    if (pb == NULL)
        return;
    const struct grid_pen plain = {0};
    size_t at = 0;
    for (int i = 0; i < h; i++) {
        size_t end = at;
        while (end < pb->size && pb->data[end] != '\n')
            end++;
        /* The line on its own, escaped as a buffer's sample is. */
        struct paste_buffer line = {.data = pb->data + at, .size = end - at};
        char *text = paste_sample(&line, (end - at) * 4 + 4);
        preview_text(a, x, y + i, text, &plain, w);
        free(text);
        if (end == pb->size)
            break;
        at = end + 1;
    }
}

/* choose-client's preview: the client's window (its active pane) above a line and its
 * status line (or below them when the status line is at the top). */
static void draw_client(struct chooser *ch, const struct chooser_item *it,
                        const struct preview_area *a, int x, int y, int w, int h)
{
    struct client *o;
    TAILQ_FOREACH(o, &ch->server->clients, entry) {
        if (o->id == it->client_id)
            break;
    }
    if (o == NULL || !o->attached || o->session == NULL || o->session->current == NULL)
        return;
    struct pane *wp = o->session->current->window->active;
    int lines = o->status_row >= 0 ? o->status_lines : 0;
    if (lines >= h)
        lines = 0;
    int at = o->status_row == 0 ? lines : 0;
    preview_pane(a, x, y + at, w, h - 2 - lines, wp);
    preview_hline(a, x, at != 0 ? y + 2 : y + h - 1 - lines, w);
    int sy = at != 0 ? y : y + h - lines;
    for (int i = 0; i < lines && i < o->status_cache_lines && o->status_cache != NULL; i++) {
        for (int k = 0; k < w && k < o->status_cache_cols; k++) {
            if (x + k >= a->cols || sy + i < 0 || sy + i >= a->rows)
                continue;
            *canvas_cell(a->cv, a->x0 + x + k, a->y0 + sy + i) =
                o->status_cache[i * o->status_cache_cols + k];
        }
    }
}

/* choose-tree's preview: a session's windows, a window's panes or a pane. */
static void draw_tree(struct chooser *ch, const struct chooser_item *it,
                      const struct preview_area *a, int x, int y, int w, int h)
{
    struct session *s = session_find_id(ch->server, it->session_id);
    ch->arrow_left = ch->arrow_right = -1;
    if (s == NULL || it->kind == ITEM_REMOTE)
        return;
    struct preview_arrows arrows;
    if (it->kind == ITEM_SESSION) {
        preview_session(a, x, y, w, h, s, &ch->preview_offset, &arrows);
        ch->arrow_left = arrows.left;
        ch->arrow_right = arrows.right;
        return;
    }
    struct winlink *wl;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (wl->window->id == it->window_id)
            break;
    }
    if (wl == NULL)
        return;
    if (it->kind == ITEM_WINDOW) {
        preview_window(a, x, y, w, h, s, wl->window, &ch->preview_offset, &arrows);
        ch->arrow_left = arrows.left;
        ch->arrow_right = arrows.right;
        return;
    }
    struct pane *p;
    TAILQ_FOREACH(p, &wl->window->panes, entry) {
        if (p->id == it->pane_id)
            preview_pane(a, x, y, w, h, p);
    }
}

/* The box under the list: its title (the chosen item's name, the order, whether a
 * filter is on) in its top line, the preview inside a column in from its sides. */
static void draw_preview(struct chooser *ch, const struct preview_area *a, int w, int sy,
                         const struct grid_pen *chosen_pen)
{
    const struct chooser_item *it = &ch->items[ch->lines[ch->current].item];
    int h = ch->height;
    const struct grid_pen plain = {0};
    preview_box(a, 0, h, w, sy - h);
    char *name = it->kind == ITEM_REMOTE && it->remote_session != NULL
                     ? xasprintf("%s on %s (Enter: tmx -H %s attach)", it->remote_session,
                                 it->host, it->host)
                     : xstrdup(it->name != NULL ? it->name : it->text != NULL ? it->text : "");
    char *title = ch->sorts != NULL ? xasprintf(" %s (sort: %s%s)", name, ch->sorts[ch->sort],
                                                ch->reverse ? ", reversed" : "")
                                    : xasprintf(" %s", name);
    free(name);
    bool filtered = ch->filter != NULL || ch->match;
    if (w - 2 >= (int)strlen(title)) {
        int x = preview_text(a, 1, h, title, &plain, w);
        size_t n = ch->no_matches ? strlen("no matches") : strlen("active");
        if (filtered && w - 2 >= (int)(strlen(title) + 10 + n + 2)) {
            x = preview_text(a, x, h, " (filter: ", &plain, w);
            x = preview_text(a, x, h, ch->no_matches ? "no matches" : "active",
                             ch->no_matches ? chosen_pen : &plain, w);
            preview_text(a, x, h, ") ", &plain, w);
        } else
            preview_text(a, x, h, " ", &plain, w);
    }
    free(title);
    int bx = w - 4, by = sy - h - 2;
    if (bx <= 0 || by <= 0)
        return;
    if (ch->kind == CHOOSER_TREE)
        draw_tree(ch, it, a, 2, h + 1, bx, by);
    else if (ch->kind == CHOOSER_BUFFERS)
        draw_buffer(ch, it, a, 2, h + 1, bx, by);
    else if (ch->kind == CHOOSER_CLIENTS)
        draw_client(ch, it, a, 2, h + 1, bx, by);
    else if (it->command != NULL)
        preview_text(a, 2, h + 1, "Enter: set a new value, d: unset", &plain, bx);
}

void chooser_draw_mode(struct pane *p, struct chooser *ch, struct canvas *cv, int x0, int y0,
                       int width, int height)
{
    int cols, rows;
    if (!pane_line_area(p, cv, x0, y0, width, height, &cols, &rows))
        return;
    struct preview_area a = {.cv = cv, .x0 = x0, .y0 = y0, .cols = cols, .rows = rows};
    const struct grid_pen plain = {0};
    for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++)
            canvas_put_cell(cv, x0 + x, y0 + y, ' ', 1, &plain);
    }
    if (ch->nlines == 0)
        return;
    /* The chosen line in mode-style, as tmux's modes draw it (yellow, by default). */
    struct grid_pen chosen = {0};
    char err[128];
    style_apply(&chosen,
                options_get_string(p->window != NULL ? p->window->options
                                                     : p->server->window_options,
                                   "mode-style"),
                err, sizeof err);
    int keylen = 0;
    char name[64];
    for (size_t l = 0; l < ch->nlines; l++) {
        key_code key = ch->items[ch->lines[l].item].key;
        int len = key != KEYC_NONE ? (int)strlen(key_to_name(key, name, sizeof name)) + 3 : 0;
        if (len > keylen)
            keylen = len;
    }
    int w = p->cols, sy = p->rows, h = ch->height;
    for (size_t l = ch->offset; l < ch->nlines && l < ch->offset + (size_t)h; l++)
        draw_line(ch, &a, l, (int)(l - ch->offset), keylen,
                  l == ch->current ? &chosen : &plain, l == ch->current);
    if (!ch->preview || sy <= 4 || h <= 4 || sy - h <= 4 || w <= 4)
        return;
    draw_preview(ch, &a, w, sy, &chosen);
}
