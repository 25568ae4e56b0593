/* layout_preset.c - the preset layouts of select-layout: even-horizontal,
 * even-vertical, main-horizontal, main-vertical, tiled. Each is built as a tree of
 * equal cells, then sized to the window: even-* and tiled as tmux sizes them (equal
 * cells, the odd ones to the last of a row), the main-* ones by layout_resize and the
 * main pane's border moved to its size. */
#include "layout.h"

#include <string.h>

#include "xmalloc.h"

static const char *const preset_names[LAYOUT_PRESET_COUNT] = {
    "even-horizontal", "even-vertical", "main-horizontal", "main-vertical", "tiled",
};

int layout_preset_find(const char *name)
{
    for (int i = 0; i < LAYOUT_PRESET_COUNT; i++) {
        if (strcmp(name, preset_names[i]) == 0)
            return i;
    }
    return -1;
}

const char *layout_preset_name(int preset)
{
    return preset >= 0 && preset < LAYOUT_PRESET_COUNT ? preset_names[preset] : "";
}

static void add_child(struct layout_cell *parent, struct layout_cell *child)
{
    child->parent = parent;
    TAILQ_INSERT_TAIL(&parent->children, child, entry);
}

/* n leaves split along type (one leaf when n is 1). */
static struct layout_cell *row_of(enum layout_type type, int n)
{
    if (n == 1)
        return layout_create(1, 1, NULL);
    struct layout_cell *box = layout_create(1, 1, NULL);
    box->type = type;
    for (int i = 0; i < n; i++)
        add_child(box, layout_create(1, 1, NULL));
    return box;
}

/* Sizes every cell to its minimum, children filling their parents exactly. */
static void fit_minimum(struct layout_cell *lc)
{
    struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry)
        fit_minimum(child);
    lc->sx = layout_min_size(lc, LAYOUT_LEFTRIGHT);
    lc->sy = layout_min_size(lc, LAYOUT_TOPBOTTOM);
}

/* Size the n children of box along axis in size cells (a border between each two): each
 * gets the same, the last what is left, as tmux's even and tiled layouts give them; the
 * other axis is the box's. With 'edge', down the rows, the row a pane at the status edge
 * gives to its line (layout_at_status_edge) is not shared: that pane gets it on top of its
 * share, as tmux spreads even and main layouts (its tiled rows share it). False, changing
 * nothing, when a child would get no cell. */
static bool spread_children(struct layout_cell *box, enum layout_type axis, int size, int each,
                            bool edge)
{
    int n = 0;
    struct layout_cell *child;
    TAILQ_FOREACH(child, &box->children, entry)
        n++;
    bool edge_rows = edge && axis == LAYOUT_TOPBOTTOM && layout_at_status_edge(box);
    if (edge_rows) {
        size--;
        each = n > 0 ? (size - (n - 1)) / n : 0;
    }
    if (each < 1 || size - (each + 1) * (n - 1) < 1)
        return false;
    TAILQ_FOREACH(child, &box->children, entry) {
        int want = TAILQ_NEXT(child, entry) == NULL ? size - (each + 1) * (n - 1) : each;
        want += edge_rows && layout_at_status_edge(child);
        child->sx = axis == LAYOUT_LEFTRIGHT ? want : box->sx;
        child->sy = axis == LAYOUT_TOPBOTTOM ? want : box->sy;
    }
    return true;
}

/* even-* and tiled sized as tmux sizes them, so that layout strings match: equal cells
 * (tiled: columns of the width a full row's would have), the last of each row and the
 * last row taking the odd cells. False when the window is too small for that. */
static bool size_like_tmux(struct layout_cell *root, int preset, int sx, int sy, int cols)
{
    root->sx = sx;
    root->sy = sy;
    if (TAILQ_EMPTY(&root->children))
        return true;
    int n = 0;
    struct layout_cell *child;
    TAILQ_FOREACH(child, &root->children, entry)
        n++;
    if (preset != LAYOUT_TILED) {
        int size = root->type == LAYOUT_LEFTRIGHT ? sx : sy;
        return spread_children(root, root->type, size, (size - (n - 1)) / n, true);
    }
    if (!spread_children(root, LAYOUT_TOPBOTTOM, sy, (sy - (n - 1)) / n, false))
        return false;
    TAILQ_FOREACH(child, &root->children, entry) {
        if (!TAILQ_EMPTY(&child->children) &&
            !spread_children(child, LAYOUT_LEFTRIGHT, sx, (sx - (cols - 1)) / cols, false))
            return false;
    }
    return true;
}

struct layout_cell *layout_preset_build(int preset, int n, int sx, int sy, int main_size,
                                        int status_edge)
{
    if (n < 1)
        n = 1;
    struct layout_cell *root;
    bool main_first = false;
    int tiled_cols = 1;
    enum layout_type main_axis = LAYOUT_LEFTRIGHT;
    switch (preset) {
    case LAYOUT_EVEN_VERTICAL:
        root = row_of(LAYOUT_TOPBOTTOM, n);
        break;
    case LAYOUT_MAIN_HORIZONTAL:
    case LAYOUT_MAIN_VERTICAL: {
        bool vertical = preset == LAYOUT_MAIN_VERTICAL;
        if (n == 1) {
            root = row_of(LAYOUT_LEFTRIGHT, 1);
            break;
        }
        root = layout_create(1, 1, NULL);
        root->type = vertical ? LAYOUT_LEFTRIGHT : LAYOUT_TOPBOTTOM;
        add_child(root, layout_create(1, 1, NULL));
        add_child(root, row_of(vertical ? LAYOUT_TOPBOTTOM : LAYOUT_LEFTRIGHT, n - 1));
        main_first = true;
        main_axis = root->type;
        break;
    }
    case LAYOUT_TILED: {
        int rows = 1, cols = 1;
        while (rows * cols < n) {
            rows++;
            if (rows * cols < n)
                cols++;
        }
        /* Fewer rows if the last ones would be empty. */
        while (rows > 1 && (rows - 1) * cols >= n)
            rows--;
        tiled_cols = cols;
        if (rows == 1) {
            root = row_of(LAYOUT_LEFTRIGHT, n);
            break;
        }
        root = layout_create(1, 1, NULL);
        root->type = LAYOUT_TOPBOTTOM;
        for (int r = 0, left = n; r < rows; r++, left -= cols)
            add_child(root, row_of(LAYOUT_LEFTRIGHT, left < cols ? left : cols));
        break;
    }
    default:
        root = row_of(LAYOUT_LEFTRIGHT, n);
        break;
    }
    /* tmux sizes a main pane as if no pane gave a row to its line (the other panes of
     * main-horizontal may get a single row at the bottom edge): the edge counts from
     * the spreading of the others on. */
    root->status_edge = main_first ? LAYOUT_STATUS_OFF : status_edge;
    bool sized = false;
    if (preset == LAYOUT_EVEN_HORIZONTAL || preset == LAYOUT_EVEN_VERTICAL ||
        preset == LAYOUT_TILED)
        sized = size_like_tmux(root, preset, sx, sy, tiled_cols);
    if (!sized) {
        fit_minimum(root);
        layout_resize(root, root->sx, root->sy); /* children fill their parents */
        layout_resize(root, sx, sy);
    }
    if (main_first && main_size > 0)
        layout_set_pane_size(TAILQ_FIRST(&root->children), main_axis, main_size);
    root->status_edge = status_edge;
    if (main_first) {
        /* The other panes share their row as tmux spreads them: equal, the last taking
         * the odd cells (what is left after the main pane was sized). */
        struct layout_cell *others = TAILQ_NEXT(TAILQ_FIRST(&root->children), entry);
        int m = 0;
        struct layout_cell *child;
        TAILQ_FOREACH(child, &others->children, entry)
            m++;
        int size = others->type == LAYOUT_LEFTRIGHT ? others->sx : others->sy;
        if (m > 1)
            spread_children(others, others->type, size, (size - (m - 1)) / m, true);
    }
    layout_fix_offsets(root, 0, 0);
    return root;
}
