/* status_format.c - a status line from an expanded format (see status_format.h): the
 * text is cut into runs (style_split), each run goes to a section by its align and list
 * words, and the sections are placed on the line as tmux 3.3a places them, trimmed in
 * tmux's order when they do not fit. */
#include "status_format.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The sections of a line: text by alignment outside the list, the list, its two
 * markers, and what follows the list in the list's own alignment. */
enum { SEC_LEFT, SEC_CENTRE, SEC_RIGHT, SEC_ABS_CENTRE, SEC_LIST, SEC_LIST_LEFT, SEC_LIST_RIGHT,
       SEC_AFTER, SEC_COUNT };

struct section {
    struct grid_cell *cells;
    enum style_range *range;
    long *arg;
    int width;
};

struct draw {
    struct canvas *cv;
    int y;
    struct status_format_range **ranges;
    size_t *nranges;
};

/* Append a run's text to a section. */
static void section_add(struct section *sec, const struct style_run *r)
{
    char *piece = xstrndup(r->text, r->len);
    int w = canvas_text_width(piece);
    if (w > 0) {
        struct canvas tmp;
        canvas_init(&tmp, w, 1);
        w = canvas_put_text(&tmp, 0, 0, w, piece, &r->pen);
        size_t n = (size_t)sec->width + (size_t)w;
        sec->cells = xreallocarray(sec->cells, n, sizeof *sec->cells);
        sec->range = xreallocarray(sec->range, n, sizeof *sec->range);
        sec->arg = xreallocarray(sec->arg, n, sizeof *sec->arg);
        for (int i = 0; i < w; i++) {
            sec->cells[sec->width + i] = *canvas_cell(&tmp, i, 0);
            sec->range[sec->width + i] = r->range;
            sec->arg[sec->width + i] = r->range_arg;
        }
        sec->width += w;
        canvas_free(&tmp);
    }
    free(piece);
}

/* Copy width cells of sec from column start to column x of the line, noting ranges. A
 * wide character cut by either edge shows as a blank. */
static void put(struct draw *d, const struct section *sec, int x, int start, int width)
{
    struct canvas *cv = d->cv;
    for (int i = 0; i < width; i++) {
        int sx = start + i, dx = x + i;
        if (sx < 0 || sx >= sec->width || dx < 0 || dx >= cv->cols)
            continue;
        struct grid_cell cell = sec->cells[sx];
        unsigned cw = grid_cell_width(&cell);
        if ((cw == 0 && i == 0) || (cw == 2 && (i == width - 1 || dx + 1 >= cv->cols))) {
            cell.ch = ' ';
            cell.comb = 0;
            grid_cell_set_width(&cell, 1);
        }
        *canvas_cell(cv, dx, d->y) = cell;
        if (sec->range[sx] == STYLE_RANGE_NONE)
            continue;
        struct status_format_range *last =
            *d->nranges > 0 ? &(*d->ranges)[*d->nranges - 1] : NULL;
        if (last != NULL && last->range == sec->range[sx] && last->arg == sec->arg[sx] &&
            last->x1 == dx) {
            last->x1++;
            continue;
        }
        *d->ranges = xreallocarray(*d->ranges, *d->nranges + 1, sizeof **d->ranges);
        (*d->ranges)[(*d->nranges)++] = (struct status_format_range){
            .range = sec->range[sx], .arg = sec->arg[sx], .x0 = dx, .x1 = dx + 1};
    }
}

/* The list in width columns from x: whole if it fits, otherwise the part around the
 * focus with the markers at the edges where something is left out. */
static void put_list(struct draw *d, struct section *s, int x, int width, int focus_start,
                     int focus_end)
{
    const struct section *list = &s[SEC_LIST], *ll = &s[SEC_LIST_LEFT], *lr = &s[SEC_LIST_RIGHT];
    if (width >= list->width) {
        put(d, list, x, 0, width);
        return;
    }
    int centre = focus_start + (focus_end - focus_start) / 2;
    int start = centre < width / 2 ? 0 : centre - width / 2;
    if (start + width > list->width)
        start = list->width - width;
    if (start != 0 && width > ll->width) {
        put(d, ll, x, 0, ll->width);
        x += ll->width;
        start += ll->width;
        width -= ll->width;
    }
    if (start + width < list->width && width > lr->width) {
        put(d, lr, x + width - lr->width, 0, lr->width);
        width -= lr->width;
    }
    put(d, list, x, start, width);
}

/* absolute-centre text: in the middle of the whole line. */
static void put_abs_centre(struct draw *d, struct section *s, int avail)
{
    int w = s[SEC_ABS_CENTRE].width < avail ? s[SEC_ABS_CENTRE].width : avail;
    put(d, &s[SEC_ABS_CENTRE], (avail - w) / 2, 0, w);
}

/* Take cells off *first, then *second, then *third until the three fit in avail. */
static void trim_three(int *first, int *second, int *third, int avail)
{
    while (*first + *second + *third > avail) {
        if (*first > 0)
            (*first)--;
        else if (*second > 0)
            (*second)--;
        else
            (*third)--;
    }
}

/* No list: left, right, and the centre between them; the centre is trimmed first. */
static void draw_none(struct draw *d, struct section *s, int avail)
{
    int wl = s[SEC_LEFT].width, wc = s[SEC_CENTRE].width, wr = s[SEC_RIGHT].width;
    trim_three(&wc, &wr, &wl, avail);
    put(d, &s[SEC_LEFT], 0, 0, wl);
    put(d, &s[SEC_RIGHT], avail - wr, s[SEC_RIGHT].width - wr, wr);
    put(d, &s[SEC_CENTRE], wl + ((avail - wr) - wl) / 2 - wc / 2, s[SEC_CENTRE].width / 2 - wc / 2,
        wc);
    put_abs_centre(d, s, avail);
}

/* Trim the widths w[LEFT..AFTER] in the order given until they fit. */
static void trim(int *w, const int *order, int norder, int avail)
{
    for (;;) {
        int total = w[SEC_LEFT] + w[SEC_CENTRE] + w[SEC_RIGHT] + w[SEC_LIST] + w[SEC_AFTER];
        if (total <= avail)
            return;
        for (int i = 0; i < norder; i++) {
            if (w[order[i]] > 0 || i == norder - 1) {
                w[order[i]]--;
                break;
            }
        }
    }
}

/* The list after the left text (status-justify left) or before the right text (right). */
static void draw_side(struct draw *d, struct section *s, int avail, bool right, int fs, int fe)
{
    int w[SEC_COUNT];
    for (int i = 0; i < SEC_COUNT; i++)
        w[i] = s[i].width;
    static const int order[] = {SEC_CENTRE, SEC_LIST, SEC_RIGHT, SEC_AFTER, SEC_LEFT};
    trim(w, order, 5, avail);
    if (w[SEC_LIST] <= 0) {
        draw_none(d, s, avail);
        return;
    }
    put(d, &s[SEC_LEFT], 0, 0, w[SEC_LEFT]);
    if (!right) {
        put(d, &s[SEC_RIGHT], avail - w[SEC_RIGHT], s[SEC_RIGHT].width - w[SEC_RIGHT], w[SEC_RIGHT]);
        put(d, &s[SEC_AFTER], w[SEC_LEFT] + w[SEC_LIST], 0, w[SEC_AFTER]);
        int from = w[SEC_LEFT] + w[SEC_LIST] + w[SEC_AFTER];
        put(d, &s[SEC_CENTRE], from + ((avail - w[SEC_RIGHT]) - from) / 2 - w[SEC_CENTRE] / 2,
            s[SEC_CENTRE].width / 2 - w[SEC_CENTRE] / 2, w[SEC_CENTRE]);
        if (fs == -1 || fe == -1)
            fs = fe = 0;
        put_list(d, s, w[SEC_LEFT], w[SEC_LIST], fs, fe);
    } else {
        put(d, &s[SEC_AFTER], avail - w[SEC_AFTER], s[SEC_AFTER].width - w[SEC_AFTER], w[SEC_AFTER]);
        int to = avail - w[SEC_RIGHT] - w[SEC_LIST] - w[SEC_AFTER];
        put(d, &s[SEC_RIGHT], to, 0, w[SEC_RIGHT]);
        put(d, &s[SEC_CENTRE], w[SEC_LEFT] + (to - w[SEC_LEFT]) / 2 - w[SEC_CENTRE] / 2,
            s[SEC_CENTRE].width / 2 - w[SEC_CENTRE] / 2, w[SEC_CENTRE]);
        if (fs == -1 || fe == -1)
            fs = fe = s[SEC_LIST].width - 1;
        put_list(d, s, avail - w[SEC_LIST] - w[SEC_AFTER], w[SEC_LIST], fs, fe);
    }
    put_abs_centre(d, s, avail);
}

/* The list in the middle between the left and right texts (status-justify centre), the
 * centre text before it and the after text after it. */
static void draw_centre(struct draw *d, struct section *s, int avail, int fs, int fe)
{
    int w[SEC_COUNT];
    for (int i = 0; i < SEC_COUNT; i++)
        w[i] = s[i].width;
    static const int order[] = {SEC_LIST, SEC_AFTER, SEC_CENTRE, SEC_RIGHT, SEC_LEFT};
    trim(w, order, 5, avail);
    if (w[SEC_LIST] <= 0) {
        draw_none(d, s, avail);
        return;
    }
    put(d, &s[SEC_LEFT], 0, 0, w[SEC_LEFT]);
    put(d, &s[SEC_RIGHT], avail - w[SEC_RIGHT], s[SEC_RIGHT].width - w[SEC_RIGHT], w[SEC_RIGHT]);
    int middle = w[SEC_LEFT] + ((avail - w[SEC_RIGHT]) - w[SEC_LEFT]) / 2;
    put(d, &s[SEC_CENTRE], middle - w[SEC_LIST] / 2 - w[SEC_CENTRE], 0, w[SEC_CENTRE]);
    put(d, &s[SEC_AFTER], middle - w[SEC_LIST] / 2 + w[SEC_LIST], 0, w[SEC_AFTER]);
    if (fs == -1 || fe == -1)
        fs = fe = s[SEC_LIST].width / 2;
    put_list(d, s, middle - w[SEC_LIST] / 2, w[SEC_LIST], fs, fe);
    put_abs_centre(d, s, avail);
}

/* The list in the middle of the whole line (status-justify absolute-centre), drawn over
 * the left, centre and right texts, which are trimmed on their own. */
static void draw_abs_centre(struct draw *d, struct section *s, int avail, int fs, int fe)
{
    int wl = s[SEC_LEFT].width, wc = s[SEC_CENTRE].width, wr = s[SEC_RIGHT].width;
    trim_three(&wc, &wr, &wl, avail);
    int wa = s[SEC_ABS_CENTRE].width, wlist = s[SEC_LIST].width, wafter = s[SEC_AFTER].width;
    trim_three(&wa, &wlist, &wafter, avail);
    put(d, &s[SEC_LEFT], 0, 0, wl);
    put(d, &s[SEC_RIGHT], avail - wr, s[SEC_RIGHT].width - wr, wr);
    int middle = wl + ((avail - wr) - wl) / 2;
    put(d, &s[SEC_CENTRE], middle - wc, 0, wc);
    if (fs == -1 || fe == -1)
        fs = fe = s[SEC_LIST].width / 2;
    int x = (avail - wlist - wa) / 2;
    put(d, &s[SEC_ABS_CENTRE], x, 0, wa);
    x += wa;
    put_list(d, s, x, wlist, fs, fe);
    x += wlist;
    put(d, &s[SEC_AFTER], x, 0, wafter);
}

void status_format_draw(struct canvas *cv, int y, const char *text, const struct grid_pen *base,
                        struct status_format_range **ranges, size_t *nranges)
{
    size_t n = style_split(text, base, NULL, 0);
    struct style_run *runs = xcalloc(n + 1, sizeof *runs);
    style_split(text, base, runs, n);

    struct section s[SEC_COUNT];
    memset(s, 0, sizeof s);
    int list_state = -1; /* -1 no list yet, 0 in it, 1 after it */
    enum style_align list_align = STYLE_ALIGN_LEFT;
    int focus_start = -1, focus_end = -1;
    uint32_t fill = COLOUR_DEFAULT;
    for (size_t i = 0; i < n; i++) {
        const struct style_run *r = &runs[i];
        int sec;
        if (r->list != STYLE_LIST_OFF && list_state != 0) {
            list_state = 0;
            list_align = r->align;
        }
        if (r->list != STYLE_LIST_FOCUS && focus_start != -1 && focus_end == -1)
            focus_end = s[SEC_LIST].width;
        switch (r->list) {
        case STYLE_LIST_FOCUS:
            if (focus_start == -1)
                focus_start = s[SEC_LIST].width;
            sec = SEC_LIST;
            break;
        case STYLE_LIST_ON:
            sec = SEC_LIST;
            break;
        case STYLE_LIST_LEFT_MARKER:
            sec = SEC_LIST_LEFT;
            break;
        case STYLE_LIST_RIGHT_MARKER:
            sec = SEC_LIST_RIGHT;
            break;
        default:
            if (list_state == 0)
                list_state = 1;
            if (list_state == 1 && r->align == list_align)
                sec = SEC_AFTER;
            else if (r->align == STYLE_ALIGN_CENTRE)
                sec = SEC_CENTRE;
            else if (r->align == STYLE_ALIGN_RIGHT)
                sec = SEC_RIGHT;
            else if (r->align == STYLE_ALIGN_ABSOLUTE_CENTRE)
                sec = SEC_ABS_CENTRE;
            else
                sec = SEC_LEFT;
            break;
        }
        section_add(&s[sec], r);
        fill = r->fill;
    }
    if (focus_start != -1 && focus_end == -1)
        focus_end = s[SEC_LIST].width;

    if (fill != COLOUR_DEFAULT) {
        struct grid_pen pen = *base;
        pen.bg = fill;
        for (int x = 0; x < cv->cols; x++)
            canvas_put_cell(cv, x, y, ' ', 1, &pen);
    }
    struct draw d = {.cv = cv, .y = y, .ranges = ranges, .nranges = nranges};
    int avail = cv->cols;
    if (list_state == -1 || s[SEC_LIST].width == 0)
        draw_none(&d, s, avail);
    else if (list_align == STYLE_ALIGN_CENTRE)
        draw_centre(&d, s, avail, focus_start, focus_end);
    else if (list_align == STYLE_ALIGN_ABSOLUTE_CENTRE)
        draw_abs_centre(&d, s, avail, focus_start, focus_end);
    else
        draw_side(&d, s, avail, list_align == STYLE_ALIGN_RIGHT, focus_start, focus_end);

    for (int i = 0; i < SEC_COUNT; i++) {
        free(s[i].cells);
        free(s[i].range);
        free(s[i].arg);
    }
    free(runs);
}
