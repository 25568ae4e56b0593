/* test_client_limits.c - end-to-end: what one client may cost the server (issue 24,
 * server/client_limits.h). A terminal that reports 9999x9999 (a buggy or hostile one)
 * fails alone with a message, attaching or resizing, while the server's memory stays
 * flat and list-sessions answers within a second; a large terminal within the bound
 * works, its memory measured; a client's environment is bounded in total; a command of
 * 100,000 arguments is read in linear time. */
#include "harness.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "proto.h"

/* The server's growth and its slowest answer to list-sessions (its own time: a loaded
 * machine's wait for a CPU is not counted, e2e_server_answer_ms), watched while a client
 * runs. */
struct watch {
    pid_t server;
    long base_kib, peak_kib;
    long long slowest_ms;
};

static void watch_start(struct tmx_env *env, struct watch *w)
{
    w->server = server_pid(env, "s");
    assert_true(w->server > 1);
    w->base_kib = w->peak_kib = e2e_rss_kib(w->server);
    w->slowest_ms = 0;
}

/* One look: memory now, and how long the server takes to answer list-sessions. */
static void watch_once(struct tmx_env *env, struct watch *w)
{
    long long ms = e2e_server_answer_ms(env, w->server);
    if (ms > w->slowest_ms)
        w->slowest_ms = ms;
    long kib = e2e_rss_kib(w->server);
    if (kib > w->peak_kib)
        w->peak_kib = kib;
}

static void watch_check(const struct watch *w, const char *what)
{
    fprintf(stderr, "e2e: %s: server RSS %ld -> peak %ld KiB, slowest ls answer %lld ms\n", what,
            w->base_kib, w->peak_kib, w->slowest_ms);
    if (w->peak_kib - w->base_kib > 64 * 1024)
        fail_msg("%s: the server grew by %ld KiB", what, w->peak_kib - w->base_kib);
    if (w->slowest_ms > 1000)
        fail_msg("%s: the server took %lld ms to answer list-sessions", what, w->slowest_ms);
}

/* A terminal of 9999x9999 attaching: told it is too large, alone; its terminal is left
 * as it was; the server neither grows nor stalls. */
static void test_a_huge_terminal_fails_alone(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux draws it (4.5 MB, 0.3 s): docs/robustness.md */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct pty_client *other = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(other, -1, "[s]", E2E_TIMEOUT));
    struct watch w;
    watch_start(env, &w);

    struct pty_client *huge = client_start(env, 9999, 9999, "attach", "-t", "s", NULL);
    for (long long end = e2e_now_ms() + E2E_TIMEOUT;
         !client_output_contains(huge, "terminal too large");) {
        watch_once(env, &w);
        if (e2e_now_ms() > end)
            fail_msg("the 9999x9999 client was not told");
    }
    assert_int_equal(client_wait_exit(huge, E2E_TIMEOUT), 1);
    assert_true(client_output_contains(huge, "terminal too large: 9999x9999"));
    assert_true(client_output_contains(huge, "make the window smaller or the font larger"));
    assert_true(client_termios_restored(huge));

    /* new -s from such a terminal makes no session. */
    huge = client_start(env, 9999, 9999, "new", "-s", "big", NULL);
    assert_int_equal(client_wait_exit(huge, E2E_TIMEOUT), 1);
    assert_true(client_output_contains(huge, "terminal too large"));
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "big", NULL), 1);

    /* An attached terminal growing to 9999x9999 leaves, told why; the other stays. */
    struct pty_client *grows = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(grows, -1, "[s]", E2E_TIMEOUT));
    client_resize(grows, 9999, 9999);
    assert_int_equal(client_wait_exit(grows, E2E_TIMEOUT), 1);
    assert_true(client_output_contains(grows, "terminal too large: 9999x9999"));
    assert_true(client_termios_restored(grows));
    for (int i = 0; i < 5; i++)
        watch_once(env, &w);
    watch_check(&w, "9999x9999");

    client_type(other, "echo still-$((6*7))\r");
    assert_true(client_wait_text(other, "still-42", E2E_TIMEOUT));
    client_keys(other, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(other, E2E_TIMEOUT), 0);
}

/* A large terminal within the bound (1000x690, near 700,000 cells) works, and the
 * server's memory for it, with its screen full, stays within 64 MiB. */
static void test_a_large_terminal_within_the_bound_works(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct watch w;
    watch_start(env, &w);
    struct pty_client *big = client_start(env, 1000, 690, "attach", "-t", "s", NULL);
    /* Its terminal answers nothing: the test terminal's answer (it says it is tmux) gives
     * it features, and so a second whole 1000x690 frame at a moment the test does not
     * choose, whose buffers an ASan build keeps in its quarantine for a while (RSS
     * +18 MiB there, none in a release build: 49.7 MiB either way). */
    client_no_replies(big);
    assert_true(client_wait_row(big, -1, "[s]", E2E_TIMEOUT));
    /* Every cell drawn in colour, then a marker. */
    client_type(big, "i=0; while [ $i -lt 700 ]; do printf '\\033[41m%01000d\\033[m' 0; "
                     "i=$((i+1)); done; echo; echo big-$((6*7))\r");
    for (long long end = e2e_now_ms() + 60000; !client_poll_text(big, "big-42", 100);) {
        watch_once(env, &w);
        if (e2e_now_ms() > end)
            fail_msg("the large terminal never showed big-42");
    }
    watch_once(env, &w);
    watch_check(&w, "1000x690");
    client_keys(big, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(big, E2E_TIMEOUT), 0);
}

/* A raw connection to the test's server; the test fails if there is none. */
static int connect_server(struct tmx_env *env)
{
    int fd = env_connect(env);
    assert_true(fd >= 0);
    return fd;
}

/* Sends one message; false when the server no longer takes any. */
static bool send_msg(int fd, uint32_t type, const void *payload, size_t len)
{
    char hdr[PROTO_HEADER_SIZE];
    proto_encode_header(type, (uint32_t)len, hdr);
    if (send(fd, hdr, sizeof hdr, MSG_NOSIGNAL) != (ssize_t)sizeof hdr)
        return false;
    return len == 0 || send(fd, payload, len, MSG_NOSIGNAL) == (ssize_t)len;
}

/* Reads messages until MSG_EXIT: its status, and its text in msg. */
static int wait_exit(int fd, char *msg, size_t size)
{
    struct timeval tv = {.tv_sec = 10, .tv_usec = 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (;;) {
        char hdr[PROTO_HEADER_SIZE];
        assert_int_equal(recv(fd, hdr, sizeof hdr, MSG_WAITALL), (ssize_t)sizeof hdr);
        uint32_t type, len;
        memcpy(&type, hdr, 4);
        memcpy(&len, hdr + 4, 4);
        assert_true(len < (1u << 20));
        char *payload = malloc(len + 1);
        assert_non_null(payload);
        assert_int_equal(recv(fd, payload, len, MSG_WAITALL), (ssize_t)len);
        payload[len] = '\0';
        if (type == MSG_EXIT) {
            int32_t status;
            assert_true(len >= 5);
            memcpy(&status, payload, 4);
            snprintf(msg, size, "%s", payload + 4);
            free(payload);
            return status;
        }
        free(payload);
    }
}

/* A client sending megabytes of environment (the real client sends at most what exec
 * gave it, a hostile one anything): refused at 1 MiB with a clear error, and the server
 * does not grow with what it sends. */
static void test_a_client_environment_is_bounded_in_total(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmx's protocol */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    struct watch w;
    watch_start(env, &w);
    int fd = connect_server(env);
    char id[sizeof(struct proto_identify) + 8];
    struct proto_identify ident = {.version = PROTO_VERSION, .cols = 80, .rows = 24,
                                   .pid = getpid()};
    memcpy(id, &ident, sizeof ident);
    memcpy(id + sizeof ident, "xterm\0/\0", 8);
    assert_true(send_msg(fd, MSG_IDENTIFY, id, sizeof id));
    /* 64 variables of 512 KiB: 32 MiB offered. */
    size_t len = 512 * 1024;
    char *var = malloc(len);
    assert_non_null(var);
    memset(var, 'v', len - 1);
    memcpy(var, "BIG=", 4);
    var[len - 1] = '\0';
    for (int i = 0; i < 64 && send_msg(fd, MSG_ENVIRON, var, len); i++)
        ;
    free(var);
    char msg[512];
    assert_int_equal(wait_exit(fd, msg, sizeof msg), 1);
    assert_non_null(strstr(msg, "environment is too large"));
    close(fd);
    watch_once(env, &w);
    if (w.peak_kib - w.base_kib > 8 * 1024)
        fail_msg("the server grew by %ld KiB", w.peak_kib - w.base_kib);

    /* A real client whose environment is too large says so and exits 1. */
    char *err = NULL;
    char value[60001];
    memset(value, 'e', sizeof value - 1);
    value[sizeof value - 1] = '\0';
    char name[16];
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof name, "BIG%d", i);
        setenv(name, value, 1);
    }
    int rc = tmx_run(env, NULL, &err, "ls", NULL);
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof name, "BIG%d", i);
        unsetenv(name);
    }
    assert_int_equal(rc, 1);
    if (strstr(err, "tmx: the environment is too large") == NULL)
        fail_msg("ls said \"%s\"", err);
    free(err);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
}

/* User and system CPU time in rusage, in ms. */
static long long rusage_ms(const struct rusage *ru)
{
    return (ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000LL +
           (ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1000;
}

/* 100,000 arguments: read in linear time (argv grew one slot at a time: 20 s under
 * ASan). */
static void test_a_command_of_100k_arguments(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    enum { N = 100000 };
    const char **argv = calloc(N + 16, sizeof *argv);
    assert_non_null(argv);
    int n = 0;
    argv[n++] = env_bin(env);
    argv[n++] = "-L";
    argv[n++] = env_socket_name(env);
    argv[n++] = "-f";
    argv[n++] = "/dev/null";
    argv[n++] = "new-window";
    argv[n++] = "-d";
    argv[n++] = "-t";
    argv[n++] = "s:";
    argv[n++] = "true";
    while (n < N)
        argv[n++] = "a";
    argv[n] = NULL;
    /* The work done, in CPU time of the client and the server: what grows with the
     * arguments, and the same under any load (wall time is not). */
    pid_t server = server_pid(env, "s");
    long long server0 = e2e_cpu_ms(server), t0 = e2e_now_ms();
    struct rusage ru0, ru1;
    getrusage(RUSAGE_CHILDREN, &ru0);
    assert_int_equal(tmx_runv(env, NULL, NULL, argv), 0);
    getrusage(RUSAGE_CHILDREN, &ru1);
    long long wall = e2e_now_ms() - t0;
    long long ms = e2e_cpu_ms(server) - server0 + rusage_ms(&ru1) - rusage_ms(&ru0);
    fprintf(stderr, "e2e: a command of %d arguments took %lld ms of CPU (%lld ms wall)\n", N,
            ms, wall);
    if (ms > 8000)
        fail_msg("a command of %d arguments took %lld ms of CPU", N, ms);
    free(argv);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_huge_terminal_fails_alone, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_large_terminal_within_the_bound_works, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_client_environment_is_bounded_in_total, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_command_of_100k_arguments, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
