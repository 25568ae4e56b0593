/* render.h - drawing to a client's terminal: the server composes what a client should
 * see into a canvas (cells + cursor); the renderer diffs it against that client's front
 * buffer (what its terminal shows now) and emits only the differences, using the
 * client terminal's own terminfo capabilities. Knows nothing about ptys or sessions. */
#ifndef TMX_RENDER_H
#define TMX_RENDER_H

#include <stdbool.h>
#include <stddef.h>

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
struct canvas {
    int cols, rows;
    struct grid_cell *cells;
    int cx, cy;            /* cursor position */
    bool cursor_visible;
    int cursor_style;      /* DECSCUSR value, 0 = terminal default */
};

void canvas_init(struct canvas *c, int cols, int rows); /* blank cells, cursor 0,0 */
void canvas_free(struct canvas *c);
struct grid_cell *canvas_cell(struct canvas *c, int x, int y);

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
    RENDER_CAP_COUNT
};
/* Boolean capabilities, and what tmx concluded from the strings. */
enum render_flag {
    RENDER_FLAG_AM,        /* automatic margins */
    RENDER_FLAG_XENL,      /* newline glitch: wrap is delayed after the last column */
    RENDER_FLAG_BCE,       /* erasures use the current background colour */
    RENDER_FLAG_ANSI_SGR,  /* SGR parameters can be combined in one ESC[...m */
    RENDER_FLAG_ANSI_OFF,  /* SGR off codes 22-29 are understood */
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
