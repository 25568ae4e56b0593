/* layout_preset.c - the preset layouts of select-layout: even-horizontal,
 * even-vertical, main-horizontal, main-vertical, tiled. Each is built as a tree of
 * equal cells, then sized to the window (layout_resize keeps them equal) and, for the
 * main-* ones, the main pane's border moved to its size. */
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

struct layout_cell *layout_preset_build(int preset, int n, int sx, int sy, int main_size)
{
    if (n < 1)
        n = 1;
    struct layout_cell *root;
    bool main_first = false;
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
    fit_minimum(root);
    layout_resize(root, root->sx, root->sy); /* children fill their parents */
    layout_resize(root, sx, sy);
    if (main_first && main_size > 0)
        layout_set_pane_size(TAILQ_FIRST(&root->children), main_axis, main_size);
    layout_fix_offsets(root, 0, 0);
    return root;
}
