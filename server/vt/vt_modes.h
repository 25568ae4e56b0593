/* vt_modes.h - the mode bits a pane's program can set that matter outside the vt
 * (input encoding, drawing), read with vt_modes() (vt.h). The screen (screen.h) keeps
 * them; this header includes nothing, so the screen need not include vt.h. */
#ifndef TMX_VT_MODES_H
#define TMX_VT_MODES_H

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
    VT_MODE_COLUMN_132 = 1 << 21,    /* mode 3 DECCOLM as the program set it (the width
                                        stays the pane's: see docs/vt.md) */
};

#endif
