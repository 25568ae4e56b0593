/* text_view.c - command output over the window area (see text_view.h). */
#include "text_view.h"

#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "overlay.h"
#include "redraw.h"
#include "render.h"
#include "xmalloc.h"

struct text_view {
    char **lines;
    size_t n;
    size_t top;   /* the first line shown */
};

static const struct overlay_ops text_view_ops;

/* Rows a page scrolls: the window area less one. */
static size_t page_of(struct client *c)
{
    return c->rows > 2 ? (size_t)(c->rows - 2) : 1;
}

/* The last page stays full when it can. */
static void clamp(struct client *c, struct text_view *tv)
{
    size_t page = page_of(c);
    if (tv->top + page > tv->n)
        tv->top = tv->n > page ? tv->n - page : 0;
}

void text_view_show(struct client *c, const char *text, size_t len)
{
    struct text_view *tv = xcalloc(1, sizeof *tv);
    char *copy = xstrndup(text, len);
    for (char *line = copy, *nl; line != NULL && *line != '\0'; line = nl) {
        nl = strchr(line, '\n');
        if (nl != NULL)
            *nl++ = '\0';
        tv->lines = xreallocarray(tv->lines, tv->n + 1, sizeof *tv->lines);
        tv->lines[tv->n++] = xstrdup(line);
    }
    free(copy);
    overlay_open(c, &text_view_ops, tv);
}

static void text_view_draw(struct client *c, void *data, struct canvas *cv, int rows)
{
    struct text_view *tv = data;
    (void)c;
    const struct grid_pen pen = {0};
    for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cv->cols; x++)
            canvas_put_cell(cv, x, y, ' ', 1, &pen);
        size_t i = tv->top + (size_t)y;
        if (i < tv->n)
            canvas_put_text(cv, 0, y, cv->cols, tv->lines[i], &pen);
    }
    cv->cursor_visible = false;
}

/* Scroll, or close on any other key. */
static bool text_view_key(struct client *c, void *data, key_code key)
{
    struct text_view *tv = data;
    size_t page = page_of(c);
    if (key == KEYC_DOWN || key == 'j')
        tv->top++;
    else if (key == KEYC_UP || key == 'k')
        tv->top = tv->top > 0 ? tv->top - 1 : 0;
    else if (key == KEYC_NPAGE || key == ' ')
        tv->top += page;
    else if (key == KEYC_PPAGE)
        tv->top = tv->top > page ? tv->top - page : 0;
    else {
        overlay_close(c, &text_view_ops);
        return true;
    }
    clamp(c, tv);
    client_redraw(c, REDRAW_STATUS);
    return true;
}

static void text_view_resize(struct client *c, void *data)
{
    clamp(c, data);
}

static void text_view_free(void *data)
{
    struct text_view *tv = data;
    for (size_t i = 0; i < tv->n; i++)
        free(tv->lines[i]);
    free(tv->lines);
    free(tv);
}

static const struct overlay_ops text_view_ops = {
    .name = "text-view",
    .layer = OVERLAY_LAYER_VIEW,
    .draw = text_view_draw,
    .key = text_view_key,
    .resize = text_view_resize,
    .free = text_view_free,
};
