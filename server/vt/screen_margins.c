/* screen_margins.c - left/right margins (DECLRMM mode 69, DECSLRM) and the operations
 * that move columns between them: inserting and deleting columns (DECIC, DECDC) and
 * shifting (SL, SR). They are built on screen.c's operations, which never call them.
 * How the other operations honour the margins (printing, CR, cursor motion,
 * scrolling, IL/DL, ICH/DCH) is in screen.c, next to each operation. */
#include "screen_margins.h"

/* DECLRMM: while it is set, CSI Pl ; Pr s sets the margins; resetting it brings the
 * margins back to the screen's edges. The cursor does not move. */
void screen_set_lr_mode(struct screen *s, bool on)
{
    screen_set_mode(s, VT_MODE_LR_MARGINS, on);
    if (!on)
        screen_reset_lr_margins(s);
}

/* DECSLRM: columns left..right (0-based, right clamped to the screen) when left is
 * before right, and the cursor home (the margins' top-left in origin mode). */
void screen_set_lr_margins(struct screen *s, int left, int right)
{
    if (left < 0)
        left = 0;
    if (right > s->cols - 1)
        right = s->cols - 1;
    if (left >= right)
        return;
    s->left = left;
    s->right = right;
    screen_cursor_to(s, 0, 0);
}

/* DECIC / DECDC act on the region's lines when the cursor is inside all four
 * margins. */
static bool columns_apply(struct screen *s)
{
    s->wrap_pending = false;
    return screen_cursor_in_rows(s) && screen_cursor_in_columns(s);
}

void screen_insert_columns(struct screen *s, int n)
{
    if (!columns_apply(s))
        return;
    for (int y = s->top; y <= s->bottom; y++)
        grid_insert_cells_in(s->grid, s->cx, y, n, s->right + 1, &s->pen);
}

void screen_delete_columns(struct screen *s, int n)
{
    if (!columns_apply(s))
        return;
    for (int y = s->top; y <= s->bottom; y++)
        grid_delete_cells_in(s->grid, s->cx, y, n, s->right + 1, &s->pen);
}

/* SL / SR (ECMA-48, as xterm): the lines of the scroll region move n columns left
 * (right) between the left and right margins, wherever the cursor is; blanks in the
 * pen's background come in at the other side. The cursor does not move. */
void screen_shift_columns(struct screen *s, int n, bool left)
{
    s->wrap_pending = false;
    for (int y = s->top; y <= s->bottom; y++) {
        if (left)
            grid_delete_cells_in(s->grid, s->left, y, n, s->right + 1, &s->pen);
        else
            grid_insert_cells_in(s->grid, s->left, y, n, s->right + 1, &s->pen);
    }
}
