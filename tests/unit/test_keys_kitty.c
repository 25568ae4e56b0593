/* test_keys_kitty.c - the kitty keyboard protocol: events encoded for a program by the
 * flags it pushed, against the encodings of the protocol's specification; the
 * terminal's kitty forms parsed into events; and the round trip, for every key tmx
 * names and every Shift/Alt/Ctrl combination, of encode (as a kitty terminal sends)
 * then parse (as tmx reads a kitty terminal) back to the same key and event type. */
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

static void show(const char *what, const char *s, size_t n)
{
    print_error("%s \"", what);
    for (size_t i = 0; i < n; i++)
        print_error((unsigned char)s[i] < 0x20 ? "\\x%02x" : "%c", (unsigned char)s[i]);
    print_error("\"\n");
}

static void assert_event_encodes(const struct key_event *ev, int kflags, const char *want)
{
    char out[KEY_ENCODE_MAX];
    size_t n = key_encode_event(ev, KEY_ENC_KITTY(kflags), out);
    if (n != strlen(want) || memcmp(out, want, n) != 0) {
        char name[64];
        print_error("%s type %d flags %d:\n", key_to_name(ev->key, name, sizeof name),
                    ev->type, kflags);
        show("  got", out, n);
        show("  want", want, strlen(want));
        fail();
    }
}

static void assert_key_encodes(const char *name, int kflags, const char *want)
{
    struct key_event ev;
    key_event_from_key(key_from_name(name), &ev);
    assert_event_encodes(&ev, kflags, want);
}

/* Parses all of bytes as one event (exact-size heap copy for ASan). */
static void parse_one(const char *bytes, struct key_event *ev)
{
    size_t len = strlen(bytes);
    char *copy = malloc(len);
    memcpy(copy, bytes, len);
    struct mouse_event m;
    size_t n = key_parse_event(copy, len, false, ev, &m);
    free(copy);
    if (n != len) {
        show("parse of", bytes, len);
        print_error("  took %zu of %zu bytes\n", n, len);
        fail();
    }
}

static void test_disambiguate(void **state)
{
    (void)state;
    assert_key_encodes("a", 1, "a");
    assert_key_encodes("A", 1, "A");
    assert_key_encodes("é", 1, "é");
    assert_key_encodes("Escape", 1, "\033[27u");
    assert_key_encodes("C-a", 1, "\033[97;5u");
    assert_key_encodes("M-a", 1, "\033[97;3u");
    assert_key_encodes("C-M-a", 1, "\033[97;7u");
    assert_key_encodes("M-A", 1, "\033[97;4u");
    assert_key_encodes("C-S-a", 1, "\033[97;6u");
    assert_key_encodes("C-Space", 1, "\033[32;5u");
    assert_key_encodes("Enter", 1, "\r");
    assert_key_encodes("Tab", 1, "\t");
    assert_key_encodes("BSpace", 1, "\x7f");
    assert_key_encodes("S-Enter", 1, "\033[13;2u");
    assert_key_encodes("C-Enter", 1, "\033[13;5u");
    assert_key_encodes("M-Enter", 1, "\033[13;3u");
    assert_key_encodes("BTab", 1, "\033[9;2u");
    assert_key_encodes("C-BSpace", 1, "\033[127;5u");
    assert_key_encodes("Up", 1, "\033[A");
    assert_key_encodes("C-Up", 1, "\033[1;5A");
    assert_key_encodes("S-Home", 1, "\033[1;2H");
    assert_key_encodes("End", 1, "\033[F");
    assert_key_encodes("F1", 1, "\033[P");
    assert_key_encodes("F3", 1, "\033[13~");
    assert_key_encodes("M-F4", 1, "\033[1;3S");
    assert_key_encodes("F5", 1, "\033[15~");
    assert_key_encodes("C-F12", 1, "\033[24;5~");
    assert_key_encodes("PPage", 1, "\033[5~");
    assert_key_encodes("DC", 1, "\033[3~");
    assert_key_encodes("KP1", 1, "\033[57400u");
    assert_key_encodes("KPEnter", 1, "\033[57414u");
    assert_key_encodes("C-KP/", 1, "\033[57410;5u");
}

static void test_legacy_without_flags(void **state)
{
    (void)state;
    assert_key_encodes("C-a", 0, "\x01");
    assert_key_encodes("Escape", 0, "\033");
    assert_key_encodes("Up", 0, "\033[A");
    struct key_event ev;
    key_event_from_key('a', &ev);
    ev.type = KEY_EVENT_RELEASE;
    assert_event_encodes(&ev, 0, "");
}

static void test_event_types(void **state)
{
    (void)state;
    struct key_event ev;
    key_event_from_key(KEYC_UP, &ev);
    ev.type = KEY_EVENT_RELEASE;
    assert_event_encodes(&ev, 3, "\033[1;1:3A");
    assert_event_encodes(&ev, 1, ""); /* no release without the flag */
    assert_event_encodes(&ev, 2, "\033[1;1:3A"); /* a functional key's release */
    ev.type = KEY_EVENT_REPEAT;
    assert_event_encodes(&ev, 3, "\033[1;1:2A");
    assert_event_encodes(&ev, 1, "\033[A"); /* a repeat is a press without the flag */
    key_event_from_key(KEYC_ESCAPE, &ev);
    ev.type = KEY_EVENT_REPEAT;
    assert_event_encodes(&ev, 3, "\033[27;1:2u");
    key_event_from_key('a' | KEYC_CTRL, &ev);
    ev.type = KEY_EVENT_RELEASE;
    assert_event_encodes(&ev, 3, "\033[97;5:3u");
    /* Text keys have no release unless every key is an escape code. */
    key_event_from_key('a', &ev);
    ev.type = KEY_EVENT_RELEASE;
    assert_event_encodes(&ev, 3, "");
    assert_event_encodes(&ev, 11, "\033[97;1:3u");
    /* Nor do Enter, Tab and Backspace. */
    key_event_from_key(KEYC_ENTER, &ev);
    ev.type = KEY_EVENT_RELEASE;
    assert_event_encodes(&ev, 3, "");
    assert_event_encodes(&ev, 11, "\033[13;1:3u");
}

static void test_all_keys_alternates_and_text(void **state)
{
    (void)state;
    assert_key_encodes("a", 8, "\033[97u");
    assert_key_encodes("a", 24, "\033[97;;97u");
    assert_key_encodes("A", 8, "\033[97;2u");
    assert_key_encodes("A", 12, "\033[97:65;2u");
    assert_key_encodes("A", 28, "\033[97:65;2;65u");
    assert_key_encodes("C-S-a", 5, "\033[97:65;6u");
    assert_key_encodes("C-a", 24, "\033[97;5u"); /* Ctrl: no text */
    assert_key_encodes("Enter", 8, "\033[13u");
    assert_key_encodes("Tab", 8, "\033[9u");
    assert_key_encodes("BSpace", 8, "\033[127u");
    assert_key_encodes("Up", 8, "\033[A");
    assert_key_encodes("é", 24, "\033[233;;233u");
    /* A base-layout key from the terminal (a Cyrillic layout's ctrl+с is ctrl+c). */
    struct key_event ev;
    parse_one("\033[1089::99;5u", &ev);
    assert_int_equal(ev.code, 1089);
    assert_int_equal(ev.base_layout, 99);
    assert_event_encodes(&ev, 5, "\033[1089::99;5u");
    assert_event_encodes(&ev, 1, "\033[1089;5u");
    /* Lock modifiers only with every key as an escape code. */
    parse_one("\033[97;65u", &ev); /* a with Caps Lock */
    assert_int_equal(ev.key, 'a');
    assert_event_encodes(&ev, 1, "a");
    assert_event_encodes(&ev, 8, "\033[97;65u");
}

static void test_parse_kitty_forms(void **state)
{
    (void)state;
    struct key_event ev;
    parse_one("\033[97;5u", &ev);
    assert_int_equal(ev.key, key_from_name("C-a"));
    assert_int_equal(ev.type, KEY_EVENT_PRESS);
    parse_one("\033[97:65;2;65u", &ev);
    assert_int_equal(ev.key, 'A');
    parse_one("\033[49:33;2;33u", &ev);
    assert_int_equal(ev.key, '!');
    parse_one("\033[1;5:3A", &ev);
    assert_int_equal(ev.key, key_from_name("C-Up"));
    assert_int_equal(ev.type, KEY_EVENT_RELEASE);
    parse_one("\033[13;2:2u", &ev);
    assert_int_equal(ev.key, key_from_name("S-Enter"));
    assert_int_equal(ev.type, KEY_EVENT_REPEAT);
    parse_one("\033[15;1:3~", &ev);
    assert_int_equal(ev.key, KEYC_F5);
    assert_int_equal(ev.type, KEY_EVENT_RELEASE);
    parse_one("\033[27u", &ev);
    assert_int_equal(ev.key, KEYC_ESCAPE);
    parse_one("\033[57441;2u", &ev); /* LEFT_SHIFT: no tmx name, the code kept */
    assert_int_equal(ev.key, KEYC_NONE);
    assert_int_equal(ev.code, 57441);
    parse_one("\033[57400u", &ev);
    assert_int_equal(ev.key, KEYC_KP_ONE);
    parse_one("\033[0;;128512u", &ev); /* text with no key */
    assert_int_equal(ev.key, 0x1f600);
    parse_one("\033[?31u", &ev);
    assert_int_equal(ev.key, KEYC_REPLY_KITTY);
    assert_int_equal(ev.code, 31);
    /* Hostile: too many sub-fields, huge numbers, bad fields: consumed, no key. */
    parse_one("\033[1:2:3:4:5:6:7:8:9:10u", &ev);
    assert_int_equal(ev.key, KEYC_NONE);
    parse_one("\033[99999999999999;5u", &ev);
    assert_int_equal(ev.key, KEYC_NONE);
    parse_one("\033[97;5;1;2u", &ev);
    assert_int_equal(ev.key, KEYC_NONE);
    /* Incomplete: wait. */
    struct mouse_event m;
    assert_int_equal(key_parse_event("\033[97;5", 6, false, &ev, &m), 0);
}

/* Every key tmx names with every combination of Shift, Alt and Ctrl, as presses,
 * repeats and releases: encoded with every flag (what a kitty terminal sends), parsed
 * back (what tmx reads from one) to the same key and type. */
static void test_round_trip_every_key_and_modifier(void **state)
{
    (void)state;
    static const char *const names[] = {
        "a", "m", "z", "0", "5", "9", "-", "=", "[", "]", ";", "'", ",", ".", "/", "\\",
        "`", "é", "Space", "Enter", "Tab", "BSpace", "Escape", "Up", "Down", "Left",
        "Right", "Home", "End", "IC", "DC", "PPage", "NPage", "F1", "F2", "F3", "F4", "F5",
        "F6", "F7", "F8", "F9", "F10", "F11", "F12", "KP0", "KP1", "KP5", "KP9", "KP/",
        "KP*", "KP-", "KP+", "KP.", "KPEnter",
    };
    static const char *const mods[] = {"", "S-", "M-", "C-", "S-M-", "C-S-", "C-M-", "C-M-S-"};
    int checked = 0;
    for (size_t i = 0; i < LEN(names); i++) {
        for (size_t j = 0; j < LEN(mods); j++) {
            char name[64];
            snprintf(name, sizeof name, "%s%s", mods[j], names[i]);
            key_code key = key_from_name(name);
            assert_int_not_equal(key, KEYC_NONE);
            for (int type = KEY_EVENT_PRESS; type <= KEY_EVENT_RELEASE; type++) {
                struct key_event ev, back;
                key_event_from_key(key, &ev);
                ev.type = (uint8_t)type;
                char out[KEY_ENCODE_MAX + 1];
                size_t n = key_encode_event(&ev, KEY_ENC_KITTY(31), out);
                assert_true(n > 0);
                out[n] = '\0';
                parse_one(out, &back);
                /* Shift without Ctrl on a letter is the capital (M-A), as the
                 * legacy parser reads ESC A. */
                key_code want = key_canonical(ev.key), wb = KEYC_BASE(want);
                if ((want & (KEYC_SHIFT | KEYC_CTRL)) == KEYC_SHIFT && wb >= 'a' && wb <= 'z')
                    want = (want & ~(KEYC_SHIFT | 0x1fffffu)) | (wb - 0x20);
                if (back.key != want || back.type != type) {
                    char got[64];
                    print_error("%s type %d: %s parsed as %s type %d\n", name, type,
                                out + 1, key_to_name(back.key, got, sizeof got), back.type);
                    fail();
                }
                checked++;
            }
        }
    }
    assert_int_equal(checked, (int)(LEN(names) * LEN(mods) * 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_disambiguate),
        cmocka_unit_test(test_legacy_without_flags),
        cmocka_unit_test(test_event_types),
        cmocka_unit_test(test_all_keys_alternates_and_text),
        cmocka_unit_test(test_parse_kitty_forms),
        cmocka_unit_test(test_round_trip_every_key_and_modifier),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
