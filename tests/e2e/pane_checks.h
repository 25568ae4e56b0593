/* pane_checks.h - helpers the pane e2e tests share: a client attached to session "s",
 * list-panes polled until it prints what is wanted, a pane's size as its program sees
 * it (`stty size`), borders on the attached client's screen. */
#ifndef TMX_E2E_PANE_CHECKS_H
#define TMX_E2E_PANE_CHECKS_H

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vt.h"

/* Milliseconds on a monotonic clock: waits are bounded in time, not in tries (each
 * tmx_run costs a process start, slow under ASan). */
static inline long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Attaches a client of cols x rows to a new session "s"; returns once it is drawn. */
static inline struct pty_client *attach_s(struct tmx_env *env, int cols, int rows)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *c = client_start(env, cols, rows, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

/* list-panes -F FORMAT for session s's current window (malloc'd). */
/* Not inlined: GCC 12 -O2 then misreads out (filled through tmx_run) as dangling. */
__attribute__((noinline, unused)) static char *panes(struct tmx_env *env, const char *format)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-panes", "-t", "s", "-F", format, NULL), 0);
    return out;
}

/* Waits until list-panes -F FORMAT prints exactly want. */
static inline bool wait_panes(struct tmx_env *env, const char *format, const char *want)
{
    char *out = NULL;
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        free(out);
        out = panes(env, format);
        if (strcmp(out, want) == 0) {
            free(out);
            return true;
        }
        sleep_ms(20);
    }
    fprintf(stderr, "e2e: list-panes -F '%s' printed:\n%s\nwanted:\n%s\n", format, out, want);
    free(out);
    return false;
}

/* The program in pane TARGET sees ROWS COLS as its terminal size. */
static inline void assert_stty_size(struct tmx_env *env, const char *target, const char *size)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "clear; echo size=$(stty size)");
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", target, cmd, "Enter", NULL), 0);
    char want[64];
    snprintf(want, sizeof want, "size=%s", size);
    assert_capture(env, target, want);
}

/* The client's terminal shows a border character at (x, y). */
static inline bool border_at(struct pty_client *c, int x, int y)
{
    client_pump(c, 0);
    uint32_t ch = vt_cell(client_vt(c), x, y)->ch;
    return ch == '|' || ch == '-' || ch == '+' || (ch >= 0x2500 && ch <= 0x257f);
}

/* Waits until the client shows a border at (x, y) (or not, with !want). */
static inline bool wait_border(struct pty_client *c, int x, int y, bool want)
{
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        if (border_at(c, x, y) == want)
            return true;
        client_pump(c, 20);
    }
    fprintf(stderr, "e2e: border at %d,%d: wanted %d\n", x, y, want);
    client_dump(c);
    return false;
}

#define GEOM "#{pane_index}:#{pane_width}x#{pane_height}@#{pane_left},#{pane_top}#{?pane_active,*,}"

#endif
