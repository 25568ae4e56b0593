/* test_taps.c - end-to-end: a consumer of a pane's output that stops reading (a
 * pipe-pane command, a log-file FIFO nobody reads) never holds the pane or the server:
 * that consumer alone loses output once its backlog is full (16 MiB), the loss is
 * counted (#{pane_pipe_dropped}, #{pane_log_dropped}) and said on the status line, and
 * it gets output again once it has caught up. A reader owed output when its pipe closes
 * (the job ended) still gets it. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* More than the 16 MiB a tap holds plus what the kernel buffers. */
#define FLOOD_BYTES 40000000

/* $HOME/name (HOME is the test's private directory). */
struct path {
    char s[4096];
};

static struct path home_file(const char *name)
{
    struct path p;
    snprintf(p.s, sizeof p.s, "%s/%s", getenv("HOME"), name);
    return p;
}

static void touch(const char *name)
{
    struct path path = home_file(name);
    int fd = open(path.s, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    close(fd);
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* Does the pane show needle now? (Quiet: for loops that poll.) */
static bool pane_shows(struct tmx_env *env, const char *target, const char *needle)
{
    char *out = NULL;
    bool found = tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", target, NULL) == 0 &&
                 strstr(out, needle) != NULL;
    free(out);
    return found;
}

/* A pane format as a number. */
static long long pane_number(struct tmx_env *env, const char *target, const char *format)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display-message", "-p", "-t", target, format, NULL), 0);
    long long n = strtoll(out, NULL, 10);
    free(out);
    return n;
}

/* Does the file end with text? */
static bool file_ends_with(const char *path, const char *text)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    char buf[256] = "";
    size_t len = strlen(text);
    bool ok = fseek(f, -(long)len, SEEK_END) == 0 && fread(buf, 1, len, f) == len &&
              memcmp(buf, text, len) == 0;
    fclose(f);
    return ok;
}

static bool wait_file_ends_with(const char *path, const char *text)
{
    for (long long end = e2e_now_ms() + E2E_TIMEOUT; e2e_now_ms() < end; sleep_ms(50)) {
        if (file_ends_with(path, text))
            return true;
    }
    fprintf(stderr, "e2e: %s does not end with %s (%lld bytes)\n", path, text, file_size(path));
    return false;
}

/* `pipe-pane 'sleep 100000'`: the command never reads. The pane's program prints 40 MB
 * regardless (with back-pressure it stalled after 4 MiB); the pipe's loss is counted and
 * said; the log-file of the same pane (a regular file) gets every byte. Then the command
 * starts reading: it gets the backlog, the tap says so, and gets what the pane prints
 * from then on. Bytes received + bytes dropped = bytes printed. */
static void test_a_pipe_that_stops_reading_never_holds_the_pane(void **state)
{
    struct tmx_env *env = *state;
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             WAIT_FOR_GO "head -c %d /dev/zero | tr '\\000' x; echo; echo flood-done-$((6*7)); "
             "while [ ! -e \"$HOME/go3\" ]; do sleep 0.05; done; echo after-$((6*7)); sleep 100000",
             FLOOD_BYTES);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job", cmd, NULL), 0);
    struct pty_client *c = client_start(env, 100, 24, "attach", "-t", "job", NULL);
    assert_true(client_wait_row(c, -1, "[job]", E2E_TIMEOUT));
    struct path out = home_file("pipe.out"), log = home_file("log.out");
    char pipe_cmd[4400];
    /* Reads nothing until go2 exists. */
    snprintf(pipe_cmd, sizeof pipe_cmd,
             "while [ ! -e \"$HOME/go2\" ]; do sleep 0.05; done; exec cat > '%s'", out.s);
    assert_int_equal(tmx_run(env, NULL, NULL, "pipe-pane", "-t", "job", pipe_cmd, NULL), 0);
    if (!env_is_tmux(env))
        assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "log-file", log.s, NULL), 0);
    /* The message stays up until the next one: the loop below looks at the screen between
     * two commands, which on a loaded machine take longer than the default display-time. */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "display-time", "600000", NULL), 0);
    long long start = e2e_now_ms();
    env_go(env);
    /* The pane is never held: the whole flood gets through while nobody reads the pipe
     * (list-sessions answers throughout). */
    bool done = false, said = false;
    long long slowest = 0;
    pid_t server = server_pid(env, "job");
    while (!done && e2e_now_ms() < start + 120000) {
        /* The server's own time to answer (not the loaded machine's wait for a CPU). */
        long long ms = e2e_server_answer_ms(env, server);
        if (ms > slowest)
            slowest = ms;
        /* The status line says it while the flood goes on. */
        said = said || client_screen_contains(c, "pipe-pane: the command is not reading");
        done = pane_shows(env, "job", "flood-done-42");
        if (!done)
            client_pump(c, 50);
    }
    if (!done)
        fail_msg("the pane's program stalled: no flood-done after %lld ms", e2e_now_ms() - start);
    if (slowest > 1000)
        fail_msg("the server took %lld ms to answer list-sessions during the flood", slowest);
    if (env_is_tmux(env))
        return; /* tmux keeps no count of what the pipe missed */
    if (!said)
        fail_msg("the status line never said the pipe was not reading");
    long long dropped = pane_number(env, "job", "#{pane_pipe_dropped}");
    if (dropped < FLOOD_BYTES - (20 << 20))
        fail_msg("only %lld bytes dropped of %d", dropped, FLOOD_BYTES);

    /* The command reads again: it catches up and gets new output. */
    touch("go2");
    assert_true(client_wait_text(c, "pipe-pane: the command reads again", E2E_TIMEOUT));
    touch("go3");
    assert_true(wait_file_ends_with(out.s, "after-42\r\n"));
    assert_true(wait_file_ends_with(log.s, "after-42\r\n"));
    assert_int_equal(pane_number(env, "job", "#{pane_pipe_dropped}"), dropped);
    assert_int_equal(pane_number(env, "job", "#{pane_log_dropped}"), 0);
    long long got = file_size(out.s), all = file_size(log.s);
    if (got + dropped != all)
        fail_msg("the pipe got %lld bytes and dropped %lld; the pane printed %lld", got, dropped,
                 all);
}

/* `set log-file FIFO` where nobody reads the FIFO: the server does not block in open()
 * (it did, and with it every pane, client and command), the pane prints on, the log's
 * loss is counted, and a reader that comes later gets the output from when it caught
 * up. */
static void test_a_fifo_log_without_reader_never_blocks(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* log-file is tmx's own */
    struct path fifo = home_file("fifo"), out = home_file("fifo.out");
    assert_int_equal(mkfifo(fifo.s, 0600), 0);
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             WAIT_FOR_GO "head -c %d /dev/zero | tr '\\000' y; echo; echo flood-done-$((6*7)); "
             "while [ ! -e \"$HOME/go3\" ]; do sleep 0.05; done; echo after-$((6*7)); sleep 100000",
             FLOOD_BYTES);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job", cmd, NULL), 0);
    struct pty_client *c = client_start(env, 100, 24, "attach", "-t", "job", NULL);
    assert_true(client_wait_row(c, -1, "[job]", E2E_TIMEOUT));
    /* The server's own time (not the loaded machine's wait for a CPU). */
    long long ms = e2e_server_command_ms(env, server_pid(env, "job"), "set", "-t", "job",
                                         "log-file", fifo.s, NULL);
    if (ms > 1000)
        fail_msg("set log-file took the server %lld ms", ms);
    assert_int_equal(tmx_run(env, NULL, NULL, "ls", NULL), 0);
    /* The message stays up until the next one (the loop looks between two commands). */
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "display-time", "600000", NULL), 0);
    env_go(env);
    bool said = false;
    for (long long end = e2e_now_ms() + 120000; !pane_shows(env, "job", "flood-done-42");
         client_pump(c, 50)) {
        if (e2e_now_ms() > end)
            fail_msg("the pane's program stalled: no flood-done");
        said = said || client_screen_contains(c, "the reader is not keeping up");
    }
    if (!said)
        fail_msg("the status line never said the log's reader was not keeping up");
    long long dropped = pane_number(env, "job", "#{pane_log_dropped}");
    if (dropped < FLOOD_BYTES - (20 << 20))
        fail_msg("only %lld bytes dropped of %d", dropped, FLOOD_BYTES);

    /* A reader comes: it gets the backlog, the log catches up, then new output. */
    pid_t reader = fork();
    assert_true(reader >= 0);
    if (reader == 0) {
        int in = open(fifo.s, O_RDONLY), o = open(out.s, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        char buf[65536];
        ssize_t n;
        while ((n = read(in, buf, sizeof buf)) > 0) {
            if (write(o, buf, (size_t)n) != n)
                _exit(1);
        }
        _exit(0);
    }
    assert_true(client_wait_text(c, "the reader caught up", E2E_TIMEOUT));
    touch("go3");
    assert_true(wait_file_ends_with(out.s, "after-42\r\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "-u", "log-file", NULL), 0);
    /* The server closed its ends: the reader sees EOF. */
    int status;
    for (long long end = e2e_now_ms() + E2E_TIMEOUT; waitpid(reader, &status, WNOHANG) == 0;
         sleep_ms(20)) {
        if (e2e_now_ms() > end) {
            kill(reader, SIGKILL);
            waitpid(reader, &status, 0);
            fail_msg("the FIFO's reader saw no EOF after log-file was unset");
        }
    }
}

/* A job that prints and ends (its pane, its session and the server go) before its
 * pipe-pane reader starts (2 s late): the reader still gets every line, then EOF. */
static void test_a_late_reader_gets_all_of_a_job_that_ended(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    struct path out = home_file("late.out");
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job",
                             WAIT_FOR_GO "seq 1 200000", NULL),
                     0);
    char pipe_cmd[4400];
    snprintf(pipe_cmd, sizeof pipe_cmd, "sleep 2; exec cat > '%s'", out.s);
    assert_int_equal(tmx_run(env, NULL, NULL, "pipe-pane", "-t", "job", pipe_cmd, NULL), 0);
    env_go(env);
    assert_true(wait_file_ends_with(out.s, "\r\n200000\r\n"));
    FILE *f = fopen(out.s, "r");
    assert_non_null(f);
    char line[64];
    long want = 1;
    while (fgets(line, sizeof line, f) != NULL && strtol(line, NULL, 10) == want)
        want++;
    fclose(f);
    assert_int_equal(want - 1, 200000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_pipe_that_stops_reading_never_holds_the_pane,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_fifo_log_without_reader_never_blocks, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_late_reader_gets_all_of_a_job_that_ended,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
