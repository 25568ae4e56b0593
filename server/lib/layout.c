/* layout.c - the layout tree: split, remove, resize (proportional and by one border),
 * offsets, lookups by position and direction. Strings and presets are in
 * layout_string.c and layout_preset.c. */
#include "layout.h"

#include <stdlib.h>

#include "xmalloc.h"

static struct layout_cell *cell_new(enum layout_type type, int sx, int sy)
{
    struct layout_cell *lc = xcalloc(1, sizeof *lc);
    lc->type = type;
    lc->sx = sx;
    lc->sy = sy;
    TAILQ_INIT(&lc->children);
    return lc;
}

struct layout_cell *layout_create(int sx, int sy, struct pane *p)
{
    struct layout_cell *lc = cell_new(LAYOUT_PANE, sx < 1 ? 1 : sx, sy < 1 ? 1 : sy);
    lc->pane = p;
    return lc;
}

void layout_free(struct layout_cell *lc)
{
    if (lc == NULL)
        return;
    struct layout_cell *child;
    while ((child = TAILQ_FIRST(&lc->children)) != NULL) {
        TAILQ_REMOVE(&lc->children, child, entry);
        layout_free(child);
    }
    free(lc);
}

struct layout_cell *layout_root(struct layout_cell *lc)
{
    while (lc != NULL && lc->parent != NULL)
        lc = lc->parent;
    return lc;
}

static int size_along(const struct layout_cell *lc, enum layout_type axis)
{
    return axis == LAYOUT_LEFTRIGHT ? lc->sx : lc->sy;
}

static void set_size_along(struct layout_cell *lc, enum layout_type axis, int size)
{
    if (axis == LAYOUT_LEFTRIGHT)
        lc->sx = size;
    else
        lc->sy = size;
}

bool layout_at_status_edge(const struct layout_cell *lc)
{
    const struct layout_cell *root = lc;
    while (root->parent != NULL)
        root = root->parent;
    if (root->status_edge == LAYOUT_STATUS_OFF)
        return false;
    bool top = root->status_edge == LAYOUT_STATUS_TOP;
    for (; lc->parent != NULL; lc = lc->parent) {
        const struct layout_cell *parent = lc->parent;
        if (parent->type == LAYOUT_TOPBOTTOM &&
            lc != (top ? TAILQ_FIRST(&parent->children)
                       : TAILQ_LAST(&parent->children, layout_cells)))
            return false;
    }
    return true;
}

int layout_min_size(const struct layout_cell *lc, enum layout_type axis)
{
    if (lc->type == LAYOUT_PANE)
        return axis == LAYOUT_TOPBOTTOM && layout_at_status_edge(lc) ? 2 : 1;
    int total = 0, n = 0;
    const struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        int m = layout_min_size(child, axis);
        if (lc->type == axis)
            total += m;
        else if (m > total)
            total = m;
        n++;
    }
    return lc->type == axis ? total + n - 1 : total;
}

/* tmux's size for child c of a cell split along axis (its children 'previous' cells
 * long together) when that cell becomes 'size' long: its share, but leaving every cell
 * after it two cells (itself and a border) and at least its own minimum, never below
 * one; the last takes the 'left' that is left. As in tmux 3.3a, where the limit would
 * be below zero it does not apply. */
static int full_split_share(const struct layout_cell *c, enum layout_type axis, int previous,
                            int size, int count_left, int left)
{
    if (count_left == 1)
        return left;
    int min = 2 * (count_left - 1);
    int own = layout_min_size(c, axis);
    if (own > min)
        min = own;
    int share = previous > 0 ? (int)((size_along(c, axis) * (long long)size) / previous) : 0;
    if (left >= min && share > left - min)
        share = left - min;
    return share < 1 ? 1 : share;
}

/* Whether lc can become size long along axis by tmux's arithmetic for a full split
 * (split-window -f): each child its share, all fitting. */
static bool full_split_fits(const struct layout_cell *lc, enum layout_type axis, int size)
{
    if (lc->type == LAYOUT_PANE)
        return size >= 1;
    const struct layout_cell *child;
    if (lc->type != axis) {
        TAILQ_FOREACH(child, &lc->children, entry) {
            if (child->type != LAYOUT_PANE && !full_split_fits(child, axis, size))
                return false;
        }
        return true;
    }
    int count = 0;
    TAILQ_FOREACH(child, &lc->children, entry)
        count++;
    if (size < count * 2 - 1)
        return false;
    int left = size, i = 0, previous = size_along(lc, axis);
    TAILQ_FOREACH(child, &lc->children, entry) {
        int share = full_split_share(child, axis, previous, size, count - i, left);
        bool last = ++i == count;
        if (share + (last ? 0 : 1) > left)
            return false;
        left -= share + (last ? 0 : 1);
        if (!full_split_fits(child, axis, share))
            return false;
    }
    return true;
}

/* lc has its new size: its children get theirs by full_split_share along lc's split (the
 * size across is lc's), and so down the tree, as tmux 3.3a does for a full split. */
static void full_split_resize_children(struct layout_cell *lc)
{
    if (lc->type == LAYOUT_PANE)
        return;
    enum layout_type axis = lc->type;
    int count = 0, previous = -1;
    struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        count++;
        previous += size_along(child, axis) + 1;
    }
    int left = size_along(lc, axis), i = 0;
    TAILQ_FOREACH(child, &lc->children, entry) {
        int share = full_split_share(child, axis, previous, size_along(lc, axis), count - i, left);
        if (axis == LAYOUT_LEFTRIGHT) {
            child->sx = share;
            child->sy = lc->sy;
        } else {
            child->sx = lc->sx;
            child->sy = share;
        }
        left -= share + 1;
        full_split_resize_children(child);
        i++;
    }
}

/* Set lc's size along axis as tmux does when a window is resized: the difference goes
 * one cell at a time to each child in turn from the first, a shrinking child skipped
 * once it is at its minimum (so a window made smaller then larger again need not come
 * back to the same layout). The caller keeps size at least the minimum. */
static void resize_cell(struct layout_cell *lc, enum layout_type axis, int size)
{
    set_size_along(lc, axis, size);
    if (lc->type == LAYOUT_PANE)
        return;
    struct layout_cell *child;
    if (lc->type != axis) {
        TAILQ_FOREACH(child, &lc->children, entry)
            resize_cell(child, axis, size);
        return;
    }
    int now = -1;
    TAILQ_FOREACH(child, &lc->children, entry)
        now += size_along(child, axis) + 1;
    int change = size - now;
    while (change != 0) {
        bool moved = false;
        TAILQ_FOREACH(child, &lc->children, entry) {
            if (change == 0)
                break;
            int was = size_along(child, axis);
            if (change > 0) {
                resize_cell(child, axis, was + 1);
                change--;
                moved = true;
            } else if (was > layout_min_size(child, axis)) {
                resize_cell(child, axis, was - 1);
                change++;
                moved = true;
            }
        }
        if (!moved)
            break; /* nothing can shrink: the caller asked for less than the minimum */
    }
}

void layout_fix_offsets(struct layout_cell *lc, int xoff, int yoff)
{
    lc->xoff = xoff;
    lc->yoff = yoff;
    struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        layout_fix_offsets(child, xoff, yoff);
        if (lc->type == LAYOUT_LEFTRIGHT)
            xoff += child->sx + 1;
        else
            yoff += child->sy + 1;
    }
}

/* Put 'cell' in the place of 'old' in old's parent (or nowhere, if old was the root). */
static void replace_cell(struct layout_cell *old, struct layout_cell *cell)
{
    struct layout_cell *parent = old->parent;
    cell->parent = parent;
    cell->status_edge = old->status_edge; /* the root's, when cell becomes the root */
    cell->xoff = old->xoff;
    cell->yoff = old->yoff;
    if (parent != NULL) {
        TAILQ_INSERT_AFTER(&parent->children, old, cell, entry);
        TAILQ_REMOVE(&parent->children, old, entry);
    }
    old->parent = NULL;
}

struct layout_cell *layout_split(struct layout_cell *lc, enum layout_type type, int size,
                                 bool before, struct pane *p)
{
    int total = size_along(lc, type);
    bool into_self = lc->type == type; /* a full split of a root split the same way */
    if (total < 3)
        return NULL; /* two panes and a border at least */
    if (size < 0) /* half: the cell on top (left) gets the odd line, as in tmux */
        size = before ? total - 1 - (total - 1) / 2 : (total - 1) / 2;
    if (size < 1)
        size = 1;
    if (size > total - 2)
        size = total - 2;
    int rest = total - 1 - size;
    if (lc->type != LAYOUT_PANE && !full_split_fits(lc, type, rest))
        return NULL;

    struct layout_cell *leaf = cell_new(LAYOUT_PANE, lc->sx, lc->sy);
    leaf->pane = p;
    set_size_along(leaf, type, size);
    if (into_self) {
        /* Every child gives its share. */
        set_size_along(lc, type, rest);
        full_split_resize_children(lc);
        set_size_along(lc, type, total);
        leaf->parent = lc;
        if (before)
            TAILQ_INSERT_HEAD(&lc->children, leaf, entry);
        else
            TAILQ_INSERT_TAIL(&lc->children, leaf, entry);
    } else {
        /* A pane gives up the side next to the new leaf; the root a full split (-f) puts
         * beside the new leaf shrinks all through. */
        set_size_along(lc, type, rest);
        full_split_resize_children(lc);
        if (lc->parent == NULL || lc->parent->type != type) {
            struct layout_cell *box = cell_new(type, lc->sx, lc->sy);
            set_size_along(box, type, total);
            replace_cell(lc, box);
            lc->parent = box;
            TAILQ_INSERT_TAIL(&box->children, lc, entry);
        }
        leaf->parent = lc->parent;
        if (before)
            TAILQ_INSERT_BEFORE(lc, leaf, entry);
        else
            TAILQ_INSERT_AFTER(&lc->parent->children, lc, leaf, entry);
    }
    struct layout_cell *root = layout_root(lc);
    layout_fix_offsets(root, root->xoff, root->yoff);
    return leaf;
}

struct layout_cell *layout_remove(struct layout_cell *lc)
{
    struct layout_cell *parent = lc->parent;
    if (parent == NULL) {
        layout_free(lc);
        return NULL;
    }
    enum layout_type axis = parent->type;
    struct layout_cell *prev = TAILQ_PREV(lc, layout_cells, entry);
    struct layout_cell *gets = prev != NULL ? prev : TAILQ_NEXT(lc, entry);
    int freed = size_along(lc, axis) + 1;
    TAILQ_REMOVE(&parent->children, lc, entry);
    layout_free(lc);
    /* The neighbour grows (its children in turn, as when a window grows). */
    resize_cell(gets, axis, size_along(gets, axis) + freed);
    if (TAILQ_NEXT(TAILQ_FIRST(&parent->children), entry) == NULL) {
        /* One child left: it takes its parent's place, as it is (tmux keeps a cell split
         * the same way as its new parent nested: {A{B,C}} stays so). */
        struct layout_cell *only = TAILQ_FIRST(&parent->children);
        TAILQ_REMOVE(&parent->children, only, entry);
        replace_cell(parent, only);
        free(parent);
        parent = only;
    }
    struct layout_cell *root = layout_root(parent);
    layout_fix_offsets(root, root->xoff, root->yoff);
    return root;
}

void layout_resize(struct layout_cell *root, int sx, int sy)
{
    int min_x = layout_min_size(root, LAYOUT_LEFTRIGHT);
    int min_y = layout_min_size(root, LAYOUT_TOPBOTTOM);
    resize_cell(root, LAYOUT_LEFTRIGHT, sx > min_x ? sx : min_x);
    resize_cell(root, LAYOUT_TOPBOTTOM, sy > min_y ? sy : min_y);
    layout_fix_offsets(root, root->xoff, root->yoff);
}

/* How many cells lc can give along axis: what it has above its minimum. */
static int spare_along(const struct layout_cell *lc, enum layout_type axis)
{
    return size_along(lc, axis) - layout_min_size(lc, axis);
}


/* to grows by what from can spare, need at most; returns the cells moved. */
static int move_cells(struct layout_cell *to, struct layout_cell *from, enum layout_type axis,
                      int need)
{
    int move = spare_along(from, axis);
    if (move > need)
        move = need;
    resize_cell(to, axis, size_along(to, axis) + move);
    resize_cell(from, axis, size_along(from, axis) - move);
    return move;
}
/* lc grows by up to need cells taken from the nearest cell after it with some to spare
 * (before it too, when no cell after it has any and 'either_side'). Returns the cells
 * moved. */
static int grow_from_neighbour(struct layout_cell *lc, enum layout_type axis, int need,
                               bool either_side)
{
    struct layout_cell *from = TAILQ_NEXT(lc, entry);
    while (from != NULL && spare_along(from, axis) == 0)
        from = TAILQ_NEXT(from, entry);
    if (from == NULL && either_side) {
        from = TAILQ_PREV(lc, layout_cells, entry);
        while (from != NULL && spare_along(from, axis) == 0)
            from = TAILQ_PREV(from, layout_cells, entry);
    }
    if (from == NULL)
        return 0;
    return move_cells(lc, from, axis, need);
}

/* The border after lc moves back by up to need cells: the cell after lc grows, lc or
 * (when lc is at its minimum) the nearest cell before it with some to spare gives.
 * Returns the cells moved. */
static int shrink_into_next(struct layout_cell *lc, enum layout_type axis, int need)
{
    struct layout_cell *from = lc, *to = TAILQ_NEXT(lc, entry);
    while (from != NULL && spare_along(from, axis) == 0)
        from = TAILQ_PREV(from, layout_cells, entry);
    if (from == NULL || to == NULL)
        return 0;
    return move_cells(to, from, axis, need);
}

/* Move the border after lc (a child of a split along axis) by delta as tmux 3.3a does:
 * growing takes from the cells after it in order, shrinking gives to the cell after it
 * from lc and then the cells before it; what changes size spreads the change over its
 * own children one cell each in turn. Returns the cells moved (signed). */
static int move_border_after(struct layout_cell *lc, enum layout_type axis, int delta,
                             bool either_side)
{
    int left = delta > 0 ? delta : -delta;
    while (left > 0) {
        int moved = delta > 0 ? grow_from_neighbour(lc, axis, left, either_side)
                              : shrink_into_next(lc, axis, left);
        if (moved == 0)
            break;
        left -= moved;
    }
    struct layout_cell *root = layout_root(lc);
    layout_fix_offsets(root, root->xoff, root->yoff);
    int done = (delta > 0 ? delta : -delta) - left;
    return delta > 0 ? done : -done;
}

int layout_move_border(struct layout_cell *a, int delta)
{
    if (a->parent == NULL || TAILQ_NEXT(a, entry) == NULL || delta == 0)
        return 0;
    return move_border_after(a, a->parent->type, delta, false);
}

/* The cell holding lc whose parent splits along axis: the one a border along that axis
 * touches. NULL if no ancestor splits that way. */
static struct layout_cell *ancestor_on_axis(struct layout_cell *lc, enum layout_type axis)
{
    while (lc->parent != NULL && lc->parent->type != axis)
        lc = lc->parent;
    return lc->parent != NULL ? lc : NULL;
}

int layout_resize_pane(struct layout_cell *lc, enum layout_type axis, int delta)
{
    struct layout_cell *c = ancestor_on_axis(lc, axis);
    if (c == NULL || delta == 0)
        return 0;
    if (TAILQ_NEXT(c, entry) == NULL)
        c = TAILQ_PREV(c, layout_cells, entry);
    return move_border_after(c, axis, delta, true);
}

void layout_set_pane_size(struct layout_cell *lc, enum layout_type axis, int size)
{
    struct layout_cell *c = ancestor_on_axis(lc, axis);
    if (c == NULL)
        return;
    /* The last cell's border is the one before it: moving it forward shrinks it. */
    int delta = size - size_along(c, axis);
    layout_resize_pane(lc, axis, TAILQ_NEXT(c, entry) == NULL ? -delta : delta);
}

struct layout_cell *layout_first_leaf(struct layout_cell *lc)
{
    while (lc != NULL && lc->type != LAYOUT_PANE)
        lc = TAILQ_FIRST(&lc->children);
    return lc;
}

struct layout_cell *layout_next_leaf(struct layout_cell *lc)
{
    while (lc != NULL && lc->parent != NULL) {
        struct layout_cell *next = TAILQ_NEXT(lc, entry);
        if (next != NULL)
            return layout_first_leaf(next);
        lc = lc->parent;
    }
    return NULL;
}

int layout_count_leaves(const struct layout_cell *lc)
{
    if (lc->type == LAYOUT_PANE)
        return 1;
    int n = 0;
    const struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry)
        n += layout_count_leaves(child);
    return n;
}

static bool contains(const struct layout_cell *lc, int x, int y)
{
    return x >= lc->xoff && x < lc->xoff + lc->sx && y >= lc->yoff && y < lc->yoff + lc->sy;
}

struct layout_cell *layout_leaf_at(struct layout_cell *lc, int x, int y)
{
    if (lc == NULL || !contains(lc, x, y))
        return NULL;
    if (lc->type == LAYOUT_PANE)
        return lc;
    struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        if (contains(child, x, y))
            return layout_leaf_at(child, x, y);
    }
    return NULL;
}

struct layout_cell *layout_border_at(struct layout_cell *lc, int x, int y)
{
    if (lc == NULL || lc->type == LAYOUT_PANE || !contains(lc, x, y))
        return NULL;
    struct layout_cell *child;
    TAILQ_FOREACH(child, &lc->children, entry) {
        if (contains(child, x, y))
            return layout_border_at(child, x, y);
        if (TAILQ_NEXT(child, entry) == NULL)
            break;
        if (lc->type == LAYOUT_LEFTRIGHT && x == child->xoff + child->sx)
            return child;
        if (lc->type == LAYOUT_TOPBOTTOM && y == child->yoff + child->sy)
            return child;
    }
    return NULL;
}

bool layout_beside(const struct layout_cell *root, const struct layout_cell *lc,
                   const struct layout_cell *other, enum layout_type axis, bool forward)
{
    if (other == lc)
        return false;
    bool across = axis == LAYOUT_LEFTRIGHT;
    int lc_off = across ? lc->xoff : lc->yoff, lc_size = size_along(lc, axis);
    int o_off = across ? other->xoff : other->yoff, o_size = size_along(other, axis);
    int start = across ? root->xoff : root->yoff, size = size_along(root, axis);
    /* The line just past lc's edge (past the window's edge: the other side's). */
    if (forward) {
        int edge = lc_off + lc_size + 1;
        if (edge >= start + size)
            edge = start;
        if (o_off != edge)
            return false;
    } else {
        int edge = lc_off == start ? start + size + 1 : lc_off;
        if (o_off + o_size + 1 != edge)
            return false;
    }
    /* Overlapping lc along the other axis (its far edge counted one past, as tmux). */
    enum layout_type other_axis = across ? LAYOUT_TOPBOTTOM : LAYOUT_LEFTRIGHT;
    int lo = across ? lc->yoff : lc->xoff, hi = lo + size_along(lc, other_axis);
    int first = across ? other->yoff : other->xoff;
    int last = first + size_along(other, other_axis) - 1;
    return (first < lo && last > hi) || (first >= lo && first <= hi) || (last >= lo && last <= hi);
}

bool layout_spread(struct layout_cell *lc)
{
    for (struct layout_cell *parent = lc->parent; parent != NULL; parent = parent->parent) {
        enum layout_type axis = parent->type;
        int n = 0;
        struct layout_cell *child;
        TAILQ_FOREACH(child, &parent->children, entry)
            n++;
        /* The row a status edge's pane gives to its line is not shared out: that pane
         * gets it on top of its share, as tmux spreads them. */
        bool edge_rows = axis == LAYOUT_TOPBOTTOM;
        int size = size_along(parent, axis) - (edge_rows && layout_at_status_edge(parent));
        if (n <= 1 || size < n - 1)
            continue;
        int each = (size - (n - 1)) / n;
        if (each == 0)
            continue;
        /* Each the same, the last taking what is left, as tmux spreads them. */
        bool fits = true;
        TAILQ_FOREACH(child, &parent->children, entry) {
            int want = (TAILQ_NEXT(child, entry) == NULL ? size - (each + 1) * (n - 1) : each) +
                       (edge_rows && layout_at_status_edge(child));
            if (want < layout_min_size(child, axis))
                fits = false;
        }
        if (!fits)
            continue;
        bool changed = false;
        TAILQ_FOREACH(child, &parent->children, entry) {
            int want = (TAILQ_NEXT(child, entry) == NULL ? size - (each + 1) * (n - 1) : each) +
                       (edge_rows && layout_at_status_edge(child));
            if (want != size_along(child, axis)) {
                resize_cell(child, axis, want); /* its own children one cell each in turn */
                changed = true;
            }
        }
        if (changed) {
            struct layout_cell *root = layout_root(lc);
            layout_fix_offsets(root, root->xoff, root->yoff);
            return true;
        }
    }
    return false;
}
