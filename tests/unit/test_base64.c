/* test_base64.c - the OSC 52 clipboard encoding: what a terminal receives for copied
 * text, and what tmx makes of a program's OSC 52 string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base64.h"

static void check_encode(const char *in, const char *want)
{
    char out[64];
    assert_int_equal(base64_encoded_size(strlen(in)), strlen(want));
    assert_int_equal(base64_encode(in, strlen(in), out), strlen(want));
    assert_string_equal(out, want);
}

static void test_encode_pads_to_whole_quads(void **state)
{
    (void)state;
    check_encode("", "");
    check_encode("h", "aA==");
    check_encode("he", "aGU=");
    check_encode("hello", "aGVsbG8=");
    check_encode("line\nnext\xff", "bGluZQpuZXh0/w==");
}

static void test_decode_round_trips_and_rejects_garbage(void **state)
{
    (void)state;
    unsigned char out[64];
    assert_int_equal(base64_decode("aGVsbG8=", out), 5);
    assert_memory_equal(out, "hello", 5);
    assert_int_equal(base64_decode("bGluZQpu\nZXh0/w==", out), 10);
    assert_memory_equal(out, "line\nnext\xff", 10);
    assert_int_equal(base64_decode("", out), 0);
    assert_int_equal(base64_decode("aGV*bG8=", out), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_pads_to_whole_quads),
        cmocka_unit_test(test_decode_round_trips_and_rejects_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
