/* keys.h - key codes: Unicode characters and special keys with modifier bits, their
 * tmux-style names ("C-b", "M-x", "Enter", "Up", "F5", "S-Tab"), the parser that splits
 * a terminal's input bytes into keys (and mouse reports), and the encoders that turn a
 * key or a mouse event back into the bytes a pane's program expects for its modes. */
#ifndef TMX_KEYS_H
#define TMX_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t key_code;

#define KEYC_NONE 0xffffffffu
#define KEYC_META (1u << 29)
#define KEYC_CTRL (1u << 28)
#define KEYC_SHIFT (1u << 27)
#define KEYC_MODS (KEYC_META | KEYC_CTRL | KEYC_SHIFT)
#define KEYC_BASE(k) ((k) & ~KEYC_MODS)

/* Plain keys are their Unicode code point: 'a', 0x20 Space, 0x0d Enter, 0x09 Tab,
 * 0x1b Escape, 0x7f BSpace. A control character is stored as CTRL + the letter:
 * byte 0x02 is 'b' | KEYC_CTRL ("C-b"), byte 0x00 is ' ' | KEYC_CTRL ("C-Space").
 * Special keys live above Unicode. */
enum {
    KEYC_SPECIAL = 0x110000,
    KEYC_UP = KEYC_SPECIAL, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT,
    KEYC_HOME, KEYC_END, KEYC_IC, KEYC_DC, KEYC_PPAGE, KEYC_NPAGE, KEYC_BTAB,
    KEYC_F1, KEYC_F2, KEYC_F3, KEYC_F4, KEYC_F5, KEYC_F6,
    KEYC_F7, KEYC_F8, KEYC_F9, KEYC_F10, KEYC_F11, KEYC_F12,
    KEYC_PASTE_START, KEYC_PASTE_END, KEYC_FOCUS_IN, KEYC_FOCUS_OUT,
    KEYC_MOUSE, /* a mouse report; the event itself is in a struct mouse_event */
    KEYC_ANY,   /* "Any": a table's binding for any key it does not bind */
    /* The numeric keypad (KP/ KP* ... KP.), in tmux's order. */
    KEYC_KP_SLASH, KEYC_KP_STAR, KEYC_KP_MINUS, KEYC_KP_SEVEN, KEYC_KP_EIGHT, KEYC_KP_NINE,
    KEYC_KP_PLUS, KEYC_KP_FOUR, KEYC_KP_FIVE, KEYC_KP_SIX, KEYC_KP_ONE, KEYC_KP_TWO,
    KEYC_KP_THREE, KEYC_KP_ENTER, KEYC_KP_ZERO, KEYC_KP_PERIOD,
    KEYC_SPECIAL_END
};

/* Mouse keys, the names bindings use (MouseDown1Pane, WheelUpStatus, DoubleClick1Border):
 * an event, a button (not for the wheel) and where it happened, packed as
 * KEYC_MOUSE_KEY(event, button, where). */
enum key_mouse_event {
    KEY_MOUSE_DOWN, KEY_MOUSE_UP, KEY_MOUSE_DRAG, KEY_MOUSE_DRAG_END,
    KEY_MOUSE_WHEEL_UP, KEY_MOUSE_WHEEL_DOWN,
    KEY_MOUSE_SECOND_CLICK, KEY_MOUSE_DOUBLE_CLICK, KEY_MOUSE_TRIPLE_CLICK,
    KEY_MOUSE_EVENTS
};
enum key_mouse_where {
    KEY_MOUSE_PANE, KEY_MOUSE_STATUS, KEY_MOUSE_STATUS_LEFT, KEY_MOUSE_STATUS_RIGHT,
    KEY_MOUSE_STATUS_DEFAULT, KEY_MOUSE_BORDER, KEY_MOUSE_WHERES
};
#define KEYC_MOUSE_BASE 0x120000u
#define KEYC_MOUSE_END (KEYC_MOUSE_BASE + KEY_MOUSE_EVENTS * 16 * 8)
/* button: 1-3, 6-11 (0 for the wheel). */
#define KEYC_MOUSE_KEY(event, button, where) \
    (KEYC_MOUSE_BASE + ((key_code)(event) * 16 + (key_code)(button)) * 8 + (key_code)(where))
/* User0 .. User999 (user-keys). */
#define KEYC_USER_BASE 0x130000u
#define KEYC_USER_MAX 1000u
#define KEYC_IS_MOUSE(k) (KEYC_BASE(k) >= KEYC_MOUSE_BASE && KEYC_BASE(k) < KEYC_MOUSE_END)

#define KEYC_ENTER 0x0du
#define KEYC_TAB 0x09u
#define KEYC_ESCAPE 0x1bu
#define KEYC_BSPACE 0x7fu

/* "C-b" -> 'b'|CTRL; "Enter", "Up", "F1", "M-Left", "C-Space", "^B", a single UTF-8
 * character. Case of named keys is ignored. Returns KEYC_NONE if unknown. */
key_code key_from_name(const char *name);
/* The one form of a key the parser gives (C-A is C-a, C-i Tab, C-@ C-Space). */
key_code key_canonical(key_code key);
/* The canonical name of key into buf, as tmux prints it; returns buf. */
const char *key_to_name(key_code key, char *buf, size_t size);
/* Compare two keys in the order tmux lists them (list-keys): by modifiers (none, M-,
 * C-, C-M-, S-, ...), then control characters and ASCII, Any, mouse keys, BSpace,
 * function and editing keys, arrows, keypad, user keys, other characters. */
int key_compare(key_code a, key_code b);

/* Split terminal input into keys. Parses one key at the start of buf.
 * Returns the number of bytes consumed (>0) and sets *key; returns 0 if buf holds only
 * the start of a sequence that may still complete (the caller waits for more bytes or
 * a timeout, then calls again with 'timed_out' true, which makes a lone ESC a key).
 * Bytes that are not a known sequence are returned as keys one by one, never lost. */
size_t key_parse(const char *buf, size_t len, bool timed_out, key_code *key);

/* Bits of an xterm mouse button code (ctlseqs, "Mouse Tracking"). */
enum {
    KEY_MOUSE_BUTTON_MASK = 3,  /* low bits: 0 left, 1 middle, 2 right, 3 release/none */
    KEY_MOUSE_SHIFT = 4,
    KEY_MOUSE_META = 8,
    KEY_MOUSE_CTRL = 16,
    KEY_MOUSE_MODS = KEY_MOUSE_SHIFT | KEY_MOUSE_META | KEY_MOUSE_CTRL,
    KEY_MOUSE_MOTION = 32,      /* motion, with the held button (3: none) in the low bits */
    KEY_MOUSE_WHEEL = 64,       /* 64 wheel up, 65 wheel down (66/67: buttons 6/7) */
    KEY_MOUSE_EXTRA = 128,      /* buttons 8-11 */
    KEY_MOUSE_BUTTON_MAX = 255, /* larger codes are not mouse events */
};

/* A mouse event as a terminal reported it. */
struct mouse_event {
    int x, y;    /* 0-based cell */
    int button;  /* xterm button code including the KEY_MOUSE_* modifier/motion bits */
    bool release;
    bool sgr;    /* came as SGR 1006 (then a release says which button) */
};

/* key_parse, except that a mouse report (SGR 1006 CSI < b ; x ; y M/m, or X10/normal
 * CSI M Cb Cx Cy) sets *key to KEYC_MOUSE and fills *m. *m is written only then.
 * A report with missing fields or values out of range is consumed as KEYC_NONE.
 * The UTF-8 (1005) and urxvt (1015) encodings are not recognised. */
size_t key_parse_mouse(const char *buf, size_t len, bool timed_out, key_code *key,
                       struct mouse_event *m);

/* Key encoding flags, from the pane's vt modes. */
enum {
    KEY_ENC_CURSOR_APP = 1 << 0, /* DECCKM: arrows send ESC O A */
    KEY_ENC_KEYPAD_APP = 1 << 1,
    /* Mouse tracking: which events the program wants (the widest set wins)... */
    KEY_ENC_MOUSE_NORMAL = 1 << 2, /* 1000: presses, releases, wheel */
    KEY_ENC_MOUSE_BUTTON = 1 << 3, /* 1002: those plus motion with a button held */
    KEY_ENC_MOUSE_ANY = 1 << 4,    /* 1003: those plus all motion */
    /* ...and how it wants them sent. */
    KEY_ENC_MOUSE_SGR = 1 << 5,    /* 1006: CSI < b ; x ; y M/m; else X10 CSI M Cb Cx Cy */
    /* 9, X10 compatibility: presses of buttons 1-3 only (no release, motion, wheel or
     * buttons 8-11) and no modifier bits, as xterm. The narrowest tracking mode: ignored
     * when KEY_ENC_MOUSE_NORMAL, _BUTTON or _ANY is also set. */
    KEY_ENC_MOUSE_X10 = 1 << 6,
    KEY_ENC_MOUSE_UTF8 = 1 << 7,   /* 1005: as X10, each of Cb Cx Cy a UTF-8 character */
    KEY_ENC_MOUSE_URXVT = 1 << 8,  /* 1015: CSI Cb ; x ; y M, decimal (Cb = 32 + b) */
    /* When several encodings are set SGR wins, then urxvt, then UTF-8 (as xterm). */
    /* The program asked for extended keys (modifyOtherKeys, CSI > 4 ; 1/2 m) or
     * extended-keys is always: a modified key with no legacy form is sent as tmux 3.3a
     * sends it, CSI key ; modifier u. */
    KEY_ENC_EXTENDED = 1 << 9,
    /* With KEY_ENC_EXTENDED, extended-keys-format xterm (tmux 3.5): such a key is sent as
     * xterm's modifyOtherKeys sends it, CSI 27 ; modifier ; key ~. */
    KEY_ENC_EXTENDED_XTERM = 1 << 15,
};
/* The kitty keyboard protocol's flags (keys_kitty.c) ride in bits 10-14. */
#define KEY_ENC_KITTY_SHIFT 10
#define KEY_ENC_KITTY(f) (((f) & 31) << KEY_ENC_KITTY_SHIFT)
#define KEY_ENC_KITTY_FLAGS(flags) (((flags) >> KEY_ENC_KITTY_SHIFT) & 31)
/* The most bytes one key or mouse event encodes to. */
#define KEY_ENCODE_MAX 128
/* Bytes a program expects for key; returns the length (0 if the key has no encoding).
 * The legacy and extended forms are tmux 3.3a's (a Ctrl-key with a C0 byte is that
 * byte; without KEY_ENC_EXTENDED a modified key with no legacy form is dropped).
 * out must hold at least 32 bytes. */
size_t key_encode(key_code key, int flags, char *out);
/* Whether key, in flags' modes, is one tmux has no bytes for and send-keys types its
 * name instead (S-a, M-C-1, S-Enter without extended keys). */
bool key_encode_missing(key_code key, int flags);
/* Bytes a program expects for mouse event m at the pane-relative cell (x, y), 0-based
 * (m->x and m->y are not used), for the KEY_ENC_MOUSE_* flags in pane_modes_flags.
 * Returns the length, or 0 if the program does not want this event (no mouse mode, or
 * an event its mode does not report) or it cannot be encoded (X10 limits buttons to 223
 * and coordinates to 223, 1-based; UTF-8 (1005) both to 2015; SGR and urxvt coordinates
 * to 65534; a wheel or motion release is never sent). Releases are button 3 (with the
 * modifiers) in every encoding but SGR. out must hold at least 32 bytes. */
size_t key_encode_mouse(const struct mouse_event *m, int pane_modes_flags, int x, int y,
                        char *out);

/* ---- Key events and the kitty keyboard protocol (keys_kitty.c) ---------------- */

enum { KEY_EVENT_PRESS = 1, KEY_EVENT_REPEAT = 2, KEY_EVENT_RELEASE = 3 };
/* Kitty modifier bits (the protocol's, one less than its modifier parameter). */
enum {
    KEY_KMOD_SHIFT = 1, KEY_KMOD_ALT = 2, KEY_KMOD_CTRL = 4, KEY_KMOD_SUPER = 8,
    KEY_KMOD_HYPER = 16, KEY_KMOD_META = 32, KEY_KMOD_CAPS = 64, KEY_KMOD_NUM = 128,
};
#define KEY_TEXT_MAX 8
/* The answer of a terminal to CSI ? u (its kitty flags in the event's code): not a
 * key, a reply for whoever asked. */
#define KEYC_REPLY_KITTY 0x150000u

/* One key event: what bindings look at (key) and, for programs that asked for the
 * kitty protocol, all the terminal said about it. From a legacy terminal the event is
 * made up from the key (key_event_from_key). */
struct key_event {
    key_code key;          /* the key as tmx names it; KEYC_NONE for keys without a
                              name (F13, media keys, a modifier alone) */
    uint32_t code;         /* kitty key number: the unshifted code point, or a
                              functional key's (Private Use Area) number */
    uint32_t shifted;      /* alternate keys, 0 when unknown */
    uint32_t base_layout;
    uint8_t mods;          /* KEY_KMOD_* */
    uint8_t type;          /* KEY_EVENT_* */
    uint8_t ntext;         /* the text the key typed, as code points */
    uint32_t text[KEY_TEXT_MAX];
};

/* The event a legacy key stands for: a press, its modifiers, the kitty number of the
 * key (A typed is a with Shift), and the text it types (none with Ctrl or Meta). */
void key_event_from_key(key_code key, struct key_event *ev);
/* key_parse_mouse for events: also the kitty forms (CSI code:alt ; mods:type ; text u,
 * CSI 1 ; mods:type A..S, CSI n ; mods:type ~) and the terminal's CSI ? flags u reply
 * (KEYC_REPLY_KITTY). Returns as key_parse_mouse. */
size_t key_parse_event(const char *buf, size_t len, bool timed_out, struct key_event *ev,
                       struct mouse_event *m);
/* The bytes a program expects for ev, with the kitty flags in KEY_ENC_KITTY_FLAGS(flags)
 * (0: the legacy or extended forms of key_encode; a release then sends nothing). out
 * must hold KEY_ENCODE_MAX bytes. */
size_t key_encode_event(const struct key_event *ev, int flags, char *out);

#endif
