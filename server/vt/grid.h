/* grid.h - cell storage for one screen of a pane: visible lines plus a history of
 * lines scrolled off the top. Pure data; knows nothing about escape sequences. */
#ifndef TMX_GRID_H
#define TMX_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cell.h"
#include "grid_reflow.h"

struct grid;

struct grid *grid_create(int cols, int rows, int history_limit);
void grid_free(struct grid *g);
int grid_cols(const struct grid *g);
int grid_rows(const struct grid *g);

/* Visible line y (0 = top). Taking it writable forgets that it is plain. */
struct grid_line *grid_line(struct grid *g, int y);
const struct grid_line *grid_line_const(const struct grid *g, int y);
/* History: 0 = oldest kept line, grid_history_size()-1 = the most recent. History
 * lines keep the width they had: after a narrowing resize 'used' may exceed cols.
 * They are stored encoded (history.h); grid_history_line decodes line i into a line
 * owned by the grid: the pointer and its cells are valid only until the next
 * grid_history_line call or any change to this grid, or to any grid sharing its
 * history pool (history-bytes-total may drop its oldest lines). Copy what you need
 * first, or use grid_history_copy to hold several lines at once. */
int grid_history_size(const struct grid *g);
const struct grid_line *grid_history_line(const struct grid *g, int i);
/* How many lines were ever dropped from the oldest end of history (a limit reached,
 * clear-history): history line i is line number dropped + i of everything the grid
 * ever held, which output and trimming do not change. */
uint64_t grid_history_dropped(const struct grid *g);
/* Decode history line i into out (zeroed, or holding cells from an earlier call:
 * they are reused and grown); free with grid_line_release. False out of range. */
bool grid_history_copy(const struct grid *g, int i, struct grid_line *out);
/* Used width and wrapped flag of history line i without decoding it. */
bool grid_history_info(const struct grid *g, int i, int *used, bool *wrapped);
/* The links table that gives the cells' link numbers their meaning: history lines
 * keep their links only with one (links.h). */
struct links;
void grid_set_links(struct grid *g, struct links *links);
/* Combining marks: a cell's 'comb' is 0, one mark, or a sequence of the vt's table
 * (combs.h), which the vt gives both its grids. */
struct combs;
void grid_set_combs(struct grid *g, const struct combs *combs);
/* Whether any cell may hold a sequence (drawing checks only then). */
bool grid_has_comb_sequences(const struct grid *g);
/* Cell c's marks as UTF-8 into out (GRID_MARKS_UTF8_MAX bytes); returns the length. */
#define GRID_MARKS_UTF8_MAX 32
int grid_cell_marks_utf8(const struct grid *g, const struct grid_cell *c, char *out);
/* Cell c's marks as code points into out (GRID_MARKS_MAX entries); returns how many. */
int grid_cell_marks(const struct grid *g, const struct grid_cell *c, uint32_t *out);
/* Cell c's first mark (0: none): what a terminal cell that holds one gets. */
uint32_t grid_cell_first_mark(const struct grid *g, const struct grid_cell *c);
/* Most lines kept (oldest dropped first), and most bytes (0 = no cap). */
void grid_set_history_limit(struct grid *g, int limit);
void grid_set_history_bytes(struct grid *g, size_t bytes);
/* Share a byte cap with other grids (NULL = none): history.h. */
struct history_pool;
void grid_set_history_pool(struct grid *g, struct history_pool *pool);
/* Bytes the history takes (encoded lines and their index slots). */
size_t grid_history_bytes(const struct grid *g);
void grid_clear_history(struct grid *g);

/* Returns the cell at (x, y) of the visible screen, a static blank cell past 'used'
 * or outside the screen. */
const struct grid_cell *grid_get(const struct grid *g, int x, int y);
/* Writable cell, growing the line as needed; NULL outside the screen. */
struct grid_cell *grid_set(struct grid *g, int x, int y);

/* n writable cells starting at (x, y), growing the line as needed; a wide character
 * only partly covered by the run is blanked, so none is left half overwritten.
 * n must fit on the line (x + n <= cols). NULL outside the screen. */
struct grid_cell *grid_set_run(struct grid *g, int x, int y, int n);
/* The same, but the n cells are left as they were (possibly uninitialised): the
 * caller must write every one of them. The fast path for printing. */
struct grid_cell *grid_write_run(struct grid *g, int x, int y, int n);
/* grid_write_run for a caller that writes printable ASCII (0x20-0x7e) in the default
 * style into every one of the n cells: a plain line stays plain. */
struct grid_cell *grid_write_text_run(struct grid *g, int x, int y, int n);
/* Printable ASCII text[0, n) (0x20-0x7e) written at (x, y) in the default style, as
 * grid_write_text_run and a write of every cell would (x + n <= cols); where the line's
 * cells already have that style (grid_line.clean) only the characters are stored. */
void grid_write_text(struct grid *g, int x, int y, const uint8_t *text, int n);
/* Give every visible line a new version (cell.h): for a change to how every row looks
 * that changes no cell. Every function here that changes a line gives it one itself. */
void grid_touch(struct grid *g);
/* Set or clear the line's autowrap flag ('wrapped'); it stays plain. */
void grid_set_wrapped(struct grid *g, int y, bool wrapped);
/* Add shell-integration marks (GRID_MARK_*, cell.h) to visible line y. */
void grid_add_mark(struct grid *g, int y, uint8_t mark);

/* Editing primitives; 'pen' supplies the background of erased cells (bce). */
void grid_clear_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen);
void grid_clear_lines(struct grid *g, int y, int n, const struct grid_pen *pen);
/* Scroll lines [top, bottom] up by n; if to_history and top == 0, the lines
 * scrolled off go to history. */
void grid_scroll_up(struct grid *g, int top, int bottom, int n, bool to_history,
                    const struct grid_pen *pen);
/* The same for the whole screen and one line: grid_scroll_up(g, 0, rows - 1, 1, ...). */
void grid_scroll_screen_up(struct grid *g, bool to_history, const struct grid_pen *pen);
void grid_scroll_down(struct grid *g, int top, int bottom, int n, const struct grid_pen *pen);
void grid_insert_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen);
void grid_delete_cells(struct grid *g, int x, int y, int n, const struct grid_pen *pen);
/* The same inside columns [x, end) only (a right margin at end - 1): cells pushed past
 * end - 1 are lost, cells from end on do not move; a wide character split by the
 * edges is blanked. end >= cols is the whole line (the functions above). */
void grid_insert_cells_in(struct grid *g, int x, int y, int n, int end,
                          const struct grid_pen *pen);
void grid_delete_cells_in(struct grid *g, int x, int y, int n, int end,
                          const struct grid_pen *pen);
/* Scroll the rectangle of lines [top, bottom] and columns [left, right] up (down) by
 * n: only those cells move, blanks (pen's background) come in; never to history. */
void grid_scroll_band_up(struct grid *g, int top, int bottom, int left, int right, int n,
                         const struct grid_pen *pen);
void grid_scroll_band_down(struct grid *g, int top, int bottom, int left, int right, int n,
                           const struct grid_pen *pen);
/* Change the size: rows are added or removed at the bottom, lines are truncated
 * (a wide character cut in half is blanked) or extended with blanks. */
void grid_resize(struct grid *g, int cols, int rows);
/* Move the n most recent history lines back to the top of the screen, pushing the
 * visible lines down (the bottom n are dropped). Returns how many were moved. */
int grid_pull_history(struct grid *g, int n);
/* The same with the history of grid 'from' (the alternate screen pulls the main
 * screen's, as tmux's resize-pane -T does). */
int grid_pull_history_from(struct grid *g, struct grid *from, int n);

/* Change the width rewrapping text: lines joined by autowrap ('wrapped') are joined
 * and cut again at the new width, history included. pos[0] (the cursor) keeps its
 * row on the screen when there are enough lines above it; every position (at most 4)
 * follows its character; a position that ends above the screen gets y < 0. Rows
 * do not change. */
void grid_reflow(struct grid *g, int cols, struct grid_pos *pos, int npos);

#endif
