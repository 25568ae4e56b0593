/* test_history.c - end-to-end: scrollback. 50,000 numbered lines keep exactly the last
 * history-limit lines plus the screen, in order (capture-pane -S -); a flood many times
 * the output ring arrives whole, and one without end leaves the other panes their turn;
 * a script that waits for a flood to end (wait-for) then captures sees its last line;
 * changing history-limit or history-bytes trims panes that exist; history-bytes-total
 * caps two windows together, the oldest lines going first; clear-history empties it. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A session "h" whose window 1 printed `seq 1 N` then DONE, with history-limit 'limit'
 * set before the window was made. */
static void seq_window(struct tmx_env *env, const char *target, int n, const char *limit)
{
    if (tmx_run(env, NULL, NULL, "has-session", "-t", "h", NULL) != 0)
        assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "h", "-x", "80", "-y", "24",
                                 NULL),
                         0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "history-limit", limit, NULL), 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "seq 1 %d; echo DONE; exec sleep 600", n);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", target, cmd, NULL), 0);
    assert_capture(env, target, "DONE");
}

static long display_number(struct tmx_env *env, const char *target, const char *format)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", target, format, NULL), 0);
    long v = strtol(out, NULL, 10);
    free(out);
    return v;
}

/* capture-pane -p -S - of target: exactly the numbers first..last, then DONE and the
 * blank cursor line. */
static void assert_capture_is_sequence(struct tmx_env *env, const char *target, int first, int last)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-S", "-", "-t", target, NULL),
                     0);
    int want_lines = last - first + 1 + 2;
    assert_int_equal(count_lines(out), want_lines);
    char *line = out;
    for (int i = first; i <= last; i++) {
        char want[16];
        snprintf(want, sizeof want, "%d\n", i);
        if (strncmp(line, want, strlen(want)) != 0)
            fail_msg("line for %d is \"%.20s\"", i, line);
        line += strlen(want);
    }
    assert_string_equal(line, "DONE\n\n");
    free(out);
}

static void test_fifty_thousand_lines_keep_the_last_limit_lines(void **state)
{
    struct tmx_env *env = *state;
    seq_window(env, "h:1", 50000, "1000");
    /* 24 rows: 49979..50000, DONE, the cursor's line; 1000 lines before them. */
    assert_int_equal(display_number(env, "h:1", "#{history_size}"), 1000);
    assert_capture_is_sequence(env, "h:1", 48979, 50000);
    /* A number reaches as far back. */
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-S", "-1000", "-E", "-999",
                             "-t", "h:1", NULL),
                     0);
    assert_string_equal(out, "48979\n48980\n");
    free(out);
}

/* A flood nine times the output ring (the smallest, 64 KiB): the server reads it in
 * batches of up to 64 KiB that run across the ring's end, and every line arrives once,
 * in order. */
static void test_a_flood_across_the_output_ring_arrives_whole(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "h", "-x", "80", "-y", "24",
                             NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "output-ring-size", "64K", NULL), 0);
    seq_window(env, "h:1", 100000, "100000");
    assert_capture_is_sequence(env, "h:1", 1, 100000);
}

/* A script's pattern: a job floods, then signals (wait-for -S); the script waits for the
 * signal and captures at once, and sees the flood's last line. Five floods, each captured
 * the moment its signal comes (a reader that ran ahead of the parser, tried in session 25,
 * missed the last lines of 1 capture in 40 until commands caught up first). */
static void test_a_command_after_a_flood_sees_its_last_line(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "h", "-x", "80", "-y", "24",
                             NULL),
                     0);
    char sock[512];
    env_socket_path(env, sock, sizeof sock);
    for (int round = 1; round <= 5; round++) {
        char cmd[1024], channel[32], target[16];
        snprintf(channel, sizeof channel, "flooded-%d", round);
        snprintf(target, sizeof target, "h:%d", round);
        snprintf(cmd, sizeof cmd,
                 "seq 1 %d; echo END-%d; \"%s\" -S \"%s\" wait-for -S %s; exec sleep 600",
                 200000 + round, round, env_bin(env), sock, channel);
        assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", target, cmd, NULL), 0);
        assert_int_equal(tmx_run(env, NULL, NULL, "wait-for", channel, NULL), 0);
        char *out = NULL;
        assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-S", "-3", "-t", target,
                                 NULL),
                         0);
        char want[64];
        snprintf(want, sizeof want, "%d\nEND-%d\n", 200000 + round, round);
        if (strstr(out, want) == NULL)
            fail_msg("round %d: the capture ends \"%s\", not with %d and END-%d", round,
                     out + (strlen(out) > 60 ? strlen(out) - 60 : 0), 200000 + round, round);
        free(out);
    }
}

/* A pane that floods without end leaves the others their turn: the server reads a
 * bounded amount of a pane each wakeup. Another pane's program still echoes what is
 * typed into it, and commands are still answered. */
static void test_an_endless_flood_leaves_other_panes_their_turn(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "h", "-x", "80", "-y", "24",
                             NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "h:1", "exec cat", NULL),
                     0);
    assert_int_equal(
        tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "h:2", "exec yes flooding", NULL), 0);
    assert_capture(env, "h:2", "flooding");
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "h:1", "typed-in-a-flood",
                             "Enter", NULL),
                     0);
    assert_capture(env, "h:1", "typed-in-a-flood");
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-window", "-t", "h:2", NULL), 0);
}

static void test_lowering_limits_trims_existing_panes(void **state)
{
    struct tmx_env *env = *state;
    seq_window(env, "h:1", 3000, "2000");
    assert_int_equal(display_number(env, "h:1", "#{history_size}"), 2000);
    if (env_is_tmux(env))
        return; /* tmux applies history-limit to new panes only */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "h", "history-limit", "100", NULL), 0);
    assert_int_equal(display_number(env, "h:1", "#{history_size}"), 100);
    assert_capture_is_sequence(env, "h:1", 2879, 3000);
    /* history-bytes: 200 bytes keep a few lines, the newest. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "h", "history-bytes", "200", NULL), 0);
    long size = display_number(env, "h:1", "#{history_size}");
    assert_true(size > 0 && size < 20);
    assert_true(display_number(env, "h:1", "#{history_bytes}") <= 200);
    assert_capture_is_sequence(env, "h:1", 2979 - (int)size, 3000);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-v", "-t", "h", "history-bytes", NULL), 0);
    assert_string_equal(out, "200\n");
    free(out);
    assert_int_equal(tmx_run(env, NULL, &out, "set", "-t", "h", "history-bytes", "lots", NULL), 1);
    assert_non_null(strstr(out, "not a size"));
    free(out);
}

static void test_total_cap_drops_the_oldest_window_lines_first(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* no history-bytes-total in tmux */
    seq_window(env, "h:1", 2000, "1000");
    seq_window(env, "h:2", 2000, "1000");
    long one = display_number(env, "h:1", "#{history_bytes}");
    long two = display_number(env, "h:2", "#{history_bytes}");
    assert_true(one > 0 && two > 0);
    /* Room for window 2 and a little: window 1's lines are older and go first. */
    char total[32];
    snprintf(total, sizeof total, "%ld", two + one / 4);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "history-bytes-total", total, NULL), 0);
    assert_int_equal(display_number(env, "h:2", "#{history_size}"), 1000);
    long kept = display_number(env, "h:1", "#{history_size}");
    assert_true(kept > 0 && kept < 1000);
    assert_true(display_number(env, "h:1", "#{history_bytes}") +
                    display_number(env, "h:2", "#{history_bytes}") <=
                two + one / 4);
    assert_capture_is_sequence(env, "h:1", 1979 - (int)kept, 2000);
    assert_capture_is_sequence(env, "h:2", 979, 2000);
}

static void test_clear_history_empties_the_scrollback(void **state)
{
    struct tmx_env *env = *state;
    seq_window(env, "h:1", 500, "1000");
    assert_int_equal(display_number(env, "h:1", "#{history_size}"), 478);
    assert_int_equal(tmx_run(env, NULL, NULL, "clear-history", "-t", "h:1", NULL), 0);
    assert_int_equal(display_number(env, "h:1", "#{history_size}"), 0);
    assert_capture_is_sequence(env, "h:1", 479, 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fifty_thousand_lines_keep_the_last_limit_lines,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_flood_across_the_output_ring_arrives_whole,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_command_after_a_flood_sees_its_last_line,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_an_endless_flood_leaves_other_panes_their_turn,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_lowering_limits_trims_existing_panes, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_total_cap_drops_the_oldest_window_lines_first,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_clear_history_empties_the_scrollback, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
