/* test_frames.c - end-to-end: a frame costs what changed. A keystroke echoed in a pane
 * sends the client's terminal that one character (and at most a cursor move), with one
 * pane or several, the status line at the bottom or the top; and what a frame drawn from
 * the changed rows alone could miss is still drawn: a whole-screen change with no cell
 * changed (DECSCNM), the alternate screen and back, a message over the last row with no
 * status line, a pane that scrolls. A flood is drawn at a pace (its end at once), not a
 * frame every 8 ms. An idle server sleeps while its clock shows minutes. */
#include "harness.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sched_slice.h"
#include "vt.h"

/* A session whose pane runs `cat` in raw mode (each byte typed comes straight back),
 * with nothing else on the screen that could change while a test watches (no clock,
 * no automatic rename), and a client on a 100x30 terminal that answers nothing it is
 * asked: an answer that gives it features (the test terminal says it is tmux) redraws
 * it whole, at a moment the test does not choose. */
static struct pty_client *cat_session(struct tmx_env *env, const char *status_position,
                                      bool split)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "100", "-y", "29",
                             "stty raw -echo; exec cat", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "", ";", "set", "-g",
                             "status-position", status_position, ";", "setw", "-g",
                             "automatic-rename", "off", NULL),
                     0);
    if (split)
        assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-h", "-t", "s",
                                 "stty raw -echo; exec cat", NULL),
                         0);
    struct pty_client *c = client_start(env, 100, 30, "attach", "-t", "s", NULL);
    client_no_replies(c);
    assert_true(client_wait_text(c, "[s]", E2E_TIMEOUT));
    client_pump(c, 300);
    return c;
}

/* The text in what the client wrote since mark, escape sequences left out. */
static char *text_since(struct pty_client *c, size_t mark)
{
    size_t len;
    const char *out = client_output(c, &len);
    char *text = calloc(1, len - mark + 1);
    size_t n = 0;
    for (size_t i = mark; i < len; i++) {
        unsigned char ch = (unsigned char)out[i];
        if (ch == 0x1b && i + 1 < len && out[i + 1] == '[') {
            for (i += 2; i < len && !(out[i] >= 0x40 && out[i] <= 0x7e); i++)
                ;
        } else if (ch == 0x1b) {
            i++;
        } else if (ch >= 0x20) {
            text[n++] = (char)ch;
        }
    }
    return text;
}

/* What the pane's cat echoes: text sent to it as keys (escape sequences included). */
static void pane_echo(struct tmx_env *env, const char *text)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "-l", text, NULL), 0);
}

/* Type ch and wait for its echo at (x, y) of the client's screen; returns how many bytes
 * the client wrote for it, and checks that they show no other text. */
static size_t echo_bytes(struct pty_client *c, char ch, int x, int y)
{
    size_t mark, len;
    client_output(c, &mark);
    char s[2] = {ch, '\0'};
    client_type(c, s);
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (vt_cell(client_vt(c), x, y)->ch != (uint32_t)ch && e2e_now_ms() < end)
        client_pump(c, 50);
    if (vt_cell(client_vt(c), x, y)->ch != (uint32_t)ch) {
        client_dump(c);
        fail_msg("'%c' not echoed at %d,%d", ch, x, y);
    }
    client_pump(c, 200); /* anything else this keystroke made the server send */
    client_output(c, &len);
    char *text = text_since(c, mark);
    assert_string_equal(text, s);
    free(text);
    return len - mark;
}

/* One pane, status line at the bottom: each echo is the character, with at most a pen
 * reset before it: no row, no status line, no cursor motion sent again. */
static void test_echo_sends_only_the_cell(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = cat_session(env, "bottom", false);
    const char *word = "damage";
    for (int i = 0; word[i] != '\0'; i++) {
        size_t n = echo_bytes(c, word[i], i, 0);
        if (n > 4)
            fail_msg("echo of '%c' took %zu bytes", word[i], n);
    }
    assert_true(client_wait_row(c, 0, "damage", E2E_TIMEOUT));
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
}

/* Two panes side by side and the status line on top: the echo in the right pane is the
 * character and at most one cursor move; the border and the other pane stay drawn. */
static void test_echo_in_a_split_window_status_on_top(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = cat_session(env, "top", true);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s", "#{pane_left}", NULL),
                     0);
    int left = atoi(out);
    free(out);
    assert_true(left > 10);
    const char *word = "rows";
    for (int i = 0; word[i] != '\0'; i++) {
        size_t n = echo_bytes(c, word[i], left + i, 1);
        if (n > 16)
            fail_msg("echo of '%c' took %zu bytes", word[i], n);
    }
    assert_true(client_wait_row(c, 0, "[s]", E2E_TIMEOUT)); /* the status line, on top */
    assert_int_equal(vt_cell(client_vt(c), left - 1, 1)->ch, 0x2502); /* the border */
    assert_int_equal(vt_cell(client_vt(c), left - 1, 29)->ch, 0x2502);
    /* The left pane still gets its own output where it belongs. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s.0", "-l", "left", NULL), 0);
    assert_true(client_wait_row(c, 1, "left", E2E_TIMEOUT));
    assert_true(strncmp(client_screen_row(c, 1), "left", 4) == 0);
}

/* Changes that alter rows without a cell of them changing, or swap the screen, are drawn
 * whole: DECSCNM reverses every row, the alternate screen comes and goes. */
static void test_whole_screen_changes_are_drawn(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = cat_session(env, "bottom", false);
    pane_echo(env, "main");
    assert_true(client_wait_row(c, 0, "main", E2E_TIMEOUT));
    /* cat echoes the sequences sent: DECSCNM on. */
    pane_echo(env, "\033[?5h");
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (!(vt_cell(client_vt(c), 50, 20)->attr & ATTR_REVERSE) && e2e_now_ms() < end)
        client_pump(c, 50);
    assert_true(vt_cell(client_vt(c), 50, 20)->attr & ATTR_REVERSE); /* a row nobody wrote */
    pane_echo(env, "\033[?5l");
    end = e2e_now_ms() + E2E_TIMEOUT;
    while ((vt_cell(client_vt(c), 50, 20)->attr & ATTR_REVERSE) && e2e_now_ms() < end)
        client_pump(c, 50);
    assert_false(vt_cell(client_vt(c), 50, 20)->attr & ATTR_REVERSE);
    /* The alternate screen, then back to the main one with its text. */
    pane_echo(env, "\033[?1049h\033[Halt");
    assert_true(client_wait_row(c, 0, "alt", E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "main"));
    pane_echo(env, "\033[?1049l");
    assert_true(client_wait_row(c, 0, "main", E2E_TIMEOUT));
    assert_false(client_screen_contains(c, "alt"));
}

/* With no status line, a message covers the last row; output to that row under it does
 * not wipe it, and it goes when it times out. A pane that scrolls is drawn scrolled. */
static void test_message_and_scrolling(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = cat_session(env, "bottom", false);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status", "off", NULL), 0);
    assert_true(client_wait_row(c, -1, "", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "display-message", "-d", "3000", "note-here",
                             NULL), 0);
    assert_true(client_wait_row(c, -1, "note-here", E2E_TIMEOUT));
    pane_echo(env, "\033[30;1Hbottom-row");
    assert_true(wait_capture(env, "s", "bottom-row", E2E_TIMEOUT));
    client_pump(c, 200);
    assert_true(strstr(client_screen_row(c, -1), "note-here") != NULL);
    /* When the message goes, the pane's last row shows again. */
    assert_true(client_wait_row(c, -1, "bottom-row", E2E_TIMEOUT));
    /* Scrolling: lines go up one by one. */
    pane_echo(env, "\033[H\033[2J");
    for (int i = 0; i < 40; i++) {
        char line[32];
        snprintf(line, sizeof line, "line-%02d\r\n", i);
        pane_echo(env, line);
    }
    assert_true(client_wait_row(c, 28, "line-39", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 0, "line-11", E2E_TIMEOUT));
}

/* A flood of distinct lines (2.8 MB, a new screen every 29 lines, no two rows alike)
 * with a client attached: the flood's end is drawn once it stops, and while it comes the
 * client's terminal gets far fewer screens than one every 8 ms (a frame waits for 128
 * times its size of output, or 20 ms and 16 us a byte): under 1 % of the flood's bytes
 * or under 25 screens a second, whichever allows more (the binary before sent 51-99 KB
 * here, 44-46 screens a second; this one 25 KB). */
static void test_flood_is_paced(void **state)
{
    struct tmx_env *env = *state;
    const char *flood =
        "awk 'BEGIN { a = \"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345678\"; "
        "a = a a; for (i = 0; i < 40000; i++) printf \"%07d %s\\n\", i, "
        "substr(a, i * 7 % 61 + 1, 61) }' >\"$HOME/flood\"; " WAIT_FOR_GO
        "cat \"$HOME/flood\"; printf 'flood-end'; exec cat";
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "100", "-y", "29",
                             flood, NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "", NULL), 0);
    struct pty_client *c = client_start(env, 100, 30, "attach", "-t", "s", NULL);
    assert_true(client_wait_text(c, "[s]", E2E_TIMEOUT));
    client_pump(c, 200);
    size_t mark, len;
    client_output(c, &mark);
    long long t0 = e2e_now_ms();
    env_go(env);
    assert_true(client_wait_row(c, 28, "flood-end", 4 * E2E_TIMEOUT));
    long long ms = e2e_now_ms() - t0;
    /* The last screen is the flood's last lines, whole. */
    assert_true(client_wait_row(c, 27, "0039999 ", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 0, "0039972 ", E2E_TIMEOUT));
    client_output(c, &len);
    double screens = (double)(len - mark) / (100.0 * 29.0);
    print_message("flood: %lld ms, %zu bytes to the client, %.1f screens a second\n", ms,
                  len - mark, screens * 1000.0 / (double)ms);
    double flood_bytes = 40000.0 * 70.0, allowed = flood_bytes / 100.0;
    if (allowed < 25.0 * 100.0 * 29.0 * (double)ms / 1000.0)
        allowed = 25.0 * 100.0 * 29.0 * (double)ms / 1000.0;
    if ((double)(len - mark) > 4.0 * 100.0 * 29.0 + allowed)
        fail_msg("%zu bytes (%.0f screens) in %lld ms", len - mark, screens, ms);
}

/* Idle with the default status line (its clock shows minutes), snapshots on and the
 * keeper linked: once the snapshot's last look is done, the server does not wake up
 * between two minutes. With seconds shown (set while the minute clock's timer is
 * armed), the status line changes every second at once. */
static void test_idle_server_sleeps(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "sh", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:", "sh", NULL), 0);
    struct pty_client *c = client_start(env, 100, 30, "attach", "-t", "s", NULL);
    assert_true(client_wait_text(c, "[s]", E2E_TIMEOUT));
    /* A 1 s snapshot interval: its write and the look after it are over in ~2 s. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "snapshot-interval", "1", NULL), 0);
    pid_t pid = server_pid(env, "s");
    assert_true(pid > 0);
    bool quiet = false;
    for (int attempt = 0; attempt < 4 && !quiet; attempt++) {
        /* The shells' prompts, the first frames, the snapshot's write and last look. */
        client_pump(c, 1200);
        time_t t0 = time(NULL);
        long before = e2e_wakeups(pid);
        sleep_ms(2000); /* the measurement: nothing to wait for */
        long after = e2e_wakeups(pid);
        if (after == before)
            quiet = true;
        else if (attempt >= 2 && t0 / 60 == time(NULL) / 60)
            fail_msg("the idle server woke up %ld times in 2 s", after - before);
        /* else still settling, or a minute began (the clock is redrawn then) */
    }
    assert_true(quiet);
    /* Seconds on the status line: it ticks. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-right", "<%S>", ";", "set",
                             "-g", "status-interval", "1", NULL),
                     0);
    assert_true(client_wait_row(c, -1, "<", E2E_TIMEOUT));
    char first[8] = "";
    const char *at = strchr(client_screen_row(c, -1), '<');
    assert_non_null(at);
    memcpy(first, at, 4);
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (e2e_now_ms() < end) {
        client_pump(c, 100);
        at = strchr(client_screen_row(c, -1), '<');
        if (at != NULL && strncmp(at, first, 4) != 0)
            break;
    }
    assert_true(at != NULL && strncmp(at, first, 4) != 0);
}

/* se.slice of /proc/PID/sched (the slice the kernel gives the task, ns), -1 if none. */
static long long task_slice(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[256];
    long long v = -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "se.slice ", 9) == 0) {
            const char *colon = strchr(line, ':');
            if (colon != NULL)
                v = strtoll(colon + 1, NULL, 10);
        }
    }
    fclose(f);
    return v;
}

/* Whether this kernel gives a SCHED_OTHER task the slice it asks for (Linux 6.12+): this
 * process asks for 0.3 ms, reads it back, and goes back to what it had. */
static bool kernel_takes_slices(void)
{
    struct sched_slice old;
    if (!sched_slice_get(&old) || old.policy != 0)
        return false;
    if (!sched_slice_set(&old, 300000, old.flags))
        return false;
    bool taken = task_slice("/proc/self/sched") == 300000;
    sched_slice_restore(&old);
    return taken;
}

/* An attached client's echo waits on the server twice; on a busy machine mostly for a
 * CPU. Once a client attaches, the server runs with a short slice (0.1 ms) so that it
 * preempts longer-slice work when a key or its echo wakes it; what it starts (a
 * run-shell) runs with the default slice again. */
static void test_an_attached_server_asks_for_short_slices(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux keeps the default slice: nothing of this is in its protocol */
    bool takes = kernel_takes_slices();
    struct pty_client *c = cat_session(env, "bottom", false);
    pid_t pid = server_pid(env, "s");
    assert_true(pid > 0);
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/sched", (int)pid);
    long long slice = task_slice(path);
    if (!takes) {
        /* An older kernel: the request changes nothing, and the echo still works. */
        print_message("this kernel keeps the default slice (se.slice %lld)\n", slice);
    } else {
        assert_int_equal(slice, 100000);
        /* A run-shell forked by the server: the default slice, whatever it is here. */
        assert_int_equal(tmx_run(env, NULL, NULL, "run-shell",
                                 "sed -n 's/^se.slice *: *//p' /proc/$$/sched > \"$HOME/slice\"",
                                 NULL),
                         0);
        /* run-shell without -b returns once its command is done. */
        char file[4096];
        snprintf(file, sizeof file, "%s/slice", getenv("HOME"));
        FILE *f = fopen(file, "r");
        assert_non_null(f);
        long long child = -1;
        assert_int_equal(fscanf(f, "%lld", &child), 1);
        fclose(f);
        assert_true(child > 0);
        assert_true(child != 100000);
    }
    size_t n = echo_bytes(c, 'x', 0, 0);
    assert_true(n <= 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_echo_sends_only_the_cell, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_echo_in_a_split_window_status_on_top, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_whole_screen_changes_are_drawn, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_message_and_scrolling, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_flood_is_paced, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_idle_server_sleeps, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_an_attached_server_asks_for_short_slices, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
