/* combs.h - the combining marks of cells that have more than one (internal to vt/,
 * read by the grid's users through grid.h). A cell's 'comb' is 0, one mark (a code
 * point), or COMB_SEQ | n: sequence n of this table, interned (the same marks give the
 * same n). One table per vt, shared by both screens and the history; bounded, and
 * emptied only by RIS (which clears every cell that could name an entry). A renderer
 * keeps one too, for the canvases it draws (render_combs): its own numbers, so cells
 * from several vts compare equal when their marks are. */
#ifndef TMX_VT_COMBS_H
#define TMX_VT_COMBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cell.h"

#define COMB_SEQ GRID_COMB_SEQ
#define COMBS_MAX 4096   /* sequences a table holds; then further marks are dropped */
#define COMBS_MARKS GRID_MARKS_MAX /* marks on one cell at most (8); further ones dropped */

struct combs;

struct combs *combs_create(void);
void combs_free(struct combs *t);
/* Forget every sequence (RIS). */
void combs_clear(struct combs *t);
/* The comb value of a cell whose comb was 'comb' (0, a mark or a sequence) once
 * mark 'cp' is added; 'comb' itself when the cell has COMBS_MARKS marks already or
 * the table is full. */
uint32_t combs_add(struct combs *t, uint32_t comb, uint32_t cp);
/* The marks of comb value 'comb' into out (COMBS_MARKS entries); returns how many (0
 * for 0 or a sequence the table does not hold). t may be NULL (no sequences). */
int combs_get(const struct combs *t, uint32_t comb, uint32_t *out);
/* How many sequences there are (0: no cell needs the table). */
int combs_count(const struct combs *t);

#endif
