/* pty_reader.c - the detached-throughput floor: one pty running `cat FILE`, drained by a
 * reader in C that does a chosen amount of work per byte, with nothing else of a server
 * around it. It answers "how fast can any reader doing that much work be here?", which
 * a tmx figure alone cannot (bench/README.md, "Detached throughput").
 *
 *   build-rel/pty_reader MODE FILE    prints "MODE MB/s bytes reads polls" on stdout
 *
 * MODE:
 *   raw      poll, then read until EAGAIN into one 64 KiB buffer, the bytes dropped
 *            (muxbench's bare pty, in C)
 *   parse    as raw, each read fed to an 80x24 vt with 2000 lines of history (tmx's
 *            emulator, as a detached window's pane is)
 *   spinN    as raw, then a busy wait of N nanoseconds per byte read (N may be a
 *            fraction: spin0.2): work of a known cost that touches no memory
 *   thread   a second thread reads into a 1 MiB ring, the first parses behind it,
 *            each told by an eventfd only when the other sleeps
 * The time runs from forkpty to the pty's end; the window is 80x24, as muxbench's.
 * bench/detached_cpu.py runs it beside the bare pty and tmx (targets pty:MODE). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"

#define READ_SIZE 65536
#define RING_SIZE (1u << 20)

/* What the two threads of the thread mode share; nothing else is shared. */
struct ring_pair {
    unsigned char *bytes;
    _Atomic size_t head, tail; /* head: written by the reader; tail: parsed */
    _Atomic bool parser_waiting, reader_waiting, done;
    int data_fd, room_fd; /* eventfds: new bytes, free room */
    int pty;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void spin(double seconds)
{
    double until = now_seconds() + seconds;
    while (now_seconds() < until)
        ;
}

static void wake(int fd)
{
    uint64_t one = 1;
    if (write(fd, &one, sizeof one) != sizeof one)
        abort();
}

static void wait_for(int fd)
{
    uint64_t v;
    if (read(fd, &v, sizeof v) != sizeof v)
        abort();
}

/* The thread mode's reader: the pty into the ring, at most RING_SIZE ahead. */
static void *ring_reader(void *arg)
{
    struct ring_pair *r = arg;
    for (;;) {
        size_t head = atomic_load(&r->head);
        size_t room = RING_SIZE - (head - atomic_load(&r->tail));
        if (room < 4096) {
            atomic_store(&r->reader_waiting, true);
            if (RING_SIZE - (head - atomic_load(&r->tail)) < 4096)
                wait_for(r->room_fd);
            atomic_store(&r->reader_waiting, false);
            continue;
        }
        size_t at = head % RING_SIZE;
        size_t contiguous = RING_SIZE - at < room ? RING_SIZE - at : room;
        ssize_t n = read(r->pty, r->bytes + at, contiguous);
        if (n < 0 && errno == EAGAIN) {
            struct pollfd p = {.fd = r->pty, .events = POLLIN};
            poll(&p, 1, -1);
            continue;
        }
        if (n <= 0) {
            atomic_store(&r->done, true);
            wake(r->data_fd);
            return NULL;
        }
        atomic_store(&r->head, head + (size_t)n);
        if (atomic_exchange(&r->parser_waiting, false))
            wake(r->data_fd);
    }
}

/* The thread mode: returns the bytes parsed. */
static size_t run_thread(int pty, struct vt *vt)
{
    struct ring_pair r = {.bytes = malloc(RING_SIZE), .pty = pty};
    r.data_fd = eventfd(0, 0);
    r.room_fd = eventfd(0, 0);
    if (r.bytes == NULL || r.data_fd < 0 || r.room_fd < 0)
        abort();
    pthread_t reader;
    pthread_create(&reader, NULL, ring_reader, &r);
    size_t total = 0;
    for (;;) {
        size_t tail = atomic_load(&r.tail), head = atomic_load(&r.head);
        if (head == tail) {
            if (atomic_load(&r.done))
                break;
            atomic_store(&r.parser_waiting, true);
            if (atomic_load(&r.head) == tail && !atomic_load(&r.done))
                wait_for(r.data_fd);
            atomic_store(&r.parser_waiting, false);
            continue;
        }
        size_t at = tail % RING_SIZE, n = head - tail;
        if (n > RING_SIZE - at)
            n = RING_SIZE - at;
        if (n > 4096)
            n = 4096;
        vt_feed(vt, r.bytes + at, n);
        total += n;
        atomic_store(&r.tail, tail + n);
        if (atomic_exchange(&r.reader_waiting, false))
            wake(r.room_fd);
    }
    pthread_join(reader, NULL);
    free(r.bytes);
    return total;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: pty_reader raw|parse|spinN|thread FILE\n");
        return 2;
    }
    const char *mode = argv[1], *file = argv[2];
    bool parse = strcmp(mode, "parse") == 0, thread = strcmp(mode, "thread") == 0;
    double spin_ns = strncmp(mode, "spin", 4) == 0 ? atof(mode + 4) : 0;
    if (!parse && !thread && spin_ns <= 0 && strcmp(mode, "raw") != 0) {
        fprintf(stderr, "pty_reader: unknown mode \"%s\" (raw, parse, spinN or thread)\n", mode);
        return 2;
    }
    struct winsize ws = {.ws_col = 80, .ws_row = 24};
    int pty;
    double start = now_seconds();
    pid_t pid = forkpty(&pty, NULL, NULL, &ws);
    if (pid < 0) {
        perror("pty_reader: forkpty");
        return 1;
    }
    if (pid == 0) {
        execlp("cat", "cat", file, (char *)NULL);
        _exit(127);
    }
    fcntl(pty, F_SETFL, fcntl(pty, F_GETFL) | O_NONBLOCK);
    struct vt *vt = vt_create(80, 24, 2000);
    size_t total = 0, reads = 0, polls = 0;
    if (thread) {
        total = run_thread(pty, vt);
    } else {
        static unsigned char buf[READ_SIZE];
        for (;;) {
            struct pollfd p = {.fd = pty, .events = POLLIN};
            poll(&p, 1, -1);
            polls++;
            ssize_t n;
            while ((n = read(pty, buf, sizeof buf)) > 0) {
                reads++;
                if (parse)
                    vt_feed(vt, buf, (size_t)n);
                else if (spin_ns > 0)
                    spin(spin_ns * 1e-9 * (double)n);
                total += (size_t)n;
            }
            if (n == 0 || (n < 0 && errno != EAGAIN))
                break;
        }
    }
    double seconds = now_seconds() - start;
    waitpid(pid, NULL, 0);
    vt_free(vt);
    printf("%s %.1f MB/s %zu bytes %zu reads %zu polls\n", mode, (double)total / 1e6 / seconds,
           total, reads, polls);
    return 0;
}
