/* test_keeper_ring.c - the panes' output rings in shared memory (common/keeper_ring.c):
 * appends wrap around and every span up to the ring's size reads back contiguous and in
 * order; a second mapping (the other process) sees the same head and bytes; a file that
 * is not a sealed ring of the right size and magic is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "keeper_ring.h"

/* Append n bytes of the sequence 0, 1, ... 250, 0, ... starting at *next. */
static void append(struct keeper_ring *r, size_t n, unsigned *next)
{
    while (n > 0) {
        size_t room;
        unsigned char *to = keeper_ring_tail(r, n, &room);
        assert_true(room > 0 && room <= r->size);
        for (size_t i = 0; i < room; i++)
            to[i] = (unsigned char)((*next)++ % 251);
        keeper_ring_commit(r, room);
        n -= room;
    }
}

/* The window holds the last len bytes of the sequence, in order. */
static void check_window(const struct keeper_ring *r, unsigned next)
{
    uint64_t head;
    size_t len;
    const unsigned char *w = keeper_ring_window(r, &head, &len);
    assert_int_equal(head, next);
    assert_int_equal(len, next < r->size ? next : r->size);
    for (size_t i = 0; i < len; i++)
        assert_int_equal(w[i], (next - len + i) % 251);
}

static void test_appends_wrap_and_read_back_in_order(void **state)
{
    (void)state;
    struct keeper_ring *r = keeper_ring_create(1);
    assert_non_null(r);
    assert_int_equal(r->size, keeper_ring_round(1)); /* at least KEEPER_RING_MIN */
    assert_true(r->size >= KEEPER_RING_MIN);
    unsigned next = 0;
    check_window(r, next);
    append(r, 1000, &next);
    check_window(r, next);
    /* Past the end several times, in reads of odd sizes as a pty gives them. */
    for (int i = 0; i < 40; i++) {
        append(r, 7919 + (size_t)i * 131, &next);
        check_window(r, next);
    }
    /* A tail always offers up to the size asked, contiguous across the wrap. */
    size_t room;
    unsigned char *to = keeper_ring_tail(r, 65536, &room);
    assert_int_equal(room, 65536);
    memset(to, 'x', room); /* ASan: the whole span is mapped */
    keeper_ring_free(r);
}

static void test_a_second_mapping_shares_head_and_bytes(void **state)
{
    (void)state;
    struct keeper_ring *r = keeper_ring_create(100000);
    assert_non_null(r);
    struct keeper_ring *m = keeper_ring_map(fcntl(r->fd, F_DUPFD_CLOEXEC, 0));
    assert_non_null(m);
    assert_int_equal(m->size, r->size);
    unsigned next = 0;
    append(r, r->size + 12345, &next); /* one writer */
    check_window(m, next);              /* the other reads it */
    append(m, 999, &next);              /* and takes over */
    check_window(r, next);
    keeper_ring_free(m);
    keeper_ring_free(r);
}

static void test_what_is_not_a_ring_is_refused(void **state)
{
    (void)state;
    long page = sysconf(_SC_PAGESIZE);
    /* Not sealed: it could shrink under the mapping. */
    int fd = memfd_create("x", MFD_CLOEXEC);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, page + KEEPER_RING_MIN), 0);
    assert_null(keeper_ring_map(fd));
    /* Sealed but the wrong magic (zeros). */
    fd = memfd_create("x", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    assert_int_equal(ftruncate(fd, page + KEEPER_RING_MIN), 0);
    assert_int_equal(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW), 0);
    assert_null(keeper_ring_map(fd));
    /* Too small, not a whole page, and not a memfd at all. */
    fd = memfd_create("x", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    assert_int_equal(ftruncate(fd, page + 100), 0);
    assert_int_equal(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW), 0);
    assert_null(keeper_ring_map(fd));
    assert_null(keeper_ring_map(open("/dev/null", O_RDWR | O_CLOEXEC)));
    assert_null(keeper_ring_map(-1));
    /* A real ring whose header lies about its size. */
    struct keeper_ring *r = keeper_ring_create(KEEPER_RING_MIN);
    assert_non_null(r);
    uint64_t *size = (uint64_t *)((char *)r->header + 16);
    *size += (uint64_t)page;
    assert_null(keeper_ring_map(fcntl(r->fd, F_DUPFD_CLOEXEC, 0)));
    *size -= (uint64_t)page;
    struct keeper_ring *m = keeper_ring_map(fcntl(r->fd, F_DUPFD_CLOEXEC, 0));
    assert_non_null(m);
    /* Any head is safe: it is used modulo the size. */
    uint64_t *head = (uint64_t *)((char *)r->header + 24);
    *head = UINT64_MAX - 3;
    uint64_t h;
    size_t len;
    const unsigned char *w = keeper_ring_window(m, &h, &len);
    assert_int_equal(len, m->size);
    volatile unsigned char first = w[0], last = w[len - 1]; /* in the mapping (ASan) */
    (void)first;
    (void)last;
    keeper_ring_free(m);
    keeper_ring_free(r);
    assert_int_equal(keeper_ring_round(0), 0);
    assert_true(keeper_ring_round(1u << 30) <= (64u << 20));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_wrap_and_read_back_in_order),
        cmocka_unit_test(test_a_second_mapping_shares_head_and_bytes),
        cmocka_unit_test(test_what_is_not_a_ring_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
