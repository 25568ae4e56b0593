/* vt_snapshot.h - a vt's state as bytes and back, for the snapshot file (issue 20): the
 * screen state (cursor, saved cursors, pen, modes, scroll region and margins, charsets,
 * tab stops, cursor style, title, working directory, window name, which screen is
 * shown, the kitty keyboard flags and their stacks, modifyOtherKeys, the title stack,
 * the colours the program set (OSC 4 / 10-19), the hyperlink still open) and lines
 * (cells, styles, wide characters, combining marks, hyperlinks (OSC 8) as their id and
 * URI, the OSC 133 marks, the wrapped flag). Decoding checks everything: a
 * hostile input is refused (false), never trusted, and no control character can reach
 * a cell. The format is in docs/protocol.md ("Snapshot files"). */
#ifndef TMX_VT_SNAPSHOT_H
#define TMX_VT_SNAPSHOT_H

#include <stdbool.h>
#include <stdint.h>

#include "cell.h"
#include "sbuf.h"

struct vt;
struct grid;

#define VT_SNAPSHOT_MAX_COLS 10000 /* widest line a decoder takes (history lines may be
                                      wider than the screen after a narrowing resize) */

/* One line of vt's grids: its used cells, wrapped flag and marks; vt gives the meaning
 * of the cells' link numbers and mark sequences (NULL: written without them). */
void vt_snapshot_put_line(struct sbuf *b, const struct vt *vt, const struct grid_line *l);
/* Decode a line into out (zeroed, or holding cells of an earlier call: reused; free with
 * grid_line_release), for vt: its links and mark sequences go into vt's tables (vt NULL:
 * only checked; the cells get no link and their first mark only). False, with r->bad,
 * when the bytes are not a valid line. */
bool vt_snapshot_get_line(struct sbuf_reader *r, struct vt *vt, struct grid_line *out);

/* The state of the screen, not its cells. */
void vt_snapshot_put_state(struct sbuf *b, const struct vt *vt);
/* Apply a state written by vt_snapshot_put_state to vt, which must have the size it was
 * written with. False (nothing applied) when it does not fit or is malformed. */
bool vt_snapshot_get_state(struct sbuf_reader *r, struct vt *vt);

/* The alternate screen's grid (vt_main_grid is the main one); NULL while the program
 * never showed it (it is made at its first use: its rows are all blank until then). */
const struct grid *vt_snapshot_alt_grid(const struct vt *vt);
/* Put line l at row y of the main (alt false) or alternate screen, cut at the width. */
void vt_snapshot_set_line(struct vt *vt, bool alt, int y, const struct grid_line *l);
/* Append l to the main screen's history as its newest line (history-limit applies). */
void vt_snapshot_push_history(struct vt *vt, const struct grid_line *l);

/* How many of the last n bytes fed to vt (recent, ending with the last byte fed) belong
 * to a sequence or a UTF-8 character the parser has not finished: they have done nothing
 * to the screen yet, so a saved screen stands for the stream up to just before them, and
 * a replay from there feeds them whole to a parser in its ground state (an output ring's
 * saved head: docs/protocol.md). 0 when the parser is between sequences, or when the
 * unfinished one began before recent (then nothing better is known). */
size_t vt_snapshot_unfinished(const struct vt *vt, const uint8_t *recent, size_t n);

#endif
