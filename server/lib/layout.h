/* layout.h - how a window's area is shared by its panes: a tree of cells. A leaf cell
 * shows one pane; an inner cell splits its rectangle left/right or top/bottom among its
 * children, with a one-cell border between neighbours. Pure geometry: this module never
 * calls into panes (a caller says what a pane's id is when printing a layout string),
 * so it is unit-tested alone. */
#ifndef TMX_LAYOUT_H
#define TMX_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "queue.h"

struct pane;

enum layout_type {
    LAYOUT_PANE,        /* a leaf: one pane */
    LAYOUT_LEFTRIGHT,   /* children side by side, '{...}' in a layout string */
    LAYOUT_TOPBOTTOM,   /* children stacked, '[...]' in a layout string */
};

TAILQ_HEAD(layout_cells, layout_cell);

struct layout_cell {
    enum layout_type type;
    struct layout_cell *parent;
    TAILQ_ENTRY(layout_cell) entry;
    struct layout_cells children;   /* inner cells: two or more */
    int sx, sy;                     /* size in cells */
    int xoff, yoff;                 /* top-left, in window coordinates */
    struct pane *pane;              /* leaves: the pane shown (may be NULL while built) */
    /* The root's: pane-border-status (LAYOUT_STATUS_*), whose panes at the top (bottom)
     * edge give a row of their own to their line, one row more at the least. */
    int status_edge;
};

enum { LAYOUT_STATUS_OFF, LAYOUT_STATUS_TOP, LAYOUT_STATUS_BOTTOM };

/* A new tree of one leaf of sx x sy showing p. */
struct layout_cell *layout_create(int sx, int sy, struct pane *p);
/* Free a cell and everything under it (never the panes). */
void layout_free(struct layout_cell *lc);
/* The root of the tree holding lc. */
struct layout_cell *layout_root(struct layout_cell *lc);

/* Smallest size the cell can have along LAYOUT_LEFTRIGHT (width) or LAYOUT_TOPBOTTOM
 * (height): every pane at least 1x1, borders between them, a pane at the status edge a
 * row more. */
int layout_min_size(const struct layout_cell *lc, enum layout_type axis);
/* Whether lc is at the edge of the layout its root's status_edge names (the top, or the
 * bottom), where a pane gives a row of its own to its pane-border-status line; false
 * with none. */
bool layout_at_status_edge(const struct layout_cell *lc);

/* Split lc (a leaf, or the root for a full-width/height split) in two along type
 * (LAYOUT_LEFTRIGHT: side by side). The new leaf shows p, is 'size' cells along the
 * split (size < 0: half of lc), before lc when 'before'. Returns the new leaf, or
 * NULL when lc is too small to hold two panes and a border (nothing changed). */
struct layout_cell *layout_split(struct layout_cell *lc, enum layout_type type, int size,
                                 bool before, struct pane *p);
/* Remove leaf lc; its space goes to the neighbour before it (after it if it was first),
 * spread over that cell's panes one each in turn; a lone sibling left takes its parent's
 * place as it is (nested, even when split the same way as its new parent: tmux 3.3a).
 * Returns the root of what is left, NULL if lc was the only cell. */
struct layout_cell *layout_remove(struct layout_cell *lc);

/* Resize the whole tree to sx x sy keeping proportions (never below its minimum size:
 * on a tiny terminal the layout is larger than the window and is drawn clipped). */
void layout_resize(struct layout_cell *root, int sx, int sy);
/* Move the border of leaf lc along axis by delta cells (positive: right/down): the one
 * after lc, or before it when lc is the last along that axis, as tmux 3.3a's resize-pane
 * -L/-R/-U/-D: growing takes from the cells after the border, nearest first, then from
 * those before it; shrinking gives the next cell what lc, then the cells before it, can
 * spare. Nothing goes below its minimum. Returns the cells moved (signed). */
int layout_resize_pane(struct layout_cell *lc, enum layout_type axis, int delta);
/* Make leaf lc 'size' cells wide (LAYOUT_LEFTRIGHT) or high, as far as neighbours allow. */
void layout_set_pane_size(struct layout_cell *lc, enum layout_type axis, int size);
/* Move the border between a and the cell after it (children of one parent) by delta,
 * taking only from the cells on the side it moves into (a mouse drag, as tmux). */
int layout_move_border(struct layout_cell *a, int delta);
/* Recompute every offset from the root placed at (xoff, yoff). */
void layout_fix_offsets(struct layout_cell *root, int xoff, int yoff);

/* Leaves in order (left to right, top to bottom as the tree nests them). */
/* select-layout -E: the cells of lc's parent made the same size along its split (the
 * first ancestor where that changes anything, as tmux). True if something changed. */
bool layout_spread(struct layout_cell *lc);
struct layout_cell *layout_first_leaf(struct layout_cell *lc);
struct layout_cell *layout_next_leaf(struct layout_cell *lc);
int layout_count_leaves(const struct layout_cell *lc);
/* The leaf covering (x, y), NULL if none (a border or outside). */
struct layout_cell *layout_leaf_at(struct layout_cell *root, int x, int y);
/* The border at (x, y): returns the cell before it (the border is after that cell
 * along its parent's axis), NULL if (x, y) is not on a border. */
struct layout_cell *layout_border_at(struct layout_cell *root, int x, int y);
/* Whether cell other is next to cell lc in a direction (LAYOUT_LEFTRIGHT with forward
 * = right...), as tmux 3.3a finds a pane's neighbours: other starts just past lc's edge
 * (past the window's edge, wrapping to the other side) and overlaps it across. */
bool layout_beside(const struct layout_cell *root, const struct layout_cell *lc,
                   const struct layout_cell *other, enum layout_type axis, bool forward);

/* The layout string of a tree, tmux's format: "csum,WxH,X,Y,ID" for a pane,
 * "csum,WxH,X,Y{...}" side by side, "[...]" stacked; csum is a 16-bit checksum of the
 * rest, in hex; a pane's ID is what pane_id says (the layout does not look into
 * panes). Writes at most size bytes (NUL-terminated); returns the full length. */
typedef uint32_t (*layout_pane_id_fn)(const struct pane *p);
size_t layout_dump(const struct layout_cell *root, layout_pane_id_fn pane_id, char *buf,
                   size_t size);
/* Parse a layout string (checksum, sizes and nesting checked). Returns a tree whose
 * leaves show no pane yet, or NULL with a message in err. */
struct layout_cell *layout_parse(const char *text, char *err, size_t errsize);

/* The preset layouts of select-layout, in the order C-b Space cycles them. */
enum layout_preset {
    LAYOUT_EVEN_HORIZONTAL, LAYOUT_EVEN_VERTICAL, LAYOUT_MAIN_HORIZONTAL,
    LAYOUT_MAIN_VERTICAL, LAYOUT_TILED, LAYOUT_PRESET_COUNT
};
/* The preset called name ("tiled"...), or -1. */
int layout_preset_find(const char *name);
const char *layout_preset_name(int preset);
/* A tree of n leaves (no panes yet) arranged as the preset, sized sx x sy; main_size is
 * the main pane's width (main-vertical) or height (main-horizontal); status_edge is the
 * root's (LAYOUT_STATUS_*: a pane at that edge gets its line's row on top of its share). */
struct layout_cell *layout_preset_build(int preset, int n, int sx, int sy, int main_size,
                                        int status_edge);

#endif
