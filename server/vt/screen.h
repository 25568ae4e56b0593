/* screen.h - the terminal state and the operations on it (internal to vt/): cursor,
 * pen, modes, scroll region, main and alternate grids. Operations are named by what
 * they do to the screen; they know nothing about escape sequences or bytes. More
 * operations built on these: screen_margins.h, screen_rect.h, screen_strings.h. */
#ifndef TMX_VT_SCREEN_H
#define TMX_VT_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"
#include "keyboard.h"
#include "links.h"
#include "palette.h"
#include "vt_modes.h"
#include "vt_ops.h"

#define SCREEN_TITLE_MAX 1024

#define SCREEN_CWD_MAX 1024

#define SCREEN_TITLE_STACK_MAX 10   /* CSI 22 t pushes beyond it drop the oldest */
#define SCREEN_WINDOW_NAME_MAX 256  /* ESC k name: at most 255 bytes kept */

enum screen_charset { SCREEN_CHARSET_ASCII, SCREEN_CHARSET_DEC_GRAPHICS, SCREEN_CHARSET_UK };

/* What DECSC saves and DECRC restores. */
struct screen_cursor {
    int x, y;
    bool wrap_pending;
    bool origin;
    struct grid_pen pen;
    uint8_t charset[2];
    uint8_t gl;
    bool valid;
};

struct screen {
    int cols, rows;
    struct grid *main, *alt;    /* alt: NULL until first shown (screen_alt_grid) */
    struct grid *grid;          /* the one shown: main or alt */

    int cx, cy;
    bool wrap_pending;          /* a character was written in the last column */
    struct grid_pen pen;
    int top, bottom;            /* scroll region, inclusive */
    int left, right;            /* left/right margins (DECSLRM), inclusive; 0 and cols - 1
                                   when there are none */
    uint32_t modes;             /* VT_MODE_* */
    bool no_alt_screen;         /* the owner's alternate-screen off: 47/1047/1049 ignored */
    bool passthrough;           /* the owner's allow-passthrough: DCS tmux; goes out */
    bool title_reports;         /* the owner allows XTWINOPS 20 / 21 (title reports) */
    bool title_locked;          /* the owner refuses OSC 0 / 2 and XTWINOPS 23 titles */
    bool scroll_on_clear;       /* the owner's scroll-on-clear: ED 2 on the main screen
                                   pushes the lines in use into history first */
    uint8_t charset[2];         /* G0, G1: enum screen_charset */
    uint8_t gl;                 /* 0 or 1: which of G0/G1 is in use (SI/SO) */
    struct screen_cursor saved[2]; /* DECSC of the main [0] and alternate [1] screen */
    uint8_t *tabs;              /* tabs_cap bytes, 1 = tab stop (kept when narrower) */
    int tabs_cap;
    bool rect_extent;           /* DECSACE 2: DECCARA/DECRARA act on a rectangle */
    uint32_t last_char;         /* last printed character, for REP */
    /* utf8_width of the characters past ASCII printed lately: SCREEN_WIDTHS entries,
     * each cp << 2 | width (0: empty), at cp's low bits; NULL until the first such
     * character (most panes print only ASCII). */
    uint32_t *widths;
    struct links *links;        /* hyperlinks (OSC 8) of both screens and history */
    struct combs *combs;        /* cells with several combining marks (combs.h) */
    uint16_t link;              /* the open hyperlink printed text gets, 0 = none */


    struct screen_keyboard kbd; /* keys asked for: modifyOtherKeys, kitty flags */
    int cursor_style;
    /* Cleaned strings, NULL until set (at most SCREEN_*_MAX - 1 bytes): most panes
     * never set some of them, so none is a fixed array. */
    char *title;
    char *cwd;
    char *window_name;
    /* XTWINOPS 22/23: titles saved and restored by the program (oldest first). */
    char *title_stack[SCREEN_TITLE_STACK_MAX];
    int ntitle_stack;

    /* OSC 4 / 10-19 colours and the owner's (palette.h); NULL until one is set: most
     * panes never change a colour. */
    struct palette *palette;

    const struct vt_ops *ops;   /* the owner's (vt_ops.h), never NULL */
    void *ops_arg;
};

void screen_init(struct screen *s, int cols, int rows, int history_limit);
void screen_free(struct screen *s);
/* The owner's callbacks (NULL: none). */
void screen_set_ops(struct screen *s, const struct vt_ops *ops, void *arg);
/* Bytes owed to the program; an OSC 52 SET for the owner's clipboard (see vt_ops.h). */
void screen_reply(struct screen *s, const char *buf, size_t len);
void screen_clipboard(struct screen *s, const char *selection, const char *base64);
/* Whether the owner takes OSC 52 at all (so a string need not be checked). */
static inline bool screen_wants_clipboard(const struct screen *s)
{
    return s->ops->clipboard != NULL;
}

/* Text. */
void screen_print(struct screen *s, uint32_t cp);
void screen_print_ascii(struct screen *s, const uint8_t *text, size_t n);
void screen_repeat_last(struct screen *s, int n);

/* Cursor motion. Positions are 0-based; screen_cursor_to honours origin mode. */
void screen_carriage_return(struct screen *s);
void screen_linefeed(struct screen *s);
void screen_reverse_index(struct screen *s);
void screen_backspace(struct screen *s);
void screen_tab_forward(struct screen *s, int n);
void screen_tab_backward(struct screen *s, int n);
void screen_set_tab(struct screen *s);
void screen_clear_tab(struct screen *s, bool all);
void screen_cursor_to(struct screen *s, int x, int y);
void screen_cursor_column(struct screen *s, int x);
void screen_cursor_row(struct screen *s, int y);
void screen_cursor_up(struct screen *s, int n);
void screen_cursor_down(struct screen *s, int n);
void screen_cursor_left(struct screen *s, int n);
void screen_cursor_right(struct screen *s, int n);
void screen_save_cursor(struct screen *s);
void screen_restore_cursor(struct screen *s);

/* Erasing and editing; erased cells take the pen's background. */
void screen_erase_below(struct screen *s);
void screen_erase_above(struct screen *s);
void screen_erase_screen(struct screen *s);
void screen_erase_history(struct screen *s);
void screen_erase_line_right(struct screen *s);
void screen_erase_line_left(struct screen *s);
void screen_erase_line(struct screen *s);
void screen_erase_chars(struct screen *s, int n);
void screen_insert_chars(struct screen *s, int n);
void screen_delete_chars(struct screen *s, int n);
void screen_insert_lines(struct screen *s, int n);
void screen_delete_lines(struct screen *s, int n);
void screen_scroll_up(struct screen *s, int n);
void screen_scroll_down(struct screen *s, int n);
void screen_set_region(struct screen *s, int top, int bottom);

/* Left/right margins narrower than the screen (the fast paths check only this). */
static inline bool screen_has_lr_margins(const struct screen *s)
{
    return s->left > 0 || s->right < s->cols - 1;
}
/* Left/right margins back to the whole width (RIS, DECSTR, DECALN, resize; DECLRMM
 * reset: screen_margins.h). */
static inline void screen_reset_lr_margins(struct screen *s)
{
    s->left = 0;
    s->right = s->cols - 1;
}
/* Whether the cursor is inside the top/bottom margins, the left/right margins. */
bool screen_cursor_in_rows(const struct screen *s);
bool screen_cursor_in_columns(const struct screen *s);
void screen_alignment_fill(struct screen *s);

/* Modes and state. */
void screen_set_mode(struct screen *s, uint32_t mode, bool on);
void screen_set_origin(struct screen *s, bool on);
/* DECCOLM: the mode is kept, the width is not changed (the pane's size is the
 * window's); as the VT510 does on either change: screen cleared, margins reset,
 * cursor home. */
void screen_set_columns(struct screen *s, bool on);
/* The alternate screen's grid, made if it was not yet. */
struct grid *screen_alt_grid(struct screen *s);
void screen_enter_alt(struct screen *s, bool clear);
void screen_leave_alt(struct screen *s, bool clear);
void screen_designate_charset(struct screen *s, int g, enum screen_charset set);
void screen_shift_charset(struct screen *s, int g);
/* OSC 8: text printed from now on links to uri (with id, "" for none); an empty uri
 * closes the link. A link the table refuses (links.h) also closes it. */
void screen_set_link(struct screen *s, const char *id, size_t idlen, const char *uri,
                     size_t urilen);
void screen_bell(struct screen *s);
/* The palette, made on first use. */
struct palette *screen_palette(struct screen *s);
void screen_soft_reset(struct screen *s);
void screen_full_reset(struct screen *s);
/* A new program in the same screen (respawn): RIS, but the history stays. */
void screen_reinit(struct screen *s);
void screen_resize(struct screen *s, int cols, int rows);

/* A cell of character ch and the given width in the pen, carrying the open link. */
static inline struct grid_cell screen_pen_cell(const struct screen *s, uint32_t ch,
                                               uint8_t width)
{
    struct grid_cell c = {
        .ch = ch, .fg = s->pen.fg, .bg = s->pen.bg, .attr = s->pen.attr,
        .wl = GRID_WL(width, s->link), .ul = s->pen.ul,
    };
    return c;
}

#endif
