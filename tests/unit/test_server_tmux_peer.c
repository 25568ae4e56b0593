/* test_server_tmux_peer.c - a real tmux client on tmx's socket: known by its first
 * message, its command found among its identify messages (and whether it attaches), a
 * malformed or endless one refused, and the answer in tmux's framing: open the client's
 * stderr, write the line, close it, exit 1, each with the client's protocol version. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <event2/buffer.h>

#include "tmux_peer.h"

/* Appends one tmux message (16-byte header, then data) to buf at *len. */
static void put(unsigned char *buf, size_t *len, uint32_t type, const void *data, size_t dlen)
{
    uint16_t total = (uint16_t)(16 + dlen), flags = 0;
    uint32_t peerid = 8, pid = 1234;
    memcpy(buf + *len, &type, 4);
    memcpy(buf + *len + 4, &total, 2);
    memcpy(buf + *len + 6, &flags, 2);
    memcpy(buf + *len + 8, &peerid, 4);
    memcpy(buf + *len + 12, &pid, 4);
    if (dlen > 0)
        memcpy(buf + *len + 16, data, dlen);
    *len += 16 + dlen;
}

/* A tmux client's opening: identify flags, an environment variable, done, then the
 * command words (argc, then NUL-terminated). */
static size_t tmux_client(unsigned char *buf, int argc, const char *words, size_t wlen)
{
    size_t len = 0;
    uint64_t flags = 0;
    put(buf, &len, 111, &flags, sizeof flags);
    put(buf, &len, 105, "HOME=/root", 11);
    put(buf, &len, 106, NULL, 0);
    unsigned char cmd[256];
    int32_t n = argc;
    memcpy(cmd, &n, 4);
    memcpy(cmd + 4, words, wlen);
    put(buf, &len, 200, cmd, 4 + wlen);
    return len;
}

static void test_detect(void **state)
{
    (void)state;
    unsigned char buf[1024];
    size_t len = tmux_client(buf, 1, "ls", 3);
    assert_true(tmux_peer_detect(buf, len));
    /* tmx's own identify (type 1) is not tmux's. */
    unsigned char tmx[8] = {1, 0, 0, 0, 20, 0, 0, 0};
    assert_false(tmux_peer_detect(tmx, sizeof tmx));
    assert_false(tmux_peer_detect(buf, 3));
}

static void test_scan_finds_the_command(void **state)
{
    (void)state;
    unsigned char buf[1024];
    bool attaches = true;
    uint32_t peerid = 0;
    size_t len = tmux_client(buf, 1, "ls", 3);
    /* Every prefix short of the whole: not yet. */
    for (size_t i = 0; i < len; i++)
        assert_int_equal(tmux_peer_scan(buf, i, &attaches, &peerid), 0);
    assert_int_equal(tmux_peer_scan(buf, len, &attaches, &peerid), 1);
    assert_false(attaches);
    assert_int_equal(peerid, 8);
    len = tmux_client(buf, 3, "new\0-s\0x", 9);
    assert_int_equal(tmux_peer_scan(buf, len, &attaches, &peerid), 1);
    assert_true(attaches);
    len = tmux_client(buf, 0, "", 0); /* no command: new-session */
    assert_int_equal(tmux_peer_scan(buf, len, &attaches, &peerid), 1);
    assert_true(attaches);
    /* argc larger than the words: not believed. */
    len = tmux_client(buf, 5, "attach", 7);
    assert_int_equal(tmux_peer_scan(buf, len, &attaches, &peerid), 1);
    assert_false(attaches);
}

static void test_scan_refuses_bad_input(void **state)
{
    (void)state;
    unsigned char buf[64] = {0};
    uint32_t type = 100;
    uint16_t total = 3; /* shorter than the header */
    memcpy(buf, &type, 4);
    memcpy(buf + 4, &total, 2);
    bool attaches;
    uint32_t peerid;
    assert_int_equal(tmux_peer_scan(buf, sizeof buf, &attaches, &peerid), -1);
    /* More than 1 MiB of messages and no command. */
    size_t big = (1u << 20) + 16384 * 2;
    unsigned char *many = calloc(1, big);
    for (size_t off = 0; off + 16384 <= big; off += 16384) {
        total = 16384 - 1;
        memcpy(many + off, &type, 4);
        memcpy(many + off + 4, &total, 2);
    }
    assert_int_equal(tmux_peer_scan(many, big, &attaches, &peerid), -1);
    free(many);
}

static void test_answer_framing(void **state)
{
    (void)state;
    struct evbuffer *out = evbuffer_new();
    tmux_peer_answer(out, 8, "sessions should be nested with care, unset $TMUX to force");
    size_t len = evbuffer_get_length(out);
    const unsigned char *p = evbuffer_pullup(out, -1);
    uint32_t want_types[] = {303, 304, 306, 203};
    size_t off = 0;
    for (int i = 0; i < 4; i++) {
        assert_true(off + 16 <= len);
        uint32_t type, peerid;
        uint16_t total;
        memcpy(&type, p + off, 4);
        memcpy(&total, p + off + 4, 2);
        memcpy(&peerid, p + off + 8, 4);
        assert_int_equal(type, want_types[i]);
        assert_int_equal(peerid, 8);
        assert_true(off + total <= len);
        if (type == 303) { /* stream 1, the client's fd 2, no flags, no path */
            int32_t open_msg[3];
            assert_int_equal(total, 16 + sizeof open_msg);
            memcpy(open_msg, p + off + 16, sizeof open_msg);
            assert_int_equal(open_msg[0], 1);
            assert_int_equal(open_msg[1], 2);
        }
        if (type == 304) {
            const char *text = (const char *)p + off + 20;
            size_t tlen = total - 20u;
            assert_memory_equal(text, "sessions should be nested with care, unset $TMUX to force\n",
                                tlen);
        }
        if (type == 203) {
            int32_t status;
            memcpy(&status, p + off + 16, 4);
            assert_int_equal(status, 1);
        }
        off += total;
    }
    assert_int_equal(off, len);
    evbuffer_free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_scan_finds_the_command),
        cmocka_unit_test(test_scan_refuses_bad_input),
        cmocka_unit_test(test_answer_framing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
