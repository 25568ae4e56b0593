/* render.h - drawing to a client's terminal: the server composes what a client should
 * see into a canvas (cells + cursor); the renderer diffs it against that client's front
 * buffer (what its terminal shows now) and emits only the differences, using the
 * client terminal's own terminfo capabilities. Knows nothing about ptys or sessions.
 * Includes the terminal's capabilities (caps.h) and the canvas (canvas.h). The
 * renderer's own parts share render_state.h (see render.c). */
#ifndef TMX_RENDER_H
#define TMX_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "canvas.h"
#include "caps.h"
#include "render_title.h" /* RENDER_TITLE_MAX */

struct evbuffer;

/* Per-client front buffer and drawing state. 'utf8' says whether the client's locale
 * can show UTF-8; if not, non-ASCII cells are drawn as a substitute ('?' or '_'). */
struct render_state;
struct render_state *render_create(const struct render_caps *caps, bool utf8);
void render_free(struct render_state *rs);
/* Forget what the terminal shows: the next frame clears and repaints everything. */
void render_invalidate(struct render_state *rs);
/* Append to out the bytes that turn the terminal's screen into 'want'. A size change
 * of the canvas means a full repaint. Leaves the cursor where want says. When want
 * says which rows changed (canvas.h: dirty), the others are taken to be the previous
 * frame's canvas and are not looked at. */
void render_frame(struct render_state *rs, const struct canvas *want, struct evbuffer *out);
/* Changes when a canvas kept from an earlier frame may no longer be drawn from its
 * dirty rows alone: the renderer forgot the screen (render_invalidate) or renumbered its
 * hyperlinks. The composer then composes every row again. */
unsigned render_epoch(const struct render_state *rs);

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
/* Several combining marks on one cell: render_combs is the table canvases for this
 * renderer number their sequences with (canvas_import_combs); every mark is drawn
 * after its character on a UTF-8 terminal. Renumbered as the links are. */
struct combs *render_combs(struct render_state *rs);

/* Synchronized updates (DEC mode 2026): when on, every frame that sends anything is
 * wrapped in begin/end so the terminal shows it at once, never half drawn; an empty
 * frame stays empty. On from render_create when the terminfo entry has the extended
 * Sync capability (its begin/end strings are used); render_set_sync turns it on (plain
 * ESC[?2026h / ESC[?2026l unless Sync says otherwise) or off for one client. */
void render_set_sync(struct render_state *rs, bool on);

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
 * on back off, and the keyboard modes client_tty may have asked for (modifyOtherKeys;
 * the kitty flags pushed on the terminal's alternate screen, before the client leaves
 * it). Harmless on terminals that lack them (unknown modes and sequences are ignored). */
#define RENDER_MODES_OFF \
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[?1004l\033[?2026l" \
    "\033[>4m\033[<u"

#endif
