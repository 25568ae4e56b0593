/* test_server_client_limits.c - property tests of client_limits.c, what the server
 * takes from one client: every reported size, random and at the edges of uint32, maps
 * into range, keeps sizes in range as they are, is monotone and idempotent; the frame
 * bound is monotone and agrees with the byte count; and the byte count is what a frame
 * really allocates (a canvas and a renderer drawing a full screen of distinct cells,
 * measured on the heap), so the bound cannot silently go stale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <event2/buffer.h>
#include <malloc.h>

#include "client_limits.h"
#include "render.h"

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

/* A reported side: often near the edges that matter, else anything. */
static uint32_t reported(uint64_t *seed)
{
    static const uint32_t edges[] = {0, 1, 2, 3, 24, 80, 9998, 9999, 10000, 10001, 65535,
                                     65536, 0x7fffffffu, 0x80000000u, 0xfffffffeu, 0xffffffffu};
    uint64_t r = rnd(seed);
    if (r % 3 == 0)
        return edges[(r >> 8) % (sizeof edges / sizeof edges[0])];
    if (r % 3 == 1)
        return (uint32_t)((r >> 8) % 20000);
    return (uint32_t)(r >> 32);
}

static void test_reported_sizes_are_clamped(void **state)
{
    (void)state;
    uint64_t seed = 0x5eed;
    for (int i = 0; i < 200000; i++) {
        uint32_t c = reported(&seed), r = reported(&seed);
        int cols = -1, rows = -1;
        bool ok = client_limits_size(c, r, &cols, &rows);
        /* Nothing said: no width, or fewer than two rows. */
        assert_int_equal(ok, c >= 1 && r >= 2);
        if (!ok) {
            assert_int_equal(cols, -1); /* untouched */
            continue;
        }
        assert_true(cols >= 1 && cols <= CLIENT_SIZE_MAX);
        assert_true(rows >= 2 && rows <= CLIENT_SIZE_MAX);
        /* In range: kept as reported; beyond: the maximum. */
        assert_int_equal(cols, c <= CLIENT_SIZE_MAX ? (int)c : CLIENT_SIZE_MAX);
        assert_int_equal(rows, r <= CLIENT_SIZE_MAX ? (int)r : CLIENT_SIZE_MAX);
        /* Idempotent. */
        int cols2, rows2;
        assert_true(client_limits_size((uint32_t)cols, (uint32_t)rows, &cols2, &rows2));
        assert_int_equal(cols2, cols);
        assert_int_equal(rows2, rows);
        /* Monotone: a larger report never gives a smaller size. */
        uint32_t c3 = c + (uint32_t)(rnd(&seed) % 1000);
        int cols3, rows3;
        if (c3 >= c && client_limits_size(c3, r, &cols3, &rows3))
            assert_true(cols3 >= cols);
        /* One side alone (identify): the fallback below the minimum. */
        int side = client_limits_side(c, 1, 80);
        assert_int_equal(side, c < 1 ? 80 : cols);
    }
}

static void test_frame_bound_is_monotone_and_agrees_with_bytes(void **state)
{
    (void)state;
    uint64_t seed = 0xf4a3e;
    for (int i = 0; i < 200000; i++) {
        int cols = client_limits_side(reported(&seed), 1, 80);
        int rows = client_limits_side(reported(&seed), 2, 24);
        uint64_t bytes = client_limits_frame_bytes(cols, rows);
        bool fits = client_limits_frame_fits(cols, rows);
        assert_int_equal(fits, bytes <= CLIENT_FRAME_BYTES_MAX);
        assert_true(bytes >= (uint64_t)cols * (uint64_t)rows * 2 * sizeof(struct grid_cell));
        /* Smaller is never refused where larger fits. */
        if (fits) {
            assert_true(client_limits_frame_fits(cols > 1 ? cols - 1 : 1, rows));
            assert_true(client_limits_frame_fits(cols, rows > 2 ? rows - 1 : 2));
        } else {
            assert_false(client_limits_frame_fits(cols + 1, rows));
            assert_false(client_limits_frame_fits(cols, rows + 1));
        }
    }
    /* Every terminal one finds: fits. The reported 9999x9999: does not. */
    assert_true(client_limits_frame_fits(80, 24));
    assert_true(client_limits_frame_fits(500, 150));
    assert_true(client_limits_frame_fits(1000, 690));
    assert_false(client_limits_frame_fits(CLIENT_SIZE_MAX, CLIENT_SIZE_MAX));
    /* No wrap-around, whatever the ints. */
    assert_true(client_limits_frame_bytes(0x7fffffff, 0x7fffffff) == UINT64_MAX);
    char msg[512];
    client_limits_frame_error(9999, 9999, msg, sizeof msg);
    assert_non_null(strstr(msg, "terminal too large: 9999x9999"));
    assert_non_null(strstr(msg, "make the window smaller"));
}

#ifdef __SANITIZE_ADDRESS__
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t heap_in_use(void)
{
    return __sanitizer_get_current_allocated_bytes();
}
#else
static size_t heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}
#endif

/* The byte count covers what a frame takes: the canvas, and the renderer after drawing
 * a screen where every cell differs from the last (the frame's own bytes, the output,
 * are the terminal's and not counted). For the largest sizes that fit, each shape. */
static void test_a_frame_takes_no_more_than_counted(void **state)
{
    (void)state;
    char err[256];
    const struct render_caps *caps = render_caps_get("xterm-256color", false, err, sizeof err);
    if (caps == NULL)
        fail_msg("xterm-256color: %s", err);
    const int sizes[][2] = {{80, 24}, {1000, 690}, {CLIENT_SIZE_MAX, 69}, {69, CLIENT_SIZE_MAX}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int cols = sizes[i][0], rows = sizes[i][1];
        assert_true(client_limits_frame_fits(cols, rows));
        size_t before = heap_in_use();
        struct canvas cv;
        canvas_init(&cv, cols, rows);
        struct render_state *rs = render_create(caps, true);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                struct grid_cell *g = canvas_cell(&cv, x, y);
                g->ch = 'a' + (uint32_t)((x * 7 + y * 13) % 26);
                g->fg = COLOUR_PALETTE | (uint32_t)((x + y) % 256);
            }
        }
        struct evbuffer *out = evbuffer_new();
        render_frame(rs, &cv, out);
        size_t frame = evbuffer_get_length(out);
        evbuffer_free(out);
        size_t used = heap_in_use() - before;
        uint64_t counted = client_limits_frame_bytes(cols, rows);
        fprintf(stderr, "%dx%d: %zu bytes on the heap, %llu counted (output %zu)\n", cols, rows,
                used, (unsigned long long)counted, frame);
        /* The render state itself, its links table and caches: a few KiB. */
        if (used > counted + 64 * 1024)
            fail_msg("%dx%d: a frame took %zu bytes, the bound counts %llu", cols, rows, used,
                     (unsigned long long)counted);
        render_free(rs);
        canvas_free(&cv);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reported_sizes_are_clamped),
        cmocka_unit_test(test_frame_bound_is_monotone_and_agrees_with_bytes),
        cmocka_unit_test(test_a_frame_takes_no_more_than_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
