/* vtbench.c - throughput of the terminal emulator (server/vt) alone, in memory.
 *
 * Built with the project (the target vtbench, with the build type's flags: measure a
 * Release or the default RelWithDebInfo build, never Asan or Debug, whose assertions
 * check every line history stores):
 *
 *   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release && cmake --build build-rel --target vtbench
 *   build-rel/vtbench         # generated inputs (32 MiB each: plain, mixed, tui)
 *   build-rel/vtbench FILE... # or the given files (e.g. from /work/shared/bench/gen-input.py)
 *   build-rel/vtbench --save DIR  # write the generated inputs to DIR/vtbench-{plain,mixed,tui}.txt
 *   build-rel/vtbench --cpu [FILE...] # time by the process's CPU time, not the wall
 *                                     # clock: steadier on a machine busy with other work
 *   build-rel/vtbench --size 80x24 ...  # another vt size (muxbench's detached window is
 *                                       # 80x24: more lines a byte scroll into history)
 *
 * "plain" is words and newlines (CR LF, as a pty sends them); "mixed" is like gen-input.py's mixed.txt: half plain lines,
 * the rest SGR 16/256/RGB colours, CJK and emoji, and long lines that wrap. The vt is
 * 120x40 with 2000 lines of history (tmx's default history-limit), so scrolling
 * pushes into history as in a pane. "tui" is a full-screen program redrawing: lines
 * written in place in colours and erased to their end, the screen now and then cleared
 * with a coloured background. Files are fed as they are (give them CR LF).
 * Prints MB/s (10^6 bytes per second) for each input, best of 5 runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vt.h"

struct buf {
    char *data;
    size_t len, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->data = realloc(b->data, b->cap);
        if (b->data == NULL)
            exit(1);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

/* Append a string; "\n" becomes "\r\n", as the pty's onlcr does for a pane. */
static void puts_(struct buf *b, const char *s)
{
    const char *nl;
    while ((nl = strchr(s, '\n')) != NULL) {
        put(b, s, (size_t)(nl - s));
        put(b, "\r\n", 2);
        s = nl + 1;
    }
    put(b, s, strlen(s));
}

static uint64_t rng_state = 88172645463325252ull;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static const char *words[] = {
    "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit",
    "sed", "do", "eiusmod", "tempor",
};
#define NWORDS (sizeof words / sizeof words[0])

static void line_plain(struct buf *b)
{
    int n = 3 + (int)rnd(12);
    for (int i = 0; i < n; i++) {
        if (i > 0)
            puts_(b, " ");
        puts_(b, words[rnd(NWORDS)]);
    }
    puts_(b, "\n");
}

static void line_mixed(struct buf *b)
{
    char tmp[128];
    uint32_t r = rnd(100);
    if (r < 50) {
        line_plain(b);
    } else if (r < 70) {
        for (int i = 0; i < 8; i++) {
            snprintf(tmp, sizeof tmp, "\033[3%um%s\033[0m ", 1 + rnd(7), words[rnd(NWORDS)]);
            puts_(b, tmp);
        }
        puts_(b, "\n");
    } else if (r < 80) {
        for (int i = 0; i < 6; i++) {
            snprintf(tmp, sizeof tmp, "\033[38;5;%um%s", rnd(256), words[rnd(NWORDS)]);
            puts_(b, tmp);
        }
        puts_(b, "\033[m\n");
    } else if (r < 87) {
        for (int i = 0; i < 5; i++) {
            snprintf(tmp, sizeof tmp, "\033[38;2;%u;%u;%um%s", rnd(256), rnd(256), rnd(256),
                     words[rnd(NWORDS)]);
            puts_(b, tmp);
        }
        puts_(b, "\033[m\n");
    } else if (r < 94) {
        int n = 1 + (int)rnd(4);
        for (int i = 0; i < n; i++)
            puts_(b, "日本語のテキスト 漢字 🎉 emoji ünïcödé ");
        puts_(b, "\n");
    } else {
        int n = 100 + (int)rnd(301);
        for (int i = 0; i < n; i++)
            puts_(b, "x");
        puts_(b, "\n");
    }
}

/* A full-screen program redrawing: now and then the screen is cleared with a coloured
 * background, then lines are written in place, each erased to its end in that colour
 * (what the erase and fill loops cost). */
static void line_tui(struct buf *b)
{
    char tmp[128];
    if (rnd(40) == 0) {
        snprintf(tmp, sizeof tmp, "\033[H\033[4%um\033[2J", rnd(8));
        puts_(b, tmp);
    }
    snprintf(tmp, sizeof tmp, "\033[%u;%uH\033[3%um", 1 + rnd(40), 1 + rnd(20), rnd(8));
    puts_(b, tmp);
    int n = 2 + (int)rnd(8);
    for (int i = 0; i < n; i++) {
        puts_(b, words[rnd(NWORDS)]);
        puts_(b, " ");
    }
    puts_(b, "\033[K");
}

static struct buf generate(void (*line)(struct buf *), size_t limit)
{
    struct buf b = { 0 };
    while (b.len < limit)
        line(&b);
    return b;
}

static struct buf read_file(const char *path)
{
    struct buf b = { 0 };
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        exit(1);
    }
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        put(&b, tmp, n);
    fclose(f);
    return b;
}

static clockid_t clock_id = CLOCK_MONOTONIC; /* --cpu: CLOCK_PROCESS_CPUTIME_ID */

static double now(void)
{
    struct timespec ts;
    clock_gettime(clock_id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Feed the input in 4 KiB pieces (as a pane's read() would) and return MB/s. */
static int bench_cols = 120, bench_rows = 40;

static double run(const struct buf *b)
{
    struct vt *vt = vt_create(bench_cols, bench_rows, 2000);
    double t0 = now();
    for (size_t off = 0; off < b->len; off += 4096) {
        size_t n = b->len - off < 4096 ? b->len - off : 4096;
        vt_feed(vt, b->data + off, n);
    }
    double t = now() - t0;
    vt_free(vt);
    return (double)b->len / t / 1e6;
}

static void bench(const char *name, const struct buf *b)
{
    double best = 0;
    for (int i = 0; i < 5; i++) {
        double r = run(b);
        if (r > best)
            best = r;
    }
    printf("%-10s %8.1f MB/s  (%.1f MiB)\n", name, best, (double)b->len / 1048576.0);
}

/* Write b to dir/name, to feed the same input to tmux (bench/README.md). */
static void save(const char *dir, const char *name, const struct buf *b)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    printf("wrote %s\n", path);
}

int main(int argc, char **argv)
{
    const char *save_dir = NULL;
    if (argc > 1 && strcmp(argv[1], "--cpu") == 0) {
        clock_id = CLOCK_PROCESS_CPUTIME_ID;
        argv++;
        argc--;
    }
    if (argc > 2 && strcmp(argv[1], "--size") == 0) {
        if (sscanf(argv[2], "%dx%d", &bench_cols, &bench_rows) != 2 || bench_cols < 1 || bench_rows < 1 ||
            bench_cols > 1000 || bench_rows > 1000) {
            fprintf(stderr, "vtbench: --size wants COLSxROWS, e.g. 80x24\n");
            return 1;
        }
        argv += 2;
        argc -= 2;
    }
    if (argc == 3 && strcmp(argv[1], "--save") == 0) {
        save_dir = argv[2];
        argc = 1;
    }
    if (argc > 1) {
        for (int i = 1; i < argc; i++) {
            struct buf b = read_file(argv[i]);
            bench(argv[i], &b);
            free(b.data);
        }
        return 0;
    }
    size_t limit = 32u << 20;
    struct buf plain = generate(line_plain, limit);
    struct buf mixed = generate(line_mixed, limit);
    struct buf tui = generate(line_tui, limit);
    if (save_dir != NULL) {
        save(save_dir, "vtbench-plain.txt", &plain);
        save(save_dir, "vtbench-mixed.txt", &mixed);
        save(save_dir, "vtbench-tui.txt", &tui);
    } else {
        bench("plain", &plain);
        bench("mixed", &mixed);
        bench("tui", &tui);
    }
    free(tui.data);
    free(plain.data);
    free(mixed.data);
    return 0;
}
