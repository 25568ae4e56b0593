/* vt.h - the virtual terminal: bytes from a pane's program in, a screen of cells out.
 * A library: it knows nothing about sessions, clients, ptys or rendering, so it can be
 * tested and fuzzed alone. Parser (parser.c) -> sequence tables (dispatch.c, osc.c,
 * sgr.c; replies: report.c) -> screen operations (screen*.c) -> grid (grid.c, history).
 * It tells its owner what happened only through the vt_ops it registered. See
 * docs/vt.md (its "Order inside vt/" is the include order). */
#ifndef TMX_VT_H
#define TMX_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"
#include "vt_modes.h"
#include "vt_ops.h"

struct vt;

struct vt *vt_create(int cols, int rows, int history_limit);
void vt_free(struct vt *vt);
/* Register what the vt tells its owner (vt_ops.h: replies, OSC 52, bells, ESC k
 * names, mode 2026), replacing any earlier registration; ops NULL: tell nothing.
 * ops is kept, not copied: it must outlive the registration (a static const struct is
 * the usual). */
void vt_set_ops(struct vt *vt, const struct vt_ops *ops, void *arg);

/* Feed output of the program. Any bytes, any split: a sequence or a UTF-8 character
 * cut between two calls is completed by the next call. */
void vt_feed(struct vt *vt, const void *buf, size_t len);
/* Resize; the cursor stays inside; lines pushed off the top on shrink go to history.
 * A width change rewraps the main screen and its history (lines continued by
 * autowrap are joined and cut again); the alternate screen is cut or extended. */
void vt_resize(struct vt *vt, int cols, int rows);

int vt_cols(const struct vt *vt);
int vt_rows(const struct vt *vt);
/* The screen being shown (main or alternate). */
const struct grid *vt_grid(const struct vt *vt);
/* A new program starts in the screen (respawn): the screen is cleared and every mode,
 * the pen and the parser are reset as by RIS, but the history is kept. */
void vt_reinit(struct vt *vt);
/* resize-pane -T: drop the lines below the cursor, bringing history lines back at the
 * top; returns how many lines moved. */
int vt_trim_below_cursor(struct vt *vt);
/* Forget the main screen's history (clear-history); change how much it keeps. */
void vt_clear_history(struct vt *vt);
void vt_set_history_limit(struct vt *vt, int limit);
/* tmux's alternate-screen (false: 47/1047/1049 are ignored; true at creation) and
 * scroll-on-clear (true: erasing the whole main screen first pushes its lines in use
 * into history; false at creation) window options, set by the owner. */
void vt_set_alternate_screen(struct vt *vt, bool allowed);
void vt_set_scroll_on_clear(struct vt *vt, bool on);
/* tmux's allow-passthrough (true: DCS tmux; data ST goes to vt_ops.passthrough; false,
 * the default: dropped). */
void vt_set_passthrough(struct vt *vt, bool on);
/* Whether XTWINOPS 20 / 21 (the icon label and the title) are answered: false by
 * default, as xterm's allowTitleOps security advice (a title is the program's text
 * echoed back as input). */
void vt_set_title_reports(struct vt *vt, bool on);
/* Whether the program may set the title (OSC 0 and 2, XTWINOPS 23 restoring a saved
 * one): true by default (allow-set-title). */
void vt_set_title_allowed(struct vt *vt, bool on);
/* Most bytes the history keeps (0 = no cap), and the pool whose total cap it shares
 * (NULL = none; the pool must outlive the vt or be left first). */
void vt_set_history_bytes(struct vt *vt, size_t bytes);
void vt_set_history_pool(struct vt *vt, struct history_pool *pool);
/* The main screen's grid (for history / capture-pane of the normal screen). */
const struct grid *vt_main_grid(const struct vt *vt);
/* The hyperlinks (OSC 8) the cells' link numbers stand for: links_uri(vt_links(vt),
 * cell->link). A number read from a cell is valid until the next vt_feed. */
struct links;
const struct links *vt_links(const struct vt *vt);
/* Cell of the shown screen; never NULL (a blank cell outside). */
const struct grid_cell *vt_cell(const struct vt *vt, int x, int y);
void vt_cursor(const struct vt *vt, int *x, int *y);
/* The keyboard the program asked for: the kitty protocol's flags on the screen shown
 * (0: legacy keys), and xterm's modifyOtherKeys level (0 off, 1 or 2: tmux's extended
 * keys). vt_set_extended_keys_always is the owner's extended-keys always: requests to
 * change modifyOtherKeys are ignored, and with 'now' (a new pane, as tmux's screen
 * init; also on RIS) the mode is turned on. */
int vt_kitty_flags(const struct vt *vt);
int vt_modify_other_keys(const struct vt *vt);
void vt_set_extended_keys_always(struct vt *vt, bool always, bool now);

/* The VT_MODE_* bits set now (vt_modes.h): the state input encoding and drawing
 * read. */
uint32_t vt_modes(const struct vt *vt);
/* The strings below stay valid until the next vt_feed (copy one to keep it). */
/* Title set by OSC 0/2, "" if none. Control characters are never stored. */
const char *vt_title(const struct vt *vt);
/* Working directory from OSC 7: the path of a file:// URL, percent-decoded (or the
 * string as sent when it is not such a URL); "" if none. */
const char *vt_cwd(const struct vt *vt);
/* Window name set by screen's ESC k name ST (or BEL) - tmux's allow-rename - the last
 * one set, "" if none (or if the program set ""): cleaned like titles, at most 255
 * bytes. Kept by RIS. Each ESC k calls vt_ops.window_name. */
const char *vt_window_name(const struct vt *vt);
/* Cursor style from DECSCUSR (0 = default). */
int vt_cursor_style(const struct vt *vt);
/* The scroll region (DECSTBM), first and last row, inclusive. */
void vt_scroll_region(const struct vt *vt, int *top, int *bottom);
/* Whether column x has a tab stop (HTS, TBC; every eighth column at first). */
bool vt_tab_stop(const struct vt *vt, int x);

/* Colours (OSC 4 / 10-19). Index 0-255 is an indexed colour, VT_COLOUR_FG + k the
 * dynamic colour of OSC 10 + k (k 0-9: foreground, background, cursor...). */
#define VT_COLOUR_FG 256
#define VT_COLOUR_BG 257
#define VT_COLOUR_CURSOR 258
#define VT_COLOURS 271 /* 256 indexed, 10 dynamic, 5 special (OSC 5) */
/* The owner's colour i (tmux's pane-colours, window-style), which queries answer
 * while the program has not set its own: rgb 0xRRGGBB, or -1 to unset. */
void vt_set_owner_colour(struct vt *vt, int i, int32_t rgb);
/* Colour i as a query answers it (program's, else owner's, else xterm's default),
 * 0xRRGGBB. */
uint32_t vt_colour(const struct vt *vt, int i);
/* xterm's default for colour i (its 256-colour palette), 0xRRGGBB. */
uint32_t vt_default_colour(int i);
/* For drawing: the indexed colours changed by the program or the owner, 256 entries
 * of COLOUR_RGB | 0xRRGGBB or 0 (unchanged), or NULL when none is. */
const uint32_t *vt_palette_map(const struct vt *vt);
/* For drawing: the foreground (which 0) or background (1) the program set with OSC
 * 10 / 11, as COLOUR_RGB | 0xRRGGBB, or COLOUR_DEFAULT when it set none. */
uint32_t vt_program_colour(const struct vt *vt, int which);
/* Changes whenever any colour above changes (0 while none was ever set): what a
 * drawing cache keys on, since such a change alters every row without a cell changing. */
uint32_t vt_colours_generation(const struct vt *vt);

/* Text of visible line y (0..rows-1) or history line (negative: -1 the most recent)
 * as UTF-8 into buf, trailing blanks trimmed; returns the length. Used by capture-pane. */
size_t vt_line_text(const struct vt *vt, int y, char *buf, size_t size);

/* Internal to vt/: the screen inside, for vt_snapshot.c (a vt's state saved and
 * restored, vt_snapshot.h). */
struct screen;
struct screen *vt_snapshot_screen(struct vt *vt);
struct parser;
const struct parser *vt_snapshot_parser(const struct vt *vt);

#endif
