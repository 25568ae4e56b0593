/* test_proto.c - framing of client <-> server messages: proto_peek decides whether a
 * buffer holds a complete, acceptable message without reading past its length, and
 * proto_next_string walks the NUL-terminated strings of a payload. Buffers handed to
 * the decoder are exact-size heap copies so AddressSanitizer catches any over-read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "proto.h"

/* A heap copy of exactly len bytes of src (at least one byte is allocated so that a
 * zero-length buffer is still a valid pointer; the decoder must not touch it). */
static unsigned char *exact_copy(const void *src, size_t len)
{
    unsigned char *p = malloc(len == 0 ? 1 : len);
    assert_non_null(p);
    if (len > 0)
        memcpy(p, src, len);
    return p;
}

/* Build header + payload into a fresh exact-size heap buffer; *total gets its size. */
static unsigned char *make_message(uint32_t type, const void *payload, uint32_t len,
                                   size_t *total)
{
    *total = PROTO_HEADER_SIZE + (size_t)len;
    unsigned char *buf = malloc(*total);
    assert_non_null(buf);
    proto_encode_header(type, len, buf);
    if (len > 0)
        memcpy(buf + PROTO_HEADER_SIZE, payload, len);
    return buf;
}

static void test_complete_message_decodes_type_len_and_payload(void **state)
{
    (void)state;
    static const char payload[] = "hello";
    size_t total;
    unsigned char *buf = make_message(MSG_INPUT, payload, 5, &total);
    struct proto_header hdr = { 0 };
    const char *why = NULL;

    assert_int_equal(proto_peek(buf, total, &hdr, &why), PROTO_OK);
    assert_int_equal(hdr.type, MSG_INPUT);
    assert_int_equal(hdr.len, 5);
    assert_null(why);
    /* The payload is right after the fixed-size header. */
    assert_memory_equal(buf + PROTO_HEADER_SIZE, "hello", 5);
    free(buf);
}

static void test_message_with_empty_payload_is_complete_after_header(void **state)
{
    (void)state;
    size_t total;
    unsigned char *buf = make_message(MSG_READY, NULL, 0, &total);
    struct proto_header hdr = { 0 };

    assert_int_equal(total, PROTO_HEADER_SIZE);
    assert_int_equal(proto_peek(buf, total, &hdr, NULL), PROTO_OK);
    assert_int_equal(hdr.type, MSG_READY);
    assert_int_equal(hdr.len, 0);
    free(buf);
}

static void test_every_truncation_is_incomplete(void **state)
{
    (void)state;
    static const char payload[] = "xterm-256color\0/home/user";
    size_t total;
    unsigned char *msg = make_message(MSG_IDENTIFY, payload, sizeof payload, &total);

    for (size_t n = 0; n < total; n++) {
        /* Only the first n bytes exist: reading byte n would be a heap overflow. */
        unsigned char *prefix = exact_copy(msg, n);
        struct proto_header hdr = { 0 };
        const char *why = NULL;
        assert_int_equal(proto_peek(prefix, n, &hdr, &why), PROTO_INCOMPLETE);
        assert_null(why);
        free(prefix);
    }
    struct proto_header hdr = { 0 };
    assert_int_equal(proto_peek(msg, total, &hdr, NULL), PROTO_OK);
    free(msg);
}

static void test_payload_of_max_size_is_accepted(void **state)
{
    (void)state;
    unsigned char hdrbuf[PROTO_HEADER_SIZE];
    struct proto_header hdr = { 0 };
    const char *why = NULL;

    /* With only the header in hand, a max-size payload means "read more", not "bad". */
    proto_encode_header(MSG_OUTPUT, PROTO_MAX_PAYLOAD, hdrbuf);
    assert_int_equal(proto_peek(hdrbuf, sizeof hdrbuf, &hdr, &why), PROTO_INCOMPLETE);
    assert_null(why);

    size_t total = PROTO_HEADER_SIZE + (size_t)PROTO_MAX_PAYLOAD;
    unsigned char *buf = calloc(1, total);
    assert_non_null(buf);
    proto_encode_header(MSG_OUTPUT, PROTO_MAX_PAYLOAD, buf);
    assert_int_equal(proto_peek(buf, total, &hdr, &why), PROTO_OK);
    assert_int_equal(hdr.len, PROTO_MAX_PAYLOAD);
    free(buf);
}

static void test_oversized_payload_is_refused_with_reason(void **state)
{
    (void)state;
    unsigned char *buf = malloc(PROTO_HEADER_SIZE);
    assert_non_null(buf);
    struct proto_header hdr = { 0 };
    const char *why = NULL;

    /* Refused from the header alone: the server must not wait for (or buffer) 1 MiB+. */
    proto_encode_header(MSG_INPUT, PROTO_MAX_PAYLOAD + 1, buf);
    assert_int_equal(proto_peek(buf, PROTO_HEADER_SIZE, &hdr, &why), PROTO_BAD);
    assert_non_null(why);
    assert_true(strlen(why) > 0);

    why = NULL;
    proto_encode_header(MSG_INPUT, UINT32_MAX, buf);
    assert_int_equal(proto_peek(buf, PROTO_HEADER_SIZE, &hdr, &why), PROTO_BAD);
    assert_non_null(why);

    /* A NULL why is allowed. */
    assert_int_equal(proto_peek(buf, PROTO_HEADER_SIZE, &hdr, NULL), PROTO_BAD);
    free(buf);
}

static void test_type_zero_is_refused(void **state)
{
    (void)state;
    size_t total;
    unsigned char *buf = make_message(0, "x", 1, &total);
    struct proto_header hdr = { 0 };
    const char *why = NULL;

    assert_int_equal(proto_peek(buf, total, &hdr, &why), PROTO_BAD);
    assert_non_null(why);
    free(buf);
}

static void test_unknown_types_are_refused(void **state)
{
    (void)state;
    const uint32_t bad[] = { MSG_TYPE_MAX, MSG_TYPE_MAX + 1, 0x10000, UINT32_MAX };

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t total;
        unsigned char *buf = make_message(bad[i], "x", 1, &total);
        struct proto_header hdr = { 0 };
        const char *why = NULL;
        assert_int_equal(proto_peek(buf, total, &hdr, &why), PROTO_BAD);
        assert_non_null(why);
        free(buf);
    }
}

static void test_every_known_type_is_accepted(void **state)
{
    (void)state;
    for (uint32_t t = MSG_IDENTIFY; t < MSG_TYPE_MAX; t++) {
        size_t total;
        unsigned char *buf = make_message(t, NULL, 0, &total);
        struct proto_header hdr = { 0 };
        assert_int_equal(proto_peek(buf, total, &hdr, NULL), PROTO_OK);
        assert_int_equal(hdr.type, t);
        free(buf);
    }
}

static void test_back_to_back_messages_decode_in_sequence(void **state)
{
    (void)state;
    uint32_t size[2] = { 80, 24 };
    size_t total = 2 * PROTO_HEADER_SIZE + 3 + sizeof size;
    unsigned char *buf = malloc(total);
    assert_non_null(buf);
    proto_encode_header(MSG_INPUT, 3, buf);
    memcpy(buf + PROTO_HEADER_SIZE, "abc", 3);
    proto_encode_header(MSG_RESIZE, sizeof size, buf + PROTO_HEADER_SIZE + 3);
    memcpy(buf + 2 * PROTO_HEADER_SIZE + 3, size, sizeof size);

    struct proto_header hdr = { 0 };
    size_t off = 0;

    assert_int_equal(proto_peek(buf + off, total - off, &hdr, NULL), PROTO_OK);
    assert_int_equal(hdr.type, MSG_INPUT);
    assert_int_equal(hdr.len, 3);
    assert_memory_equal(buf + off + PROTO_HEADER_SIZE, "abc", 3);
    off += PROTO_HEADER_SIZE + hdr.len;

    assert_int_equal(proto_peek(buf + off, total - off, &hdr, NULL), PROTO_OK);
    assert_int_equal(hdr.type, MSG_RESIZE);
    assert_int_equal(hdr.len, sizeof size);
    uint32_t got[2];
    memcpy(got, buf + off + PROTO_HEADER_SIZE, sizeof got);
    assert_int_equal(got[0], 80);
    assert_int_equal(got[1], 24);
    off += PROTO_HEADER_SIZE + hdr.len;

    assert_int_equal(off, total);
    assert_int_equal(proto_peek(buf + off, total - off, &hdr, NULL), PROTO_INCOMPLETE);
    free(buf);
}

static void test_first_message_complete_while_second_is_partial(void **state)
{
    (void)state;
    /* A read that ends mid-way through the second message. */
    size_t total = PROTO_HEADER_SIZE + 2 + PROTO_HEADER_SIZE + 1;
    unsigned char *buf = malloc(total);
    assert_non_null(buf);
    proto_encode_header(MSG_OUTPUT, 2, buf);
    memcpy(buf + PROTO_HEADER_SIZE, "hi", 2);
    proto_encode_header(MSG_OUTPUT, 5, buf + PROTO_HEADER_SIZE + 2);
    buf[total - 1] = 'x';

    struct proto_header hdr = { 0 };
    assert_int_equal(proto_peek(buf, total, &hdr, NULL), PROTO_OK);
    assert_int_equal(hdr.len, 2);
    size_t off = PROTO_HEADER_SIZE + hdr.len;
    assert_int_equal(proto_peek(buf + off, total - off, &hdr, NULL), PROTO_INCOMPLETE);
    free(buf);
}

static void test_strings_are_walked_in_order(void **state)
{
    (void)state;
    static const char data[] = "tmx\0new-session\0\0-d"; /* + the literal's NUL */
    unsigned char *payload = exact_copy(data, sizeof data);
    size_t off = 0;
    const char *s;

    s = proto_next_string(payload, sizeof data, &off);
    assert_non_null(s);
    assert_string_equal(s, "tmx");
    assert_int_equal(off, 4);

    s = proto_next_string(payload, sizeof data, &off);
    assert_non_null(s);
    assert_string_equal(s, "new-session");

    /* An empty string is still a string. */
    s = proto_next_string(payload, sizeof data, &off);
    assert_non_null(s);
    assert_string_equal(s, "");

    s = proto_next_string(payload, sizeof data, &off);
    assert_non_null(s);
    assert_string_equal(s, "-d");
    assert_int_equal(off, sizeof data);

    assert_null(proto_next_string(payload, sizeof data, &off));
    assert_int_equal(off, sizeof data);
    free(payload);
}

static void test_string_without_terminator_is_refused(void **state)
{
    (void)state;
    unsigned char *payload = exact_copy("abc", 3);
    size_t off = 0;

    assert_null(proto_next_string(payload, 3, &off));
    assert_int_equal(off, 0);
    free(payload);

    /* A good string followed by an unterminated one. */
    payload = exact_copy("ok\0bad", 6);
    off = 0;
    const char *s = proto_next_string(payload, 6, &off);
    assert_non_null(s);
    assert_string_equal(s, "ok");
    assert_null(proto_next_string(payload, 6, &off));
    assert_int_equal(off, 3);
    free(payload);
}

static void test_empty_payload_has_no_string(void **state)
{
    (void)state;
    unsigned char *payload = exact_copy("", 0);
    size_t off = 0;

    assert_null(proto_next_string(payload, 0, &off));
    assert_int_equal(off, 0);
    free(payload);
}

static void test_offset_past_end_has_no_string(void **state)
{
    (void)state;
    unsigned char *payload = exact_copy("a\0", 2);
    size_t off = 5;

    assert_null(proto_next_string(payload, 2, &off));
    free(payload);
}

/* tmx -H: the hello line is found past a banner, its offsets are exact. */
static void test_hello_is_found_after_a_banner(void **state)
{
    (void)state;
    const char in[] = "Welcome to box\r\n\001junk%tmx-stdio 4 5 0.1\nMSG";
    char *buf = (char *)exact_copy(in, sizeof in - 1);
    size_t skip = 0, used = 0;
    uint32_t min = 0, max = 0;
    char version[40];
    assert_int_equal(proto_hello_parse(buf, sizeof in - 1, &skip, &used, &min, &max, version,
                                       sizeof version), PROTO_OK);
    assert_int_equal(skip, 21);
    assert_int_equal(used, sizeof in - 1 - 3);
    assert_int_equal(min, 4);
    assert_int_equal(max, 5);
    assert_string_equal(version, "0.1");
    free(buf);
}

/* Every cut of the hello line waits for more; a line that never ends, or is not three
 * fields, is refused. */
static void test_hello_truncated_waits_and_malformed_is_refused(void **state)
{
    (void)state;
    char line[PROTO_HELLO_MAX];
    size_t n = proto_hello_format(line, sizeof line, 4, 5, "0.1");
    assert_int_equal(n, strlen("%tmx-stdio 4 5 0.1\n"));
    size_t skip, used;
    uint32_t min, max;
    char version[40];
    for (size_t cut = 0; cut < n; cut++) {
        char *buf = (char *)exact_copy(line, cut);
        assert_int_equal(proto_hello_parse(buf, cut, &skip, &used, &min, &max, version,
                                           sizeof version), PROTO_INCOMPLETE);
        free(buf);
    }
    static const char *const bad[] = {"%tmx-stdio 5 4 x\n", "%tmx-stdio 0 4 x\n",
                                      "%tmx-stdio 4 5\n", "%tmx-stdio 4 5 x y\n",
                                      "%tmx-stdio four 5 x\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *buf = (char *)exact_copy(bad[i], strlen(bad[i]));
        assert_int_equal(proto_hello_parse(buf, strlen(bad[i]), &skip, &used, &min, &max,
                                           version, sizeof version), PROTO_BAD);
        free(buf);
    }
    char endless[PROTO_HELLO_MAX + 20];
    memset(endless, 'x', sizeof endless);
    memcpy(endless, "%tmx-stdio ", 11);
    char *buf = (char *)exact_copy(endless, sizeof endless);
    assert_int_equal(proto_hello_parse(buf, sizeof endless, &skip, &used, &min, &max, version,
                                       sizeof version), PROTO_BAD);
    free(buf);
}

/* Two sides agree on the highest version both speak, or on none. */
static void test_versions_negotiate_to_the_highest_common(void **state)
{
    (void)state;
    assert_int_equal(proto_negotiate(4, 5, 4, 5), 5);
    assert_int_equal(proto_negotiate(4, 5, 4, 4), 4);
    assert_int_equal(proto_negotiate(5, 6, 4, 5), 5);
    assert_int_equal(proto_negotiate(4, 5, 3, 3), 0);
    assert_int_equal(proto_negotiate(4, 5, 6, 7), 0);
    uint32_t min, max;
    unsetenv("TMX_PROTO_VERSION");
    proto_versions(&min, &max);
    assert_int_equal(min, PROTO_VERSION_MIN);
    assert_int_equal(max, PROTO_VERSION);
    setenv("TMX_PROTO_VERSION", "4", 1);
    proto_versions(&min, &max);
    assert_int_equal(min, PROTO_VERSION_MIN);
    assert_int_equal(max, 4);
    setenv("TMX_PROTO_VERSION", "3", 1);
    proto_versions(&min, &max);
    assert_int_equal(min, 3);
    assert_int_equal(max, 3);
    unsetenv("TMX_PROTO_VERSION");
}

/* MSG_EXIT as the server sends it: a status, a message, then optionally how to go and a
 * command. A short or cut payload gives what the client can still trust: status 1 when
 * there is no status, no message without its terminator, no command without its. */
static void test_exit_payload_read_and_cut(void **state)
{
    (void)state;
    unsigned char full[4 + 5 + 1 + 6]; /* status, "bye!", how, "ls -l" */
    int32_t status = 3;
    memcpy(full, &status, 4);
    memcpy(full + 4, "bye!", 5);
    full[9] = PROTO_EXIT_EXEC;
    memcpy(full + 10, "ls -l", 6);
    struct proto_exit e;

    unsigned char *p = exact_copy(full, sizeof full - 1);
    proto_exit_parse(p, sizeof full - 1, &e); /* the command's NUL cut off */
    assert_int_equal(e.status, 3);
    assert_null(e.command);
    free(p);

    p = exact_copy(full, sizeof full);
    proto_exit_parse(p, sizeof full, &e);
    assert_int_equal(e.status, 3);
    assert_string_equal(e.message, "bye!");
    assert_int_equal(e.how, PROTO_EXIT_EXEC);
    assert_string_equal(e.command, "ls -l");
    free(p);

    p = exact_copy(full, 8); /* the message without its NUL: no message, no tail */
    proto_exit_parse(p, 8, &e);
    assert_int_equal(e.status, 3);
    assert_null(e.message);
    assert_int_equal(e.how, PROTO_EXIT_PLAIN);
    assert_null(e.command);
    free(p);

    p = exact_copy(full, 3); /* not even a status */
    proto_exit_parse(p, 3, &e);
    assert_int_equal(e.status, 1);
    assert_null(e.message);
    free(p);

    unsigned char empty_message[5] = {0, 0, 0, 0, 0};
    p = exact_copy(empty_message, sizeof empty_message);
    proto_exit_parse(p, sizeof empty_message, &e);
    assert_int_equal(e.status, 0);
    assert_null(e.message); /* an empty message prints nothing */
    assert_int_equal(e.how, PROTO_EXIT_PLAIN);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete_message_decodes_type_len_and_payload),
        cmocka_unit_test(test_message_with_empty_payload_is_complete_after_header),
        cmocka_unit_test(test_every_truncation_is_incomplete),
        cmocka_unit_test(test_payload_of_max_size_is_accepted),
        cmocka_unit_test(test_oversized_payload_is_refused_with_reason),
        cmocka_unit_test(test_type_zero_is_refused),
        cmocka_unit_test(test_unknown_types_are_refused),
        cmocka_unit_test(test_every_known_type_is_accepted),
        cmocka_unit_test(test_back_to_back_messages_decode_in_sequence),
        cmocka_unit_test(test_first_message_complete_while_second_is_partial),
        cmocka_unit_test(test_strings_are_walked_in_order),
        cmocka_unit_test(test_string_without_terminator_is_refused),
        cmocka_unit_test(test_empty_payload_has_no_string),
        cmocka_unit_test(test_offset_past_end_has_no_string),
        cmocka_unit_test(test_hello_is_found_after_a_banner),
        cmocka_unit_test(test_hello_truncated_waits_and_malformed_is_refused),
        cmocka_unit_test(test_versions_negotiate_to_the_highest_common),
        cmocka_unit_test(test_exit_payload_read_and_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
