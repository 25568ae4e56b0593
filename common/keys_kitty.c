/* keys_kitty.c - key events and the kitty keyboard protocol: the terminal's kitty forms
 * parsed into events (with event types, alternate keys and text), events made up from
 * legacy keys, and each event encoded for a program by the flags it pushed (disambiguate
 * 1, event types 2, alternate keys 4, all keys as escape codes 8, associated text 16).
 * The encodings are those of the protocol's specification (kitty's
 * docs/keyboard-protocol.rst); the legacy ones stay key_encode's (tmux's). */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#define ESC 0x1b
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

enum {
    KF_DISAMBIGUATE = 1, KF_EVENTS = 2, KF_ALTERNATES = 4, KF_ALL_KEYS = 8, KF_TEXT = 16,
};

/* How the protocol sends a key that is not text: CSI 1 ; m X (final a letter),
 * CSI number ; m ~, or CSI code ; m u. */
struct kitty_func {
    key_code key;
    char final;
    uint32_t number; /* the ~ number, or the u code */
};

static const struct kitty_func kitty_funcs[] = {
    { KEYC_UP, 'A', 1 },        { KEYC_DOWN, 'B', 1 },      { KEYC_RIGHT, 'C', 1 },
    { KEYC_LEFT, 'D', 1 },      { KEYC_HOME, 'H', 1 },      { KEYC_END, 'F', 1 },
    { KEYC_F1, 'P', 1 },        { KEYC_F2, 'Q', 1 },        { KEYC_F3, '~', 13 },
    { KEYC_F4, 'S', 1 },        { KEYC_IC, '~', 2 },        { KEYC_DC, '~', 3 },
    { KEYC_PPAGE, '~', 5 },     { KEYC_NPAGE, '~', 6 },     { KEYC_F5, '~', 15 },
    { KEYC_F6, '~', 17 },       { KEYC_F7, '~', 18 },       { KEYC_F8, '~', 19 },
    { KEYC_F9, '~', 20 },       { KEYC_F10, '~', 21 },      { KEYC_F11, '~', 23 },
    { KEYC_F12, '~', 24 },
    { KEYC_KP_ZERO, 'u', 57399 },  { KEYC_KP_ONE, 'u', 57400 },   { KEYC_KP_TWO, 'u', 57401 },
    { KEYC_KP_THREE, 'u', 57402 }, { KEYC_KP_FOUR, 'u', 57403 },  { KEYC_KP_FIVE, 'u', 57404 },
    { KEYC_KP_SIX, 'u', 57405 },   { KEYC_KP_SEVEN, 'u', 57406 }, { KEYC_KP_EIGHT, 'u', 57407 },
    { KEYC_KP_NINE, 'u', 57408 },  { KEYC_KP_PERIOD, 'u', 57409 },
    { KEYC_KP_SLASH, 'u', 57410 }, { KEYC_KP_STAR, 'u', 57411 },  { KEYC_KP_MINUS, 'u', 57412 },
    { KEYC_KP_PLUS, 'u', 57413 },  { KEYC_KP_ENTER, 'u', 57414 },
};

/* Other ~ numbers terminals send for the same keys. */
static const struct {
    uint32_t number;
    key_code key;
} kitty_tilde_aliases[] = {
    { 1, KEYC_HOME }, { 7, KEYC_HOME }, { 4, KEYC_END }, { 8, KEYC_END },
    { 11, KEYC_F1 }, { 12, KEYC_F2 }, { 14, KEYC_F4 },
};

static const struct kitty_func *func_by_key(key_code base)
{
    for (size_t i = 0; i < LEN(kitty_funcs); i++) {
        if (kitty_funcs[i].key == base)
            return &kitty_funcs[i];
    }
    return NULL;
}

static bool is_text_char(uint32_t cp)
{
    return cp >= 0x20 && cp != 0x7f && cp < KEYC_SPECIAL && !(cp >= 0x80 && cp < 0xa0) &&
           !(cp >= 0xd800 && cp <= 0xdfff) && !(cp >= 57344 && cp <= 63743);
}

/* ---- Events from legacy keys ---------------------------------------------------- */

void key_event_from_key(key_code key, struct key_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->key = key;
    ev->type = KEY_EVENT_PRESS;
    if (key == KEYC_NONE)
        return;
    key_code base = KEYC_BASE(key);
    if (key & KEYC_SHIFT)
        ev->mods |= KEY_KMOD_SHIFT;
    if (key & KEYC_META)
        ev->mods |= KEY_KMOD_ALT;
    if (key & KEYC_CTRL)
        ev->mods |= KEY_KMOD_CTRL;
    if (base == KEYC_BTAB) {
        ev->code = KEYC_TAB;
        ev->mods |= KEY_KMOD_SHIFT;
        return;
    }
    const struct kitty_func *f = func_by_key(base);
    if (f != NULL) {
        ev->code = f->final == 'u' ? f->number : 0;
        return;
    }
    if (base >= KEYC_SPECIAL)
        return; /* no kitty form: paste and focus markers, mouse keys, user keys */
    ev->code = base;
    if (base >= 'A' && base <= 'Z') {
        /* A capital typed: the a key with Shift. */
        ev->code = base + 0x20;
        ev->shifted = base;
        ev->mods |= KEY_KMOD_SHIFT;
    } else if ((ev->mods & KEY_KMOD_SHIFT) && base >= 'a' && base <= 'z')
        ev->shifted = base - 0x20;
    if (is_text_char(base) && !(ev->mods & (KEY_KMOD_CTRL | KEY_KMOD_ALT))) {
        ev->text[0] = ev->shifted != 0 ? ev->shifted : base;
        ev->ntext = 1;
    }
}

/* ---- Parsing the terminal's kitty forms ---------------------------------------- */

#define KF_FIELDS 3
#define KF_PARAM_MAX 0x110000u

struct kseq {
    uint32_t v[KF_FIELDS][KEY_TEXT_MAX];
    int nsub[KF_FIELDS];  /* sub-fields seen in each field (0: empty field) */
    int nfields;
    bool colon, bad;
    char marker, final;
};

/* Scans ESC [ ... final at the start of b: its length, 0 if incomplete, -1 if it is not
 * a plain parameter sequence (intermediates, a stray byte). */
static long kscan(const uint8_t *b, size_t len, struct kseq *s)
{
    memset(s, 0, sizeof *s);
    s->nfields = 1;
    bool in_num = false;
    for (size_t i = 2; i < len; i++) {
        uint8_t c = b[i];
        if (c >= '0' && c <= '9') {
            int f = s->nfields - 1;
            if (!in_num) {
                if (s->nsub[f] >= KEY_TEXT_MAX)
                    s->bad = true;
                else
                    s->v[f][s->nsub[f]++] = 0;
                in_num = true;
            }
            if (!s->bad) {
                uint32_t *p = &s->v[f][s->nsub[f] - 1];
                *p = *p * 10 + (uint32_t)(c - '0');
                if (*p > KF_PARAM_MAX)
                    *p = KF_PARAM_MAX;
            }
        } else if (c == ';') {
            if (s->nfields == KF_FIELDS)
                s->bad = true;
            else
                s->nfields++;
            in_num = false;
        } else if (c == ':') {
            int f = s->nfields - 1;
            if (!in_num) { /* an empty sub-field: 0 */
                if (s->nsub[f] >= KEY_TEXT_MAX)
                    s->bad = true;
                else
                    s->v[f][s->nsub[f]++] = 0;
            }
            s->colon = true;
            in_num = false;
        } else if (c >= '<' && c <= '?' && i == 2) {
            s->marker = (char)c;
        } else if (c >= 0x40 && c <= 0x7e) {
            s->final = (char)c;
            return (long)(i + 1);
        } else
            return -1;
    }
    return 0;
}

static uint32_t kfield(const struct kseq *s, int f, int sub, uint32_t dflt)
{
    if (f >= s->nfields || sub >= s->nsub[f])
        return dflt;
    return s->v[f][sub];
}

/* The tmx key of a kitty key code with its modifiers and text. */
static key_code key_of_code(uint32_t code, const struct key_event *ev)
{
    key_code base;
    for (size_t i = 0; i < LEN(kitty_funcs); i++) {
        if (kitty_funcs[i].final == 'u' && kitty_funcs[i].number == code) {
            base = kitty_funcs[i].key;
            goto mods;
        }
    }
    if (code == KEYC_ESCAPE || code == KEYC_ENTER || code == KEYC_TAB || code == KEYC_BSPACE)
        base = code;
    else if (is_text_char(code))
        base = code;
    else
        return KEYC_NONE; /* F13..F35, media keys, a modifier alone: no tmx name */
    /* No modifier but Shift and the locks, and text other than the key: the character
     * typed (A, !, a capital with Caps Lock), as a legacy terminal sends it. */
    if ((ev->mods & ~(KEY_KMOD_SHIFT | KEY_KMOD_CAPS | KEY_KMOD_NUM)) == 0 && ev->ntext == 1 &&
        ev->text[0] != code && is_text_char(ev->text[0]))
        return ev->text[0];
mods:;
    key_code k = base;
    if ((ev->mods & (KEY_KMOD_SHIFT | KEY_KMOD_CTRL)) == KEY_KMOD_SHIFT && base < KEYC_SPECIAL) {
        /* Shift without Ctrl on a letter or a key whose shifted form is known: that
         * character (M-A, not M-S-a, as ESC A parses). */
        if (base >= 'a' && base <= 'z')
            k = base - 0x20;
        else if (ev->shifted != 0 && is_text_char(ev->shifted))
            k = ev->shifted;
        else
            k |= KEYC_SHIFT;
    } else if (ev->mods & KEY_KMOD_SHIFT)
        k |= KEYC_SHIFT;
    if (ev->mods & (KEY_KMOD_ALT | KEY_KMOD_META))
        k |= KEYC_META;
    if (ev->mods & KEY_KMOD_CTRL)
        k |= KEYC_CTRL;
    return key_canonical(k); /* the legacy parser's normal form: C-A is C-a, C-i Tab */
}

/* A kitty form at b (ESC [ ...): its length with *ev filled, 0 if incomplete, -1 if not
 * one of its forms (the legacy parser then takes it). */
static long parse_kitty(const uint8_t *b, size_t len, struct key_event *ev)
{
    struct kseq s;
    long n = kscan(b, len, &s);
    if (n <= 0)
        return n;
    if (s.marker == '?' && s.final == 'u') {
        memset(ev, 0, sizeof *ev);
        ev->key = s.bad ? KEYC_NONE : KEYC_REPLY_KITTY;
        ev->code = kfield(&s, 0, 0, 0) & 0xff;
        return n;
    }
    if (s.marker != 0)
        return -1;
    bool u = s.final == 'u';
    if (!u && (!s.colon || strchr("ABCDFHPQS~", s.final) == NULL))
        return -1;
    memset(ev, 0, sizeof *ev);
    ev->key = KEYC_NONE;
    if (s.bad)
        return n;
    uint32_t m = kfield(&s, 1, 0, 1);
    ev->mods = m >= 1 && m <= 256 ? (uint8_t)(m - 1) : 0;
    uint32_t type = kfield(&s, 1, 1, KEY_EVENT_PRESS);
    ev->type = type >= KEY_EVENT_PRESS && type <= KEY_EVENT_RELEASE ? (uint8_t)type
                                                                     : KEY_EVENT_PRESS;
    if (!u) {
        key_code base = KEYC_NONE;
        if (s.final == '~') {
            uint32_t num = kfield(&s, 0, 0, 0);
            for (size_t i = 0; i < LEN(kitty_funcs) && base == KEYC_NONE; i++) {
                if (kitty_funcs[i].final == '~' && kitty_funcs[i].number == num)
                    base = kitty_funcs[i].key;
            }
            for (size_t i = 0; i < LEN(kitty_tilde_aliases) && base == KEYC_NONE; i++) {
                if (kitty_tilde_aliases[i].number == num)
                    base = kitty_tilde_aliases[i].key;
            }
        } else {
            for (size_t i = 0; i < LEN(kitty_funcs) && base == KEYC_NONE; i++) {
                if (kitty_funcs[i].final == s.final)
                    base = kitty_funcs[i].key;
            }
        }
        if (base != KEYC_NONE) {
            key_code k = base;
            if (ev->mods & KEY_KMOD_SHIFT)
                k |= KEYC_SHIFT;
            if (ev->mods & (KEY_KMOD_ALT | KEY_KMOD_META))
                k |= KEYC_META;
            if (ev->mods & KEY_KMOD_CTRL)
                k |= KEYC_CTRL;
            ev->key = k;
        }
        return n;
    }
    ev->code = kfield(&s, 0, 0, 0);
    ev->shifted = kfield(&s, 0, 1, 0);
    ev->base_layout = kfield(&s, 0, 2, 0);
    for (int i = 0; i < s.nsub[2] && i < KEY_TEXT_MAX; i++) {
        if (s.v[2][i] != 0 && s.v[2][i] < 0x110000 && !(s.v[2][i] >= 0xd800 && s.v[2][i] <= 0xdfff))
            ev->text[ev->ntext++] = s.v[2][i];
    }
    if (ev->code == 0 && ev->ntext == 1)
        ev->code = ev->text[0]; /* text with no known key */
    ev->key = key_of_code(ev->code, ev);
    key_code kb = KEYC_BASE(ev->key);
    if (ev->ntext == 0 && ev->key != KEYC_NONE && !(ev->key & (KEYC_CTRL | KEYC_META)) &&
        is_text_char(kb)) {
        ev->text[0] = kb; /* the terminal sent no text: the key's own */
        ev->ntext = 1;
    }
    return n;
}

size_t key_parse_event(const char *buf, size_t len, bool timed_out, struct key_event *ev,
                       struct mouse_event *m)
{
    const uint8_t *b = (const uint8_t *)buf;
    if (len >= 2 && b[0] == ESC && b[1] == '[') {
        long n = parse_kitty(b, len, ev);
        if (n > 0)
            return (size_t)n;
        if (n == 0 && !timed_out)
            return 0;
    }
    key_code key;
    size_t n = key_parse_mouse(buf, len, timed_out, &key, m);
    if (n > 0)
        key_event_from_key(key, ev);
    return n;
}

/* ---- Encoding for a program ----------------------------------------------------- */

/* CSI form of ev: the number (or code with its alternates), the modifier field with
 * the event type, the text, and the final. */
static size_t kitty_csi(const struct key_event *ev, int f, uint8_t mods, uint8_t type,
                        const struct kitty_func *func, bool with_text, char *out)
{
    size_t n = 0;
    int room = KEY_ENCODE_MAX;
#define PUT(...) (n += (size_t)snprintf(out + n, (size_t)(room - (int)n), __VA_ARGS__))
    PUT("\033[");
    char final = func != NULL ? func->final : 'u';
    bool letter = final != 'u' && final != '~';
    bool modfield = mods != 0 || type != KEY_EVENT_PRESS;
    if (letter) {
        if (modfield)
            PUT("1");
    } else if (final == '~')
        PUT("%u", func->number);
    else {
        uint32_t code = func != NULL ? func->number : ev->code;
        PUT("%u", code);
        if ((f & KF_ALTERNATES) && func == NULL) {
            bool sh = (mods & KEY_KMOD_SHIFT) && ev->shifted != 0 && ev->shifted != code;
            bool bl = ev->base_layout != 0 && ev->base_layout != code;
            if (sh)
                PUT(":%u", ev->shifted);
            if (bl)
                PUT("%s:%u", sh ? "" : ":", ev->base_layout);
        }
    }
    if (modfield || with_text) {
        PUT(";");
        if (modfield) {
            PUT("%u", (unsigned)mods + 1);
            if (type != KEY_EVENT_PRESS)
                PUT(":%u", (unsigned)type);
        }
    }
    if (with_text) {
        PUT(";");
        for (int i = 0; i < ev->ntext; i++)
            PUT(i == 0 ? "%u" : ":%u", ev->text[i]);
    }
    PUT("%c", final);
#undef PUT
    return n < (size_t)room ? n : 0;
}

size_t key_encode_event(const struct key_event *ev, int flags, char *out)
{
    int f = KEY_ENC_KITTY_FLAGS(flags);
    uint8_t type = ev->type != 0 ? ev->type : KEY_EVENT_PRESS;
    if (!(f & KF_EVENTS) && type == KEY_EVENT_REPEAT)
        type = KEY_EVENT_PRESS;
    if (f == 0 || ev->key == KEYC_REPLY_KITTY) {
        if (type == KEY_EVENT_RELEASE || ev->key == KEYC_REPLY_KITTY)
            return 0;
        return key_encode(ev->key, flags, out);
    }
    if (type == KEY_EVENT_RELEASE && !(f & KF_EVENTS))
        return 0;
    key_code base = ev->key != KEYC_NONE ? KEYC_BASE(ev->key) : KEYC_NONE;
    if (base == KEYC_PASTE_START || base == KEYC_PASTE_END || base == KEYC_FOCUS_IN ||
        base == KEYC_FOCUS_OUT)
        return type == KEY_EVENT_RELEASE ? 0 : key_encode(ev->key, flags, out);
    const struct kitty_func *func = base != KEYC_NONE ? func_by_key(base) : NULL;
    if (func == NULL && ev->code == 0)
        return 0; /* nothing the protocol can name */
    /* Lock modifiers are reported only with every key as an escape code. */
    uint8_t mods = ev->mods;
    if (!(f & KF_ALL_KEYS))
        mods &= (uint8_t)~(KEY_KMOD_CAPS | KEY_KMOD_NUM);
    bool text_key = func == NULL && ev->ntext > 0 &&
                    (mods & ~(KEY_KMOD_SHIFT | KEY_KMOD_CAPS | KEY_KMOD_NUM)) == 0;
    if (f & KF_ALL_KEYS)
        return kitty_csi(ev, f, mods, type, func, text_key && (f & KF_TEXT) != 0, out);
    if (text_key) {
        /* Text is sent as text; it has no release. */
        if (type == KEY_EVENT_RELEASE)
            return 0;
        size_t n = 0;
        for (int i = 0; i < ev->ntext; i++) {
            char tmp[8];
            key_code k = ev->text[i];
            size_t l = key_encode(k, 0, tmp);
            if (n + l > KEY_ENCODE_MAX)
                break;
            memcpy(out + n, tmp, l);
            n += l;
        }
        return n;
    }
    bool plain_cc = func == NULL && mods == 0 &&
                    (ev->code == KEYC_ENTER || ev->code == KEYC_TAB || ev->code == KEYC_BSPACE);
    if (plain_cc) {
        /* Enter, Tab and Backspace keep their bytes (a shell can still be reset). */
        if (type == KEY_EVENT_RELEASE)
            return 0;
        out[0] = (char)ev->code;
        return 1;
    }
    if (f & KF_DISAMBIGUATE)
        return kitty_csi(ev, f, mods, type, func, false, out);
    /* Event types or alternates without disambiguation: legacy bytes for presses; a
     * functional key's release in its CSI form. */
    if (type == KEY_EVENT_RELEASE)
        return func != NULL ? kitty_csi(ev, f, mods, type, func, false, out) : 0;
    if (type == KEY_EVENT_REPEAT && func != NULL)
        return kitty_csi(ev, f, mods, type, func, false, out);
    return ev->key != KEYC_NONE ? key_encode(ev->key, flags, out) : 0;
}
