/* render.h - drawing to a client's terminal: the server composes what a client should
 * see into a canvas (cells + cursor); the renderer diffs it against that client's front
 * buffer (what its terminal shows now) and emits only the differences, using the
 * client terminal's own terminfo capabilities. Knows nothing about ptys or sessions. */
#ifndef TMX_RENDER_H
#define TMX_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../vt/grid.h"

struct evbuffer;

/* What the client's terminal can do, read once per TERM from terminfo and cached. */
struct render_caps;

enum render_colours { RENDER_COLOURS_8 = 8, RENDER_COLOURS_16 = 16,
                      RENDER_COLOURS_256 = 256, RENDER_COLOURS_RGB = 1 << 24 };

/* Look up (or load and cache) the capabilities for TERM. 'truecolor' is true when the
 * client's environment said COLORTERM=truecolor/24bit. Returns NULL with a message in
 * err if the terminal is unknown or lacks cursor addressing. */
const struct render_caps *render_caps_get(const char *term, bool truecolor, char *err,
                                          size_t errsize);
int render_caps_colours(const struct render_caps *caps);

/* What the server wants on the client's screen. cells is cols*rows, row-major. */
struct links;
struct canvas {
    int cols, rows;
    struct grid_cell *cells;
    int cx, cy;            /* cursor position */
    bool cursor_visible;
    int cursor_style;      /* DECSCUSR value, 0 = terminal default */
    /* What the cells' link numbers mean: the table of the renderer that draws the
     * canvas (render_links), NULL when its terminal shows no hyperlinks and the cells
     * carry none. Cells copied from a vt get their numbers through canvas_import_links. */
    struct links *links;
};

void canvas_init(struct canvas *c, int cols, int rows); /* blank cells, cursor 0,0, no links */
void canvas_free(struct canvas *c);
struct grid_cell *canvas_cell(struct canvas *c, int x, int y);
/* Put one character (width 1 or 2) with a pen at (x, y). */
void canvas_put_cell(struct canvas *c, int x, int y, uint32_t ch, int width,
                     const struct grid_pen *pen);
/* Write UTF-8 text at (x, y), stopping before column 'end' (a wide character that does
 * not fit is left out); control characters show as '_'. Returns the column after it. */
int canvas_put_text(struct canvas *c, int x, int y, int end, const char *text,
                    const struct grid_pen *pen);
/* The columns canvas_put_text would give text with no end (controls count one '_'). */
int canvas_text_width(const char *text);
/* The n cells (already copied into the canvas from a vt whose links table is 'from')
 * get the canvas's numbers for their links, or none when the canvas has no links
 * table or no room in it. */
void canvas_import_links(struct canvas *c, struct grid_cell *cells, int n,
                         const struct links *from);

/* Per-client front buffer and drawing state. 'utf8' says whether the client's locale
 * can show UTF-8; if not, non-ASCII cells are drawn as a substitute ('?' or '_'). */
struct render_state;
struct render_state *render_create(const struct render_caps *caps, bool utf8);
void render_free(struct render_state *rs);
/* Forget what the terminal shows: the next frame clears and repaints everything. */
void render_invalidate(struct render_state *rs);
/* Append to out the bytes that turn the terminal's screen into 'want'. A size change
 * of the canvas means a full repaint. Leaves the cursor where want says. */
void render_frame(struct render_state *rs, const struct canvas *want, struct evbuffer *out);

/* Hyperlinks (OSC 8): when on, linked cells are drawn inside OSC 8 ; id=ID ; URI ST
 * ... OSC 8 ; ; ST, the link closed again before anything else is written (erasures,
 * scrolling, the end of each frame), so it never spreads to other text. On from
 * render_create when the terminfo entry has the extended Hls capability;
 * render_set_hyperlinks turns it on or off for one client (terminal-features).
 * render_links is the table canvases for this renderer number their links with (NULL
 * when off); the renderer renumbers (clears it and redraws linked cells) after a frame
 * that leaves it more than half full. */
void render_set_hyperlinks(struct render_state *rs, bool on);
struct links *render_links(struct render_state *rs);

/* Synchronized updates (DEC mode 2026): when on, every frame that sends anything is
 * wrapped in begin/end so the terminal shows it at once, never half drawn; an empty
 * frame stays empty. On from render_create when the terminfo entry has the extended
 * Sync capability (its begin/end strings are used); render_set_sync turns it on (plain
 * ESC[?2026h / ESC[?2026l unless Sync says otherwise) or off for one client. */
void render_set_sync(struct render_state *rs, bool on);

/* Longest title sent to a terminal, in bytes. */
#define RENDER_TITLE_MAX 256
/* Set the terminal's title to 'title' (NULL is ""), appending the bytes to out, when
 * the terminal can show one (terminfo tsl+fsl, else OSC 2 ... BEL on terminals with
 * the XT flag or a TERM starting xterm, screen, tmux, rxvt, alacritty, foot, kitty)
 * and it differs from what was last sent. Control characters (C0, DEL, C1) and bytes
 * that are not valid UTF-8 are dropped, the rest cut to RENDER_TITLE_MAX bytes on a
 * character boundary; non-ASCII becomes '?' on a terminal without UTF-8.
 * render_invalidate forgets the title, so the next call sends it again. */
void render_set_title(struct render_state *rs, const char *title, struct evbuffer *out);

/* Put the terminal's input modes into 'modes', VT_MODE_* bits of vt.h, appending the
 * DECSET/DECRST sequences for what changed to out: VT_MODE_MOUSE (1000),
 * VT_MODE_MOUSE_BUTTON (1002), VT_MODE_MOUSE_ANY (1003) - one tracking mode at a time,
 * the most reporting wins and BUTTON/ANY imply MOUSE -, VT_MODE_MOUSE_SGR (1006),
 * VT_MODE_FOCUS (1004), VT_MODE_BRACKETED_PASTE (2004); other bits are ignored.
 * These are xterm's modes: nothing is sent to a terminal whose terminfo entry has
 * neither kmous (it describes mouse input) nor the XT flag (RENDER_FLAG_XTERM_MODES).
 * The first call after render_create or render_invalidate sends every mode, on or off. */
void render_set_modes(struct render_state *rs, uint32_t modes, struct evbuffer *out);

/* What the client writes to its terminal on exit (before its other restore
 * sequences) to turn every mode render_set_modes and render_set_sync may have turned
 * on back off. Harmless on terminals that lack them (unknown DEC modes are ignored). */
#define RENDER_MODES_OFF \
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[?1004l\033[?2026l"

/* --- Additions (render module internals, also used by tests) --- */

/* String capabilities tmx reads, padding ("$<5>") removed. NULL when absent. */
enum render_cap {
    RENDER_CAP_CUP, RENDER_CAP_CUU1, RENDER_CAP_CUD1, RENDER_CAP_CUF1, RENDER_CAP_CUB1,
    RENDER_CAP_CUU, RENDER_CAP_CUD, RENDER_CAP_CUF, RENDER_CAP_CUB, RENDER_CAP_CR,
    RENDER_CAP_HOME, RENDER_CAP_CLEAR, RENDER_CAP_EL, RENDER_CAP_ECH, RENDER_CAP_CSR,
    RENDER_CAP_IND, RENDER_CAP_RI, RENDER_CAP_SGR0, RENDER_CAP_BOLD, RENDER_CAP_DIM,
    RENDER_CAP_SITM, RENDER_CAP_SMUL, RENDER_CAP_BLINK, RENDER_CAP_REV, RENDER_CAP_INVIS,
    RENDER_CAP_SMXX, RENDER_CAP_SETAF, RENDER_CAP_SETAB, RENDER_CAP_OP, RENDER_CAP_CIVIS,
    RENDER_CAP_CNORM, RENDER_CAP_SS, RENDER_CAP_SE, RENDER_CAP_SMAM, RENDER_CAP_RMAM,
    RENDER_CAP_RMUL,
    RENDER_CAP_REP,        /* rep: repeat char p1 p2 times */
    RENDER_CAP_TSL,        /* tsl/fsl: to and from the status line (the title) */
    RENDER_CAP_FSL,
    RENDER_CAP_SYNC,       /* extended Sync: p1 = 1 begins, 2 ends a synchronized update */
    RENDER_CAP_KMOUS,      /* kmous: what a mouse event starts with */
    RENDER_CAP_MS,         /* extended Ms: set the selection (OSC 52), p1 selection, p2 base64 */
    RENDER_CAP_SMULX,      /* extended Smulx: underline style p1 (SGR 4:n) */
    RENDER_CAP_SETULC,     /* extended Setulc: underline colour (SGR 58) */
    RENDER_CAP_SMOL,       /* extended Smol: overline (SGR 53) */
    RENDER_CAP_HLS,        /* extended Hls: hyperlinks (OSC 8); only its presence is used */
    RENDER_CAP_COUNT
};
/* Boolean capabilities, and what tmx concluded from the strings. */
enum render_flag {
    RENDER_FLAG_AM,        /* automatic margins */
    RENDER_FLAG_XENL,      /* newline glitch: wrap is delayed after the last column */
    RENDER_FLAG_BCE,       /* erasures use the current background colour */
    RENDER_FLAG_ANSI_SGR,  /* SGR parameters can be combined in one ESC[...m */
    RENDER_FLAG_ANSI_OFF,  /* SGR off codes 22-29 are understood */
    RENDER_FLAG_XT,        /* extended XT: the terminal understands xterm's OSC titles */
    RENDER_FLAG_TITLE,     /* the title can be set: tsl+fsl, XT, or an xterm-like TERM
                            * (xterm, screen, tmux, rxvt, alacritty, foot, kitty...) */
    RENDER_FLAG_XTERM_MODES, /* xterm's DECSET mouse/paste/focus modes are understood:
                              * the terminal has kmous or XT */
    RENDER_FLAG_CLIPBOARD, /* OSC 52 sets the clipboard: the entry has Ms, or TERM
                            * starts with xterm, tmux or screen (their entries often
                            * lack Ms although the terminals behind them take it) */
    RENDER_FLAG_COUNT
};
const char *render_caps_string(const struct render_caps *caps, enum render_cap cap);
bool render_caps_flag(const struct render_caps *caps, enum render_flag flag);
const char *render_caps_name(const struct render_caps *caps);
/* render_caps_colours() returns 0 for a terminal without colours (vt100). */
/* Free the process-wide caps cache (at exit; every caps pointer becomes invalid). */
void render_caps_free_all(void);
/* Expand a parametrised terminfo string (terminfo(5) '%' language) with parameters
 * p1, p2 (the rest 0) into out; returns the length written (truncated to size-1). */
size_t render_tparm(char *out, size_t size, const char *fmt, int p1, int p2);

#endif
