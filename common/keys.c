/* keys.c - key codes: tmux-style names, the parser that splits a terminal's input
 * bytes into keys (xterm-style escape sequences, UTF-8, ESC-prefixed Meta) and mouse
 * reports, and the encoders that turn a key or a mouse event back into the bytes a
 * pane's program expects.
 *
 * Every sequence tmx knows is a row in one of the static tables below; the parser and
 * the encoder both read them, so what is parsed and what is sent cannot drift apart. */
#include "keys.h"

#include "utf8.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ESC 0x1b

/* How a special key is sent and recognised. */
enum special_kind {
    SK_CURSOR, /* CSI x, or SS3 x in cursor-application mode; CSI 1;m x modified */
    SK_SS3,    /* SS3 x (F1-F4); CSI 1;m x modified */
    SK_TILDE,  /* CSI n ~; CSI n;m ~ modified */
    SK_CSI,    /* CSI x only, never modified (BTab, focus) */
    SK_TILDE_PLAIN, /* CSI n ~, never modified (paste markers) */
    SK_NONE,   /* no key sequence of its own (mouse: see key_encode_mouse) */
    SK_KEYPAD, /* its character (number), SS3 final in keypad-application mode */
    SK_HOME_END, /* CSI n ~ (as tmux sends Home and End); CSI 1;m x modified */
};

struct special_key {
    key_code key;
    const char *name; /* canonical name */
    enum special_kind kind;
    char final;       /* final byte for CSI x / SS3 x forms */
    int number;       /* first parameter for CSI n ~ forms */
};

/* Name and canonical encoding of every special key, indexed by key - KEYC_SPECIAL. */
static const struct special_key special_keys[] = {
    [KEYC_UP - KEYC_SPECIAL] = { KEYC_UP, "Up", SK_CURSOR, 'A', 0 },
    [KEYC_DOWN - KEYC_SPECIAL] = { KEYC_DOWN, "Down", SK_CURSOR, 'B', 0 },
    [KEYC_LEFT - KEYC_SPECIAL] = { KEYC_LEFT, "Left", SK_CURSOR, 'D', 0 },
    [KEYC_RIGHT - KEYC_SPECIAL] = { KEYC_RIGHT, "Right", SK_CURSOR, 'C', 0 },
    [KEYC_HOME - KEYC_SPECIAL] = { KEYC_HOME, "Home", SK_HOME_END, 'H', 1 },
    [KEYC_END - KEYC_SPECIAL] = { KEYC_END, "End", SK_HOME_END, 'F', 4 },
    [KEYC_IC - KEYC_SPECIAL] = { KEYC_IC, "IC", SK_TILDE, '~', 2 },
    [KEYC_DC - KEYC_SPECIAL] = { KEYC_DC, "DC", SK_TILDE, '~', 3 },
    [KEYC_PPAGE - KEYC_SPECIAL] = { KEYC_PPAGE, "PPage", SK_TILDE, '~', 5 },
    [KEYC_NPAGE - KEYC_SPECIAL] = { KEYC_NPAGE, "NPage", SK_TILDE, '~', 6 },
    [KEYC_BTAB - KEYC_SPECIAL] = { KEYC_BTAB, "BTab", SK_CSI, 'Z', 0 },
    [KEYC_F1 - KEYC_SPECIAL] = { KEYC_F1, "F1", SK_SS3, 'P', 0 },
    [KEYC_F2 - KEYC_SPECIAL] = { KEYC_F2, "F2", SK_SS3, 'Q', 0 },
    [KEYC_F3 - KEYC_SPECIAL] = { KEYC_F3, "F3", SK_SS3, 'R', 0 },
    [KEYC_F4 - KEYC_SPECIAL] = { KEYC_F4, "F4", SK_SS3, 'S', 0 },
    [KEYC_F5 - KEYC_SPECIAL] = { KEYC_F5, "F5", SK_TILDE, '~', 15 },
    [KEYC_F6 - KEYC_SPECIAL] = { KEYC_F6, "F6", SK_TILDE, '~', 17 },
    [KEYC_F7 - KEYC_SPECIAL] = { KEYC_F7, "F7", SK_TILDE, '~', 18 },
    [KEYC_F8 - KEYC_SPECIAL] = { KEYC_F8, "F8", SK_TILDE, '~', 19 },
    [KEYC_F9 - KEYC_SPECIAL] = { KEYC_F9, "F9", SK_TILDE, '~', 20 },
    [KEYC_F10 - KEYC_SPECIAL] = { KEYC_F10, "F10", SK_TILDE, '~', 21 },
    [KEYC_F11 - KEYC_SPECIAL] = { KEYC_F11, "F11", SK_TILDE, '~', 23 },
    [KEYC_F12 - KEYC_SPECIAL] = { KEYC_F12, "F12", SK_TILDE, '~', 24 },
    [KEYC_PASTE_START - KEYC_SPECIAL] = { KEYC_PASTE_START, "PasteStart", SK_TILDE_PLAIN, '~', 200 },
    [KEYC_PASTE_END - KEYC_SPECIAL] = { KEYC_PASTE_END, "PasteEnd", SK_TILDE_PLAIN, '~', 201 },
    [KEYC_FOCUS_IN - KEYC_SPECIAL] = { KEYC_FOCUS_IN, "FocusIn", SK_CSI, 'I', 0 },
    [KEYC_FOCUS_OUT - KEYC_SPECIAL] = { KEYC_FOCUS_OUT, "FocusOut", SK_CSI, 'O', 0 },
    [KEYC_MOUSE - KEYC_SPECIAL] = { KEYC_MOUSE, "Mouse", SK_NONE, 0, 0 },
    [KEYC_ANY - KEYC_SPECIAL] = { KEYC_ANY, "Any", SK_NONE, 0, 0 },
    [KEYC_KP_SLASH - KEYC_SPECIAL] = { KEYC_KP_SLASH, "KP/", SK_KEYPAD, 'o', '/' },
    [KEYC_KP_STAR - KEYC_SPECIAL] = { KEYC_KP_STAR, "KP*", SK_KEYPAD, 'j', '*' },
    [KEYC_KP_MINUS - KEYC_SPECIAL] = { KEYC_KP_MINUS, "KP-", SK_KEYPAD, 'm', '-' },
    [KEYC_KP_SEVEN - KEYC_SPECIAL] = { KEYC_KP_SEVEN, "KP7", SK_KEYPAD, 'w', '7' },
    [KEYC_KP_EIGHT - KEYC_SPECIAL] = { KEYC_KP_EIGHT, "KP8", SK_KEYPAD, 'x', '8' },
    [KEYC_KP_NINE - KEYC_SPECIAL] = { KEYC_KP_NINE, "KP9", SK_KEYPAD, 'y', '9' },
    [KEYC_KP_PLUS - KEYC_SPECIAL] = { KEYC_KP_PLUS, "KP+", SK_KEYPAD, 'k', '+' },
    [KEYC_KP_FOUR - KEYC_SPECIAL] = { KEYC_KP_FOUR, "KP4", SK_KEYPAD, 't', '4' },
    [KEYC_KP_FIVE - KEYC_SPECIAL] = { KEYC_KP_FIVE, "KP5", SK_KEYPAD, 'u', '5' },
    [KEYC_KP_SIX - KEYC_SPECIAL] = { KEYC_KP_SIX, "KP6", SK_KEYPAD, 'v', '6' },
    [KEYC_KP_ONE - KEYC_SPECIAL] = { KEYC_KP_ONE, "KP1", SK_KEYPAD, 'q', '1' },
    [KEYC_KP_TWO - KEYC_SPECIAL] = { KEYC_KP_TWO, "KP2", SK_KEYPAD, 'r', '2' },
    [KEYC_KP_THREE - KEYC_SPECIAL] = { KEYC_KP_THREE, "KP3", SK_KEYPAD, 's', '3' },
    [KEYC_KP_ENTER - KEYC_SPECIAL] = { KEYC_KP_ENTER, "KPEnter", SK_KEYPAD, 'M', '\r' },
    [KEYC_KP_ZERO - KEYC_SPECIAL] = { KEYC_KP_ZERO, "KP0", SK_KEYPAD, 'p', '0' },
    [KEYC_KP_PERIOD - KEYC_SPECIAL] = { KEYC_KP_PERIOD, "KP.", SK_KEYPAD, 'n', '.' },
};
_Static_assert(sizeof special_keys / sizeof special_keys[0] == KEYC_SPECIAL_END - KEYC_SPECIAL,
               "special_keys must list every special key");

/* Other CSI n ~ numbers terminals send (vt220 and rxvt Home/End, xterm F1-F4). */
static const struct {
    int number;
    key_code key;
} tilde_aliases[] = {
    { 1, KEYC_HOME }, { 4, KEYC_END }, { 7, KEYC_HOME }, { 8, KEYC_END },
    { 11, KEYC_F1 }, { 12, KEYC_F2 }, { 13, KEYC_F3 }, { 14, KEYC_F4 },
};

/* SS3 finals sent by the numeric keypad in keypad-application mode (DECKPAM). */
static const struct {
    char final;
    key_code key;
} keypad_keys[] = {
    { 'M', KEYC_ENTER }, { 'I', KEYC_TAB }, { 'X', '=' },
    { 'j', '*' }, { 'k', '+' }, { 'l', ',' }, { 'm', '-' }, { 'n', '.' }, { 'o', '/' },
    { 'p', '0' }, { 'q', '1' }, { 'r', '2' }, { 's', '3' }, { 't', '4' },
    { 'u', '5' }, { 'v', '6' }, { 'w', '7' }, { 'x', '8' }, { 'y', '9' },
};

/* Names accepted by key_from_name, matched case-insensitively. The canonical name of
 * a special key is in special_keys; these are the plain keys with names and aliases. */
static const struct {
    const char *name;
    key_code key;
} key_names[] = {
    { "Enter", KEYC_ENTER }, { "Tab", KEYC_TAB }, { "Escape", KEYC_ESCAPE },
    { "Space", ' ' }, { "BSpace", KEYC_BSPACE },
    { "Insert", KEYC_IC }, { "Delete", KEYC_DC },
    { "PageUp", KEYC_PPAGE }, { "PgUp", KEYC_PPAGE },
    { "PageDown", KEYC_NPAGE }, { "PgDn", KEYC_NPAGE },
};

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Mouse key names: event (with a button but for the wheel) and where. */
static const char *const mouse_event_names[KEY_MOUSE_EVENTS] = {
    "MouseDown", "MouseUp", "MouseDrag", "MouseDragEnd", "WheelUp", "WheelDown",
    "SecondClick", "DoubleClick", "TripleClick",
};
static const char *const mouse_where_names[KEY_MOUSE_WHERES] = {
    "Pane", "Status", "StatusLeft", "StatusRight", "StatusDefault", "Border",
};

/* ---- UTF-8 ------------------------------------------------------------------- */

/* Length of the UTF-8 sequence a lead byte starts, 0 if the byte cannot start one. */
static size_t utf8_lead_length(uint8_t b)
{
    if (b < 0x80)
        return 1;
    if (b >= 0xc2 && b <= 0xdf)
        return 2;
    if (b >= 0xe0 && b <= 0xef)
        return 3;
    if (b >= 0xf0 && b <= 0xf4)
        return 4;
    return 0;
}

/* Whether b may follow lead at position 1: continuation bytes, narrowed for the leads
 * that would otherwise allow overlong forms, surrogates or values above U+10FFFF. */
static bool utf8_second_ok(uint8_t lead, uint8_t b)
{
    uint8_t lo = 0x80, hi = 0xbf;

    if (lead == 0xe0)
        lo = 0xa0;
    else if (lead == 0xed)
        hi = 0x9f;
    else if (lead == 0xf0)
        lo = 0x90;
    else if (lead == 0xf4)
        hi = 0x8f;
    return b >= lo && b <= hi;
}

/* Decodes one character at the start of b. Returns its length and sets *cp; returns 0
 * if b holds a valid but incomplete prefix; returns -1 if the first byte does not
 * start a valid character. */
static int utf8_decode_one(const uint8_t *b, size_t len, uint32_t *cp)
{
    size_t need = utf8_lead_length(b[0]);
    uint32_t value;

    if (need == 0)
        return -1;
    if (need == 1) {
        *cp = b[0];
        return 1;
    }
    value = b[0] & (0xff >> (need + 1));
    for (size_t i = 1; i < need; i++) {
        if (i >= len)
            return 0;
        if (i == 1 ? !utf8_second_ok(b[0], b[1]) : (b[i] & 0xc0) != 0x80)
            return -1;
        value = (value << 6) | (b[i] & 0x3f);
    }
    *cp = value;
    return (int)need;
}

static bool codepoint_valid(uint32_t cp)
{
    return cp < 0x110000 && (cp < 0xd800 || cp > 0xdfff);
}

/* ---- Normal form ------------------------------------------------------------- */

/* Puts a key in the one form the parser produces, so that a key bound by name
 * compares equal to the same key typed: raw C0 code points become CTRL + letter,
 * C-B is C-b, C-@ is C-Space, C-i / C-m / C-[ are Tab / Enter / Escape (a terminal
 * sends the same byte for both); C-? is a key of its own (the byte 0x7f named as tmux
 * names it: typed, that byte is BSpace). S- stays on what it is given to
 * (S-a is not A, S-Tab not BTab), as in tmux 3.3a. */
static key_code key_normalize(key_code key)
{
    key_code mods, base;

    if (key == KEYC_NONE)
        return key;
    mods = key & KEYC_MODS;
    base = KEYC_BASE(key);

    if (base < 0x20 && base != KEYC_TAB && base != KEYC_ENTER && base != KEYC_ESCAPE) {
        if (base == 0)
            base = ' ';
        else if (base <= 26)
            base += 0x60;
        else
            base += 0x40;
        mods |= KEYC_CTRL;
    }
    if (mods & KEYC_CTRL) {
        if (base >= 'A' && base <= 'Z')
            base += 0x20;
        if (base == '@')
            base = ' ';
        else if (base == 'i' || base == 'm' || base == '[') {
            base = base == 'i' ? KEYC_TAB : base == 'm' ? KEYC_ENTER : KEYC_ESCAPE;
            mods &= ~KEYC_CTRL;
        }
    }
    return base | mods;
}

key_code key_canonical(key_code key)
{
    return key_normalize(key);
}

/* ---- Names ------------------------------------------------------------------- */

/* A mouse key name (MouseDown1Pane, WheelUpStatus, TripleClick3Border), or KEYC_NONE. */
static key_code mouse_from_name(const char *s)
{
    for (int e = KEY_MOUSE_EVENTS - 1; e >= 0; e--) {
        size_t n = strlen(mouse_event_names[e]);
        if (strncasecmp(s, mouse_event_names[e], n) != 0)
            continue;
        const char *p = s + n;
        int button = 0;
        if (e != KEY_MOUSE_WHEEL_UP && e != KEY_MOUSE_WHEEL_DOWN) {
            if (*p < '0' || *p > '9')
                continue;
            while (*p >= '0' && *p <= '9' && button < 100)
                button = button * 10 + (*p++ - '0');
            if (button < 1 || button > 11 || button == 4 || button == 5)
                return KEYC_NONE;
        }
        for (int w = 0; w < KEY_MOUSE_WHERES; w++) {
            if (strcasecmp(p, mouse_where_names[w]) == 0)
                return KEYC_MOUSE_KEY(e, button, w);
        }
        return KEYC_NONE;
    }
    return KEYC_NONE;
}

/* Looks up a key name without modifiers: one UTF-8 character (case kept) or a named
 * key (case ignored). */
static key_code key_lookup_base(const char *s)
{
    size_t len = strlen(s);
    uint32_t cp;

    if (len == 0)
        return KEYC_NONE;
    if (strncasecmp(s, "User", 4) == 0 && s[4] >= '0' && s[4] <= '9') {
        unsigned n = 0;
        const char *p = s + 4;
        while (*p >= '0' && *p <= '9' && n < KEYC_USER_MAX)
            n = n * 10 + (unsigned)(*p++ - '0');
        return *p == '\0' && n < KEYC_USER_MAX ? KEYC_USER_BASE + n : KEYC_NONE;
    }
    /* One character first (most names are): no mouse key's name is that short. */
    if (utf8_decode_one((const uint8_t *)s, len, &cp) == (int)len)
        return cp;
    key_code mouse = mouse_from_name(s);
    if (mouse != KEYC_NONE)
        return mouse;
    for (size_t i = 0; i < LEN(special_keys); i++) {
        if (strcasecmp(s, special_keys[i].name) == 0)
            return special_keys[i].key;
    }
    for (size_t i = 0; i < LEN(key_names); i++) {
        if (strcasecmp(s, key_names[i].name) == 0)
            return key_names[i].key;
    }
    return KEYC_NONE;
}

key_code key_from_name(const char *name)
{
    key_code mods = 0, base;

    if (name == NULL || *name == '\0')
        return KEYC_NONE;
    if (name[0] == '^' && name[1] != '\0') {
        mods |= KEYC_CTRL;
        name++;
    }
    while (name[0] != '\0' && name[1] == '-' && name[2] != '\0') {
        switch (name[0]) {
        case 'C': case 'c':
            mods |= KEYC_CTRL;
            break;
        case 'M': case 'm':
            mods |= KEYC_META;
            break;
        case 'S': case 's':
            mods |= KEYC_SHIFT;
            break;
        default:
            return KEYC_NONE;
        }
        name += 2;
    }
    base = key_lookup_base(name);
    if (base == KEYC_NONE)
        return KEYC_NONE;
    return key_normalize(base | mods);
}

const char *key_to_name(key_code key, char *buf, size_t size)
{
    char tmp[64];
    size_t n = 0;
    key_code base;

    if (size == 0)
        return buf;
    if (key == KEYC_NONE) {
        snprintf(buf, size, "None");
        return buf;
    }
    key = key_normalize(key);
    base = KEYC_BASE(key);

    /* A control character is named C-x after the other modifiers (M-C-b), as tmux. */
    bool c0 = (key & KEYC_CTRL) && base < 0x80 && (base == ' ' || base == '?' ||
                                                  (base >= 'a' && base <= 'z') ||
                                                  (base >= '[' && base <= '_'));
    if ((key & KEYC_CTRL) && !c0) {
        memcpy(tmp + n, "C-", 2);
        n += 2;
    }
    if (key & KEYC_META) {
        memcpy(tmp + n, "M-", 2);
        n += 2;
    }
    if (key & KEYC_SHIFT) {
        memcpy(tmp + n, "S-", 2);
        n += 2;
    }
    if (c0) {
        memcpy(tmp + n, "C-", 2);
        n += 2;
    }
    tmp[n] = '\0';

    if (base >= KEYC_SPECIAL && base < KEYC_SPECIAL_END)
        snprintf(buf, size, "%s%s", tmp, special_keys[base - KEYC_SPECIAL].name);
    else if (base >= KEYC_MOUSE_BASE && base < KEYC_MOUSE_END) {
        key_code i = base - KEYC_MOUSE_BASE, e = i / 128, b = (i / 8) % 16, w = i % 8;
        if (e >= KEY_MOUSE_EVENTS || w >= KEY_MOUSE_WHERES)
            snprintf(buf, size, "Invalid#%x", (unsigned)key);
        else if (e == KEY_MOUSE_WHEEL_UP || e == KEY_MOUSE_WHEEL_DOWN)
            snprintf(buf, size, "%s%s%s", tmp, mouse_event_names[e], mouse_where_names[w]);
        else
            snprintf(buf, size, "%s%s%u%s", tmp, mouse_event_names[e], (unsigned)b,
                     mouse_where_names[w]);
    } else if (base >= KEYC_USER_BASE && base < KEYC_USER_BASE + KEYC_USER_MAX)
        snprintf(buf, size, "%sUser%u", tmp, (unsigned)(base - KEYC_USER_BASE));
    else if (base == KEYC_ENTER)
        snprintf(buf, size, "%sEnter", tmp);
    else if (base == KEYC_TAB)
        snprintf(buf, size, "%sTab", tmp);
    else if (base == KEYC_ESCAPE)
        snprintf(buf, size, "%sEscape", tmp);
    else if (base == ' ')
        snprintf(buf, size, "%sSpace", tmp);
    else if (base == KEYC_BSPACE)
        snprintf(buf, size, "%sBSpace", tmp);
    else if (codepoint_valid(base)) {
        n += (size_t)utf8_encode(base, tmp + n);
        tmp[n] = '\0';
        snprintf(buf, size, "%s", tmp);
    } else
        snprintf(buf, size, "Invalid#%x", (unsigned)key);
    return buf;
}

/* ---- Parsing ----------------------------------------------------------------- */

#define CSI_MAX_PARAMS 4
/* A longer number is clamped to this, one past the last code point, so an extended
 * key's code is never taken for another. */
#define CSI_PARAM_MAX 0x110000
/* Largest 1-based mouse coordinate accepted or sent. */
#define MOUSE_COORD_MAX 65534
/* X10 sends each value as one byte offset by 32. */
#define X10_OFFSET 32
#define X10_VALUE_MAX (255 - X10_OFFSET)

/* Result of parsing the body of an escape sequence. */
enum {
    SEQ_INCOMPLETE = 0,  /* may still complete: wait */
    SEQ_MALFORMED = -1,  /* not a sequence: return the ESC as a key on its own */
};

/* A parsed CSI or SS3 sequence. */
struct seq {
    int params[CSI_MAX_PARAMS];
    int nparams;
    bool unusual;        /* sub-parameters, intermediates, too many, misplaced marker */
    char marker;         /* private marker < = > ? right after CSI, or 0 */
    char final;
};

/* The C0 byte b as a key: Tab, Enter and Escape are themselves, others are CTRL plus
 * the letter or symbol (0x00 C-Space, 0x02 C-b, 0x08 C-h, 0x1f C-_). */
static key_code key_from_c0(uint8_t b)
{
    return key_normalize(b);
}

/* Modifier bits from an xterm modifier parameter (1 + shift 1, alt 2, ctrl 4, meta 8;
 * higher bits such as Caps Lock are ignored). */
static key_code mods_from_param(int m)
{
    key_code mods = 0;

    if (m <= 1)
        return 0;
    m -= 1;
    if (m & 1)
        mods |= KEYC_SHIFT;
    if (m & (2 | 8))
        mods |= KEYC_META;
    if (m & 4)
        mods |= KEYC_CTRL;
    return mods;
}

static int param_of(const struct seq *s, int i, int dflt)
{
    if (i >= s->nparams || s->params[i] < 0)
        return dflt;
    return s->params[i];
}

/* Scans parameter, intermediate and final bytes (ECMA-48) starting at b[start].
 * Returns the length up to and including the final byte, SEQ_INCOMPLETE if the
 * buffer ends first, or SEQ_MALFORMED at a byte that cannot be part of a sequence. */
static long scan_sequence(const uint8_t *b, size_t len, size_t start, struct seq *s)
{
    size_t i = start;
    bool in_param = false, intermediates = false;

    memset(s, 0, sizeof *s);
    for (; i < len; i++) {
        uint8_t c = b[i];

        if (c >= 0x30 && c <= 0x3f) {
            if (intermediates)
                return SEQ_MALFORMED;
            if (c >= '0' && c <= '9') {
                if (!in_param) {
                    if (s->nparams == CSI_MAX_PARAMS)
                        s->unusual = true;
                    else
                        s->params[s->nparams++] = 0;
                    in_param = true;
                }
                if (!s->unusual) {
                    int *p = &s->params[s->nparams - 1];
                    *p = *p * 10 + (c - '0');
                    if (*p > CSI_PARAM_MAX)
                        *p = CSI_PARAM_MAX;
                }
            } else if (c == ';') {
                if (!in_param) {
                    /* An empty parameter: default. */
                    if (s->nparams == CSI_MAX_PARAMS)
                        s->unusual = true;
                    else
                        s->params[s->nparams++] = -1;
                }
                in_param = false;
            } else if (c != ':' && i == start && s->marker == 0)
                s->marker = (char)c; /* private marker < = > ? */
            else
                s->unusual = true; /* ':' sub-parameters or a marker further on */
        } else if (c >= 0x20 && c <= 0x2f) {
            intermediates = true;
            s->unusual = true;
        } else if (c >= 0x40 && c <= 0x7e) {
            s->final = (char)c;
            return (long)(i + 1);
        } else
            return SEQ_MALFORMED;
    }
    return SEQ_INCOMPLETE;
}

/* Finds a special key by its CSI/SS3 final byte (letter forms only). */
static const struct special_key *special_by_final(char final)
{
    for (size_t i = 0; i < LEN(special_keys); i++) {
        if (special_keys[i].final == final &&
            (special_keys[i].number == 0 || special_keys[i].kind == SK_HOME_END))
            return &special_keys[i];
    }
    return NULL;
}

static key_code special_by_number(int number, bool *modifiable)
{
    for (size_t i = 0; i < LEN(special_keys); i++) {
        if (special_keys[i].number == number &&
            (special_keys[i].kind == SK_TILDE || special_keys[i].kind == SK_TILDE_PLAIN)) {
            *modifiable = special_keys[i].kind == SK_TILDE;
            return special_keys[i].key;
        }
    }
    *modifiable = true;
    for (size_t i = 0; i < LEN(tilde_aliases); i++) {
        if (tilde_aliases[i].number == number)
            return tilde_aliases[i].key;
    }
    return KEYC_NONE;
}

/* An extended key from the terminal, CSI code ; modifier u or xterm's modifyOtherKeys
 * CSI 27 ; modifier ; code ~: the character code with the modifiers, in the form the
 * parser gives for the same key typed without them (C-A is C-a, C-i is Tab, as
 * key_normalize; Shift on a letter alone is the capital letter). */
static key_code key_from_extended(int code, int param)
{
    key_code mods = mods_from_param(param), base;
    if (code <= 0 || !codepoint_valid((uint32_t)code) || (code < 0x20 && code != KEYC_TAB &&
                                                          code != KEYC_ENTER && code != KEYC_ESCAPE))
        return KEYC_NONE;
    base = (key_code)code;
    if ((mods & (KEYC_SHIFT | KEYC_CTRL)) == KEYC_SHIFT && base >= 'a' && base <= 'z') {
        base -= 0x20;
        mods &= ~KEYC_SHIFT;
    }
    return key_normalize(base | mods);
}

/* The key a complete CSI sequence stands for, or KEYC_NONE if tmx does not know it. */
static key_code csi_key(const struct seq *s)
{
    const struct special_key *sk;
    bool modifiable;
    key_code key;

    if (s->unusual || s->marker != 0)
        return KEYC_NONE;
    if (s->final == 'u' && s->nparams >= 1 && s->nparams <= 2)
        return key_from_extended(param_of(s, 0, 0), param_of(s, 1, 1));
    if (s->final == '~' && s->nparams == 3 && param_of(s, 0, 0) == 27)
        return key_from_extended(param_of(s, 2, 0), param_of(s, 1, 1));
    if (s->nparams > 2)
        return KEYC_NONE;
    if (s->final == '~') {
        key = special_by_number(param_of(s, 0, 0), &modifiable);
        if (key == KEYC_NONE)
            return KEYC_NONE;
        if (s->nparams == 2 && !modifiable)
            return KEYC_NONE;
        return key | mods_from_param(param_of(s, 1, 1));
    }
    sk = special_by_final(s->final);
    if (sk == NULL)
        return KEYC_NONE;
    if (sk->kind == SK_CSI)
        return s->nparams == 0 ? sk->key : KEYC_NONE;
    if (param_of(s, 0, 1) != 1)
        return KEYC_NONE;
    return key_normalize(sk->key | mods_from_param(param_of(s, 1, 1)));
}

/* The key a complete SS3 sequence stands for, or KEYC_NONE. Some terminals put the
 * xterm modifier in SS3 too (ESC O 5 A, ESC O 1;5 P). */
static key_code ss3_key(const struct seq *s)
{
    const struct special_key *sk;
    key_code mods = 0;

    if (s->unusual || s->marker != 0 || s->nparams > 2)
        return KEYC_NONE;
    if (s->nparams > 0)
        mods = mods_from_param(param_of(s, s->nparams - 1, 1));
    sk = special_by_final(s->final);
    if (sk != NULL && (sk->kind == SK_CURSOR || sk->kind == SK_SS3 || sk->kind == SK_HOME_END))
        return key_normalize(sk->key | mods);
    for (size_t i = 0; i < LEN(keypad_keys); i++) {
        if (keypad_keys[i].final == s->final)
            return key_normalize(keypad_keys[i].key | mods);
    }
    return KEYC_NONE;
}

/* Fills *m from a button code and 1-based coordinates; KEYC_MOUSE, or KEYC_NONE if a
 * value is out of range. In X10 form a release is button 3 (with the modifiers). */
static key_code mouse_from_values(int button, int x, int y, bool sgr, bool sgr_release,
                                  struct mouse_event *m)
{
    if (button < 0 || button > KEY_MOUSE_BUTTON_MAX || x < 1 || x > MOUSE_COORD_MAX
        || y < 1 || y > MOUSE_COORD_MAX)
        return KEYC_NONE;
    m->x = x - 1;
    m->y = y - 1;
    m->button = button;
    m->sgr = sgr;
    if (sgr)
        m->release = sgr_release;
    else
        m->release = (button & ~KEY_MOUSE_MODS) == KEY_MOUSE_BUTTON_MASK;
    return KEYC_MOUSE;
}

/* The mouse event in an SGR 1006 report, CSI < b ; x ; y M (press, motion, wheel) or
 * m (release), or KEYC_NONE if a field is missing or out of range. */
static key_code sgr_mouse(const struct seq *s, struct mouse_event *m)
{
    if (s->unusual || s->nparams != 3 || (s->final != 'M' && s->final != 'm'))
        return KEYC_NONE;
    return mouse_from_values(s->params[0], s->params[1], s->params[2], true,
                             s->final == 'm', m);
}

/* Parses ESC [ ... or ESC O ... at the start of b (b[0] is ESC, len >= 2). Returns
 * the length and sets *key (filling *m for KEYC_MOUSE), or SEQ_INCOMPLETE /
 * SEQ_MALFORMED. */
static long parse_sequence(const uint8_t *b, size_t len, key_code *key,
                           struct mouse_event *m)
{
    struct seq s;
    long n = scan_sequence(b, len, 2, &s);

    if (n <= 0)
        return n;
    if (b[1] == 'O') {
        *key = ss3_key(&s);
        return n;
    }
    if (s.marker == '<') {
        *key = sgr_mouse(&s, m);
        return n;
    }
    if (s.final == '[' && s.nparams == 0 && !s.unusual && s.marker == 0) {
        /* Linux console: ESC [ [ A .. E are F1-F5. */
        if ((size_t)n >= len)
            return SEQ_INCOMPLETE;
        if (b[n] < 'A' || b[n] > 'E')
            return SEQ_MALFORMED;
        *key = KEYC_F1 + (b[n] - 'A');
        return n + 1;
    }
    if (s.final == 'M' && s.nparams == 0 && !s.unusual && s.marker == 0) {
        /* X10/normal mouse report: three raw bytes Cb Cx Cy follow, each offset by
         * 32. They are taken whatever they are; a value below 32 is ignored. */
        if ((size_t)n + 3 > len)
            return SEQ_INCOMPLETE;
        *key = mouse_from_values(b[n] - X10_OFFSET, b[n + 1] - X10_OFFSET,
                                 b[n + 2] - X10_OFFSET, false, false, m);
        return n + 3;
    }
    *key = csi_key(&s);
    return n;
}

/* One key that does not start with ESC: a C0 control, DEL, or a UTF-8 character. */
static size_t parse_plain(const uint8_t *b, size_t len, bool timed_out, key_code *key)
{
    uint32_t cp;
    int n;

    if (b[0] < 0x20) {
        *key = key_from_c0(b[0]);
        return 1;
    }
    n = utf8_decode_one(b, len, &cp);
    if (n > 0) {
        *key = cp;
        return (size_t)n;
    }
    if (n == 0 && !timed_out)
        return 0;
    /* An invalid or (after the timeout) truncated byte is a key of its own, its value
     * taken as a code point, so that nothing the user typed is dropped. */
    *key = b[0];
    return 1;
}

/* Parses a key starting with ESC. With allow_meta false (after a first ESC) only a
 * lone Escape or a full escape sequence is accepted, so ESC ESC [ A is M-Up while
 * ESC ESC x is M-Escape then x. */
static size_t parse_escape(const uint8_t *b, size_t len, bool timed_out, key_code *key,
                           struct mouse_event *m, bool allow_meta)
{
    key_code inner;
    size_t n;
    long r;

    if (len == 1) {
        if (!timed_out)
            return 0;
        *key = KEYC_ESCAPE;
        return 1;
    }
    if (b[1] == '[' || b[1] == 'O') {
        r = parse_sequence(b, len, key, m);
        if (r > 0)
            return (size_t)r;
        if (r == SEQ_INCOMPLETE && !timed_out)
            return 0;
        /* Not a sequence. ESC plus one character is that character with Meta (the
         * user typed M-[ or M-O); otherwise the ESC is a key of its own. */
        if (r == SEQ_INCOMPLETE && len == 2 && allow_meta) {
            *key = b[1] | KEYC_META;
            return 2;
        }
        *key = KEYC_ESCAPE;
        return 1;
    }
    if (!allow_meta) {
        *key = KEYC_ESCAPE;
        return 1;
    }
    if (b[1] == ESC)
        n = parse_escape(b + 1, len - 1, timed_out, &inner, m, false);
    else
        n = parse_plain(b + 1, len - 1, timed_out, &inner);
    if (n == 0)
        return 0;
    if (inner == KEYC_NONE || inner == KEYC_MOUSE || (inner & KEYC_META)) {
        /* Nothing to add Meta to (a mouse report carries its own modifiers). */
        *key = KEYC_ESCAPE;
        return 1;
    }
    *key = inner | KEYC_META;
    return n + 1;
}

/* Unknown but complete escape sequences (CSI or SS3 with a final byte tmx does not
 * know, malformed mouse reports, terminal replies) are consumed whole and returned as
 * KEYC_NONE, so the caller skips them instead of typing their bytes into a pane. The
 * event is parsed into a local copy so *m is left alone unless the key is KEYC_MOUSE
 * (an ESC before a report is returned as Escape, its report parsed but dropped). */
size_t key_parse_mouse(const char *buf, size_t len, bool timed_out, key_code *key,
                       struct mouse_event *m)
{
    const uint8_t *b = (const uint8_t *)buf;
    struct mouse_event event;
    size_t n;

    *key = KEYC_NONE;
    if (len == 0)
        return 0;
    if (b[0] == ESC)
        n = parse_escape(b, len, timed_out, key, &event, true);
    else
        n = parse_plain(b, len, timed_out, key);
    if (n > 0 && *key == KEYC_MOUSE)
        *m = event;
    return n;
}

/* key_parse_mouse for callers without mouse support: a report is KEYC_NONE. */
size_t key_parse(const char *buf, size_t len, bool timed_out, key_code *key)
{
    struct mouse_event m;
    size_t n = key_parse_mouse(buf, len, timed_out, key, &m);

    if (*key == KEYC_MOUSE)
        *key = KEYC_NONE;
    return n;
}

/* ---- Encoding ---------------------------------------------------------------- */

/* tmux's form of a character key: Ctrl on a letter, @ to _, Space or ? is the C0
 * byte (or DEL) itself without the Ctrl, as tmux stores it. */
static key_code tmux_form(key_code key)
{
    key_code mods = key & KEYC_MODS, base = KEYC_BASE(key);
    if (!(mods & KEYC_CTRL) || base >= 0x80)
        return key;
    if (base >= 'a' && base <= 'z')
        base -= 0x60;
    else if (base >= '@' && base <= '_')
        base -= 0x40;
    else if (base == ' ')
        base = 0;
    else if (base == '?')
        base = 0x7f;
    else
        return key;
    return base | (mods & ~KEYC_CTRL);
}

/* The byte tmux sends for Ctrl alone on an ASCII key when the program did not ask for
 * extended keys, or -1: none (C-1, C-Enter send nothing). */
static int ctrl_fallback(key_code base)
{
    switch (base) {
    case ' ': case '2':
        return 0x00;
    case '|':
        return 0x1c;
    case '6':
        return 0x1e;
    case '-': case '/':
        return 0x1f;
    case '?':
        return 0x7f;
    }
    if (base >= 'A' && base <= '_')
        return (int)(base - 0x40);
    if (base >= 'a' && base <= '~')
        return (int)(base - 0x60);
    return -1;
}

/* The modifier parameter of the xterm forms: 1 + Shift 1, Meta 2, Ctrl 4. */
static int xterm_modifier(key_code mods)
{
    return 1 + ((mods & KEYC_SHIFT) ? 1 : 0) + ((mods & KEYC_META) ? 2 : 0) +
           ((mods & KEYC_CTRL) ? 4 : 0);
}

/* An extended key: CSI key ; modifier u (tmux 3.3a's form, extended-keys-format csi-u),
 * or xterm's CSI 27 ; modifier ; key ~ (extended-keys-format xterm). */
static size_t extended_form(unsigned key, int modifier, int flags, char *out)
{
    if (flags & KEY_ENC_EXTENDED_XTERM)
        return (size_t)sprintf(out, "\033[27;%d;%u~", modifier, key);
    return (size_t)sprintf(out, "\033[%u;%du", key, modifier);
}

/* Modified special keys use the xterm forms CSI 1;m x and CSI n;m ~ with Meta in the
 * parameter. Unmodifiable specials (BTab, paste and focus markers) take Meta as an
 * ESC prefix and drop other modifiers. Characters follow tmux 3.3a: Meta is an ESC
 * prefix; an ASCII key with Ctrl alone is its C0 byte (C-2 NUL, C-/ 0x1f) or nothing;
 * with Shift or Ctrl and another modifier it has no legacy bytes, and in extended mode
 * is CSI key ; m u (a C0 key as its letter with Ctrl: C-S-a is CSI 65 ; 6 u). Other
 * characters drop Shift and Ctrl. The keypad keys (KP1, KPEnter) send their character
 * (KPEnter a newline, as tmux), or SS3 x in keypad-application mode. */
size_t key_encode(key_code key, int flags, char *out)
{
    key_code mods, base;
    size_t n = 0;

    if (key == KEYC_NONE)
        return 0;
    key = key_normalize(key);
    mods = key & KEYC_MODS;
    base = KEYC_BASE(key);

    if (base >= KEYC_SPECIAL && base < KEYC_SPECIAL_END) {
        const struct special_key *sk = &special_keys[base - KEYC_SPECIAL];
        int m = xterm_modifier(mods);

        switch (sk->kind) {
        case SK_CURSOR:
        case SK_SS3:
            if (m != 1)
                return (size_t)sprintf(out, "\033[1;%d%c", m, sk->final);
            if (sk->kind == SK_SS3 || (flags & KEY_ENC_CURSOR_APP))
                return (size_t)sprintf(out, "\033O%c", sk->final);
            return (size_t)sprintf(out, "\033[%c", sk->final);
        case SK_TILDE:
            if (m != 1)
                return (size_t)sprintf(out, "\033[%d;%d~", sk->number, m);
            return (size_t)sprintf(out, "\033[%d~", sk->number);
        case SK_TILDE_PLAIN:
        case SK_CSI:
            if (mods & (KEYC_CTRL | KEYC_SHIFT))
                return 0;
            if (mods & KEYC_META)
                out[n++] = ESC;
            if (sk->kind == SK_CSI)
                return n + (size_t)sprintf(out + n, "\033[%c", sk->final);
            return n + (size_t)sprintf(out + n, "\033[%d~", sk->number);
        case SK_HOME_END:
            if (m != 1)
                return (size_t)sprintf(out, "\033[1;%d%c", m, sk->final);
            return (size_t)sprintf(out, "\033[%d~", sk->number);
        case SK_KEYPAD:
            if (mods & (KEYC_CTRL | KEYC_SHIFT)) {
                if (!(flags & KEY_ENC_EXTENDED))
                    return 0;
                return extended_form(sk->number == '\r' ? 13 : (unsigned)sk->number, m, flags,
                                     out);
            }
            if (mods & KEYC_META)
                out[n++] = ESC;
            if (flags & KEY_ENC_KEYPAD_APP)
                return n + (size_t)sprintf(out + n, "\033O%c", sk->final);
            out[n++] = sk->number == '\r' ? '\n' : (char)sk->number;
            return n;
        case SK_NONE:
            return 0;
        }
        return 0;
    }
    if (!codepoint_valid(base))
        return 0;
    if (base >= 0x80) {
        /* Not ASCII: only Meta survives, as a prefix. */
        if (mods & KEYC_META)
            out[n++] = ESC;
        return n + (size_t)utf8_encode(base, out + n);
    }
    if ((mods & (KEYC_SHIFT | KEYC_CTRL)) == KEYC_SHIFT && base >= 'a' && base <= 'z' &&
        !(flags & KEY_ENC_EXTENDED))
        return n + (size_t)sprintf(out + n, "%s%c", (mods & KEYC_META) ? "\033" : "",
                                   (char)(base - 0x20)); /* S-a is A, as typed */
    key = tmux_form(key);
    mods = key & KEYC_MODS;
    base = KEYC_BASE(key);
    if ((mods & ~KEYC_META) == 0) {
        if (mods & KEYC_META)
            out[n++] = ESC;
        out[n++] = (char)base;
        return n;
    }
    if (flags & KEY_ENC_EXTENDED) {
        if (base < 0x20 && base != KEYC_TAB && base != KEYC_ENTER && base != KEYC_ESCAPE) {
            base += 0x40;
            mods |= KEYC_CTRL;
        }
        return extended_form((unsigned)base, xterm_modifier(mods), flags, out);
    }
    int c;
    if (mods == KEYC_CTRL && (c = ctrl_fallback(base)) >= 0) {
        out[0] = (char)c;
        return 1;
    }
    return 0;
}

bool key_encode_missing(key_code key, int flags)
{
    if (key == KEYC_NONE)
        return false;
    key = key_normalize(key);
    key_code base = KEYC_BASE(key);
    if (base >= KEYC_SPECIAL && base < KEYC_SPECIAL_END) {
        const struct special_key *sk = &special_keys[base - KEYC_SPECIAL];
        return sk->kind == SK_KEYPAD && (key & KEYC_SHIFT) && !(flags & KEY_ENC_EXTENDED);
    }
    if (!codepoint_valid(base) || base >= 0x80 || (flags & KEY_ENC_EXTENDED))
        return false;
    key_code mods = tmux_form(key) & KEYC_MODS;
    return (mods & ~KEYC_META) != 0 && mods != KEYC_CTRL;
}

/* Whether a program in the mouse modes of flags wants event m: 1000, 1002 and 1003
 * take presses, releases and the wheel; 1002 adds motion with a button held (the low
 * bits name it), 1003 all motion. Mode 9 (X10), only when none of those is set, takes
 * presses of buttons 1-3 alone: xterm ignores the wheel and buttons 8-11 there. */
static bool mouse_wanted(const struct mouse_event *m, int flags)
{
    if (!(flags & (KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_BUTTON | KEY_ENC_MOUSE_ANY))) {
        if (!(flags & KEY_ENC_MOUSE_X10) || m->release)
            return false;
        return !(m->button & (KEY_MOUSE_MOTION | KEY_MOUSE_WHEEL | KEY_MOUSE_EXTRA))
               && (m->button & KEY_MOUSE_BUTTON_MASK) != KEY_MOUSE_BUTTON_MASK;
    }
    if (!(m->button & KEY_MOUSE_MOTION) || (flags & KEY_ENC_MOUSE_ANY))
        return true;
    return (flags & KEY_ENC_MOUSE_BUTTON)
           && (m->button & KEY_MOUSE_BUTTON_MASK) != KEY_MOUSE_BUTTON_MASK;
}

/* 1005 sends each value + 32 as one UTF-8 character, two bytes at most (xterm). */
#define UTF8_MOUSE_VALUE_MAX (0x7ff - X10_OFFSET)

/* SGR keeps the button of a release; the others send a release as button 3 with the
 * modifiers. X10 sends each value + 32 as one byte, 1005 as one UTF-8 character, so
 * neither can send a value above 223 / 2015 (coordinates are 1-based); 1015 and SGR
 * send decimal numbers. In mode 9 the button code has no modifier bits. */
size_t key_encode_mouse(const struct mouse_event *m, int pane_modes_flags, int x, int y,
                        char *out)
{
    int flags = pane_modes_flags, button = m->button;

    if (!mouse_wanted(m, flags))
        return 0;
    if (button < 0 || button > KEY_MOUSE_BUTTON_MAX || x < 0 || x >= MOUSE_COORD_MAX
        || y < 0 || y >= MOUSE_COORD_MAX)
        return 0;
    if (m->release && (button & (KEY_MOUSE_MOTION | KEY_MOUSE_WHEEL)))
        return 0; /* no terminal sends these; no program expects them */
    if (!(flags & (KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_BUTTON | KEY_ENC_MOUSE_ANY)))
        button &= ~KEY_MOUSE_MODS; /* mode 9 */

    if (flags & KEY_ENC_MOUSE_SGR)
        return (size_t)sprintf(out, "\033[<%d;%d;%d%c", button, x + 1, y + 1,
                               m->release ? 'm' : 'M');

    if (m->release)
        button = (button & KEY_MOUSE_MODS) | KEY_MOUSE_BUTTON_MASK;
    if (flags & KEY_ENC_MOUSE_URXVT)
        return (size_t)sprintf(out, "\033[%d;%d;%dM", X10_OFFSET + button, x + 1, y + 1);

    int max = (flags & KEY_ENC_MOUSE_UTF8) ? UTF8_MOUSE_VALUE_MAX : X10_VALUE_MAX;
    if (button > max || x + 1 > max || y + 1 > max)
        return 0;
    const int values[3] = { button, x + 1, y + 1 };
    size_t n = 0;
    out[n++] = ESC;
    out[n++] = '[';
    out[n++] = 'M';
    for (int i = 0; i < 3; i++) {
        if (flags & KEY_ENC_MOUSE_UTF8)
            n += (size_t)utf8_encode((uint32_t)(X10_OFFSET + values[i]), out + n);
        else
            out[n++] = (char)(X10_OFFSET + values[i]);
    }
    return n;
}

/* ---- Order ------------------------------------------------------------------- */

/* Where a key without modifiers comes in tmux's list order: control characters and
 * ASCII by code, then Any, mouse keys, BSpace, F1-F12, IC DC Home End NPage PPage BTab,
 * the arrows, the keypad, user keys and the other characters by code point. */
static uint64_t key_rank_base(key_code base)
{
    static const key_code specials[] = {
        KEYC_ANY, KEYC_BSPACE, KEYC_F1, KEYC_F2, KEYC_F3, KEYC_F4, KEYC_F5, KEYC_F6, KEYC_F7,
        KEYC_F8, KEYC_F9, KEYC_F10, KEYC_F11, KEYC_F12, KEYC_IC, KEYC_DC, KEYC_HOME, KEYC_END,
        KEYC_NPAGE, KEYC_PPAGE, KEYC_BTAB, KEYC_UP, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT,
        KEYC_KP_SLASH, KEYC_KP_STAR, KEYC_KP_MINUS, KEYC_KP_SEVEN, KEYC_KP_EIGHT,
        KEYC_KP_NINE, KEYC_KP_PLUS, KEYC_KP_FOUR, KEYC_KP_FIVE, KEYC_KP_SIX, KEYC_KP_ONE,
        KEYC_KP_TWO, KEYC_KP_THREE, KEYC_KP_ENTER, KEYC_KP_ZERO, KEYC_KP_PERIOD,
    };
    if (base < 0x7f)
        return base;
    if (base >= KEYC_MOUSE_BASE && base < KEYC_MOUSE_END)
        return 0x1000 + (base - KEYC_MOUSE_BASE);
    if (base >= KEYC_USER_BASE && base < KEYC_USER_BASE + KEYC_USER_MAX)
        return 0x200000 + (base - KEYC_USER_BASE);
    for (size_t i = 0; i < LEN(specials); i++) {
        if (specials[i] == base)
            return i == 0 ? 0x100 : 0x100000 + i;
    }
    if (base >= KEYC_SPECIAL && base < KEYC_SPECIAL_END)
        return 0x1ff000 + (base - KEYC_SPECIAL); /* keys nobody binds (focus, paste) */
    return 0x300000 + (uint64_t)base;
}

/* A key's place in tmux's order: modifiers first (M- 1, C- 2, S- 4), then the key. A
 * control character (C-a, C-[) is the character, not C- plus a key. */
static uint64_t key_rank(key_code key)
{
    key = key_normalize(key);
    key_code base = KEYC_BASE(key), mods = key & KEYC_MODS;
    bool del = false; /* C-?: the character 0x7f, before Any (BSpace comes later) */
    if ((mods & KEYC_CTRL) && (base == ' ' || base == '?' || (base >= 'a' && base <= 'z') ||
                               (base >= '[' && base <= '_'))) {
        del = base == '?';
        base = base == ' ' ? 0 : base & 0x1f;
        mods &= ~KEYC_CTRL;
    }
    uint64_t m = ((mods & KEYC_META) ? 1 : 0) | ((mods & KEYC_CTRL) ? 2 : 0) |
                 ((mods & KEYC_SHIFT) ? 4 : 0);
    return (m << 40) | (del ? 0x7f : key_rank_base(base));
}

int key_compare(key_code a, key_code b)
{
    uint64_t ra = key_rank(a), rb = key_rank(b);
    return ra < rb ? -1 : ra > rb;
}
