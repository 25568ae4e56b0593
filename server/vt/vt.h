/* vt.h - the virtual terminal: bytes from a pane's program in, a screen of cells out.
 * A library: it knows nothing about sessions, clients, ptys or rendering, so it can be
 * tested and fuzzed alone. Parser (parser.c) -> sequence tables (dispatch.c, sgr.c) ->
 * screen operations (screen.c) -> grid (grid.c). See docs/vt.md. */
#ifndef TMX_VT_H
#define TMX_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"

/* Mode bits a pane's program can set that matter outside the vt (input encoding,
 * rendering). Read with vt_modes(). */
enum {
    VT_MODE_CURSOR_KEYS = 1 << 0,    /* DECCKM: cursor keys send ESC O x */
    VT_MODE_KEYPAD = 1 << 1,         /* DECKPAM application keypad */
    VT_MODE_BRACKETED_PASTE = 1 << 2,/* mode 2004 */
    VT_MODE_CURSOR_VISIBLE = 1 << 3, /* DECTCEM */
    VT_MODE_ALT_SCREEN = 1 << 4,     /* alternate screen active */
    VT_MODE_MOUSE = 1 << 5,          /* any mouse reporting mode (1000/1002/1003);
                                        1000 alone when neither bit below is set */
    VT_MODE_MOUSE_SGR = 1 << 6,      /* mode 1006 */
    VT_MODE_FOCUS = 1 << 7,          /* mode 1004 */
    VT_MODE_INSERT = 1 << 8,         /* IRM */
    VT_MODE_WRAP = 1 << 9,           /* DECAWM */
    VT_MODE_ORIGIN = 1 << 10,        /* DECOM */
    VT_MODE_MOUSE_BUTTON = 1 << 11,  /* mode 1002 (with VT_MODE_MOUSE): motion while pressed */
    VT_MODE_MOUSE_ANY = 1 << 12,     /* mode 1003 (with VT_MODE_MOUSE): all motion */
    VT_MODE_SYNC = 1 << 13,          /* mode 2026: synchronized output in progress */
    VT_MODE_MOUSE_X10 = 1 << 14,     /* mode 9 (with VT_MODE_MOUSE): presses only */
    VT_MODE_MOUSE_UTF8 = 1 << 15,    /* mode 1005: UTF-8 coordinates */
    VT_MODE_MOUSE_URXVT = 1 << 16,   /* mode 1015: decimal coordinates */
    VT_MODE_LNM = 1 << 17,           /* mode 20: LF also returns the carriage */
    VT_MODE_REVERSE_WRAP = 1 << 18,  /* mode 45: BS / CUB wrap to the previous line */
    VT_MODE_REVERSE_VIDEO = 1 << 19, /* mode 5 DECSCNM: the whole screen in reverse */
    VT_MODE_LR_MARGINS = 1 << 20,    /* mode 69 DECLRMM: CSI Pl ; Pr s sets left/right
                                        margins (DECSLRM) instead of saving the cursor */
};

/* Called with bytes the terminal owes the program (DA, DSR/CPR replies...). */
typedef void (*vt_reply_fn)(void *arg, const char *buf, size_t len);
/* Called when the program sets a selection with OSC 52: 'selection' is the
 * selection parameter as sent (may be "", meaning "s 0"), 'base64' the data, still
 * encoded (only characters of the base64 alphabet). Both NUL-terminated. */
typedef void (*vt_clipboard_fn)(void *arg, const char *selection, const char *base64);

struct vt;

struct vt *vt_create(int cols, int rows, int history_limit);
void vt_free(struct vt *vt);
void vt_set_reply(struct vt *vt, vt_reply_fn fn, void *arg);
/* Optional: OSC 52 SET requests (queries are never answered). */
void vt_set_clipboard_cb(struct vt *vt, vt_clipboard_fn fn, void *arg);

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
/* Forget the main screen's history (clear-history); change how much it keeps. */
void vt_clear_history(struct vt *vt);
void vt_set_history_limit(struct vt *vt, int limit);
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
uint32_t vt_modes(const struct vt *vt);
/* The strings below stay valid until the next vt_feed (copy one to keep it). */
/* Title set by OSC 0/2, "" if none. Control characters are never stored. */
const char *vt_title(const struct vt *vt);
/* Working directory from OSC 7: the path of a file:// URL, percent-decoded (or the
 * string as sent when it is not such a URL); "" if none. */
const char *vt_cwd(const struct vt *vt);
/* Window name set by screen's ESC k name ST (or BEL) - tmux's allow-rename - the last
 * one set, "" if none (or if the program set ""): cleaned like titles, at most 255
 * bytes. Kept by RIS. */
const char *vt_window_name(const struct vt *vt);
/* True once after each ESC k (even one setting the same name or ""), then false. */
bool vt_take_window_name_changed(struct vt *vt);
/* Cursor style from DECSCUSR (0 = default). */
int vt_cursor_style(const struct vt *vt);
/* Number of BELs received since the last call (and reset). */
int vt_take_bells(struct vt *vt);

/* Dirty tracking for the renderer: a line changed since vt_clean(). */
bool vt_line_dirty(const struct vt *vt, int y);
bool vt_dirty(const struct vt *vt);
void vt_clean(struct vt *vt);

/* Text of visible line y (0..rows-1) or history line (negative: -1 the most recent)
 * as UTF-8 into buf, trailing blanks trimmed; returns the length. Used by capture-pane. */
size_t vt_line_text(const struct vt *vt, int y, char *buf, size_t size);

#endif
