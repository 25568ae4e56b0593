/* test_keys.c - key names, parsing terminal input into keys, and encoding keys for a
 * pane. Input is always copied into a heap buffer of exactly its size, so any read
 * past the end is caught by AddressSanitizer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keys.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* key_parse on an exact-size heap copy of bytes. */
static size_t parse_exact(const char *bytes, size_t len, bool timed_out, key_code *key)
{
    char *copy = malloc(len ? len : 1);
    size_t n;

    assert_non_null(copy);
    memcpy(copy, bytes, len);
    n = key_parse(copy, len, timed_out, key);
    free(copy);
    return n;
}

/* Parses all of bytes (a C string) into keys; returns how many. Every call must make
 * progress. */
static size_t parse_all(const char *bytes, bool timed_out, key_code *keys, size_t max)
{
    size_t len = strlen(bytes), off = 0, count = 0;

    while (off < len) {
        key_code key;
        size_t n = parse_exact(bytes + off, len - off, timed_out, &key);

        assert_true(n > 0);
        assert_true(n <= len - off);
        assert_true(count < max);
        keys[count++] = key;
        off += n;
    }
    return count;
}

static void assert_parses_to(const char *bytes, key_code expected)
{
    key_code key;
    size_t len = strlen(bytes);
    size_t n = parse_exact(bytes, len, false, &key);

    if (n != len || key != expected) {
        char want[64], got[64];
        print_error("parse of \"");
        for (size_t i = 0; i < len; i++)
            print_error((unsigned char)bytes[i] < 0x20 ? "\\x%02x" : "%c", (unsigned char)bytes[i]);
        print_error("\": got %s (%#x) len %zu, want %s (%#x) len %zu\n",
                    key_to_name(key, got, sizeof got), (unsigned)key, n,
                    key_to_name(expected, want, sizeof want), (unsigned)expected, len);
        fail();
    }
}

static void assert_encodes_to(key_code key, int flags, const char *expected)
{
    char out[32];
    size_t n = key_encode(key, flags, out);

    if (n != strlen(expected) || memcmp(out, expected, n) != 0) {
        char name[64];
        print_error("encode of %s (flags %d): got %zu bytes, want %zu\n",
                    key_to_name(key, name, sizeof name), flags, n, strlen(expected));
        fail();
    }
}

/* ---- Names ------------------------------------------------------------------- */

static const struct {
    const char *name;
    key_code key;
} canonical_names[] = {
    { "a", 'a' },
    { "A", 'A' },
    { "-", '-' },
    { "^", '^' },
    { "é", 0xe9 },
    { "€", 0x20ac },
    { "😀", 0x1f600 },
    { "C-b", 'b' | KEYC_CTRL },
    { "C-h", 'h' | KEYC_CTRL },
    { "C-\\", '\\' | KEYC_CTRL },
    { "C-]", ']' | KEYC_CTRL },
    { "C-_", '_' | KEYC_CTRL },
    { "C-Space", ' ' | KEYC_CTRL },
    { "M-x", 'x' | KEYC_META },
    { "M--", '-' | KEYC_META },
    { "M-é", 0xe9 | KEYC_META },
    { "M-C-b", 'b' | KEYC_CTRL | KEYC_META },
    { "Enter", KEYC_ENTER },
    { "M-Enter", KEYC_ENTER | KEYC_META },
    { "Tab", KEYC_TAB },
    { "BTab", KEYC_BTAB },
    { "Escape", KEYC_ESCAPE },
    { "M-Escape", KEYC_ESCAPE | KEYC_META },
    { "Space", ' ' },
    { "M-Space", ' ' | KEYC_META },
    { "BSpace", KEYC_BSPACE },
    { "Up", KEYC_UP },
    { "Down", KEYC_DOWN },
    { "Left", KEYC_LEFT },
    { "Right", KEYC_RIGHT },
    { "Home", KEYC_HOME },
    { "End", KEYC_END },
    { "IC", KEYC_IC },
    { "DC", KEYC_DC },
    { "PPage", KEYC_PPAGE },
    { "NPage", KEYC_NPAGE },
    { "F1", KEYC_F1 },
    { "F5", KEYC_F5 },
    { "F12", KEYC_F12 },
    { "C-Up", KEYC_UP | KEYC_CTRL },
    { "S-Up", KEYC_UP | KEYC_SHIFT },
    { "M-Left", KEYC_LEFT | KEYC_META },
    { "C-M-Up", KEYC_UP | KEYC_CTRL | KEYC_META },
    { "C-M-S-Right", KEYC_RIGHT | KEYC_CTRL | KEYC_META | KEYC_SHIFT },
    { "C-DC", KEYC_DC | KEYC_CTRL },
    { "S-F5", KEYC_F5 | KEYC_SHIFT },
    { "S-a", 'a' | KEYC_SHIFT },   /* as tmux 3.3a: not A */
    { "S-Tab", KEYC_TAB | KEYC_SHIFT }, /* not BTab */
    { "PasteStart", KEYC_PASTE_START },
    { "PasteEnd", KEYC_PASTE_END },
    { "FocusIn", KEYC_FOCUS_IN },
    { "FocusOut", KEYC_FOCUS_OUT },
};

static void test_canonical_names_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < LEN(canonical_names); i++) {
        char buf[64];
        key_code key = key_from_name(canonical_names[i].name);

        if (key != canonical_names[i].key) {
            print_error("key_from_name(\"%s\") = %#x, want %#x\n", canonical_names[i].name,
                        (unsigned)key, (unsigned)canonical_names[i].key);
            fail();
        }
        assert_string_equal(key_to_name(key, buf, sizeof buf), canonical_names[i].name);
    }
}

static const struct {
    const char *name;
    const char *same_as;
} name_aliases[] = {
    { "C-B", "C-b" },
    { "c-b", "C-b" },
    { "^B", "C-b" },
    { "^b", "C-b" },
    { "\x02", "C-b" },
    { "C-@", "C-Space" },
    { "^@", "C-Space" },
    { "C- ", "C-Space" },
    { "^Space", "C-Space" },
    { "C-M-b", "M-C-b" },
    { "m-c-B", "M-C-b" },
    { "C-m", "Enter" },
    { "C-i", "Tab" },
    { "C-[", "Escape" },
    { "^[", "Escape" },
    { "^?", "C-?" },   /* the byte 0x7f named as tmux does; typed, it is BSpace */
    { "M-C-i", "M-Tab" },
    { "ENTER", "Enter" },
    { "enter", "Enter" },
    { "escape", "Escape" },
    { "bspace", "BSpace" },
    { "space", "Space" },
    { " ", "Space" },
    { "\r", "Enter" },
    { "\t", "Tab" },
    { "\x7f", "BSpace" },
    { "up", "Up" },
    { "c-m-up", "C-M-Up" },
    { "M-S-C-Up", "C-M-S-Up" },
    { "Insert", "IC" },
    { "Delete", "DC" },
    { "PageUp", "PPage" },
    { "PgUp", "PPage" },
    { "ppage", "PPage" },
    { "PageDown", "NPage" },
    { "PgDn", "NPage" },
    { "f1", "F1" },
    { "f10", "F10" },
};

static void test_name_aliases_give_the_same_key(void **state)
{
    (void)state;
    for (size_t i = 0; i < LEN(name_aliases); i++) {
        key_code a = key_from_name(name_aliases[i].name);
        key_code b = key_from_name(name_aliases[i].same_as);
        char buf[64];

        if (a == KEYC_NONE || a != b) {
            print_error("\"%s\" = %#x but \"%s\" = %#x\n", name_aliases[i].name, (unsigned)a,
                        name_aliases[i].same_as, (unsigned)b);
            fail();
        }
        assert_string_equal(key_to_name(a, buf, sizeof buf), name_aliases[i].same_as);
    }
}

static void test_ctrl_names_match_the_byte_a_terminal_sends(void **state)
{
    (void)state;
    assert_int_equal(key_from_name("C-b"), 'b' | KEYC_CTRL);
    assert_int_equal(key_from_name("C-Space"), ' ' | KEYC_CTRL);
    for (int b = 0; b < 0x20; b++) {
        char byte = (char)b, name[8];
        key_code parsed;

        if (b == 0x1b)
            continue; /* a lone ESC waits; tested below */
        assert_int_equal(parse_exact(&byte, 1, false, &parsed), 1);
        snprintf(name, sizeof name, "^%c", b + 0x40);
        assert_int_equal(key_from_name(name), parsed);
    }
}

static void test_unknown_names_are_none(void **state)
{
    static const char *bad[] = {
        "", "Foo", "C-", "X-a", "C-Foo", "F13", "F0", "ab", "Upp", "\xff", "\xc3", "é!", "C--x",
    };

    (void)state;
    assert_int_equal(key_from_name(NULL), KEYC_NONE);
    for (size_t i = 0; i < LEN(bad); i++) {
        if (key_from_name(bad[i]) != KEYC_NONE) {
            print_error("\"%s\" should be unknown\n", bad[i]);
            fail();
        }
    }
}

static void test_key_to_name_truncates_to_buffer(void **state)
{
    char buf[5];
    char none[8];

    (void)state;
    assert_string_equal(key_to_name(KEYC_UP | KEYC_CTRL | KEYC_META, buf, sizeof buf), "C-M-");
    assert_string_equal(key_to_name(KEYC_NONE, none, sizeof none), "None");
    buf[0] = 'x';
    key_to_name('a', buf, 0);
    assert_int_equal(buf[0], 'x');
}

static void test_key_to_name_normalizes_raw_control_codes(void **state)
{
    char buf[32];

    (void)state;
    assert_string_equal(key_to_name(0x02, buf, sizeof buf), "C-b");
    assert_string_equal(key_to_name(0x00, buf, sizeof buf), "C-Space");
    assert_string_equal(key_to_name('B' | KEYC_CTRL, buf, sizeof buf), "C-b");
    assert_string_equal(key_to_name(0xd800, buf, sizeof buf), "Invalid#d800");
}

/* ---- Parsing plain input ----------------------------------------------------- */

static void test_parse_printable_ascii_one_key_per_byte(void **state)
{
    key_code keys[16];

    (void)state;
    assert_int_equal(parse_all("ab 1~", false, keys, LEN(keys)), 5);
    assert_int_equal(keys[0], 'a');
    assert_int_equal(keys[1], 'b');
    assert_int_equal(keys[2], ' ');
    assert_int_equal(keys[3], '1');
    assert_int_equal(keys[4], '~');
}

static void test_parse_utf8_characters(void **state)
{
    (void)state;
    assert_parses_to("é", 0xe9);
    assert_parses_to("€", 0x20ac);
    assert_parses_to("😀", 0x1f600);
    assert_parses_to("\xef\xbf\xbf", 0xffff);
}

static void test_parse_partial_utf8_waits_then_completes(void **state)
{
    const char *s = "\xf0\x9f\x98\x80"; /* U+1F600 */
    key_code key;

    (void)state;
    for (size_t n = 1; n < 4; n++)
        assert_int_equal(parse_exact(s, n, false, &key), 0);
    assert_int_equal(parse_exact(s, 4, false, &key), 4);
    assert_int_equal(key, 0x1f600);
}

static void test_parse_partial_utf8_after_timeout_is_its_bytes(void **state)
{
    key_code key;

    (void)state;
    assert_int_equal(parse_exact("\xe2\x82", 2, true, &key), 1);
    assert_int_equal(key, 0xe2);
    assert_int_equal(parse_exact("\x82", 1, true, &key), 1);
    assert_int_equal(key, 0x82);
}

static void test_parse_invalid_utf8_byte_is_its_own_key(void **state)
{
    key_code keys[8];

    (void)state;
    /* Stray continuation, impossible lead, overlong, surrogate, above U+10FFFF. */
    assert_int_equal(parse_all("\x80" "a", false, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], 0x80);
    assert_int_equal(keys[1], 'a');
    assert_int_equal(parse_all("\xff", false, keys, LEN(keys)), 1);
    assert_int_equal(keys[0], 0xff);
    assert_int_equal(parse_all("\xc0\xaf", false, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], 0xc0);
    assert_int_equal(parse_all("\xe0\x80\x80", false, keys, LEN(keys)), 3);
    assert_int_equal(parse_all("\xed\xa0\x80", false, keys, LEN(keys)), 3);
    assert_int_equal(keys[0], 0xed);
    assert_int_equal(parse_all("\xf4\x90\x80\x80", false, keys, LEN(keys)), 4);
    /* A broken sequence does not swallow the next valid character. */
    assert_int_equal(parse_all("\xc3" "b", false, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], 0xc3);
    assert_int_equal(keys[1], 'b');
}

static void test_parse_c0_controls_are_ctrl_letters(void **state)
{
    key_code key;

    (void)state;
    assert_parses_to("\x01", 'a' | KEYC_CTRL);
    assert_parses_to("\x02", 'b' | KEYC_CTRL);
    assert_parses_to("\x08", 'h' | KEYC_CTRL);
    assert_parses_to("\x0a", 'j' | KEYC_CTRL);
    assert_parses_to("\x1a", 'z' | KEYC_CTRL);
    assert_parses_to("\x1c", '\\' | KEYC_CTRL);
    assert_parses_to("\x1d", ']' | KEYC_CTRL);
    assert_parses_to("\x1e", '^' | KEYC_CTRL);
    assert_parses_to("\x1f", '_' | KEYC_CTRL);
    assert_parses_to("\r", KEYC_ENTER);
    assert_parses_to("\t", KEYC_TAB);
    assert_parses_to("\x7f", KEYC_BSPACE);
    assert_int_equal(parse_exact("\0", 1, false, &key), 1);
    assert_int_equal(key, ' ' | KEYC_CTRL);
}

/* ---- Parsing escape sequences ------------------------------------------------ */

static const struct {
    const char *seq;
    key_code key;
} sequences[] = {
    /* Cursor keys, normal and application mode. */
    { "\033[A", KEYC_UP }, { "\033[B", KEYC_DOWN },
    { "\033[C", KEYC_RIGHT }, { "\033[D", KEYC_LEFT },
    { "\033OA", KEYC_UP }, { "\033OB", KEYC_DOWN },
    { "\033OC", KEYC_RIGHT }, { "\033OD", KEYC_LEFT },
    /* Home and End in every form. */
    { "\033[H", KEYC_HOME }, { "\033[F", KEYC_END },
    { "\033OH", KEYC_HOME }, { "\033OF", KEYC_END },
    { "\033[1~", KEYC_HOME }, { "\033[4~", KEYC_END },
    { "\033[7~", KEYC_HOME }, { "\033[8~", KEYC_END },
    /* Editing keypad. */
    { "\033[2~", KEYC_IC }, { "\033[3~", KEYC_DC },
    { "\033[5~", KEYC_PPAGE }, { "\033[6~", KEYC_NPAGE },
    { "\033[Z", KEYC_BTAB },
    /* Function keys. */
    { "\033OP", KEYC_F1 }, { "\033OQ", KEYC_F2 }, { "\033OR", KEYC_F3 }, { "\033OS", KEYC_F4 },
    { "\033[11~", KEYC_F1 }, { "\033[12~", KEYC_F2 },
    { "\033[13~", KEYC_F3 }, { "\033[14~", KEYC_F4 },
    { "\033[15~", KEYC_F5 }, { "\033[17~", KEYC_F6 }, { "\033[18~", KEYC_F7 },
    { "\033[19~", KEYC_F8 }, { "\033[20~", KEYC_F9 }, { "\033[21~", KEYC_F10 },
    { "\033[23~", KEYC_F11 }, { "\033[24~", KEYC_F12 },
    { "\033[[A", KEYC_F1 }, { "\033[[E", KEYC_F5 }, /* Linux console */
    /* xterm modifiers. */
    { "\033[1;2A", KEYC_UP | KEYC_SHIFT },
    { "\033[1;3A", KEYC_UP | KEYC_META },
    { "\033[1;4A", KEYC_UP | KEYC_META | KEYC_SHIFT },
    { "\033[1;5A", KEYC_UP | KEYC_CTRL },
    { "\033[1;6A", KEYC_UP | KEYC_CTRL | KEYC_SHIFT },
    { "\033[1;7A", KEYC_UP | KEYC_CTRL | KEYC_META },
    { "\033[1;8A", KEYC_UP | KEYC_CTRL | KEYC_META | KEYC_SHIFT },
    { "\033[1;9A", KEYC_UP | KEYC_META },
    { "\033[1;5D", KEYC_LEFT | KEYC_CTRL },
    { "\033[1;3H", KEYC_HOME | KEYC_META },
    { "\033[1;5F", KEYC_END | KEYC_CTRL },
    { "\033[1;2P", KEYC_F1 | KEYC_SHIFT },
    { "\033[1;5S", KEYC_F4 | KEYC_CTRL },
    { "\033[3;5~", KEYC_DC | KEYC_CTRL },
    { "\033[2;3~", KEYC_IC | KEYC_META },
    { "\033[5;2~", KEYC_PPAGE | KEYC_SHIFT },
    { "\033[15;5~", KEYC_F5 | KEYC_CTRL },
    { "\033[24;6~", KEYC_F12 | KEYC_CTRL | KEYC_SHIFT },
    { "\033[;5A", KEYC_UP | KEYC_CTRL },
    { "\033O5A", KEYC_UP | KEYC_CTRL },
    { "\033O1;2P", KEYC_F1 | KEYC_SHIFT },
    /* Bracketed paste and focus. */
    { "\033[200~", KEYC_PASTE_START }, { "\033[201~", KEYC_PASTE_END },
    { "\033[I", KEYC_FOCUS_IN }, { "\033[O", KEYC_FOCUS_OUT },
    /* Keypad in application mode. */
    { "\033OM", KEYC_ENTER }, { "\033Op", '0' }, { "\033Oy", '9' },
    { "\033Ok", '+' }, { "\033Om", '-' }, { "\033Oj", '*' }, { "\033Oo", '/' },
    { "\033On", '.' }, { "\033OX", '=' },
};

static void test_parse_every_known_sequence(void **state)
{
    (void)state;
    for (size_t i = 0; i < LEN(sequences); i++)
        assert_parses_to(sequences[i].seq, sequences[i].key);
}

static void test_parse_split_sequence_waits_for_the_rest(void **state)
{
    (void)state;
    for (size_t i = 0; i < LEN(sequences); i++) {
        const char *seq = sequences[i].seq;
        size_t len = strlen(seq);

        for (size_t n = 1; n < len; n++) {
            key_code key;
            if (parse_exact(seq, n, false, &key) != 0) {
                print_error("prefix %zu of sequence %zu should wait\n", n, i);
                fail();
            }
        }
        assert_parses_to(seq, sequences[i].key);
    }
}

static void test_parse_sequence_followed_by_more_input(void **state)
{
    key_code keys[8];

    (void)state;
    assert_int_equal(parse_all("\033[Ax\033[1;5Bé\033OP", false, keys, LEN(keys)), 5);
    assert_int_equal(keys[0], KEYC_UP);
    assert_int_equal(keys[1], 'x');
    assert_int_equal(keys[2], KEYC_DOWN | KEYC_CTRL);
    assert_int_equal(keys[3], 0xe9);
    assert_int_equal(keys[4], KEYC_F1);
}

static void test_lone_escape_waits_until_timeout(void **state)
{
    key_code key;

    (void)state;
    assert_int_equal(parse_exact("\033", 1, false, &key), 0);
    assert_int_equal(parse_exact("\033", 1, true, &key), 1);
    assert_int_equal(key, KEYC_ESCAPE);
}

static void test_escape_then_char_is_meta(void **state)
{
    (void)state;
    assert_parses_to("\033x", 'x' | KEYC_META);
    assert_parses_to("\033X", 'X' | KEYC_META);
    assert_parses_to("\033é", 0xe9 | KEYC_META);
    assert_parses_to("\033 ", ' ' | KEYC_META);
    assert_parses_to("\033\x02", 'b' | KEYC_CTRL | KEYC_META);
    assert_parses_to("\033\r", KEYC_ENTER | KEYC_META);
    assert_parses_to("\033\t", KEYC_TAB | KEYC_META);
    assert_parses_to("\033\x7f", KEYC_BSPACE | KEYC_META);
}

static void test_escape_then_char_is_meta_even_after_timeout(void **state)
{
    key_code key;

    (void)state;
    assert_int_equal(parse_exact("\033a", 2, true, &key), 2);
    assert_int_equal(key, 'a' | KEYC_META);
}

static void test_escape_then_partial_utf8_waits(void **state)
{
    key_code key;

    (void)state;
    assert_int_equal(parse_exact("\033\xc3", 2, false, &key), 0);
    assert_int_equal(parse_exact("\033\xc3\xa9", 3, false, &key), 3);
    assert_int_equal(key, 0xe9 | KEYC_META);
}

static void test_double_escape(void **state)
{
    key_code keys[8], key;

    (void)state;
    /* ESC ESC may still be ESC + a sequence: wait; after the timeout it is M-Escape. */
    assert_int_equal(parse_exact("\033\033", 2, false, &key), 0);
    assert_int_equal(parse_exact("\033\033", 2, true, &key), 2);
    assert_int_equal(key, KEYC_ESCAPE | KEYC_META);
    /* ESC + a sequence is that key with Meta (rxvt, PuTTY). */
    assert_parses_to("\033\033[A", KEYC_UP | KEYC_META);
    assert_parses_to("\033\033OD", KEYC_LEFT | KEYC_META);
    assert_parses_to("\033\033[3~", KEYC_DC | KEYC_META);
    /* ESC ESC x is M-Escape then x. */
    assert_int_equal(parse_all("\033\033x", false, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], KEYC_ESCAPE | KEYC_META);
    assert_int_equal(keys[1], 'x');
    /* A sequence that already has Meta is not given it twice. */
    assert_int_equal(parse_all("\033\033[1;3A", false, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], KEYC_ESCAPE);
    assert_int_equal(keys[1], KEYC_UP | KEYC_META);
    /* Three ESCs: M-Escape, then Escape after the timeout. */
    assert_int_equal(parse_all("\033\033\033", true, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], KEYC_ESCAPE | KEYC_META);
    assert_int_equal(keys[1], KEYC_ESCAPE);
}

static void test_incomplete_sequence_after_timeout_is_its_keys(void **state)
{
    key_code keys[8], key;

    (void)state;
    assert_int_equal(parse_exact("\033[1;5", 5, false, &key), 0);
    assert_int_equal(parse_all("\033[1;5", true, keys, LEN(keys)), 5);
    assert_int_equal(keys[0], KEYC_ESCAPE);
    assert_int_equal(keys[1], '[');
    assert_int_equal(keys[2], '1');
    assert_int_equal(keys[3], ';');
    assert_int_equal(keys[4], '5');
}

static void test_escape_bracket_or_o_alone_after_timeout_is_meta(void **state)
{
    key_code key;

    (void)state;
    assert_int_equal(parse_exact("\033[", 2, false, &key), 0);
    assert_int_equal(parse_exact("\033[", 2, true, &key), 2);
    assert_int_equal(key, '[' | KEYC_META);
    assert_int_equal(parse_exact("\033O", 2, false, &key), 0);
    assert_int_equal(parse_exact("\033O", 2, true, &key), 2);
    assert_int_equal(key, 'O' | KEYC_META);
}

static void test_unknown_complete_sequences_are_consumed_as_none(void **state)
{
    key_code keys[8];

    (void)state;
    /* Unknown ~ number, private-marker reply, SGR mouse, X10 mouse, intermediates,
     * sub-parameters, too many parameters, unknown SS3: each one KEYC_NONE, whole. */
    assert_parses_to("\033[99~", KEYC_NONE);
    assert_parses_to("\033[?1;2c", KEYC_NONE);
    assert_parses_to("\033[<0;12;5M", KEYC_NONE);
    assert_parses_to("\033[M !!", KEYC_NONE);
    assert_parses_to("\033[1 q", KEYC_NONE);
    assert_parses_to("\033[1;5:1A", KEYC_NONE);
    assert_parses_to("\033[1;2;3;4;5;6~", KEYC_NONE);
    assert_parses_to("\033[2A", KEYC_NONE);
    assert_parses_to("\033[1;5I", KEYC_NONE);
    assert_parses_to("\033[200;5~", KEYC_NONE);
    assert_parses_to("\033Oz", KEYC_NONE);
    assert_parses_to("\033[99999999999999999999~", KEYC_NONE);
    /* The next key is still parsed. */
    assert_int_equal(parse_all("\033[99~a", false, keys, LEN(keys)), 2);
    assert_int_equal(keys[0], KEYC_NONE);
    assert_int_equal(keys[1], 'a');
}

static void test_broken_sequence_returns_escape_and_keeps_bytes(void **state)
{
    key_code keys[8];

    (void)state;
    /* A control byte inside a CSI: it was not a sequence. */
    assert_int_equal(parse_all("\033[1\x01", false, keys, LEN(keys)), 4);
    assert_int_equal(keys[0], KEYC_ESCAPE);
    assert_int_equal(keys[1], '[');
    assert_int_equal(keys[2], '1');
    assert_int_equal(keys[3], 'a' | KEYC_CTRL);
    /* Linux-console prefix with a wrong letter. */
    assert_int_equal(parse_all("\033[[z", false, keys, LEN(keys)), 4);
    assert_int_equal(keys[0], KEYC_ESCAPE);
    assert_int_equal(keys[3], 'z');
}

/* Every prefix of a tricky input, each in an exact-size buffer, with and without the
 * timeout: ASan reports any read past the end. */
static void test_truncated_input_never_over_reads(void **state)
{
    static const char *inputs[] = {
        "\033[1;5A", "\033[200~", "\033O1;2P", "\033\033[3;5~", "\033[[A", "\033[M !!",
        "\033[<0;12;5M", "\033\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", "\033[1;2;3;4;5;6;7~",
        "\033[999999999999999999999999~", "\033\033\033",
    };

    (void)state;
    for (size_t i = 0; i < LEN(inputs); i++) {
        size_t len = strlen(inputs[i]);

        for (size_t n = 1; n <= len; n++) {
            key_code key;
            assert_true(parse_exact(inputs[i], n, false, &key) <= n);
            size_t got = parse_exact(inputs[i], n, true, &key);
            assert_true(got > 0 && got <= n);
        }
    }
}

/* Random bytes biased towards sequence bytes: parsing must always consume everything,
 * never return more than it was given, and never stall once timed out. */
static void test_garbage_input_is_consumed_without_loss(void **state)
{
    static const char alphabet[] = "\033[O;0123456789~ABCDHFPZIM<?:\xc3\xa9\xf0\x9f\x80\xff\x01\x7f";
    uint32_t seed = 12345;

    (void)state;
    for (int round = 0; round < 3000; round++) {
        char buf[24];
        size_t len, off = 0;

        seed = seed * 1103515245u + 12345u;
        len = 1 + (seed >> 16) % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        while (off < len) {
            key_code key;
            size_t n = parse_exact(buf + off, len - off, false, &key);

            assert_true(n <= len - off);
            if (n == 0) {
                n = parse_exact(buf + off, len - off, true, &key);
                assert_true(n > 0 && n <= len - off);
            }
            off += n;
        }
        assert_int_equal(off, len);
    }
}

static void test_parse_empty_buffer_needs_more(void **state)
{
    key_code key;

    (void)state;
    assert_int_equal(key_parse("", 0, false, &key), 0);
    assert_int_equal(key_parse("", 0, true, &key), 0);
}

/* ---- Encoding ---------------------------------------------------------------- */

static void test_encode_characters(void **state)
{
    (void)state;
    assert_encodes_to('a', 0, "a");
    assert_encodes_to('A', 0, "A");
    assert_encodes_to('a' | KEYC_SHIFT, 0, "A");
    assert_encodes_to(0xe9, 0, "é");
    assert_encodes_to(0x1f600, 0, "😀");
    assert_encodes_to(' ', 0, " ");
    assert_encodes_to(KEYC_ENTER, 0, "\r");
    assert_encodes_to(KEYC_TAB, 0, "\t");
    assert_encodes_to(KEYC_ESCAPE, 0, "\033");
    assert_encodes_to(KEYC_BSPACE, 0, "\x7f");
    assert_encodes_to(KEYC_BTAB, 0, "\033[Z");
}

static void test_encode_ctrl_as_c0_bytes(void **state)
{
    char out[32];

    (void)state;
    assert_encodes_to('a' | KEYC_CTRL, 0, "\x01");
    assert_encodes_to('b' | KEYC_CTRL, 0, "\x02");
    assert_encodes_to('B' | KEYC_CTRL, 0, "\x02");
    assert_encodes_to('z' | KEYC_CTRL, 0, "\x1a");
    assert_encodes_to('[' | KEYC_CTRL, 0, "\033");
    assert_encodes_to('\\' | KEYC_CTRL, 0, "\x1c");
    assert_encodes_to(']' | KEYC_CTRL, 0, "\x1d");
    assert_encodes_to('^' | KEYC_CTRL, 0, "\x1e");
    assert_encodes_to('_' | KEYC_CTRL, 0, "\x1f");
    assert_encodes_to('?' | KEYC_CTRL, 0, "\x7f");
    /* No C0 byte and no extended keys asked for: nothing, as tmux 3.3a. */
    assert_int_equal(key_encode('1' | KEYC_CTRL, 0, out), 0);
    assert_int_equal(key_encode(KEYC_ENTER | KEYC_CTRL, 0, out), 0);
    assert_int_equal(key_encode('2' | KEYC_CTRL, 0, out), 1);
    assert_int_equal(out[0], 0);
    assert_encodes_to('/' | KEYC_CTRL, 0, "\x1f");
    assert_encodes_to('-' | KEYC_CTRL, 0, "\x1f");
    assert_encodes_to('6' | KEYC_CTRL, 0, "\x1e");
    assert_int_equal(key_encode(' ' | KEYC_CTRL, 0, out), 1);
    assert_int_equal(out[0], 0);
    assert_int_equal(key_encode('@' | KEYC_CTRL, 0, out), 1);
    assert_int_equal(out[0], 0);
}

/* Extended keys (the program sent CSI > 4 ; 1 m, or extended-keys always): tmux 3.3a's
 * CSI key ; modifier u for every modified key without a legacy form, checked byte for
 * byte against the real tmux (tests/compat/cases/keys-extended.sh). */
static void test_encode_extended_keys_as_tmux(void **state)
{
    static const struct {
        const char *name;
        const char *legacy;   /* without extended keys ("" nothing) */
        const char *extended;
        bool missing;         /* send-keys types the name instead */
    } cases[] = {
        { "C-1", "", "\033[49;5u", false },
        { "S-Enter", "", "\033[13;2u", true },
        { "C-Enter", "", "\033[13;5u", false },
        { "C-a", "\x01", "\x01", false },
        { "M-a", "\033a", "\033a", false },
        { "C-M-a", "\033\x01", "\033\x01", false },
        { "C-S-a", "", "\033[65;6u", true },
        { "C-Tab", "", "\033[9;5u", false },
        { "C-S-Tab", "", "\033[9;6u", true },
        { "M-Enter", "\033\r", "\033\r", false },
        { "C-/", "\x1f", "\033[47;5u", false },
        { "S-a", "A", "\033[97;2u", true },
        { "M-S-a", "\033A", "\033[97;4u", true },
        { "C-M-S-x", "", "\033[88;8u", true },
        { "é", "é", "é", false },
        { "C-é", "é", "é", false },
        { "M-é", "\033é", "\033é", false },
        { "S-Space", "", "\033[32;2u", true },
        { "C-S-Space", "", "\033[64;6u", true },
        { "C-6", "\x1e", "\033[54;5u", false },
        { "C-3", "", "\033[51;5u", false },
        { "M-C-1", "", "\033[49;7u", true },
        { "C-Escape", "", "\033[27;5u", false },
        { "S-Escape", "", "\033[27;2u", true },
        { "C-BSpace", "", "\033[127;5u", false },
        { "C-M-Enter", "", "\033[13;7u", true },
        { "M-S-Enter", "", "\033[13;4u", true },
        { "C-)", "", "\033[41;5u", false },
        { "C-Up", "\033[1;5A", "\033[1;5A", false },
        { "C-F5", "\033[15;5~", "\033[15;5~", false },
        { "KPEnter", "\n", "\n", false },
        { "M-BTab", "\033\033[Z", "\033\033[Z", false },
    };
    (void)state;
    for (size_t i = 0; i < LEN(cases); i++) {
        key_code key = key_from_name(cases[i].name);
        assert_int_not_equal(key, KEYC_NONE);
        assert_encodes_to(key, 0, cases[i].legacy);
        assert_encodes_to(key, KEY_ENC_EXTENDED, cases[i].extended);
        if (key_encode_missing(key, 0) != cases[i].missing) {
            print_error("%s: missing should be %d\n", cases[i].name, cases[i].missing);
            fail();
        }
        assert_false(key_encode_missing(key, KEY_ENC_EXTENDED));
    }
}

/* Extended keys from the terminal: CSI code ; modifier u and CSI 27 ; modifier ; code ~
 * parse to the key tmx names, and each encodes back to the same CSI u form. */
static void test_parse_extended_keys_round_trip(void **state)
{
    static const struct {
        const char *bytes;
        const char *name;
    } cases[] = {
        { "\033[49;5u", "C-1" },         { "\033[27;5;49~", "C-1" },
        { "\033[13;2u", "S-Enter" },     { "\033[27;2;13~", "S-Enter" },
        { "\033[13;5u", "C-Enter" },     { "\033[9;5u", "C-Tab" },
        { "\033[97;5u", "C-a" },         { "\033[65;5u", "C-a" },
        { "\033[97;6u", "C-S-a" },       { "\033[97;2u", "A" },
        { "\033[97;3u", "M-a" },         { "\033[27u", "Escape" },
        { "\033[27;5u", "C-Escape" },    { "\033[127;5u", "C-BSpace" },
        { "\033[233;5u", "C-é" },        { "\033[32;2u", "S-Space" },
        { "\033[47;5u", "C-/" },         { "\033[59;7u", "C-M-;" },
    };
    (void)state;
    for (size_t i = 0; i < LEN(cases); i++)
        assert_parses_to(cases[i].bytes, key_from_name(cases[i].name));
    /* Out of range or control codes: consumed, no key. */
    assert_parses_to("\033[1;5u", KEYC_NONE);
    assert_parses_to("\033[1114112;5u", KEYC_NONE);
    assert_parses_to("\033[55296u", KEYC_NONE);
    /* What a terminal sends in extended mode, encoded again for a pane that asked. */
    static const char *const back[] = {"\033[49;5u", "\033[13;2u", "\033[65;6u", "\033[27;5u",
                                       "\033[9;5u", "\033[127;5u", "\033[59;7u"};
    for (size_t i = 0; i < LEN(back); i++) {
        key_code key;
        char out[KEY_ENCODE_MAX];
        parse_exact(back[i], strlen(back[i]), false, &key);
        size_t n = key_encode(key, KEY_ENC_EXTENDED, out);
        assert_int_equal(n, strlen(back[i]));
        assert_memory_equal(out, back[i], n);
    }
}

/* extended-keys-format xterm: the same keys in xterm's CSI 27 ; modifier ; key ~. */
static void test_encode_extended_keys_xterm_format(void **state)
{
    (void)state;
    const int xterm = KEY_ENC_EXTENDED | KEY_ENC_EXTENDED_XTERM;
    assert_encodes_to('1' | KEYC_CTRL, xterm, "\033[27;5;49~");
    assert_encodes_to('a' | KEYC_CTRL | KEYC_SHIFT, xterm, "\033[27;6;65~");
    assert_encodes_to(KEYC_ENTER | KEYC_SHIFT, xterm, "\033[27;2;13~");
    assert_encodes_to(KEYC_KP_ENTER | KEYC_CTRL, xterm, "\033[27;5;13~"); /* keypad */
    /* Without KEY_ENC_EXTENDED the flag changes nothing: legacy bytes or none. */
    assert_encodes_to('a' | KEYC_CTRL, KEY_ENC_EXTENDED_XTERM, "\001");
}

static void test_encode_meta_prefixes_escape(void **state)
{
    (void)state;
    assert_encodes_to('x' | KEYC_META, 0, "\033x");
    assert_encodes_to(0xe9 | KEYC_META, 0, "\033é");
    assert_encodes_to('b' | KEYC_CTRL | KEYC_META, 0, "\033\x02");
    assert_encodes_to(KEYC_ENTER | KEYC_META, 0, "\033\r");
    assert_encodes_to(KEYC_ESCAPE | KEYC_META, 0, "\033\033");
    assert_encodes_to(KEYC_BTAB | KEYC_META, 0, "\033\033[Z");
}

static void test_encode_cursor_keys_by_mode(void **state)
{
    (void)state;
    assert_encodes_to(KEYC_UP, 0, "\033[A");
    assert_encodes_to(KEYC_DOWN, 0, "\033[B");
    assert_encodes_to(KEYC_RIGHT, 0, "\033[C");
    assert_encodes_to(KEYC_LEFT, 0, "\033[D");
    /* Home and End as tmux sends them, in both modes. */
    assert_encodes_to(KEYC_HOME, 0, "\033[1~");
    assert_encodes_to(KEYC_END, 0, "\033[4~");
    assert_encodes_to(KEYC_UP, KEY_ENC_CURSOR_APP, "\033OA");
    assert_encodes_to(KEYC_DOWN, KEY_ENC_CURSOR_APP, "\033OB");
    assert_encodes_to(KEYC_RIGHT, KEY_ENC_CURSOR_APP, "\033OC");
    assert_encodes_to(KEYC_LEFT, KEY_ENC_CURSOR_APP, "\033OD");
    assert_encodes_to(KEYC_HOME, KEY_ENC_CURSOR_APP, "\033[1~");
    assert_encodes_to(KEYC_END, KEY_ENC_CURSOR_APP | KEY_ENC_KEYPAD_APP, "\033[4~");
    /* Modified cursor keys are the same in both modes. */
    assert_encodes_to(KEYC_UP | KEYC_CTRL, 0, "\033[1;5A");
    assert_encodes_to(KEYC_UP | KEYC_CTRL, KEY_ENC_CURSOR_APP, "\033[1;5A");
}

static void test_encode_editing_and_function_keys(void **state)
{
    (void)state;
    assert_encodes_to(KEYC_IC, 0, "\033[2~");
    assert_encodes_to(KEYC_DC, 0, "\033[3~");
    assert_encodes_to(KEYC_PPAGE, 0, "\033[5~");
    assert_encodes_to(KEYC_NPAGE, KEY_ENC_CURSOR_APP, "\033[6~");
    assert_encodes_to(KEYC_F1, 0, "\033OP");
    assert_encodes_to(KEYC_F4, 0, "\033OS");
    assert_encodes_to(KEYC_F5, 0, "\033[15~");
    assert_encodes_to(KEYC_F6, 0, "\033[17~");
    assert_encodes_to(KEYC_F10, 0, "\033[21~");
    assert_encodes_to(KEYC_F11, 0, "\033[23~");
    assert_encodes_to(KEYC_F12, 0, "\033[24~");
}

static void test_encode_modified_special_keys_in_xterm_form(void **state)
{
    (void)state;
    assert_encodes_to(KEYC_UP | KEYC_SHIFT, 0, "\033[1;2A");
    assert_encodes_to(KEYC_LEFT | KEYC_META, 0, "\033[1;3D");
    assert_encodes_to(KEYC_RIGHT | KEYC_CTRL | KEYC_SHIFT, 0, "\033[1;6C");
    assert_encodes_to(KEYC_HOME | KEYC_CTRL | KEYC_META | KEYC_SHIFT, 0, "\033[1;8H");
    assert_encodes_to(KEYC_DC | KEYC_CTRL, 0, "\033[3;5~");
    assert_encodes_to(KEYC_F1 | KEYC_SHIFT, 0, "\033[1;2P");
    assert_encodes_to(KEYC_F12 | KEYC_CTRL, 0, "\033[24;5~");
    assert_encodes_to(key_from_name("C-M-Up"), 0, "\033[1;7A");
}

static void test_encode_paste_and_focus_markers(void **state)
{
    (void)state;
    assert_encodes_to(KEYC_PASTE_START, 0, "\033[200~");
    assert_encodes_to(KEYC_PASTE_END, 0, "\033[201~");
    assert_encodes_to(KEYC_FOCUS_IN, 0, "\033[I");
    assert_encodes_to(KEYC_FOCUS_OUT, 0, "\033[O");
}

static void test_encode_keys_without_encoding_give_nothing(void **state)
{
    char out[32];

    (void)state;
    assert_int_equal(key_encode(KEYC_NONE, 0, out), 0);
    assert_int_equal(key_encode(0xd800, 0, out), 0);
    assert_int_equal(key_encode(0xdfff | KEYC_META, 0, out), 0);
    assert_int_equal(key_encode(0x200000, 0, out), 0);
    assert_int_equal(key_encode(KEYC_SPECIAL_END, 0, out), 0);
}

static void test_encode_of_parse_gives_back_the_sequence(void **state)
{
    static const struct {
        const char *seq;
        int flags;
    } cases[] = {
        { "\033[A", 0 }, { "\033[B", 0 }, { "\033[C", 0 }, { "\033[D", 0 },
        { "\033[1~", 0 }, { "\033[4~", 0 },
        { "\033OA", KEY_ENC_CURSOR_APP }, { "\033OB", KEY_ENC_CURSOR_APP },
        { "\033OC", KEY_ENC_CURSOR_APP }, { "\033OD", KEY_ENC_CURSOR_APP },
        { "\033[2~", 0 }, { "\033[3~", 0 }, { "\033[5~", 0 }, { "\033[6~", 0 },
        { "\033[Z", 0 },
        { "\033OP", 0 }, { "\033OQ", 0 }, { "\033OR", 0 }, { "\033OS", 0 },
        { "\033[15~", 0 }, { "\033[17~", 0 }, { "\033[18~", 0 }, { "\033[19~", 0 },
        { "\033[20~", 0 }, { "\033[21~", 0 }, { "\033[23~", 0 }, { "\033[24~", 0 },
        { "\033[1;2A", 0 }, { "\033[1;3B", 0 }, { "\033[1;4C", 0 }, { "\033[1;5D", 0 },
        { "\033[1;6H", 0 }, { "\033[1;7F", 0 }, { "\033[1;8A", KEY_ENC_CURSOR_APP },
        { "\033[1;5P", 0 }, { "\033[1;2S", 0 },
        { "\033[2;3~", 0 }, { "\033[3;5~", 0 }, { "\033[5;6~", 0 }, { "\033[6;2~", 0 },
        { "\033[15;5~", 0 }, { "\033[24;8~", 0 },
        { "\033[200~", 0 }, { "\033[201~", 0 }, { "\033[I", 0 }, { "\033[O", 0 },
        { "\033\033[Z", 0 },
        { "a", 0 }, { "é", 0 }, { "\x02", 0 }, { "\r", 0 }, { "\t", 0 }, { "\x7f", 0 },
        { "\x1f", 0 }, { "\033x", 0 }, { "\033\x02", 0 }, { "\033\r", 0 },
    };

    (void)state;
    for (size_t i = 0; i < LEN(cases); i++) {
        key_code key;
        char out[32];
        size_t len = strlen(cases[i].seq);
        size_t n;

        assert_int_equal(parse_exact(cases[i].seq, len, false, &key), len);
        n = key_encode(key, cases[i].flags, out);
        if (n != len || memcmp(out, cases[i].seq, len) != 0) {
            print_error("case %zu does not round-trip (%zu bytes back)\n", i, n);
            fail();
        }
    }
}

static void test_encode_of_name_parses_back_to_the_key(void **state)
{
    (void)state;
    for (size_t i = 0; i < LEN(canonical_names); i++) {
        key_code key = canonical_names[i].key, back;
        char out[32];
        size_t n;

        if (KEYC_BASE(key) == KEYC_ESCAPE || (key & KEYC_SHIFT))
            continue; /* a trailing ESC waits; Shift on specials is tested above */
        n = key_encode(key, 0, out);
        assert_true(n > 0);
        assert_int_equal(parse_exact(out, n, false, &back), n);
        if (back != key) {
            print_error("%s encodes to bytes that parse as %#x\n", canonical_names[i].name,
                        (unsigned)back);
            fail();
        }
    }
}

/* ---- Mouse ------------------------------------------------------------------- */

/* key_parse_mouse on an exact-size heap copy of bytes. */
static size_t parse_mouse_exact(const char *bytes, size_t len, bool timed_out, key_code *key,
                                struct mouse_event *m)
{
    char *copy = malloc(len ? len : 1);
    size_t n;

    assert_non_null(copy);
    memcpy(copy, bytes, len);
    n = key_parse_mouse(copy, len, timed_out, key, m);
    free(copy);
    return n;
}

/* Parses all of bytes[0..len) with key_parse_mouse; returns how many keys. */
static size_t parse_all_mouse(const char *bytes, size_t len, bool timed_out, key_code *keys,
                              struct mouse_event *events, size_t max)
{
    size_t off = 0, count = 0;

    while (off < len) {
        size_t n;

        assert_true(count < max);
        n = parse_mouse_exact(bytes + off, len - off, timed_out, &keys[count], &events[count]);
        assert_true(n > 0);
        assert_true(n <= len - off);
        count++;
        off += n;
    }
    return count;
}

/* bytes (a C string) is one whole mouse report for the given event; key_parse sees the
 * same bytes as one KEYC_NONE. */
static void assert_mouse_parses_to(const char *bytes, int button, int x, int y, bool release,
                                   bool sgr)
{
    struct mouse_event m = { -1, -1, -1, !release, !sgr };
    size_t len = strlen(bytes);
    key_code key;

    if (parse_mouse_exact(bytes, len, false, &key, &m) != len || key != KEYC_MOUSE
        || m.button != button || m.x != x || m.y != y || m.release != release || m.sgr != sgr) {
        print_error("mouse parse of \"\\033%s\": key %#x button %d at %d,%d release %d sgr %d\n",
                    bytes + 1, (unsigned)key, m.button, m.x, m.y, m.release, m.sgr);
        fail();
    }
    assert_int_equal(parse_exact(bytes, len, false, &key), len);
    assert_int_equal(key, KEYC_NONE);
}

static void test_mouse_sgr_press_release_wheel_and_motion_parse(void **state)
{
    (void)state;
    assert_mouse_parses_to("\033[<0;12;5M", 0, 11, 4, false, true);
    assert_mouse_parses_to("\033[<0;12;5m", 0, 11, 4, true, true);
    assert_mouse_parses_to("\033[<1;1;1M", 1, 0, 0, false, true);
    assert_mouse_parses_to("\033[<2;80;24m", 2, 79, 23, true, true);
    assert_mouse_parses_to("\033[<64;3;4M", 64, 2, 3, false, true);
    assert_mouse_parses_to("\033[<65;3;4M", 65, 2, 3, false, true);
    assert_mouse_parses_to("\033[<32;7;8M", 32, 6, 7, false, true);
    assert_mouse_parses_to("\033[<35;7;8M", 35, 6, 7, false, true);
    assert_mouse_parses_to("\033[<20;5;6M", KEY_MOUSE_CTRL | KEY_MOUSE_SHIFT, 4, 5, false, true);
    assert_mouse_parses_to("\033[<8;5;6m", KEY_MOUSE_META, 4, 5, true, true);
    assert_mouse_parses_to("\033[<128;1;1M", 128, 0, 0, false, true);
    assert_mouse_parses_to("\033[<255;1;1M", 255, 0, 0, false, true);
    /* No 223 limit, up to the largest coordinate tmx takes. */
    assert_mouse_parses_to("\033[<0;300;1000M", 0, 299, 999, false, true);
    assert_mouse_parses_to("\033[<0;65534;65534M", 0, 65533, 65533, false, true);
    assert_mouse_parses_to("\033[<00;012;5M", 0, 11, 4, false, true);
}

static void test_mouse_x10_parse(void **state)
{
    (void)state;
    /* Cb Cx Cy are each offset by 32; coordinates are 1-based. */
    assert_mouse_parses_to("\033[M !!", 0, 0, 0, false, false);
    assert_mouse_parses_to("\033[M\"+,", 2, 10, 11, false, false);
    /* Button 3 is a release, with or without modifiers. */
    assert_mouse_parses_to("\033[M#!!", 3, 0, 0, true, false);
    assert_mouse_parses_to("\033[M3!!", KEY_MOUSE_CTRL | 3, 0, 0, true, false);
    assert_mouse_parses_to("\033[M0!!", KEY_MOUSE_CTRL, 0, 0, false, false);
    /* Wheel, drag, motion without a button: not releases. */
    assert_mouse_parses_to("\033[M`%*", 64, 4, 9, false, false);
    assert_mouse_parses_to("\033[Ma%*", 65, 4, 9, false, false);
    assert_mouse_parses_to("\033[M@%*", 32, 4, 9, false, false);
    assert_mouse_parses_to("\033[MC%*", 35, 4, 9, false, false);
    /* The largest X10 coordinate is 223. */
    assert_mouse_parses_to("\033[M \xff\xff", 0, 222, 222, false, false);
}

static void test_mouse_reports_mixed_with_keys(void **state)
{
    static const char input[] = "a\033[<0;1;2Mb\033[M !!c\033\033[<2;3;4m";
    key_code keys[16];
    struct mouse_event ev[16];

    (void)state;
    assert_int_equal(parse_all_mouse(input, sizeof input - 1, false, keys, ev, LEN(keys)), 7);
    assert_int_equal(keys[0], 'a');
    assert_int_equal(keys[1], KEYC_MOUSE);
    assert_int_equal(ev[1].x, 0);
    assert_int_equal(ev[1].y, 1);
    assert_int_equal(keys[2], 'b');
    assert_int_equal(keys[3], KEYC_MOUSE);
    assert_false(ev[3].sgr);
    assert_int_equal(keys[4], 'c');
    /* ESC before a report is Escape, not Meta: the report has its own modifiers. */
    assert_int_equal(keys[5], KEYC_ESCAPE);
    assert_int_equal(keys[6], KEYC_MOUSE);
    assert_int_equal(ev[6].button, 2);
    assert_true(ev[6].release);

    /* key_parse sees the same boundaries, with each report as KEYC_NONE. */
    assert_int_equal(parse_all(input, false, keys, LEN(keys)), 7);
    assert_int_equal(keys[0], 'a');
    assert_int_equal(keys[1], KEYC_NONE);
    assert_int_equal(keys[3], KEYC_NONE);
    assert_int_equal(keys[5], KEYC_ESCAPE);
    assert_int_equal(keys[6], KEYC_NONE);
}

static void test_mouse_truncated_reports_wait_then_keep_their_bytes(void **state)
{
    static const char *reports[] = {
        "\033[<0;12;5M", "\033[<64;300;1000m", "\033[M !!", "\033[M\xff\xff\xff",
    };
    key_code keys[32];
    struct mouse_event ev[32];

    (void)state;
    for (size_t i = 0; i < LEN(reports); i++) {
        size_t len = strlen(reports[i]);

        for (size_t n = 1; n < len; n++) {
            key_code key;
            struct mouse_event m;
            size_t count;

            if (parse_mouse_exact(reports[i], n, false, &key, &m) != 0) {
                print_error("prefix %zu of report %zu should wait\n", n, i);
                fail();
            }
            /* After the timeout it was not a report: every byte comes out as a key. */
            count = parse_all_mouse(reports[i], n, true, keys, ev, LEN(keys));
            assert_int_equal(keys[0], n == 2 ? '[' | KEYC_META : KEYC_ESCAPE);
            for (size_t k = 0; k < count; k++) {
                assert_int_not_equal(keys[k], KEYC_NONE);
                assert_int_not_equal(keys[k], KEYC_MOUSE);
            }
        }
    }
    /* One in full: ESC [ < 0 ; 1 2 after the timeout. */
    assert_int_equal(parse_all_mouse("\033[<0;12", 7, true, keys, ev, LEN(keys)), 7);
    assert_int_equal(keys[0], KEYC_ESCAPE);
    assert_int_equal(keys[1], '[');
    assert_int_equal(keys[2], '<');
    assert_int_equal(keys[3], '0');
    assert_int_equal(keys[6], '2');
    /* X10 M plus one raw byte after the timeout. */
    assert_int_equal(parse_all_mouse("\033[M ", 4, true, keys, ev, LEN(keys)), 4);
    assert_int_equal(keys[2], 'M');
    assert_int_equal(keys[3], ' ');
}

static void test_mouse_garbage_reports_are_consumed_and_ignored(void **state)
{
    static const struct {
        const char *bytes;
        size_t len;
    } bad[] = {
#define B(s) { s, sizeof s - 1 }
        B("\033[<0;12M"), B("\033[<0;;5M"), B("\033[<;1;1M"), B("\033[<M"), B("\033[<m"),
        B("\033[<0;0;5M"), B("\033[<0;1;0m"), B("\033[<256;1;1M"), B("\033[<0;1;65535M"),
        B("\033[<99999999999999999999;1;1M"), B("\033[<0;99999999999999999999;1M"),
        B("\033[<0;1;999999999999999999999999999999m"), B("\033[<0;1;1;1M"),
        B("\033[<0;1;1;1;1;1;1M"), B("\033[<0:1;1;1M"), B("\033[<0;1;1 M"), B("\033[<0;1;1X"),
        B("\033[<<0;1;1M"), B("\033[?0;1;1M"), B("\033[<0;1;1~"), B("\033[0;1<1M"),
        B("\033[M\x1f!!"), B("\033[M  !"), B("\033[M ! "), B("\033[M\0\0\0"),
        B("\033[M\033\033\033"), B("\033[M\xff\x01\x01"),
#undef B
    };

    (void)state;
    for (size_t i = 0; i < LEN(bad); i++) {
        struct mouse_event m = { 7, 7, 7, true, true };
        key_code key;
        size_t n = parse_mouse_exact(bad[i].bytes, bad[i].len, false, &key, &m);

        if (n != bad[i].len || key != KEYC_NONE) {
            print_error("garbage report %zu: consumed %zu of %zu, key %#x\n", i, n, bad[i].len,
                        (unsigned)key);
            fail();
        }
        /* *m is left alone. */
        assert_int_equal(m.x, 7);
        assert_int_equal(m.button, 7);
        assert_true(m.release);
    }
}

/* Random reports and near-reports: everything is consumed, nothing over-read, and any
 * event returned is in range. */
static void test_mouse_random_input_gives_events_in_range(void **state)
{
    static const char alphabet[] = "\033[<M;m0123456789 !#`\xff\x01:?~";
    uint32_t seed = 4242;

    (void)state;
    for (int round = 0; round < 3000; round++) {
        char buf[24];
        size_t len, off = 0;

        seed = seed * 1103515245u + 12345u;
        len = 1 + (seed >> 16) % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        while (off < len) {
            key_code key;
            struct mouse_event m;
            size_t n = parse_mouse_exact(buf + off, len - off, false, &key, &m);

            assert_true(n <= len - off);
            if (n == 0) {
                n = parse_mouse_exact(buf + off, len - off, true, &key, &m);
                assert_true(n > 0 && n <= len - off);
            }
            if (key == KEYC_MOUSE) {
                assert_true(m.x >= 0 && m.x < 65534);
                assert_true(m.y >= 0 && m.y < 65534);
                assert_true(m.button >= 0 && m.button <= KEY_MOUSE_BUTTON_MAX);
            }
            off += n;
        }
        assert_int_equal(off, len);
    }
}

static void test_mouse_key_name_has_no_key_encoding(void **state)
{
    char buf[32], out[32];

    (void)state;
    assert_int_equal(key_from_name("Mouse"), KEYC_MOUSE);
    assert_string_equal(key_to_name(KEYC_MOUSE, buf, sizeof buf), "Mouse");
    assert_int_equal(key_encode(KEYC_MOUSE, 0, out), 0);
    assert_int_equal(key_encode(KEYC_MOUSE | KEYC_META, KEY_ENC_MOUSE_ANY, out), 0);
}

/* One event, encoded at (4, 9) for each mode: expected bytes, "" for none. */
struct mouse_encoding {
    int button;
    bool release;
    const char *normal, *button_mode, *any; /* 1000, 1002, 1003 */
};

static const struct mouse_encoding mouse_encodings_sgr[] = {
    { 0, false, "\033[<0;5;10M", "\033[<0;5;10M", "\033[<0;5;10M" },
    { 0, true, "\033[<0;5;10m", "\033[<0;5;10m", "\033[<0;5;10m" },
    { 2 | KEY_MOUSE_CTRL, true, "\033[<18;5;10m", "\033[<18;5;10m", "\033[<18;5;10m" },
    { 64, false, "\033[<64;5;10M", "\033[<64;5;10M", "\033[<64;5;10M" },
    { 65 | KEY_MOUSE_SHIFT, false, "\033[<69;5;10M", "\033[<69;5;10M", "\033[<69;5;10M" },
    { 32, false, "", "\033[<32;5;10M", "\033[<32;5;10M" },
    { 34 | KEY_MOUSE_META, false, "", "\033[<42;5;10M", "\033[<42;5;10M" },
    { 35, false, "", "", "\033[<35;5;10M" },
    { 64, true, "", "", "" },  /* a wheel has no release */
    { 32, true, "", "", "" },  /* nor has motion */
};

static const struct mouse_encoding mouse_encodings_x10[] = {
    { 0, false, "\033[M %*", "\033[M %*", "\033[M %*" },
    { 0, true, "\033[M#%*", "\033[M#%*", "\033[M#%*" },   /* release is button 3 */
    { 2 | KEY_MOUSE_CTRL, true, "\033[M3%*", "\033[M3%*", "\033[M3%*" },
    { 64, false, "\033[M`%*", "\033[M`%*", "\033[M`%*" },
    { 65 | KEY_MOUSE_SHIFT, false, "\033[Me%*", "\033[Me%*", "\033[Me%*" },
    { 32, false, "", "\033[M@%*", "\033[M@%*" },
    { 34 | KEY_MOUSE_META, false, "", "\033[MJ%*", "\033[MJ%*" },
    { 35, false, "", "", "\033[MC%*" },
    { 64, true, "", "", "" },
    { 32, true, "", "", "" },
};

/* 1015: the X10 button code (32 + b, releases as 3) and the coordinates in decimal. */
static const struct mouse_encoding mouse_encodings_urxvt[] = {
    { 0, false, "\033[32;5;10M", "\033[32;5;10M", "\033[32;5;10M" },
    { 0, true, "\033[35;5;10M", "\033[35;5;10M", "\033[35;5;10M" },
    { 2 | KEY_MOUSE_CTRL, true, "\033[51;5;10M", "\033[51;5;10M", "\033[51;5;10M" },
    { 64, false, "\033[96;5;10M", "\033[96;5;10M", "\033[96;5;10M" },
    { 65 | KEY_MOUSE_SHIFT, false, "\033[101;5;10M", "\033[101;5;10M", "\033[101;5;10M" },
    { 32, false, "", "\033[64;5;10M", "\033[64;5;10M" },
    { 34 | KEY_MOUSE_META, false, "", "\033[74;5;10M", "\033[74;5;10M" },
    { 35, false, "", "", "\033[67;5;10M" },
    { 64, true, "", "", "" },
    { 32, true, "", "", "" },
};

static void assert_mouse_encodes_to(const struct mouse_event *m, int flags, int x, int y,
                                    const char *expected)
{
    char out[32];
    size_t n = key_encode_mouse(m, flags, x, y, out);

    if (n != strlen(expected) || memcmp(out, expected, n) != 0) {
        print_error("mouse button %d release %d at %d,%d flags %#x: got %zu bytes \"", m->button,
                    m->release, x, y, flags, n);
        for (size_t i = 0; i < n; i++)
            print_error((unsigned char)out[i] < 0x20 ? "\\x%02x" : "%c", (unsigned char)out[i]);
        print_error("\", want \"\\033%s\"\n", expected[0] ? expected + 1 : "");
        fail();
    }
}

static void check_mouse_encodings(int encoding, const struct mouse_encoding *cases,
                                  size_t ncases)
{
    for (size_t i = 0; i < ncases; i++) {
        /* The event's own position and origin do not matter, only (x, y) and flags. */
        struct mouse_event m = { 70, 70, cases[i].button, cases[i].release, encoding == 0 };

        assert_mouse_encodes_to(&m, encoding | KEY_ENC_MOUSE_NORMAL, 4, 9, cases[i].normal);
        assert_mouse_encodes_to(&m, encoding | KEY_ENC_MOUSE_BUTTON, 4, 9, cases[i].button_mode);
        assert_mouse_encodes_to(&m, encoding | KEY_ENC_MOUSE_ANY, 4, 9, cases[i].any);
        /* The widest mode wins. */
        assert_mouse_encodes_to(&m, encoding | KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_ANY, 4, 9,
                                cases[i].any);
        /* No mouse mode: nothing, even with an encoding or key flags set. */
        assert_mouse_encodes_to(&m, encoding, 4, 9, "");
        assert_mouse_encodes_to(&m, encoding | KEY_ENC_CURSOR_APP | KEY_ENC_KEYPAD_APP, 4, 9, "");
    }
}

static void test_mouse_encode_sgr_for_each_mode(void **state)
{
    (void)state;
    check_mouse_encodings(KEY_ENC_MOUSE_SGR, mouse_encodings_sgr, LEN(mouse_encodings_sgr));
}

static void test_mouse_encode_x10_for_each_mode(void **state)
{
    (void)state;
    check_mouse_encodings(0, mouse_encodings_x10, LEN(mouse_encodings_x10));
}

/* Values below 96 (+ 32 < 128) are one byte in 1005, so small events match X10. */
static void test_mouse_encode_utf8_small_values_match_x10(void **state)
{
    (void)state;
    check_mouse_encodings(KEY_ENC_MOUSE_UTF8, mouse_encodings_x10, LEN(mouse_encodings_x10));
}

static void test_mouse_encode_urxvt_for_each_mode(void **state)
{
    (void)state;
    check_mouse_encodings(KEY_ENC_MOUSE_URXVT, mouse_encodings_urxvt,
                          LEN(mouse_encodings_urxvt));
}

static void test_mouse_encode_utf8_coordinates_up_to_2015(void **state)
{
    struct mouse_event m = { 0, 0, 0, false, false };
    int flags = KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_UTF8;
    char out[32];

    (void)state;
    /* 1-based 95 is the last one-byte value (127); 96 (128) takes two bytes. */
    assert_mouse_encodes_to(&m, flags, 94, 95, "\033[M \x7f\xc2\x80");
    /* Past X10's 223. */
    assert_mouse_encodes_to(&m, flags, 222, 223, "\033[M \xc3\xbf\xc4\x80");
    assert_mouse_encodes_to(&m, flags, 999, 0, "\033[M \xd0\x88!");
    /* 1-based 2015 (2047, U+07FF) is the last coordinate; 2016 would need three bytes. */
    assert_mouse_encodes_to(&m, flags, 2014, 2014, "\033[M \xdf\xbf\xdf\xbf");
    assert_int_equal(key_encode_mouse(&m, flags, 2015, 0, out), 0);
    assert_int_equal(key_encode_mouse(&m, flags, 0, 2015, out), 0);
    assert_int_equal(key_encode_mouse(&m, flags, 65533, 65533, out), 0);
    /* The button code is a UTF-8 character too: every code X10 cannot send can be. */
    m.button = 224;
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY, 0, 0, out), 0);
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_UTF8, 0, 0,
                            "\033[M\xc4\x80!!");
    m.button = 255;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_UTF8, 0, 0,
                            "\033[M\xc4\x9f!!");
    /* A release is button 3 with the modifiers, as X10. */
    m.button = 1 | KEY_MOUSE_SHIFT;
    m.release = true;
    assert_mouse_encodes_to(&m, flags, 100, 0, "\033[M'\xc2\x85!");
}

static void test_mouse_encode_urxvt_coordinates_up_to_65534(void **state)
{
    struct mouse_event m = { 0, 0, 0, false, false };
    int flags = KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_URXVT;
    char out[32];

    (void)state;
    assert_mouse_encodes_to(&m, flags, 0, 0, "\033[32;1;1M");
    assert_mouse_encodes_to(&m, flags, 223, 2015, "\033[32;224;2016M");
    assert_mouse_encodes_to(&m, flags, 65533, 65533, "\033[32;65534;65534M");
    assert_int_equal(key_encode_mouse(&m, flags, 65534, 0, out), 0);
    assert_int_equal(key_encode_mouse(&m, flags, 0, 65534, out), 0);
    assert_int_equal(key_encode_mouse(&m, flags, -1, 0, out), 0);
    /* Every button code up to 255 (sent as 287). */
    m.button = 255;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_URXVT, 65533, 65533,
                            "\033[287;65534;65534M");
    m.button = 256;
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_URXVT, 0, 0, out),
                     0);
}

/* As xterm: 1006 wins over 1015, which wins over 1005. */
static void test_mouse_encoding_precedence_sgr_then_urxvt_then_utf8(void **state)
{
    struct mouse_event m = { 0, 0, 2, true, false };
    int all = KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_SGR | KEY_ENC_MOUSE_URXVT
              | KEY_ENC_MOUSE_UTF8;

    (void)state;
    assert_mouse_encodes_to(&m, all, 99, 0, "\033[<2;100;1m");
    assert_mouse_encodes_to(&m, all & ~KEY_ENC_MOUSE_SGR, 99, 0, "\033[35;100;1M");
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_UTF8, 99, 0,
                            "\033[M#\xc2\x84!");
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_NORMAL, 99, 0, "\033[M#\x84!");
}

/* Mode 9 as xterm: presses of buttons 1-3 only, without modifier bits; no release,
 * motion, wheel or buttons 8-11. */
static void test_mouse_x10_mode_reports_plain_presses_only(void **state)
{
    static const struct {
        int button;
        bool release;
        const char *x10, *utf8, *urxvt, *sgr; /* at (4, 9); "" for none */
    } cases[] = {
        { 0, false, "\033[M %*", "\033[M %*", "\033[32;5;10M", "\033[<0;5;10M" },
        { 1, false, "\033[M!%*", "\033[M!%*", "\033[33;5;10M", "\033[<1;5;10M" },
        { 2 | KEY_MOUSE_MODS, false, "\033[M\"%*", "\033[M\"%*", "\033[34;5;10M",
          "\033[<2;5;10M" },
        { 0, true, "", "", "", "" },
        { 3, false, "", "", "", "" },                  /* a release in X10 form */
        { 64, false, "", "", "", "" },                 /* wheel */
        { 65 | KEY_MOUSE_CTRL, false, "", "", "", "" },
        { 32, false, "", "", "", "" },                 /* motion, button held */
        { 35, false, "", "", "", "" },                 /* motion */
        { 128, false, "", "", "", "" },                /* button 8 */
    };

    (void)state;
    for (size_t i = 0; i < LEN(cases); i++) {
        struct mouse_event m = { 0, 0, cases[i].button, cases[i].release, false };

        assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10, 4, 9, cases[i].x10);
        assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_UTF8, 4, 9,
                                cases[i].utf8);
        assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_URXVT, 4, 9,
                                cases[i].urxvt);
        assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_SGR, 4, 9,
                                cases[i].sgr);
    }
}

static void test_mouse_x10_mode_limits_follow_the_encoding(void **state)
{
    struct mouse_event m = { 0, 0, KEY_MOUSE_META, false, false };
    char out[32];

    (void)state;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10, 222, 222, "\033[M \xff\xff");
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_X10, 223, 0, out), 0);
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_UTF8, 2014, 0,
                            "\033[M \xdf\xbf!");
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_UTF8, 2015, 0,
                                      out), 0);
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_URXVT, 65533, 0,
                            "\033[32;65534;1M");
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_SGR, 65533, 0,
                            "\033[<0;65534;1M");
}

/* Mode 9 is the narrowest tracking mode: with 1000/1002/1003 also set, those apply. */
static void test_mouse_x10_mode_yields_to_wider_modes(void **state)
{
    struct mouse_event m = { 0, 0, 1 | KEY_MOUSE_CTRL, true, false };

    (void)state;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10, 4, 9, "");
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_NORMAL, 4, 9, "\033[M3%*");
    m.release = false;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_NORMAL, 4, 9, "\033[M1%*");
    m.button = 64;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_NORMAL, 4, 9, "\033[M`%*");
    m.button = 32;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_X10 | KEY_ENC_MOUSE_BUTTON, 4, 9, "\033[M@%*");
    /* Without any tracking mode an encoding alone sends nothing. */
    m.button = 0;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_UTF8 | KEY_ENC_MOUSE_URXVT, 4, 9, "");
}

static void test_mouse_encode_limits(void **state)
{
    struct mouse_event m = { 0, 0, 0, false, true };
    char out[32];

    (void)state;
    /* X10: 1-based 223 (byte 255) is the last coordinate and button value. */
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_NORMAL, 222, 222, "\033[M \xff\xff");
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_NORMAL, 223, 0, out), 0);
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_NORMAL, 0, 223, out), 0);
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_NORMAL, 1000, 1000, out), 0);
    /* SGR has no such limit. */
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_SGR, 223, 1000,
                            "\033[<0;224;1001M");
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_NORMAL | KEY_ENC_MOUSE_SGR, 65533, 65533,
                            "\033[<0;65534;65534M");
    /* Buttons 8-11 with high bits: past 223 X10 cannot send them. */
    m.button = 128 | 64 | 31;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 0, 0, "\033[<223;1;1M");
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_ANY, 0, 0, "\033[M\xff!!");
    m.button = 224;
    assert_mouse_encodes_to(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 0, 0, "\033[<224;1;1M");
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY, 0, 0, out), 0);
    /* Outside the pane, absurd positions and button codes: nothing, no overflow. */
    m.button = 0;
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, -1, 0, out), 0);
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 0, -5, out), 0);
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 2147483647, 0,
                                      out), 0);
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 0, 65534, out),
                     0);
    m.button = 256;
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 0, 0, out), 0);
    m.button = -1;
    assert_int_equal(key_encode_mouse(&m, KEY_ENC_MOUSE_ANY | KEY_ENC_MOUSE_SGR, 0, 0, out), 0);
}

/* Every event a terminal can send, encoded for each encoding and parsed back. */
static void test_mouse_parse_of_encode_round_trips(void **state)
{
    static const int buttons[] = {
        0, 1, 2, 4, 9, 18, 28, 32, 33, 34 | 16, 35, 35 | 8, 64, 65, 66, 67 | 4, 128, 130 | 32,
    };
    static const int cells[][2] = { { 0, 0 }, { 1, 2 }, { 79, 23 }, { 222, 222 }, { 500, 300 },
                                    { 65533, 0 } };

    (void)state;
    for (int sgr = 0; sgr <= 1; sgr++) {
        int flags = KEY_ENC_MOUSE_ANY | (sgr ? KEY_ENC_MOUSE_SGR : 0);

        for (size_t b = 0; b < LEN(buttons); b++) {
            for (int release = 0; release <= 1; release++) {
                for (size_t c = 0; c < LEN(cells); c++) {
                    struct mouse_event e = { 0, 0, buttons[b], release, sgr }, back;
                    int x = cells[c][0], y = cells[c][1];
                    bool encodable =
                        !(release && (buttons[b] & (KEY_MOUSE_MOTION | KEY_MOUSE_WHEEL)))
                        && (sgr || (x < 223 && y < 223));
                    char out[32];
                    key_code key;
                    size_t n = key_encode_mouse(&e, flags, x, y, out);

                    if (!encodable) {
                        assert_int_equal(n, 0);
                        continue;
                    }
                    assert_true(n > 0);
                    assert_int_equal(parse_mouse_exact(out, n, false, &key, &back), n);
                    assert_int_equal(key, KEYC_MOUSE);
                    assert_int_equal(back.x, x);
                    assert_int_equal(back.y, y);
                    assert_int_equal(back.release, release);
                    assert_int_equal(back.sgr, sgr);
                    /* X10 does not say which button was released. */
                    if (sgr || !release)
                        assert_int_equal(back.button, buttons[b]);
                    else
                        assert_int_equal(back.button, (buttons[b] & KEY_MOUSE_MODS) | 3);
                }
            }
        }
    }
}

/* CSI ~ and CSI 0 ~ name no key: consumed and ignored, not taken for an arrow. */
static void test_tilde_without_a_key_number_is_no_key(void **state)
{
    (void)state;
    key_code key = 0;
    assert_int_equal(key_parse("\033[~", 3, false, &key), 3);
    assert_int_equal(key, KEYC_NONE);
    assert_int_equal(key_parse("\033[0~", 4, false, &key), 4);
    assert_int_equal(key, KEYC_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tilde_without_a_key_number_is_no_key),
        cmocka_unit_test(test_canonical_names_round_trip),
        cmocka_unit_test(test_name_aliases_give_the_same_key),
        cmocka_unit_test(test_ctrl_names_match_the_byte_a_terminal_sends),
        cmocka_unit_test(test_unknown_names_are_none),
        cmocka_unit_test(test_key_to_name_truncates_to_buffer),
        cmocka_unit_test(test_key_to_name_normalizes_raw_control_codes),
        cmocka_unit_test(test_parse_printable_ascii_one_key_per_byte),
        cmocka_unit_test(test_parse_utf8_characters),
        cmocka_unit_test(test_parse_partial_utf8_waits_then_completes),
        cmocka_unit_test(test_parse_partial_utf8_after_timeout_is_its_bytes),
        cmocka_unit_test(test_parse_invalid_utf8_byte_is_its_own_key),
        cmocka_unit_test(test_parse_c0_controls_are_ctrl_letters),
        cmocka_unit_test(test_parse_every_known_sequence),
        cmocka_unit_test(test_parse_split_sequence_waits_for_the_rest),
        cmocka_unit_test(test_parse_sequence_followed_by_more_input),
        cmocka_unit_test(test_lone_escape_waits_until_timeout),
        cmocka_unit_test(test_escape_then_char_is_meta),
        cmocka_unit_test(test_escape_then_char_is_meta_even_after_timeout),
        cmocka_unit_test(test_escape_then_partial_utf8_waits),
        cmocka_unit_test(test_double_escape),
        cmocka_unit_test(test_incomplete_sequence_after_timeout_is_its_keys),
        cmocka_unit_test(test_escape_bracket_or_o_alone_after_timeout_is_meta),
        cmocka_unit_test(test_unknown_complete_sequences_are_consumed_as_none),
        cmocka_unit_test(test_broken_sequence_returns_escape_and_keeps_bytes),
        cmocka_unit_test(test_truncated_input_never_over_reads),
        cmocka_unit_test(test_garbage_input_is_consumed_without_loss),
        cmocka_unit_test(test_parse_empty_buffer_needs_more),
        cmocka_unit_test(test_encode_characters),
        cmocka_unit_test(test_encode_ctrl_as_c0_bytes),
        cmocka_unit_test(test_encode_meta_prefixes_escape),
        cmocka_unit_test(test_encode_cursor_keys_by_mode),
        cmocka_unit_test(test_encode_editing_and_function_keys),
        cmocka_unit_test(test_encode_modified_special_keys_in_xterm_form),
        cmocka_unit_test(test_encode_paste_and_focus_markers),
        cmocka_unit_test(test_encode_keys_without_encoding_give_nothing),
        cmocka_unit_test(test_encode_of_parse_gives_back_the_sequence),
        cmocka_unit_test(test_encode_of_name_parses_back_to_the_key),
        cmocka_unit_test(test_mouse_sgr_press_release_wheel_and_motion_parse),
        cmocka_unit_test(test_mouse_x10_parse),
        cmocka_unit_test(test_mouse_reports_mixed_with_keys),
        cmocka_unit_test(test_mouse_truncated_reports_wait_then_keep_their_bytes),
        cmocka_unit_test(test_mouse_garbage_reports_are_consumed_and_ignored),
        cmocka_unit_test(test_mouse_random_input_gives_events_in_range),
        cmocka_unit_test(test_mouse_key_name_has_no_key_encoding),
        cmocka_unit_test(test_mouse_encode_sgr_for_each_mode),
        cmocka_unit_test(test_mouse_encode_x10_for_each_mode),
        cmocka_unit_test(test_mouse_encode_limits),
        cmocka_unit_test(test_mouse_encode_utf8_small_values_match_x10),
        cmocka_unit_test(test_mouse_encode_urxvt_for_each_mode),
        cmocka_unit_test(test_mouse_encode_utf8_coordinates_up_to_2015),
        cmocka_unit_test(test_mouse_encode_urxvt_coordinates_up_to_65534),
        cmocka_unit_test(test_mouse_encoding_precedence_sgr_then_urxvt_then_utf8),
        cmocka_unit_test(test_mouse_x10_mode_reports_plain_presses_only),
        cmocka_unit_test(test_mouse_x10_mode_limits_follow_the_encoding),
        cmocka_unit_test(test_mouse_x10_mode_yields_to_wider_modes),
        cmocka_unit_test(test_mouse_parse_of_encode_round_trips),
        cmocka_unit_test(test_encode_extended_keys_as_tmux),
        cmocka_unit_test(test_encode_extended_keys_xterm_format),
        cmocka_unit_test(test_parse_extended_keys_round_trip),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
