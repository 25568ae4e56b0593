/* test_services.c - end-to-end: tmx hosting services. Restart policies (the restart*
 * options): a failing program is restarted after restart-delay, the delay doubling, until
 * restart-limit restarts within restart-interval, then the pane stays dead marked as a
 * crash loop; wait-pane waits through restarts for the program's last exit. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
    /* The window is marked: X in its flags (and so in the status line), its flag and
     * its panes' restarts in formats. */
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "app",
                             "#{window_flags} #{window_crash_loop_flag} "
                             "#{window_restarting_flag} #{window_restarts}", NULL), 0);
    assert_string_equal(out, "*X 1 0 3\n");
    free(out);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "app", NULL);
    assert_true(client_wait_row(c, -1, "*X", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "detach-client", "-a", NULL), 0);
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* A dead pane whose restart is pending is marked R (in #{window_flags}, the status line)
 * until it runs again. */
static void test_restart_pending_is_marked(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "app", "cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "app", "restart", "always", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "app", "restart-delay", "60000", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-k", "-t", "app", "exit 0", NULL), 0);
    assert_true(wait_run_output(env, "*R 1 0", true, E2E_TIMEOUT, "display", "-p", "-t", "app",
                                "#{window_flags} #{window_restarting_flag} "
                                "#{window_crash_loop_flag}", NULL));
    /* respawn-pane runs it now: no mark. */
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-t", "app", "exec cat", NULL), 0);
    assert_true(wait_run_output(env, "* 0 0", true, E2E_TIMEOUT, "display", "-p", "-t", "app",
                                "#{window_flags} #{window_restarting_flag} "
                                "#{window_crash_loop_flag}", NULL));
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

/* A program that can no longer be run (its file removed) is not restarted in a spin:
 * each failed start (the shell's 127, or tmx's own "cannot run" when it execs the program
 * itself) says why in the pane and counts as an exit, with the same backoff and
 * restart-limit. */
static void test_restart_of_a_missing_program_backs_off(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char prog[512];
    snprintf(prog, sizeof prog, "%s/prog", getenv("TMX_TMPDIR"));
    FILE *f = fopen(prog, "w");
    assert_non_null(f);
    fputs("#!/bin/sh\nexit 1\n", f);
    fclose(f);
    assert_int_equal(chmod(prog, 0700), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "gone", "cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "gone", "restart", "always", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "gone", "restart-delay", "100", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "gone", "restart-limit", "3", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-k", "-t", "gone", prog, NULL), 0);
    assert_int_equal(unlink(prog), 0);
    long long t0 = e2e_now_ms();
    assert_true(wait_run_output(env, "1 3", true, E2E_TIMEOUT, "display", "-p", "-t", "gone",
                                "#{pane_crash_loop} #{pane_restarts}", NULL));
    /* 100 + 200 + 400 ms of delays at least, not a spin. */
    assert_true(e2e_now_ms() - t0 >= 650);
    assert_capture(env, "gone", "/prog: "); /* the error, from whoever ran it */
}

/* The server's process title (what ps shows) names its socket and its sessions, and
 * follows them: "tmx: server (NAME) app,web", then "... web" once app is gone. */
static void test_process_title_names_the_sessions(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "app", "cat", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "web", "exit 0", NULL), 0);
    pid_t pid = server_pid(env, "app");
    char path[64], title[512], want[256];
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
    snprintf(want, sizeof want, "tmx: server (%s) app", env_socket_name(env));
    /* web's program exits at once: its session goes, outside any command. */
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    for (;;) {
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        size_t n = fread(title, 1, sizeof title - 1, f);
        fclose(f);
        title[n] = '\0';
        if (strcmp(title, want) == 0)
            break;
        if (e2e_now_ms() > end)
            fail_msg("title is '%s', want '%s'", title, want);
        sleep_ms(20);
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "db", "cat", NULL), 0);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(title, 1, sizeof title - 1, f);
    fclose(f);
    title[n] = '\0';
    snprintf(want, sizeof want, "tmx: server (%s) app,db", env_socket_name(env));
    assert_string_equal(title, want);
}

/* Everything a file holds (at most size - 1 bytes), "" if none. */
static void read_file(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* log-file is a format for each pane, set before the session: each window logs to its
 * own file from its first byte; logrotate's mv moves the file, and the pane's first output
 * in a later second opens the log again at its path: the moved file and the new one hold
 * every line once, in order. (The program goes on after the move only when the test says,
 * and writes until the new file is there: a fixed run of lines could all have gone out
 * before a loaded test had moved the file, or within the second of the last check.) */
static void test_log_file_per_pane_complete_across_a_move(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    const char *dir = getenv("TMX_TMPDIR");
    char fmt[512], web[512], moved[600], db[512], cmd[1400];
    snprintf(fmt, sizeof fmt, "%s/#{session_name}-#{window_name}.log", dir);
    snprintf(web, sizeof web, "%s/app-web.log", dir);
    snprintf(moved, sizeof moved, "%s/app-web.log.1", dir);
    snprintf(db, sizeof db, "%s/db-main.log", dir);
    snprintf(cmd, sizeof cmd,
             "i=0; while [ $i -lt 6 ]; do echo line$i; i=$((i+1)); done; " WAIT_FOR_GO
             "while [ $i -lt 40 ] || [ ! -e '%s' ]; do echo line$i; i=$((i+1)); sleep 0.05; "
             "done; echo end; exec cat", web);
    /* Set with the first session's command: no server runs before it. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "log-file", fmt, ";", "new", "-d",
                             "-s", "app", "-n", "web", cmd, NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "db", "-n", "main",
                             "echo db-only; exec cat", NULL), 0);
    static char a[65536], b[65536];
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (read_file(web, a, sizeof a), strstr(a, "line5\r\n") == NULL) {
        assert_true(e2e_now_ms() < end);
        sleep_ms(20);
    }
    assert_int_equal(rename(web, moved), 0);
    env_go(env);
    end = e2e_now_ms() + E2E_TIMEOUT;
    while (read_file(web, b, sizeof b), strstr(b, "end\r\n") == NULL) {
        if (e2e_now_ms() > end)
            fail_msg("%s never got the end after the move: '%s'", web, b);
        sleep_ms(20);
    }
    read_file(moved, a, sizeof a);
    assert_true(strncmp(a, "line0\r\n", 7) == 0); /* from the first byte */
    static char all[131072];
    snprintf(all, sizeof all, "%s%s", a, b);
    const char *at = all;
    for (int i = 0; i < 40; i++) {
        char want[32];
        snprintf(want, sizeof want, "line%d\r\n", i);
        const char *hit = strstr(at, want);
        if (hit == NULL)
            fail_msg("%s is missing or out of order across the move", want);
        /* once: not again after it */
        assert_null(strstr(hit + strlen(want), want));
        at = hit + strlen(want);
    }
    read_file(db, a, sizeof a);
    assert_string_equal(a, "db-only\r\n");
}

/* log-file-max: past the cap the file becomes FILE.1 and a new one begins. */
static void test_log_file_max_rotates(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    const char *dir = getenv("TMX_TMPDIR");
    char log[512], old[600];
    snprintf(log, sizeof log, "%s/capped.log", dir);
    snprintf(old, sizeof old, "%s/capped.log.1", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "log-file", log, ";", "set", "-g",
                             "log-file-max", "300", ";", "new", "-d", "-s", "cap",
                             "i=0; while [ $i -lt 60 ]; do echo 0123456789-$i; i=$((i+1)); "
                             "sleep 0.01; done; echo end; exec cat", NULL), 0);
    static char a[65536], b[65536];
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (read_file(log, a, sizeof a), strstr(a, "end\r\n") == NULL) {
        assert_true(e2e_now_ms() < end);
        sleep_ms(20);
    }
    read_file(old, b, sizeof b);
    assert_true(strlen(b) > 0 && strlen(b) <= 300);
    assert_true(strlen(a) <= 300);
}

/* log-file-time: each line of the log begins with the time it began (strftime), in
 * the raw and the text formats, lines cut across reads stamped once. */
static void test_log_file_time_stamps_each_line(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    const char *dir = getenv("TMX_TMPDIR");
    char log[512];
    snprintf(log, sizeof log, "%s/stamped.log", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "log-file", log, ";", "set", "-g",
                             "log-file-time", "<%Y> ", ";", "set", "-g", "log-file-format",
                             "text", ";", "new", "-d", "-s", "ts",
                             WAIT_FOR_GO "echo one; printf 'tw'; sleep 0.2; echo o; echo; "
                             "echo end; exec cat", NULL), 0);
    env_go(env);
    static char a[65536];
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (read_file(log, a, sizeof a), strstr(a, "end\n") == NULL) {
        assert_true(e2e_now_ms() < end);
        sleep_ms(20);
    }
    char year[16];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(year, sizeof year, "<%Y> ", &tm);
    char want[256];
    snprintf(want, sizeof want, "%sone\n%stwo\n%s\n%send\n", year, year, year, year);
    assert_string_equal(a, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_restart_backs_off_and_stops_at_the_limit,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_wait_pane_waits_through_restarts, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_restart_of_a_missing_program_backs_off, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_process_title_names_the_sessions, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_log_file_per_pane_complete_across_a_move,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_log_file_max_rotates, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_restart_pending_is_marked, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_log_file_time_stamps_each_line, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
