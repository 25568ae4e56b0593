/* test_server_tap.c - property tests of tap.c, the bounded sink behind pipe-pane and
 * log-file. Hundreds of random runs (seeded, reproducible) of writes of every size
 * against a reader that reads at random, stalls, and catches up, checked against a
 * model: the consumer receives exactly the bytes the tap accepted, in order; a write is
 * dropped only as a tail, only when the backlog would pass the bound, and counted to the
 * byte; the backlog never passes the bound; "dropping" and "caught up" alternate; a
 * reader that keeps up loses nothing; a consumer that goes away fails the tap once; a
 * tap closed with a backlog still delivers it, then EOF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/event.h>

#include "tap.h"

#define MAX (64u << 10)
#define RESUME (16u << 10)

/* xorshift64*: the runs are the same on every machine. */
static uint64_t rnd(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

struct model {
    struct event_base *base;
    struct tap *tap;
    int tap_fd, reader_fd;
    unsigned char *expected; /* every byte the tap accepted, in order */
    size_t nexpected, size;
    size_t received;         /* bytes the reader got (all equal to expected[0..received)) */
    uint64_t written, dropped;
    int drops, resumes;      /* callbacks heard */
    bool dropping;           /* what the callbacks said last */
    int failures;
    int failed_errno;
};

static void on_dropping(void *arg, bool dropping, uint64_t dropped)
{
    struct model *m = arg;
    /* They alternate, starting with dropping, and carry the count so far. */
    assert_true(dropping != m->dropping);
    m->dropping = dropping;
    assert_true(dropped == tap_dropped(m->tap));
    if (dropping)
        m->drops++;
    else {
        m->resumes++;
        assert_true(tap_pending(m->tap) <= RESUME);
    }
}

static void on_failed(void *arg, int error)
{
    struct model *m = arg;
    m->failures++;
    m->failed_errno = error;
}

static const struct tap_ops ops = {.dropping = on_dropping, .failed = on_failed};

static void model_init(struct model *m)
{
    memset(m, 0, sizeof *m);
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    int small = 4096;
    setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    m->tap_fd = sv[0];
    m->reader_fd = sv[1];
    m->base = event_base_new();
    m->tap = tap_create(m->base, m->tap_fd, &ops, m);
    tap_set_limits(m->tap, MAX, RESUME);
}

static void model_free(struct model *m)
{
    tap_free(m->tap);
    event_base_free(m->base);
    if (m->tap_fd >= 0)
        close(m->tap_fd);
    if (m->reader_fd >= 0)
        close(m->reader_fd);
    free(m->expected);
}

/* Write len random bytes through the tap and check what it did with them. */
static void model_write(struct model *m, uint64_t *seed, size_t len)
{
    unsigned char *buf = malloc(len);
    assert_non_null(buf);
    for (size_t i = 0; i < len; i += 8) {
        uint64_t r = rnd(seed);
        memcpy(buf + i, &r, len - i < 8 ? len - i : 8);
    }
    bool was_dropping = tap_is_dropping(m->tap);
    size_t pending_before = tap_pending(m->tap);
    uint64_t d0 = tap_dropped(m->tap);
    assert_true(tap_write(m->tap, buf, len));
    uint64_t lost = tap_dropped(m->tap) - d0;
    assert_true(lost <= len);
    size_t accepted = len - (size_t)lost;
    /* Dropping goes on until the backlog drained to RESUME: nothing is taken before. */
    if (was_dropping && pending_before > RESUME)
        assert_int_equal(accepted, 0);
    /* Something was lost only when the backlog could not take it. */
    if (lost > 0 && !was_dropping)
        assert_true(tap_pending(m->tap) + lost > MAX);
    assert_true(tap_pending(m->tap) <= MAX);
    if (m->nexpected + accepted > m->size) {
        m->size = (m->nexpected + accepted) * 2;
        m->expected = realloc(m->expected, m->size);
        assert_non_null(m->expected);
    }
    memcpy(m->expected + m->nexpected, buf, accepted); /* what was kept is a head */
    m->nexpected += accepted;
    m->written += len;
    m->dropped += lost;
    assert_true(m->dropped == tap_dropped(m->tap));
    assert_true(m->dropping == tap_is_dropping(m->tap));
    free(buf);
}

/* The reader takes up to max bytes: they are the next bytes the tap accepted. */
static size_t model_read(struct model *m, size_t max)
{
    unsigned char buf[65536];
    size_t got = 0;
    while (got < max) {
        size_t want = max - got < sizeof buf ? max - got : sizeof buf;
        ssize_t n = read(m->reader_fd, buf, want);
        if (n <= 0)
            break;
        assert_true(m->received + (size_t)n <= m->nexpected);
        if (memcmp(buf, m->expected + m->received, (size_t)n) != 0)
            fail_msg("the consumer got other bytes than the tap accepted at %zu", m->received);
        m->received += (size_t)n;
        got += (size_t)n;
    }
    return got;
}

static void model_loop(struct model *m)
{
    event_base_loop(m->base, EVLOOP_NONBLOCK);
}

/* Read and run the loop until the consumer has everything the tap accepted. */
static void model_drain(struct model *m)
{
    for (int i = 0; i < 100000 && m->received < m->nexpected; i++) {
        model_loop(m);
        model_read(m, SIZE_MAX);
    }
    assert_int_equal(m->received, m->nexpected);
    assert_int_equal(tap_pending(m->tap), 0);
    assert_true(m->written == m->received + m->dropped);
}

/* A write size: mostly small (a pty read of an echo), sometimes up to a pty read of
 * 64 KiB, sometimes past the whole bound. */
static size_t write_size(uint64_t *seed)
{
    uint64_t r = rnd(seed) % 100;
    if (r < 50)
        return 1 + rnd(seed) % 200;
    if (r < 95)
        return 1 + rnd(seed) % 65536;
    return MAX + rnd(seed) % MAX;
}

/* Random writes, reads, stalls and loop turns, checked at every step. */
static void test_random_runs_keep_the_model(void **state)
{
    (void)state;
    int drops = 0, resumes = 0;
    for (uint64_t run = 1; run <= 150; run++) {
        uint64_t seed = run * 0x9e3779b97f4a7c15ull;
        struct model m;
        model_init(&m);
        for (int step = 0; step < 300; step++) {
            uint64_t op = rnd(&seed) % 100;
            if (op < 45)
                model_write(&m, &seed, write_size(&seed));
            else if (op < 70)
                model_read(&m, rnd(&seed) % 100000);
            else if (op < 90)
                model_loop(&m);
            /* else: the reader stalls this turn */
        }
        model_drain(&m);
        assert_int_equal(m.failures, 0);
        /* Every drop ended once the consumer caught up (after the next write). */
        model_write(&m, &seed, 1);
        assert_int_equal(m.drops, m.resumes);
        model_drain(&m);
        drops += m.drops;
        resumes += m.resumes;
        model_free(&m);
    }
    /* The runs did reach the bound (else they proved nothing about it). */
    assert_true(drops > 100);
    assert_true(resumes == drops);
}

/* A reader that keeps up loses nothing, whatever the sizes (up to a pty read each). */
static void test_a_reader_that_keeps_up_loses_nothing(void **state)
{
    (void)state;
    uint64_t seed = 42;
    struct model m;
    model_init(&m);
    for (int i = 0; i < 1000; i++) {
        model_write(&m, &seed, 1 + rnd(&seed) % 65536);
        model_drain(&m);
    }
    assert_int_equal(m.dropped, 0);
    assert_int_equal(m.drops, 0);
    model_free(&m);
}

/* A reader that never reads: the backlog stops at the bound, every byte after it is
 * counted as dropped, and nothing waits (the writes return at once). */
static void test_a_stuck_reader_costs_at_most_the_bound(void **state)
{
    (void)state;
    uint64_t seed = 7;
    struct model m;
    model_init(&m);
    for (int i = 0; i < 2000; i++) {
        model_write(&m, &seed, 4096);
        model_loop(&m);
    }
    assert_true(tap_pending(m.tap) <= MAX);
    assert_int_equal(m.drops, 1);
    assert_true(m.dropped >= 2000 * 4096 - MAX - (1u << 20)); /* kernel buffers aside */
    model_drain(&m);
    model_free(&m);
}

/* The consumer goes away: the tap fails once (EPIPE) and takes nothing more. */
static void test_a_consumer_that_goes_away_fails_the_tap_once(void **state)
{
    (void)state;
    uint64_t seed = 9;
    struct model m;
    model_init(&m);
    model_write(&m, &seed, 100000); /* some of it waits in the tap */
    close(m.reader_fd);
    m.reader_fd = -1;
    for (int i = 0; i < 10 && m.failures == 0; i++)
        model_loop(&m);
    if (m.failures == 0)
        assert_false(tap_write(m.tap, "x", 1));
    assert_int_equal(m.failures, 1);
    assert_int_equal(m.failed_errno, EPIPE);
    assert_false(tap_write(m.tap, "x", 1));
    assert_int_equal(m.failures, 1);
    model_free(&m);
}

/* A regular file takes every byte (no backlog, nothing dropped); a full disk fails the
 * tap with ENOSPC (log-file then says "logging stopped"). */
static void test_files_take_everything_or_fail(void **state)
{
    (void)state;
    char path[] = "/tmp/tmx-test-tap-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    struct model m;
    memset(&m, 0, sizeof m);
    m.base = event_base_new();
    m.tap = tap_create(m.base, fd, &ops, &m);
    tap_set_limits(m.tap, MAX, RESUME);
    char buf[65536];
    memset(buf, 'z', sizeof buf);
    for (int i = 0; i < 64; i++)
        assert_true(tap_write(m.tap, buf, sizeof buf));
    assert_int_equal(tap_pending(m.tap), 0);
    assert_int_equal(tap_dropped(m.tap), 0);
    assert_int_equal(lseek(fd, 0, SEEK_END), 64 * (off_t)sizeof buf);
    tap_free(m.tap);
    close(fd);

    fd = open("/dev/full", O_WRONLY);
    assert_true(fd >= 0);
    m.tap = tap_create(m.base, fd, &ops, &m);
    assert_false(tap_write(m.tap, buf, 10));
    assert_int_equal(m.failures, 1);
    assert_int_equal(m.failed_errno, ENOSPC);
    tap_free(m.tap);
    close(fd);
    event_base_free(m.base);
}

/* Closed with a backlog (pipe-pane stopped before a late reader started): the reader
 * still gets every byte it was owed, then EOF; the tap leaves the list by itself. */
static void test_a_closed_tap_delivers_what_it_owes_then_eof(void **state)
{
    (void)state;
    uint64_t seed = 11;
    struct model m;
    model_init(&m);
    for (int i = 0; i < 12; i++)
        model_write(&m, &seed, 4096); /* 48 KiB: within the bound, mostly queued */
    assert_int_equal(m.dropped, 0);
    assert_true(tap_pending(m.tap) > 0);
    struct tap *draining = NULL;
    tap_close(m.tap, m.tap_fd, &draining);
    m.tap = NULL;
    m.tap_fd = -1;
    assert_non_null(draining);
    for (int i = 0; i < 100000 && draining != NULL; i++) {
        model_loop(&m);
        model_read(&m, SIZE_MAX);
    }
    assert_null(draining); /* done: closed and freed */
    model_read(&m, SIZE_MAX);
    assert_int_equal(m.received, m.nexpected);
    char c;
    assert_int_equal(read(m.reader_fd, &c, 1), 0); /* EOF */
    model_free(&m);
}

/* Closed with nothing queued: the fd closes at once. A draining tap whose reader never
 * reads is freed with the server (no leak). */
static void test_closing_an_empty_tap_closes_at_once(void **state)
{
    (void)state;
    uint64_t seed = 12;
    struct model m;
    model_init(&m);
    model_write(&m, &seed, 100);
    model_drain(&m);
    struct tap *draining = NULL;
    tap_close(m.tap, m.tap_fd, &draining);
    m.tap = NULL;
    m.tap_fd = -1;
    assert_null(draining);
    char c;
    assert_int_equal(read(m.reader_fd, &c, 1), 0);
    model_free(&m);

    model_init(&m);
    model_write(&m, &seed, 60000);
    tap_close(m.tap, m.tap_fd, &draining);
    m.tap = NULL;
    m.tap_fd = -1;
    assert_non_null(draining);
    tap_free_draining(&draining);
    assert_null(draining);
    model_free(&m);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN); /* as in the server: a gone consumer is EPIPE */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_runs_keep_the_model),
        cmocka_unit_test(test_a_reader_that_keeps_up_loses_nothing),
        cmocka_unit_test(test_a_stuck_reader_costs_at_most_the_bound),
        cmocka_unit_test(test_a_consumer_that_goes_away_fails_the_tap_once),
        cmocka_unit_test(test_files_take_everything_or_fail),
        cmocka_unit_test(test_a_closed_tap_delivers_what_it_owes_then_eof),
        cmocka_unit_test(test_closing_an_empty_tap_closes_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
