/* test_server_pane_reader.c - pane_reader.h: the flood reader's thread reads a pty into
 * its ring, every byte once and in order, never further ahead of the loop than a quarter
 * of the ring (a loop that takes slowly makes the thread wait, then go on); it gives the
 * pty back when the program goes quiet or the pty ends; once released the loop reads the
 * pty again. A child process writes to the pty's slave, as a pane's program does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "keeper_ring.h"
#include "pane_reader.h"
#include "xmalloc.h"

#define RING_SIZE (64u * 1024) /* the thread may be 16 KiB ahead */

struct fixture {
    struct event_base *base;
    struct pane_reader *r;
    struct keeper_ring *ring;
    int master, slave;
    int slot;
    pid_t child;
    int go[2];               /* the child waits for a byte here before it ends */
    unsigned char *got;      /* what the loop took */
    size_t ngot, size;
    size_t take;             /* bytes taken each ready call (0: all pending) */
    size_t most_pending;     /* the largest pending seen */
    bool stop_on_quiet;      /* else a pty given back quiet is handed over again */
    enum pane_reader_state last;
    int err;
};

/* The byte at offset i of a child's output: a pattern whose order shows. */
static unsigned char pattern(size_t i)
{
    return (unsigned char)('a' + (i * 7 + i / 251) % 26);
}

static void ready_cb(void *owner)
{
    struct fixture *f = owner;
    int err = 0;
    enum pane_reader_state state = pane_reader_state(f->r, f->slot, &err);
    const unsigned char *at;
    size_t n = pane_reader_pending(f->r, f->slot, SIZE_MAX, &at);
    if (n > f->most_pending)
        f->most_pending = n;
    if (f->take > 0 && n > f->take)
        n = f->take;
    if (n > 0) {
        assert_true(f->ngot + n <= f->size);
        memcpy(f->got + f->ngot, at, n);
        f->ngot += n;
        pane_reader_taken(f->r, f->slot, n);
        pane_reader_again(f->r);
        return;
    }
    if (state == PANE_READER_QUIET && !f->stop_on_quiet) {
        /* The writer paused (a loaded machine): as the loop would once the flood goes
         * on, hand the pty over again. */
        pane_reader_release(f->r, f->slot);
        f->slot = pane_reader_take(f->r, f->master, f->ring, keeper_ring_head(f->ring), f);
        assert_true(f->slot >= 0);
        return;
    }
    if (state != PANE_READER_READING) {
        f->last = state;
        f->err = err;
        event_base_loopbreak(f->base);
    }
}

static int setup(void **state)
{
    static struct fixture f;
    memset(&f, 0, sizeof f);
    struct termios tio;
    assert_int_equal(openpty(&f.master, &f.slave, NULL, NULL, NULL), 0);
    tcgetattr(f.slave, &tio);
    cfmakeraw(&tio); /* bytes as written: no CR added */
    tcsetattr(f.slave, TCSANOW, &tio);
    fcntl(f.master, F_SETFL, fcntl(f.master, F_GETFL) | O_NONBLOCK);
    assert_int_equal(pipe(f.go), 0);
    f.base = event_base_new();
    f.r = pane_reader_create(f.base, ready_cb);
    assert_non_null(f.r);
    f.ring = keeper_ring_create(RING_SIZE);
    assert_non_null(f.ring);
    f.size = 4u << 20;
    f.got = xmalloc(f.size);
    f.last = PANE_READER_READING;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    close(f->go[1]); /* a child that stays ends now */
    if (f->child > 0) {
        kill(f->child, SIGKILL); /* after a failure it may be blocked on a full pty */
        waitpid(f->child, NULL, 0);
    }
    close(f->go[0]);
    pane_reader_free(f->r);
    keeper_ring_free(f->ring);
    event_base_free(f->base);
    if (f->slave >= 0)
        close(f->slave);
    close(f->master);
    free(f->got);
    return 0;
}

/* A child writes n pattern bytes to the slave; with 'stay' it then waits for the test
 * (closing its go pipe) before it ends, holding the slave open. The parent's copy of
 * the slave is closed, so the pty ends when the child does. */
static void start_writer(struct fixture *f, size_t n, bool stay)
{
    f->child = fork();
    assert_true(f->child >= 0);
    if (f->child == 0) {
        close(f->master);
        close(f->go[1]);
        unsigned char buf[8192];
        for (size_t off = 0; off < n;) {
            size_t k = n - off < sizeof buf ? n - off : sizeof buf;
            for (size_t i = 0; i < k; i++)
                buf[i] = pattern(off + i);
            ssize_t w = write(f->slave, buf, k);
            if (w <= 0)
                _exit(1);
            off += (size_t)w;
        }
        if (stay) {
            char c;
            while (read(f->go[0], &c, 1) > 0)
                ;
        }
        _exit(0);
    }
    close(f->slave);
    f->slave = -1;
    close(f->go[0]);
    f->go[0] = open("/dev/null", O_RDONLY); /* teardown closes something */
}

static void check_pattern(const struct fixture *f, size_t n)
{
    assert_int_equal(f->ngot, n);
    for (size_t i = 0; i < n; i++) {
        if (f->got[i] != pattern(i))
            fail_msg("byte %zu is '%c', not '%c'", i, f->got[i], pattern(i));
    }
}

/* 1 MiB through a 64 KiB ring: every byte once, in order, then the end of the pty. */
static void test_a_flood_arrives_whole_and_in_order(void **state)
{
    struct fixture *f = *state;
    const size_t n = 1u << 20;
    f->slot = pane_reader_take(f->r, f->master, f->ring, keeper_ring_head(f->ring), f);
    assert_true(f->slot >= 0);
    start_writer(f, n, false);
    event_base_dispatch(f->base);
    check_pattern(f, n);
    assert_int_equal(f->last, PANE_READER_ENDED);
    assert_int_equal(f->err, EIO); /* Linux: the last holder of the slave closed it */
    assert_true(keeper_ring_head(f->ring) == n); /* every byte went through the ring */
    assert_true(f->most_pending <= RING_SIZE / 4);
    pane_reader_release(f->r, f->slot);
}

/* A loop that takes 1 KiB a turn: the thread never gets more than a quarter of the ring
 * ahead, waits, and goes on when the loop has taken enough. */
static void test_a_slow_loop_holds_the_thread_back(void **state)
{
    struct fixture *f = *state;
    const size_t n = 300u * 1024;
    f->take = 1024;
    f->slot = pane_reader_take(f->r, f->master, f->ring, keeper_ring_head(f->ring), f);
    assert_true(f->slot >= 0);
    start_writer(f, n, false);
    event_base_dispatch(f->base);
    check_pattern(f, n);
    assert_int_equal(f->last, PANE_READER_ENDED);
    assert_true(f->most_pending <= RING_SIZE / 4);
    assert_true(f->most_pending > RING_SIZE / 8); /* it did get ahead, and was stopped */
    pane_reader_release(f->r, f->slot);
}

/* A program that prints a little and waits: the thread gives its pty back, quiet. */
static void test_a_quiet_program_is_given_back(void **state)
{
    struct fixture *f = *state;
    f->slot = pane_reader_take(f->r, f->master, f->ring, keeper_ring_head(f->ring), f);
    assert_true(f->slot >= 0);
    f->stop_on_quiet = true;
    start_writer(f, 100, true);
    event_base_dispatch(f->base);
    assert_int_equal(f->last, PANE_READER_QUIET);
    pane_reader_release(f->r, f->slot);
    /* What came after the short read that made it quiet (if the 100 bytes came in two
     * pieces) is the loop's to read now. */
    while (f->ngot < 100) {
        struct pollfd pfd = {.fd = f->master, .events = POLLIN};
        assert_int_equal(poll(&pfd, 1, 10000), 1);
        ssize_t k = read(f->master, f->got + f->ngot, 100 - f->ngot);
        assert_true(k > 0);
        f->ngot += (size_t)k;
    }
    check_pattern(f, 100);
}

/* Released, the pty is the loop's again: what the program writes next is read here. */
static void test_a_released_pty_is_read_by_the_loop(void **state)
{
    struct fixture *f = *state;
    f->slot = pane_reader_take(f->r, f->master, f->ring, keeper_ring_head(f->ring), f);
    assert_true(f->slot >= 0);
    pane_reader_release(f->r, f->slot);
    start_writer(f, 1000, true);
    size_t total = 0;
    unsigned char buf[4096];
    while (total < 1000) {
        struct pollfd pfd = {.fd = f->master, .events = POLLIN};
        assert_int_equal(poll(&pfd, 1, 10000), 1);
        ssize_t k = read(f->master, buf, sizeof buf);
        assert_true(k > 0);
        for (ssize_t i = 0; i < k; i++)
            assert_int_equal(buf[i], pattern(total + (size_t)i));
        total += (size_t)k;
    }
    assert_int_equal(total, 1000);
    assert_int_equal(keeper_ring_head(f->ring), 0); /* the thread took none of it */
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_flood_arrives_whole_and_in_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_slow_loop_holds_the_thread_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_quiet_program_is_given_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_released_pty_is_read_by_the_loop, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
