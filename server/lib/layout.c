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

int layout_min_size(const struct layout_cell *lc, enum layout_type axis)
{
    if (lc->type == LAYOUT_PANE)
        return 1;
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

/* The proportions lc's children keep: their weights, taken again from their sizes when
 * any of them changed since the last resize (a split, a border moved, a pane closed). */
static void take_weights(struct layout_cell *lc, enum layout_type axis)
{
    struct layout_cell *child;
    bool shaped = false;
    TAILQ_FOREACH(child, &lc->children, entry) {
        if (child->weight <= 0 || size_along(child, axis) != child->scaled)
            shaped = true;
    }
    if (!shaped)
        return;
    TAILQ_FOREACH(child, &lc->children, entry)
        child->weight = size_along(child, axis);
}

/* Set lc's size along axis, keeping the proportions of its children. The caller makes
 * sure size is at least the minimum. */
static void scale_cell(struct layout_cell *lc, enum layout_type axis, int size)
{
    set_size_along(lc, axis, size);
    if (lc->type == LAYOUT_PANE)
        return;
    struct layout_cell *child;
    if (lc->type != axis) {
        TAILQ_FOREACH(child, &lc->children, entry)
            scale_cell(child, axis, size);
        return;
    }
    take_weights(lc, axis);
    int n = 0;
    long long old_total = 0;
    TAILQ_FOREACH(child, &lc->children, entry) {
        n++;
        old_total += child->weight;
    }
    int avail = size - (n - 1);
    int *want = xcalloc((size_t)n, sizeof *want);
    int *min = xcalloc((size_t)n, sizeof *min);
    /* Cumulative rounding: the new sizes add up to exactly avail. */
    long long cum = 0, prev_end = 0;
    int i = 0;
    TAILQ_FOREACH(child, &lc->children, entry) {
        cum += child->weight;
        long long end = old_total > 0 ? (cum * avail + old_total / 2) / old_total : avail;
        if (i == n - 1)
            end = avail;
        want[i] = (int)(end - prev_end);
        prev_end = end;
        min[i] = layout_min_size(child, axis);
        i++;
    }
    /* Children below their minimum take from those with the most to spare. */
    for (i = 0; i < n; i++) {
        while (want[i] < min[i]) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (want[j] > min[j] && (best < 0 || want[j] - min[j] > want[best] - min[best]))
                    best = j;
            }
            if (best < 0)
                break;
            int take = want[best] - min[best];
            if (take > min[i] - want[i])
                take = min[i] - want[i];
            want[best] -= take;
            want[i] += take;
        }
    }
    i = 0;
    TAILQ_FOREACH(child, &lc->children, entry) {
        scale_cell(child, axis, want[i]);
        child->scaled = want[i++];
    }
    free(want);
    free(min);
}

/* tmux's arithmetic when a full split (split-window -f) makes room: lc's size along axis
 * becomes size, each child's (its size * size) / (lc's old size), the last the rest, and
 * so down the tree. False, with nothing changed when !apply, if a cell would go
 * below one line or column: the caller then scales by weights (scale_cell). */
static bool fit_like_tmux(struct layout_cell *lc, enum layout_type axis, int size, bool apply)
{
    if (lc->type != LAYOUT_PANE) {
        struct layout_cell *child;
        if (lc->type != axis) {
            TAILQ_FOREACH(child, &lc->children, entry) {
                if (!fit_like_tmux(child, axis, size, apply))
                    return false;
            }
        } else {
            long long old = size_along(lc, axis);
            int left = size;
            TAILQ_FOREACH(child, &lc->children, entry) {
                int want = TAILQ_NEXT(child, entry) == NULL
                               ? left
                               : (int)((size_along(child, axis) * (long long)size) / old);
                if (want < 1 || !fit_like_tmux(child, axis, want, apply))
                    return false;
                left -= want + 1;
            }
        }
    } else if (size < 1) {
        return false;
    }
    if (apply)
        set_size_along(lc, axis, size);
    return true;
}

/* Make room in lc for a full split: as tmux does when it can, else by weights. */
static void fit_for_full_split(struct layout_cell *lc, enum layout_type axis, int size)
{
    if (fit_like_tmux(lc, axis, size, false))
        fit_like_tmux(lc, axis, size, true);
    else
        scale_cell(lc, axis, size);
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
    int most = total - 1 - layout_min_size(lc, type);
    if (most < 1)
        return NULL;
    if (size < 0) /* half: the cell on top (left) gets the odd line, as in tmux */
        size = before ? total - 1 - (total - 1) / 2 : (total - 1) / 2;
    if (size < 1)
        size = 1;
    if (size > most)
        size = most;

    struct layout_cell *leaf = cell_new(LAYOUT_PANE, lc->sx, lc->sy);
    leaf->pane = p;
    set_size_along(leaf, type, size);
    int rest = total - 1 - size;
    if (into_self) {
        /* Every child gives its share. */
        fit_for_full_split(lc, type, rest);
        set_size_along(lc, type, total);
        leaf->parent = lc;
        if (before)
            TAILQ_INSERT_HEAD(&lc->children, leaf, entry);
        else
            TAILQ_INSERT_TAIL(&lc->children, leaf, entry);
    } else {
        /* A pane gives up the side next to the new leaf; the root a full split (-f) puts
         * beside the new leaf shrinks all through. */
        if (lc->type == LAYOUT_PANE)
            set_size_along(lc, type, rest);
        else
            fit_for_full_split(lc, type, rest);
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
    int move = spare_along(from, axis);
    if (move > need)
        move = need;
    resize_cell(lc, axis, size_along(lc, axis) + move);
    resize_cell(from, axis, size_along(from, axis) - move);
    return move;
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
    int move = spare_along(from, axis);
    if (move > need)
        move = need;
    resize_cell(to, axis, size_along(to, axis) + move);
    resize_cell(from, axis, size_along(from, axis) - move);
    return move;
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
        int size = size_along(parent, axis);
        if (n <= 1 || size < n - 1)
            continue;
        int each = (size - (n - 1)) / n;
        if (each == 0)
            continue;
        /* Each the same, the last taking what is left, as tmux spreads them. */
        bool fits = true;
        TAILQ_FOREACH(child, &parent->children, entry) {
            int want = TAILQ_NEXT(child, entry) == NULL ? size - (each + 1) * (n - 1) : each;
            if (want < layout_min_size(child, axis))
                fits = false;
        }
        if (!fits)
            continue;
        bool changed = false;
        TAILQ_FOREACH(child, &parent->children, entry) {
            int want = TAILQ_NEXT(child, entry) == NULL ? size - (each + 1) * (n - 1) : each;
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
