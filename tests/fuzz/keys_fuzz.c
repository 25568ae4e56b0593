/* keys_fuzz.c - libFuzzer target for common/keys: the input parser (key_parse,
 * key_parse_mouse, with and without the escape timeout), key names (key_from_name,
 * key_to_name and their round trip) and the encoders (key_encode, key_encode_mouse).
 *
 * Input: byte 0 = key encoding flags (KEY_ENC_*), then terminal input bytes. The same
 * bytes are also read as NUL-separated key names, and every 4 bytes as a raw key code.
 * The input is also parsed into key events (key_parse_event: the kitty forms) and each
 * event encoded for every kitty flag set (key_encode_event, KEY_ENCODE_MAX bytes).
 * The input is also read, at every offset, as a terminal's XTVERSION answer
 * (term_reply_xtversion), with an exact-size name buffer, and as its DA2 answer
 * (term_reply_da2).
 * Checked: a parse never consumes more than it was given; with the timeout it always
 * consumes something; parsed keys and names survive key_to_name -> key_from_name;
 * the encoders stay within their 32-byte buffer (exact-size heap buffers, ASan) and
 * key_to_name always NUL-terminates within the size it was given. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "term_reply.h"

#define ENC_SIZE 32

static void fail(const char *what, key_code key, size_t at)
{
    fprintf(stderr, "keys_fuzz: %s (key 0x%x, offset %zu)\n", what, (unsigned)key, at);
    abort();
}

/* key_to_name into an exact-size buffer; checks termination. */
static void name_of(key_code key, char *buf, size_t size)
{
    char *exact = malloc(size);
    key_to_name(key, exact, size);
    if (size > 0) {
        if (memchr(exact, '\0', size) == NULL)
            fail("key_to_name did not NUL-terminate", key, size);
        snprintf(buf, 64, "%s", exact);
    }
    free(exact);
}

/* A name key_to_name gives must give the key back (for keys in the normal form the
 * parser and key_from_name produce). */
static void check_round_trip(key_code key, size_t at)
{
    if (key == KEYC_NONE || key == KEYC_MOUSE)
        return;
    char name[64];
    name_of(key, name, sizeof name);
    if (strncmp(name, "Invalid#", 8) == 0)
        fail("parsed or named key has no name", key, at);
    key_code back = key_from_name(name);
    if (back != key) {
        fprintf(stderr, "keys_fuzz: name \"%s\" gives 0x%x\n", name, (unsigned)back);
        fail("key_to_name/key_from_name round trip", key, at);
    }
}

static void encode(key_code key, int flags)
{
    char *out = malloc(ENC_SIZE);
    size_t n = key_encode(key, flags, out);
    if (n > ENC_SIZE)
        fail("key_encode longer than its buffer", key, n);
    free(out);
}

static void encode_mouse(const struct mouse_event *m, int flags, int x, int y)
{
    char *out = malloc(ENC_SIZE);
    size_t n = key_encode_mouse(m, flags, x, y, out);
    if (n > ENC_SIZE)
        fail("key_encode_mouse longer than its buffer", KEYC_MOUSE, n);
    free(out);
}

/* Split input into keys the way client_input does: parse without the timeout; when
 * only a partial sequence is left, parse again as if the timeout fired. */
static void parse_all(const char *buf, size_t len, int flags, bool mouse)
{
    size_t off = 0;
    while (off < len) {
        key_code key = 0x12345;
        struct mouse_event m;
        memset(&m, 0xa5, sizeof m);
        size_t left = len - off;
        size_t n = mouse ? key_parse_mouse(buf + off, left, false, &key, &m)
                         : key_parse(buf + off, left, false, &key);
        if (n == 0) {
            n = mouse ? key_parse_mouse(buf + off, left, true, &key, &m)
                      : key_parse(buf + off, left, true, &key);
            if (n == 0)
                fail("parse with the timeout consumed nothing", key, off);
        }
        if (n > left)
            fail("parse consumed more than it was given", key, off);
        if (!mouse && key == KEYC_MOUSE)
            fail("key_parse returned KEYC_MOUSE", key, off);
        if (key == KEYC_MOUSE) {
            if (m.x < 0 || m.y < 0 || m.button < 0 || m.button > KEY_MOUSE_BUTTON_MAX)
                fail("mouse event out of range", key, off);
            encode_mouse(&m, flags, m.x, m.y);
            encode_mouse(&m, flags | KEY_ENC_MOUSE_ANY, m.x, m.y);
            encode_mouse(&m, flags | KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, m.x, m.y);
        } else if (key != KEYC_NONE) {
            check_round_trip(key, off);
            encode(key, flags);
        }
        /* The same position parsed with the timeout from the start: also bounded. */
        key_code key2;
        size_t n2 = key_parse(buf + off, left, true, &key2);
        if (n2 == 0 || n2 > left)
            fail("key_parse with the timeout out of bounds", key2, off);
        off += n;
    }
}

/* Key events, as client_input reads them, each encoded for every kitty flag set and with
 * extended keys: within KEY_ENCODE_MAX bytes; a named key survives its name. */
static void parse_events(const char *buf, size_t len)
{
    size_t off = 0;
    while (off < len) {
        struct key_event ev;
        struct mouse_event m;
        size_t n = key_parse_event(buf + off, len - off, false, &ev, &m);
        if (n == 0)
            n = key_parse_event(buf + off, len - off, true, &ev, &m);
        if (n == 0 || n > len - off)
            fail("key_parse_event out of bounds", ev.key, off);
        if (ev.ntext > KEY_TEXT_MAX)
            fail("key_parse_event text too long", ev.key, off);
        if (ev.key != KEYC_REPLY_KITTY && ev.key != KEYC_MOUSE)
            check_round_trip(ev.key, off);
        for (int k = 0; k < 32; k++) {
            char *out = malloc(KEY_ENCODE_MAX);
            size_t e = key_encode_event(&ev, KEY_ENC_KITTY(k) | (k & 1 ? KEY_ENC_EXTENDED : 0),
                                        out);
            if (e > KEY_ENCODE_MAX)
                fail("key_encode_event longer than its buffer", ev.key, e);
            free(out);
        }
        off += n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int flags = data[0] & 0x3f;
    const char *in = (const char *)data + 1;
    size_t len = size - 1;

    /* Exact-size copy: an over-read of the input is an ASan error. */
    char *buf = malloc(len > 0 ? len : 1);
    memcpy(buf, in, len);
    parse_all(buf, len, flags, true);
    parse_all(buf, len, flags, false);
    parse_events(buf, len);
    /* Every suffix once more through the mouse parser with the timeout. */
    for (size_t i = 0; i < len && i < 64; i++) {
        key_code key;
        struct mouse_event m;
        size_t n = key_parse_mouse(buf + i, len - i, true, &key, &m);
        if (n == 0 || n > len - i)
            fail("key_parse_mouse with the timeout out of bounds", key, i);
    }
    /* A terminal's answer to XTVERSION, read where client_input reads it: at any key
     * boundary, so at every offset here; the name stays within its buffer and is
     * printable ASCII, and a length never passes what was given. */
    for (size_t i = 0; i < len && i < 64; i++) {
        char *name = malloc(TERM_REPLY_NAME_MAX + 1);
        long n = term_reply_xtversion(buf + i, len - i, name);
        if (n > (long)(len - i) || n < -1)
            fail("term_reply_xtversion out of bounds", KEYC_NONE, i);
        if (n > 0) {
            size_t l = strnlen(name, TERM_REPLY_NAME_MAX + 1);
            if (l > TERM_REPLY_NAME_MAX)
                fail("term_reply_xtversion name not terminated", KEYC_NONE, i);
            for (size_t k = 0; k < l; k++) {
                if (name[k] < 0x20 || name[k] > 0x7e)
                    fail("term_reply_xtversion name not printable", KEYC_NONE, i);
            }
        }
        free(name);
        int kind = -2;
        n = term_reply_da2(buf + i, len - i, &kind);
        if (n > (long)(len - i) || n < -1 || (n > 0 && kind < -1))
            fail("term_reply_da2 out of bounds", KEYC_NONE, i);
    }
    free(buf);

    /* The bytes as NUL-separated key names (as bind-key and send-keys get them). */
    char *names = malloc(len + 1);
    memcpy(names, in, len);
    names[len] = '\0';
    for (char *p = names; p <= names + len; p += strlen(p) + 1) {
        key_code key = key_from_name(p);
        if (key != KEYC_NONE) {
            check_round_trip(key, (size_t)(p - names));
            encode(key, flags);
            /* key_to_name into buffers of every small size. */
            for (size_t s = 0; s < 24; s++) {
                char tmp[64];
                name_of(key, tmp, s);
            }
        }
    }
    free(names);

    /* Raw 32-bit key codes (any bits, any modifiers): named and encoded safely. */
    for (size_t i = 0; i + 4 <= len; i += 4) {
        key_code key;
        memcpy(&key, in + i, 4);
        char tmp[64];
        name_of(key, tmp, sizeof tmp);
        name_of(key, tmp, 1 + (size_t)(data[0] % 16));
        encode(key, flags);
        struct mouse_event m = {
            .x = (int)(key & 0xfff), .y = (int)((key >> 12) & 0xfff),
            .button = (int)((key >> 24) & 0x1ff) - 1, .release = (key & 1) != 0,
            .sgr = (key & 2) != 0,
        };
        encode_mouse(&m, flags, m.x - 2, m.y - 2);
    }
    return 0;
}
