/* test_utf8.c - character widths and the incremental UTF-8 decoder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

/* Decode s; code points (U+FFFD for each error) go to out; returns how many. */
static int decode_all(const char *s, size_t len, int32_t *out, int max)
{
    struct utf8_decoder d = { 0 };
    int n = 0;
    for (size_t i = 0; i < len && n < max;) {
        int again;
        int32_t cp = utf8_decode_byte(&d, (uint8_t)s[i], &again);
        if (cp == UTF8_INVALID)
            out[n++] = 0xfffd;
        else if (cp != UTF8_MORE)
            out[n++] = cp;
        if (!(cp == UTF8_INVALID && again))
            i++;
    }
    return n;
}

static void test_ascii_is_width_1(void **state)
{
    (void)state;
    assert_int_equal(utf8_width('a'), 1);
    assert_int_equal(utf8_width(' '), 1);
    assert_int_equal(utf8_width('~'), 1);
}

static void test_controls_are_width_0(void **state)
{
    (void)state;
    assert_int_equal(utf8_width(0), 0);
    assert_int_equal(utf8_width('\n'), 0);
    assert_int_equal(utf8_width(0x7f), 0);
    assert_int_equal(utf8_width(0x85), 0);
}

static void test_cjk_is_width_2(void **state)
{
    (void)state;
    assert_int_equal(utf8_width(0x4e2d), 2);  /* 中 */
    assert_int_equal(utf8_width(0xac00), 2);  /* 가 */
    assert_int_equal(utf8_width(0xff21), 2);  /* fullwidth A */
}

static void test_emoji_is_width_2(void **state)
{
    (void)state;
    assert_int_equal(utf8_width(0x1f600), 2);
    assert_int_equal(utf8_width(0x1f680), 2);
}

static void test_combining_is_width_0(void **state)
{
    (void)state;
    assert_int_equal(utf8_width(0x301), 0);
    assert_int_equal(utf8_width(0x20dd), 0);  /* enclosing circle (Me) */
    assert_int_equal(utf8_width(0x200d), 0);  /* ZWJ */
}

static void test_unassigned_and_private_use_are_width_1(void **state)
{
    (void)state;
    assert_int_equal(utf8_width(0xe000), 1);
    assert_int_equal(utf8_width(0x10fffd), 1);
    assert_int_equal(utf8_width(0x50000), 1);
    assert_int_equal(utf8_width(0x110000), 1);
}

static void test_encode_round_trips(void **state)
{
    (void)state;
    static const uint32_t cps[] = { 'A', 0xe9, 0x7ff, 0x800, 0x4e2d, 0xffff, 0x10000, 0x1f600,
                                    0x10ffff };
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        int n = utf8_encode(cps[i], buf);
        int32_t out[4];
        assert_int_equal(decode_all(buf, (size_t)n, out, 4), 1);
        assert_int_equal(out[0], (int32_t)cps[i]);
    }
    char buf[4];
    assert_int_equal(utf8_encode(0xd800, buf), 3); /* surrogate -> U+FFFD */
    assert_memory_equal(buf, "\xef\xbf\xbd", 3);
}

static void test_decoder_handles_multibyte(void **state)
{
    (void)state;
    int32_t out[8];
    const char s[] = "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80";
    assert_int_equal(decode_all(s, sizeof s - 1, out, 8), 4);
    assert_int_equal(out[0], 'a');
    assert_int_equal(out[1], 0xe9);
    assert_int_equal(out[2], 0x4e2d);
    assert_int_equal(out[3], 0x1f600);
}

static void test_decoder_reports_more_until_complete(void **state)
{
    (void)state;
    struct utf8_decoder d = { 0 };
    int again;
    assert_int_equal(utf8_decode_byte(&d, 0xe4, &again), UTF8_MORE);
    assert_int_equal(utf8_decode_byte(&d, 0xb8, &again), UTF8_MORE);
    assert_int_equal(utf8_decode_byte(&d, 0xad, &again), 0x4e2d);
}

static void test_truncated_sequence_keeps_next_byte(void **state)
{
    (void)state;
    int32_t out[8];
    assert_int_equal(decode_all("\xe4\xb8" "A", 3, out, 8), 2);
    assert_int_equal(out[0], 0xfffd);
    assert_int_equal(out[1], 'A');
}

static void test_invalid_bytes_replaced(void **state)
{
    (void)state;
    int32_t out[8];
    /* stray continuation, C0 lead (overlong), F5 lead */
    assert_int_equal(decode_all("\x80\xc0\xaf\xf5x", 5, out, 8), 5);
    assert_int_equal(out[0], 0xfffd);
    assert_int_equal(out[1], 0xfffd);
    assert_int_equal(out[2], 0xfffd);
    assert_int_equal(out[3], 0xfffd);
    assert_int_equal(out[4], 'x');
}

static void test_overlong_and_surrogates_rejected(void **state)
{
    (void)state;
    int32_t out[8];
    int n = decode_all("\xe0\x80\xaf" "a", 4, out, 8); /* overlong 3-byte */
    for (int i = 0; i < n - 1; i++)
        assert_int_equal(out[i], 0xfffd);
    assert_int_equal(out[n - 1], 'a');
    n = decode_all("\xed\xa0\x80" "b", 4, out, 8); /* U+D800 */
    for (int i = 0; i < n - 1; i++)
        assert_int_equal(out[i], 0xfffd);
    assert_int_equal(out[n - 1], 'b');
    n = decode_all("\xf4\x90\x80\x80" "c", 5, out, 8); /* > U+10FFFF */
    for (int i = 0; i < n - 1; i++)
        assert_int_equal(out[i], 0xfffd);
    assert_int_equal(out[n - 1], 'c');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_is_width_1),
        cmocka_unit_test(test_controls_are_width_0),
        cmocka_unit_test(test_cjk_is_width_2),
        cmocka_unit_test(test_emoji_is_width_2),
        cmocka_unit_test(test_combining_is_width_0),
        cmocka_unit_test(test_unassigned_and_private_use_are_width_1),
        cmocka_unit_test(test_encode_round_trips),
        cmocka_unit_test(test_decoder_handles_multibyte),
        cmocka_unit_test(test_decoder_reports_more_until_complete),
        cmocka_unit_test(test_truncated_sequence_keeps_next_byte),
        cmocka_unit_test(test_invalid_bytes_replaced),
        cmocka_unit_test(test_overlong_and_surrogates_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
