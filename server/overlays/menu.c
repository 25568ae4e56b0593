/* menu.c - display-menu's menu over the client's screen (see menu.h). */
#include "menu.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_message.h"
#include "client_state.h"
#include "cmd.h"
#include "model.h"
#include "overlay.h"
#include "redraw.h"
#include "render.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "style.h"
#include "xmalloc.h"

/* The layer of menus: over the status line and the prompt. */
#define OVERLAY_LAYER_MENU 120

struct menu {
    struct server *server;
    struct menu_spec spec;
    int selected;   /* index of the selected item, -1 when none can be */
};

static const struct overlay_ops menu_ops;

static bool selectable(const struct menu_item *it)
{
    return it->name != NULL && !it->disabled;
}

/* The width of an item's text: its name, then " (key)" when it has a shown key (drawn at
 * the box's right edge, so that keys line up). */
static int item_width(const struct menu_item *it)
{
    if (it->name == NULL)
        return 0;
    int w = canvas_text_width(it->name);
    if (it->key_name != NULL && !it->disabled)
        w += 3 + canvas_text_width(it->key_name);
    return w;
}

/* The columns a title takes, its #[...] blocks left out. */
static int title_width(const char *title)
{
    char *plain = style_strip(title);
    int w = canvas_text_width(plain);
    free(plain);
    return w;
}

void menu_size(const struct menu_spec *spec, int *cols, int *rows)
{
    int w = 0;
    for (int i = 0; i < spec->nitems; i++) {
        int n = item_width(&spec->items[i]);
        if (n > w)
            w = n;
    }
    if (spec->title != NULL && title_width(spec->title) > w)
        w = title_width(spec->title);
    *cols = w + 4; /* a border and a space each side */
    *rows = spec->nitems + 2;
}

static void free_items(struct menu_item *items, int n)
{
    for (int i = 0; i < n; i++) {
        free(items[i].name);
        free(items[i].key_name);
        free(items[i].command);
    }
    free(items);
}

void menu_spec_free(struct menu_spec *spec)
{
    free_items(spec->items, spec->nitems);
    free(spec->title);
    memset(spec, 0, sizeof *spec);
}

/* The next selectable item from 'from' going by step (wrapping), or -1. */
static int next_selectable(const struct menu *m, int from, int step)
{
    int n = m->spec.nitems;
    for (int k = 1; k <= n; k++) {
        int i = ((from + step * k) % n + n) % n;
        if (selectable(&m->spec.items[i]))
            return i;
    }
    return -1;
}

void menu_open(struct client *c, struct menu_spec *spec)
{
    struct menu *m = xcalloc(1, sizeof *m);
    m->server = c->server;
    m->spec = *spec;
    memset(spec, 0, sizeof *spec);
    if (m->spec.lines == NULL)
        m->spec.lines = box_lines_named("single");
    m->selected = -1;
    if (m->spec.start > 0 && m->spec.start < m->spec.nitems &&
        selectable(&m->spec.items[m->spec.start]))
        m->selected = m->spec.start;
    else if (m->spec.nitems > 0)
        m->selected = next_selectable(m, -1, 1);
    overlay_open(c, &menu_ops, m);
}

/* The title on the top border, as tmux draws it: in the columns from x + 2 on (those
 * of the items' text), to the left, in the middle or to the right as its #[align=...]
 * says (tmux's own menus centre the item's name so), each part in its #[...] style. */
static void draw_title(struct canvas *cv, int x, int y, int w, const char *title,
                       const struct grid_pen *pen)
{
    struct style_run runs[32];
    size_t n = style_split(title, pen, runs, sizeof runs / sizeof runs[0]);
    enum style_align align = STYLE_ALIGN_LEFT;
    int width = 0;
    for (size_t i = 0; i < n; i++) {
        if (runs[i].len == 0)
            continue;
        char *part = xstrndup(runs[i].text, runs[i].len);
        width += canvas_text_width(part);
        free(part);
        align = runs[i].align;
    }
    int room = w - 4, at = x + 2;
    if (room > width && (align == STYLE_ALIGN_CENTRE || align == STYLE_ALIGN_ABSOLUTE_CENTRE))
        at += (room - width) / 2;
    else if (room > width && align == STYLE_ALIGN_RIGHT)
        at += room - width;
    for (size_t i = 0; i < n && at < x + w - 1; i++) {
        if (runs[i].len == 0)
            continue;
        char *part = xstrndup(runs[i].text, runs[i].len);
        canvas_put_text(cv, at, y, x + w - 1, part, &runs[i].pen);
        at += canvas_text_width(part);
        free(part);
    }
}

/* A horizontal border row: left corner or join, line (with the title after one line cell
 * on the top row), right corner or join. */
static void draw_rule(struct canvas *cv, int x, int y, int w, uint32_t left, uint32_t right,
                      uint32_t line, const char *title, const struct grid_pen *pen)
{
    canvas_put_cell(cv, x, y, left, 1, pen);
    for (int i = 1; i < w - 1; i++)
        canvas_put_cell(cv, x + i, y, line, 1, pen);
    canvas_put_cell(cv, x + w - 1, y, right, 1, pen);
    if (title != NULL)
        draw_title(cv, x, y, w, title, pen);
}

static void menu_draw(struct client *c, void *data, struct canvas *cv, int rows)
{
    struct menu *m = data;
    (void)c;
    (void)rows;
    int w, h;
    menu_size(&m->spec, &w, &h);
    int x = m->spec.x, y = m->spec.y;
    if (x + w > cv->cols || y + h > cv->rows)
        return;
    const struct box_lines *l = m->spec.lines;
    const struct grid_pen *style = &m->spec.style, *border = &m->spec.border_style;
    struct grid_pen dim = *style;
    dim.attr |= ATTR_DIM;
    draw_rule(cv, x, y, w, l->tl, l->tr, l->h, m->spec.title, border);
    for (int i = 0; i < m->spec.nitems; i++) {
        const struct menu_item *it = &m->spec.items[i];
        int row = y + 1 + i;
        if (it->name == NULL) {
            draw_rule(cv, x, row, w, l->left_join, l->right_join, l->h, NULL, border);
            continue;
        }
        canvas_put_cell(cv, x, row, l->v, 1, border);
        canvas_put_cell(cv, x + w - 1, row, l->v, 1, border);
        canvas_put_cell(cv, x + 1, row, ' ', 1, style);
        canvas_put_cell(cv, x + w - 2, row, ' ', 1, style);
        const struct grid_pen *pen = it->disabled          ? &dim
                                     : i == m->selected ? &m->spec.selected_style
                                                        : style;
        for (int col = x + 2; col < x + w - 2; col++)
            canvas_put_cell(cv, col, row, ' ', 1, pen);
        canvas_put_text(cv, x + 2, row, x + w - 2, it->name, pen);
        if (it->key_name != NULL && !it->disabled) {
            /* The key in brackets at the right edge. */
            char *shown = xasprintf("(%s)", it->key_name);
            canvas_put_text(cv, x + w - 2 - canvas_text_width(shown), row, x + w - 2, shown, pen);
            free(shown);
        }
    }
    draw_rule(cv, x, y + h - 1, w, l->bl, l->br, l->h, NULL, border);
    cv->cursor_visible = false;
}

/* Close the menu and run the chosen item's command (if any) for the client, its
 * missing target being the menu's pane. */
static void choose(struct client *c, struct menu *m, int index)
{
    char *command = xstrdup(m->spec.items[index].command);
    bool has_pane = m->spec.has_pane;
    uint32_t pane_id = m->spec.pane_id;
    overlay_close(c, &menu_ops); /* frees m */
    if (*command == '\0') {
        free(command);
        return;
    }
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    if (has_pane)
        ctx.target_pane = session_find_pane(c->server, pane_id);
    cmd_execute_string(&ctx, command);
    client_command_done(c, &ctx, true);
    free(command);
}

static bool menu_key(struct client *c, void *data, key_code key)
{
    struct menu *m = data;
    for (int i = 0; i < m->spec.nitems; i++) {
        const struct menu_item *it = &m->spec.items[i];
        if (selectable(it) && it->key != KEYC_NONE && it->key == key) {
            choose(c, m, i);
            return true;
        }
    }
    int n = m->spec.nitems;
    switch (key) {
    case KEYC_UP:
    case 'k':
        if (m->selected >= 0)
            m->selected = next_selectable(m, m->selected, -1);
        break;
    case KEYC_DOWN:
    case 'j':
        if (m->selected >= 0)
            m->selected = next_selectable(m, m->selected, 1);
        break;
    case 'g':
    case KEYC_HOME:
        m->selected = next_selectable(m, -1, 1);
        break;
    case 'G':
    case KEYC_END:
        m->selected = next_selectable(m, n, -1);
        break;
    case KEYC_ENTER:
        if (m->selected >= 0)
            choose(c, m, m->selected);
        return true;
    case 'q':
    case KEYC_ESCAPE:
    case 'c' | KEYC_CTRL:
    case 'g' | KEYC_CTRL:
        overlay_close(c, &menu_ops);
        return true;
    default:
        return true; /* the menu takes every key while it is open */
    }
    client_redraw(c, REDRAW_STATUS);
    return true;
}

/* A click on an item chooses it; a press outside the box closes the menu. */
static bool menu_mouse(struct client *c, void *data, const struct mouse_event *ev)
{
    struct menu *m = data;
    int w, h;
    menu_size(&m->spec, &w, &h);
    int row = ev->y - m->spec.y - 1;
    bool inside = ev->x > m->spec.x && ev->x < m->spec.x + w - 1 && row >= 0 &&
                  row < m->spec.nitems;
    bool motion = (ev->button & 32) != 0;
    if (inside && selectable(&m->spec.items[row])) {
        if (ev->release || (!motion && (ev->button & 3) == 0 && !ev->sgr)) {
            choose(c, m, row);
            return true;
        }
        if (m->selected != row) {
            m->selected = row;
            client_redraw(c, REDRAW_STATUS);
        }
        return true;
    }
    if (!inside && !motion && !ev->release && (ev->button & 64) == 0)
        overlay_close(c, &menu_ops);
    return true;
}

static void menu_free_data(void *data)
{
    struct menu *m = data;
    if (m->spec.waiting_client != 0)
        server_client_exit_id(m->server, m->spec.waiting_client, 0);
    menu_spec_free(&m->spec);
    free(m);
}

static const struct overlay_ops menu_ops = {
    .name = "menu",
    .layer = OVERLAY_LAYER_MENU,
    .draw = menu_draw,
    .key = menu_key,
    .mouse = menu_mouse,
    .free = menu_free_data,
};
