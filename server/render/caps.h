/* caps.h - what a client's terminal can do: its terminfo capabilities, read once per
 * TERM and cached (caps.c), and the expansion of parametrised capability strings. */
#ifndef TMX_CAPS_H
#define TMX_CAPS_H

#include <stdbool.h>
#include <stddef.h>

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
    RENDER_CAP_CS,         /* extended Cs: cursor colour, p1 a string (OSC 12) */
    RENDER_CAP_CRC,        /* extended Cr: the cursor colour back to the terminal's */
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
/* A copy of base with tmux's terminal-overrides applied: of entries (each
 * "TERM-pattern:cap:cap@:cap=value..."), those whose pattern matches base's TERM, in
 * order. A string capability tmx reads is set (\E is ESC) or removed; am, xenl, bce,
 * XT, RGB and Tc are set or removed; colors sets the count. The copy belongs to the
 * caller (render_caps_free), not to the cache. */
struct render_caps *render_caps_override(const struct render_caps *base,
                                         const char *const *entries, size_t n);
void render_caps_free(struct render_caps *caps);
/* Free the process-wide caps cache (at exit; every caps pointer becomes invalid). */
void render_caps_free_all(void);
/* Expand a parametrised terminfo string (terminfo(5) '%' language) with parameters
 * p1, p2 (the rest 0) into out; returns the length written (truncated to size-1). */
size_t render_tparm(char *out, size_t size, const char *fmt, int p1, int p2);

#endif
