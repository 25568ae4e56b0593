/* test_services.c - end-to-end: tmx hosting services. Restart policies (the restart*
 * options): a failing program is restarted after restart-delay, the delay doubling, until
 * restart-limit restarts within restart-interval, then the pane stays dead marked as a
 * crash loop; wait-pane waits through restarts for the program's last exit. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lines of a file of numbers, at most n; returns how many. */
static int read_numbers(const char *path, long long *v, int n)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return 0;
    int i = 0;
    while (i < n && fscanf(f, "%lld", &v[i]) == 1)
        i++;
    fclose(f);
    return i;
}

/* restart on-failure, restart-delay 200 ms, restart-limit 3: the program (exit 1) runs
 * 4 times, 200, 400 and 800 ms apart (the delay doubles), then no more: the pane is dead
 * with status 1, #{pane_restarts} 3 and #{pane_crash_loop} 1. */
static void test_restart_backs_off_and_stops_at_the_limit(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* no restart policies in tmux */
    char starts[512], cmd[700];
    snprintf(starts, sizeof starts, "%s/starts", getenv("TMX_TMPDIR"));
    snprintf(cmd, sizeof cmd, "date +%%s%%N >> '%s'; exit 1", starts);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "app", "cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "app", "restart", "on-failure", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "app", "restart-delay", "200", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "app", "restart-limit", "3", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-k", "-t", "app", cmd, NULL), 0);
    assert_true(wait_run_output(env, "1 3 1", true, E2E_TIMEOUT, "display", "-p", "-t", "app",
                                "#{pane_crash_loop} #{pane_restarts} #{pane_dead_status}", NULL));
    long long t[8];
    assert_int_equal(read_numbers(starts, t, 8), 4);
    for (int i = 1; i < 4; i++) {
        long long gap_ms = (t[i] - t[i - 1]) / 1000000;
        long long want = 200LL << (i - 1);
        if (gap_ms < want || gap_ms > want + 600)
            fail_msg("restart %d came %lld ms after the exit before it, want %lld", i, gap_ms,
                     want);
    }
    /* And it stays dead: nothing more starts. */
    sleep_ms(1000);
    assert_int_equal(read_numbers(starts, t, 8), 4);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-panes", "-t", "app", "-F",
                             "#{pane_dead} #{pane_restarts} #{pane_crash_loop}", NULL), 0);
    assert_string_equal(out, "1 3 1\n");
    free(out);
}

/* wait-pane with a restart policy waits for the exit that is not restarted: a program
 * that fails twice then succeeds (on-failure) makes wait-pane exit 0 after 2 restarts. */
static void test_wait_pane_waits_through_restarts(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char count[400], cmd[1200];
    snprintf(count, sizeof count, "%s/count", getenv("TMX_TMPDIR"));
    snprintf(cmd, sizeof cmd,
             "n=$(cat '%s' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '%s'; "
             "[ $n -ge 3 ] && exit 0; exit 7", count, count);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job", "cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "restart", "on-failure", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "restart-delay", "50", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "remain-on-exit", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-k", "-t", "job", cmd, NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "job", NULL), 0);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "job",
                             "#{pane_dead} #{pane_restarts} #{pane_dead_status}", NULL), 0);
    assert_string_equal(out, "1 2 0\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_restart_backs_off_and_stops_at_the_limit,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_wait_pane_waits_through_restarts, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
