/* keys.h - key codes: Unicode characters and special keys with modifier bits, their
 * tmux-style names ("C-b", "M-x", "Enter", "Up", "F5", "S-Tab"), the parser that splits
 * a terminal's input bytes into keys, and the encoder that turns a key back into the
 * bytes a pane's program expects for its current modes. */
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
    KEYC_SPECIAL_END
};

#define KEYC_ENTER 0x0du
#define KEYC_TAB 0x09u
#define KEYC_ESCAPE 0x1bu
#define KEYC_BSPACE 0x7fu

/* "C-b" -> 'b'|CTRL; "Enter", "Up", "F1", "M-Left", "C-Space", "^B", a single UTF-8
 * character. Case of named keys is ignored. Returns KEYC_NONE if unknown. */
key_code key_from_name(const char *name);
/* The canonical name of key into buf; returns buf. */
const char *key_to_name(key_code key, char *buf, size_t size);

/* Split terminal input into keys. Parses one key at the start of buf.
 * Returns the number of bytes consumed (>0) and sets *key; returns 0 if buf holds only
 * the start of a sequence that may still complete (the caller waits for more bytes or
 * a timeout, then calls again with 'timed_out' true, which makes a lone ESC a key).
 * Bytes that are not a known sequence are returned as keys one by one, never lost. */
size_t key_parse(const char *buf, size_t len, bool timed_out, key_code *key);

/* Key encoding flags, from the pane's vt modes. */
enum {
    KEY_ENC_CURSOR_APP = 1 << 0, /* DECCKM: arrows send ESC O A */
    KEY_ENC_KEYPAD_APP = 1 << 1,
};
/* Bytes a program expects for key; returns the length (0 if the key has no encoding).
 * out must hold at least 32 bytes. */
size_t key_encode(key_code key, int flags, char *out);

#endif
