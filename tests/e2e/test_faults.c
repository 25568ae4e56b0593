/* test_faults.c - end-to-end: faults of the process's surroundings that the server must
 * survive, each with a clear word to the user (issue 24, docs/robustness.md "Faults"):
 * started with stdin/stdout/stderr closed; descriptors inherited from the caller; the
 * descriptor limit reached (no busy loop, a message, "too many open files" where a
 * window cannot be made); a stale file where the socket should be; another user's
 * client. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Runs `tmx -L sock -f /dev/null ARGS...` with fds 0-2 closed (and extra_fd, when not
 * -1, on fd 7): returns its exit status. */
static int run_with_fds(struct tmx_env *env, bool close_stdio, int extra_fd, const char *const *args)
{
    const char *argv[32] = {env_bin(env), "-L", env_socket_name(env), "-f", "/dev/null"};
    int n = 5;
    for (int i = 0; args[i] != NULL && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (extra_fd >= 0) {
            dup2(extra_fd, 7);
            close(extra_fd);
        }
        if (close_stdio) {
            close(0);
            close(1);
            close(2);
        }
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int status;
    long long waited = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (waited > E2E_TIMEOUT) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            fail_msg("%s did not exit", args[0]);
        }
        sleep_ms(10);
        waited += 10;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* cron, systemd units and some launchers start programs with stdio closed: the client
 * and the server it starts put /dev/null there, and the server works. */
static void test_new_works_with_stdio_closed(void **state)
{
    struct tmx_env *env = *state;
    const char *args[] = {"new", "-d", "-s", "s", NULL};
    assert_int_equal(run_with_fds(env, true, -1, args), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo alive-$((6*7))",
                             "Enter", NULL),
                     0);
    assert_capture(env, "s", "alive-42");
    /* The server's own stdio is /dev/null, not a socket or file that took those numbers. */
    pid_t server = server_pid(env, "s");
    assert_true(server > 1);
    for (int fd = 0; fd <= 2; fd++) {
        char link[64], target[256];
        snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)server, fd);
        ssize_t n = readlink(link, target, sizeof target - 1);
        assert_true(n > 0);
        target[n] = '\0';
        assert_string_equal(target, "/dev/null");
    }
}

/* `tmx new -d 7>&1 | cat` ends: the server keeps no descriptor it inherited (here the
 * pipe to cat on fd 7), nor the client's lock file. */
static void test_server_keeps_no_inherited_fd(void **state)
{
    struct tmx_env *env = *state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    const char *args[] = {"new", "-d", "-s", "s", NULL};
    assert_int_equal(run_with_fds(env, false, p[1], args), 0);
    close(p[1]);
    /* The client exited: the pipe's write end is closed once the server does not hold it. */
    struct pollfd pfd = {.fd = p[0], .events = POLLIN};
    assert_int_equal(poll(&pfd, 1, E2E_TIMEOUT), 1);
    char c;
    assert_int_equal(read(p[0], &c, 1), 0);
    close(p[0]);
    /* Nor is anything else left over: every fd of the server is one it made. */
    pid_t server = server_pid(env, "s");
    assert_true(server > 1);
    char dir[64];
    snprintf(dir, sizeof dir, "/proc/%d/fd", (int)server);
    for (int fd = 3; fd < 64; fd++) {
        char link[96], target[512];
        snprintf(link, sizeof link, "%s/%d", dir, fd);
        ssize_t n = readlink(link, target, sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        if (strstr(target, ".lock") != NULL)
            fail_msg("the server holds the client's lock file (fd %d: %s)", fd, target);
    }
}

/* CPU time (user + system) of a process, in ms. */
static long cpu_ms(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    if (p == NULL)
        return -1;
    unsigned long ut, st;
    /* After the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt
     * cmajflt utime stime. */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
        return -1;
    return (long)((ut + st) * 1000 / (unsigned long)sysconf(_SC_CLK_TCK));
}

/* Runs a command until its stderr holds needle; returns its last exit status. */
static int wait_run_error(struct tmx_env *env, const char *needle, const char *const *args)
{
    long long deadline = e2e_now_ms() + E2E_TIMEOUT;
    for (;;) {
        char *err = NULL;
        int rc = tmx_runv(env, NULL, &err, args);
        bool found = strstr(err, needle) != NULL;
        if (!found && e2e_now_ms() > deadline) {
            fprintf(stderr, "e2e: %s: rc %d, stderr \"%s\"\n", args[5], rc, err);
            free(err);
            fail_msg("no \"%s\" from %s", needle, args[5]);
        }
        free(err);
        if (found)
            return rc;
        sleep_ms(50);
    }
}

#define IDLE_MAX 64

/* At the descriptor limit (idle connections took every fd): the server does not spin
 * on the socket it cannot accept from (its CPU time is measured), a client is told why
 * at once, a window that cannot be made says "too many open files", and everything
 * works again once descriptors are free. */
static void test_fd_limit_no_busy_loop_and_a_message(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux waits (clients hang): measured in docs/robustness.md */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    pid_t server = server_pid(env, "s");
    assert_true(server > 1);
    struct rlimit lim = {.rlim_cur = 32, .rlim_max = 32};
    assert_int_equal(prlimit(server, RLIMIT_NOFILE, &lim, NULL), 0);
    int idle[IDLE_MAX];
    for (int i = 0; i < IDLE_MAX; i++) {
        idle[i] = env_connect(env);
        assert_true(idle[i] >= 0); /* the listen backlog takes what is not accepted */
    }
    char bin_ls[16] = "ls";
    const char *ls[] = {env_bin(env), "-L", env_socket_name(env), "-f", "/dev/null", bin_ls, NULL};
    assert_int_equal(wait_run_error(env, "too many open files", ls), 1);

    /* Out of descriptors with clients still knocking: no busy loop. */
    long before = cpu_ms(server);
    sleep_ms(2000); /* the measurement itself: CPU time over two seconds */
    long used = cpu_ms(server) - before;
    if (used > 200)
        fail_msg("the server used %ld ms of CPU in 2 s at the fd limit", used);

    /* Still knocking: told at once, not left waiting. */
    for (int i = 0; i < 3; i++) {
        char *err = NULL;
        long long t0 = e2e_now_ms();
        assert_int_equal(tmx_run(env, NULL, &err, "ls", NULL), 1);
        long long ms = e2e_now_ms() - t0;
        assert_non_null(strstr(err, "too many open files"));
        assert_non_null(strstr(err, "ulimit -n"));
        free(err);
        /* A client left waiting would take RUN_TIMEOUT; valgrind alone takes seconds to
         * start one. */
        if (ms > (getenv("E2E_VALGRIND") != NULL ? 10000 : 2000))
            fail_msg("ls took %lld ms to be told", ms);
    }

    /* Room for one connection, not for a terminal: new-window says why. */
    close(idle[0]);
    idle[0] = -1;
    char new_window[16] = "new-window";
    const char *nw[] = {env_bin(env), "-L", env_socket_name(env), "-f", "/dev/null",
                        new_window, "-t", "s:", NULL};
    assert_int_equal(wait_run_error(env, "cannot create a terminal for the command: too many open files",
                                    nw), 1);

    /* Descriptors free again: the server serves as before. */
    for (int i = 1; i < IDLE_MAX; i++)
        close(idle[i]);
    assert_true(wait_run_output(env, "s: 1 windows", true, E2E_TIMEOUT, "ls", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-t", "s:", NULL), 0);
    assert_true(wait_run_output(env, "s: 2 windows", true, E2E_TIMEOUT, "ls", NULL));
}

/* Writes text to path (created 0600, truncated). */
static void write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

/* A regular file where the socket should be: an empty one of ours in the private socket
 * directory is replaced (a socket a backup turned into a file); one with data is kept,
 * and the message names it and says what to do. */
static void test_stale_file_at_the_socket_path(void **state)
{
    struct tmx_env *env = *state;
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/%s-%u", getenv("TMX_TMPDIR"), env_is_tmux(env) ? "tmux" : "tmx",
             (unsigned)getuid());
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/%s", dir, env_socket_name(env));

    write_file(path, "");
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    if (env_is_tmux(env))
        return; /* tmux replaces a file with data too (the data is lost) */

    unlink(path); /* kill-server removed it; a crash would not have */
    write_file(path, "precious\n");
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "new", "-d", "-s", "s", NULL), 1);
    if (strstr(err, path) == NULL || strstr(err, "regular file with data (9 bytes)") == NULL ||
        strstr(err, "-L NAME or -S PATH") == NULL)
        fail_msg("new said \"%s\"", err);
    free(err);
    assert_int_equal(tmx_run(env, NULL, &err, "ls", NULL), 1);
    if (strstr(err, "no server running") == NULL || strstr(err, "regular file") == NULL)
        fail_msg("ls said \"%s\"", err);
    free(err);
    /* The file is as it was. */
    char buf[32] = "";
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(read(fd, buf, sizeof buf - 1), 9);
    close(fd);
    assert_string_equal(buf, "precious\n");
}

/* Another user's client is told "access not allowed" (not "[lost server]"), and the
 * server reads none of its bytes. Needs root to become another user; skipped loudly
 * otherwise. */
static void test_another_user_is_told_access_not_allowed(void **state)
{
    struct tmx_env *env = *state;
    if (getuid() != 0 || env_is_tmux(env)) {
        fprintf(stderr, "e2e: not root: the other-user check needs root to switch users\n");
        return;
    }
    if (getenv("E2E_VALGRIND") != NULL) {
        /* The valgrind wrapper lives in a directory only its owner may enter. */
        fprintf(stderr, "e2e: the other-user check does not run under valgrind\n");
        return;
    }
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/tmx-0", getenv("TMX_TMPDIR"));
    env_socket_path(env, path, sizeof path);
    /* Open the way for user 65534 (nobody): only the credential check stands. */
    assert_int_equal(chmod(getenv("TMX_TMPDIR"), 0755), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(chmod(path, 0777), 0);
    int errp[2];
    assert_int_equal(pipe(errp), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(errp[1], 2);
        close(errp[0]);
        close(errp[1]);
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(99);
        /* kill-server would stop the server if it were heard. */
        execl(env_bin(env), env_bin(env), "-S", path, "kill-server", (char *)NULL);
        _exit(98);
    }
    close(errp[1]);
    char err[1024];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof err - 1 && (n = read(errp[0], err + len, sizeof err - 1 - len)) > 0)
        len += (size_t)n;
    err[len] = '\0';
    close(errp[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    chmod(path, 0600);
    chmod(dir, 0700);
    chmod(getenv("TMX_TMPDIR"), 0700);
    assert_true(WIFEXITED(status));
    if (strstr(err, "access not allowed") == NULL)
        fail_msg("the other user's client said \"%s\"", err);
    assert_null(strstr(err, "lost server"));
    assert_int_equal(WEXITSTATUS(status), 1);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_works_with_stdio_closed, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_server_keeps_no_inherited_fd, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_fd_limit_no_busy_loop_and_a_message, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_stale_file_at_the_socket_path, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_another_user_is_told_access_not_allowed, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
