/* palette.h - the colours a program may ask about and change (internal to vt/): the 256
 * indexed colours (OSC 4 / 104) and xterm's ten dynamic colours (OSC 10-19 / 110-119:
 * foreground, background, cursor...) and its five special colours (OSC 5 / 105, or OSC 4
 * 256-260: bold, underline, blink, reverse, italic), each taken from three places, first found wins:
 * what the program set, what the owner set (tmux's pane-colours, window-style), xterm's
 * default. Pure data and xterm's colour-spec parser; the screen owns one (screen.h). */
#ifndef TMX_VT_PALETTE_H
#define TMX_VT_PALETTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cell.h"

/* Index of dynamic colour OSC 10 + k is PALETTE_DYNAMIC + k. */
#define PALETTE_INDEXED 256
#define PALETTE_DYNAMIC 256
#define PALETTE_NDYNAMIC 10
/* Index of special colour OSC 5 ; c is PALETTE_SPECIAL + c. */
#define PALETTE_SPECIAL (PALETTE_DYNAMIC + PALETTE_NDYNAMIC)
#define PALETTE_NSPECIAL 5
#define PALETTE_SIZE (PALETTE_INDEXED + PALETTE_NDYNAMIC + PALETTE_NSPECIAL)
enum {
    PALETTE_FG = PALETTE_DYNAMIC,   /* OSC 10 */
    PALETTE_BG,                     /* OSC 11 */
    PALETTE_CURSOR,                 /* OSC 12 */
};

/* A colour in the tables: 0 = not set, else COLOUR_RGB | 0xRRGGBB. */
struct palette {
    uint32_t program[PALETTE_SIZE]; /* OSC 4 / 10-19 */
    uint32_t owner[PALETTE_SIZE];   /* vt_set_palette (pane-colours, window-style) */
    /* What drawing uses for the indexed colours: program, else owner, else 0 (the
     * outer terminal's own colour). 'mapped' is false while all are 0. */
    uint32_t map[PALETTE_INDEXED];
    bool mapped;
    uint32_t generation;            /* + 1 at each change (drawing caches key on it) */
};

void palette_init(struct palette *p);
/* The colour at index i (0 .. PALETTE_SIZE - 1) as 0xRRGGBB: set, or the default. */
uint32_t palette_get(const struct palette *p, int i);
/* Set (rgb >= 0: 0xRRGGBB) or reset (rgb < 0) the program's or the owner's colour i. */
void palette_set(struct palette *p, int i, int32_t rgb, bool owner);
/* The program's indexed colours (and the dynamic and special ones too with 'dynamic') back to
 * unset (OSC 104 / RIS); the owner's stay. */
void palette_reset_program(struct palette *p, bool dynamic);
/* xterm's default for index i (its 256-colour palette; white on black for the
 * dynamic colours, as tmx has always answered). */
uint32_t palette_default(int i);

/* An X colour specification as xterm takes it (XParseColor): rgb:R/G/B (1-4 hex digits
 * each, scaled), #RGB / #RRGGBB / #RRRGGGBBB / #RRRRGGGGBBBB (the high bits),
 * rgbi:r/g/b (0.0-1.0) or an X11 colour name (case and blanks ignored). Returns
 * 0xRRGGBB, or -1 if it is none of these. */
int32_t palette_parse(const uint8_t *spec, size_t len);

/* The X11 names (palette_names.c), sorted by name. */
struct palette_name {
    const char *name;
    uint32_t rgb;
};
extern const struct palette_name palette_names[];
extern const size_t palette_names_count;

#endif
