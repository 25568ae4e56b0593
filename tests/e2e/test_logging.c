/* test_logging.c - end-to-end: pipe-pane and log-file capture every byte of a job's
 * output (10 MB), even when the command reading the pipe is slow to start: its backlog
 * waits for it (a tap holds 16 MiB; a reader that stops reading altogether is
 * test_taps.c). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINES 1300000 /* seq 1 1300000: about 9.5 MB */

/* Does the file hold exactly the lines 1..LINES (each ending \r\n, from the pty)?
 * With 'report', say where it differs. */
static bool file_is_seq(const char *path, bool report)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        if (report)
            fprintf(stderr, "e2e: %s: missing\n", path);
        return false;
    }
    char line[64];
    long want = 1;
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        long got = strtol(line, NULL, 10);
        if (got != want) {
            if (report)
                fprintf(stderr, "e2e: %s: line %ld is \"%s\"\n", path, want, line);
            fclose(f);
            return false;
        }
        want++;
    }
    fclose(f);
    if (report && want - 1 != LINES)
        fprintf(stderr, "e2e: %s: %ld lines, not %d\n", path, want - 1, LINES);
    return want - 1 == LINES;
}

/* The consumer may still be writing its last bytes: wait for the file to be complete. */
static void assert_file_is_seq(const char *path)
{
    for (int i = 0; i < 100 && !file_is_seq(path, false); i++)
        sleep_ms(100);
    assert_true(file_is_seq(path, true));
}

static void test_pipe_pane_and_log_file_capture_every_byte(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* log-file and wait-pane are tmx's own */
    char *pipe_path = NULL, *log_path = NULL;
    char *out = NULL;
    /* The job starts printing once the pipe and the log are set up. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job",
                             WAIT_FOR_GO "seq 1 1300000; sleep 0.2", NULL),
                     0);
    /* The harness made HOME this test's private temporary directory. */
    out = strdup(getenv("HOME"));
    pipe_path = malloc(strlen(out) + 32);
    log_path = malloc(strlen(out) + 32);
    sprintf(pipe_path, "%s/pipe.out", out);
    sprintf(log_path, "%s/log.out", out);
    free(out);
    char *pipe_cmd = malloc(strlen(pipe_path) + 64);
    /* A consumer that starts late: the output waits for it (10 MB, within the tap's
     * 16 MiB), nothing is dropped. */
    sprintf(pipe_cmd, "sleep 3; cat >> '%s'", pipe_path);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "remain-on-exit", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "pipe-pane", "-t", "job", pipe_cmd, NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "log-file", log_path, NULL), 0);
    env_go(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "job", NULL), 0);
    /* Stop piping: cat reads to the end and exits. */
    assert_int_equal(tmx_run(env, NULL, NULL, "pipe-pane", "-t", "job", NULL), 0);
    assert_file_is_seq(log_path);
    assert_file_is_seq(pipe_path);
    free(pipe_cmd);
    free(pipe_path);
    free(log_path);
}

/* log-file-format text: the log holds the words, not the colours and cursor moves. */
static void test_text_log_has_no_escape_sequences(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/text.log", getenv("HOME"));
    /* The job prints once the log is set up (the file "go" appears), however slow the
     * machine is. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job",
                             WAIT_FOR_GO "printf '\\033[31mred\\033[m text\\033]0;title\\007 done\\n'; "
                             "sleep 0.3",
                             NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "remain-on-exit", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "log-file-format", "text", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "log-file", path, NULL), 0);
    env_go(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "job", NULL), 0);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char text[256] = "";
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    assert_string_equal(text, "red text done\n");
}

/* Disk full while logging (the log is /dev/full, where every write fails with ENOSPC):
 * logging stops with a message on the status line, the pane keeps running. */
static void test_disk_full_stops_logging_not_the_pane(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* log-file is tmx's own */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job", NULL), 0);
    struct pty_client *c = client_start(env, 100, 24, "attach", "-t", "job", NULL);
    assert_true(client_wait_row(c, -1, "[job]", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "log-file", "/dev/full", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "job", "echo first", "Enter", NULL), 0);
    assert_true(client_wait_text(c, "logging stopped", E2E_TIMEOUT));
    /* The pane goes on. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "job", "echo still-$((6*7))", "Enter", NULL), 0);
    assert_capture(env, "job", "still-42");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_disk_full_stops_logging_not_the_pane, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pipe_pane_and_log_file_capture_every_byte, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_text_log_has_no_escape_sequences, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
