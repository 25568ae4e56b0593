/* test_up.c - end-to-end: `tmx up`, a file of services. In the foreground as a container
 * runs it (`tmx -D up` in a new PID namespace, `unshare -fp --mount-proc`, as root; the
 * same outside a namespace otherwise): a 3-service file starts in `after` order, each
 * once the one before is ready (a line of output, a command), stops in the reverse
 * order on SIGTERM (each only once the one after it exited), mirrors every line to stdout
 * behind its padded name, and tmx exits with the main service's status, or a Procfile's
 * first failure. Then the commands on a server in the background: tmx ls and windows,
 * logs, logs -f, stop, restart, down; and a malformed file that names its line and
 * starts nothing. */
#include "harness.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void make_dir(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", getenv("TMX_TMPDIR"), name);
    mkdir(buf, 0700);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_file(const char *dir, const char *name)
{
    static char buf[4096];
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return buf;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* A service that notes its start in the file 'order', and on SIGTERM notes it, takes
 * 300 ms to go, and notes that it went: the next one's stop must come after. */
#define SERVICE(name, ready)                                                            \
    "command = trap 'echo stop " name " >> order; sleep 0.3; echo gone " name           \
    " >> order; exit 0' TERM; echo start " name " >> order; " ready                     \
    "echo " name " up; while :; do sleep 0.05; done\n"

/* db, then cache (after db: once db printed "db ready"), then web (after cache: once
 * cache's ready-command found cache.ok). Started in that order, each after the one
 * before was ready; stopped web, cache, db, each after the one before had gone; every
 * line on stdout behind "name  | " (padded, coloured with -C); web is main: its status. */
static void test_up_after_ready_reverse_stop(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux has no up */
    char dir[512];
    make_dir(dir, sizeof dir, "shop");
    write_file(dir, "tmx.services",
               "# three services in a chain\n"
               "main = web\n"
               "[web]\n" SERVICE("web", "") "after = cache\n"
               "[cache]\n" SERVICE("cache", "sleep 0.3; echo ready cache >> order; touch cache.ok; ")
               "after = db\n"
               "ready-command = test -f cache.ok\n"
               "[db]\n" SERVICE("db", "sleep 0.3; echo ready db >> order; echo db ready; ")
               "ready-line = ^db ready$\n");
    struct fg fg;
    fg_start(env, &fg, dir, "up", "-C", NULL);
    assert_true(fg_wait_out(&fg, "web up", E2E_TIMEOUT));
    assert_true(fg.server > 1);
    assert_string_equal(read_file(dir, "order"), "start db\nready db\nstart cache\n"
                                                 "ready cache\nstart web\n");
    /* Every line behind its name, padded to the longest, in its colour. */
    assert_non_null(strstr(fg.obuf, "\033[1;34mdb    |\033[0m db ready\n"));
    assert_non_null(strstr(fg.obuf, "\033[1;32mweb   |\033[0m web up\n"));
    assert_non_null(strstr(fg.obuf, "\033[1;33mcache |\033[0m cache up\n"));
    /* tmx ls sees the session from outside the namespace's tmx: the socket is shared. */
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-windows", "-t", "shop", "-F",
                             "#{window_name}", NULL), 0);
    assert_string_equal(out, "db\ncache\nweb\n");
    free(out);

    assert_int_equal(kill(fg.server, SIGTERM), 0);
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 0);
    assert_string_equal(read_file(dir, "order"),
                        "start db\nready db\nstart cache\nready cache\nstart web\n"
                        "stop web\ngone web\nstop cache\ngone cache\nstop db\ngone db\n");
}

/* A Procfile as foreman reads it, without colour (stdout is no terminal), lines whole:
 * the first service to fail ends them all, and tmx exits with its status. */
static void test_up_procfile_first_failure(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char dir[512];
    make_dir(dir, sizeof dir, "proc");
    /* web prints half a line, then (once log printed a whole line) the rest: each line
     * reaches stdout whole, never mixed with another service's. */
    write_file(dir, "Procfile",
               "web: printf 'web '; while [ ! -f logged ]; do sleep 0.05; done; echo on; "
               "touch on; exec sleep 100\n"
               "# the worker fails once web is on\n"
               "worker: while [ ! -f on ]; do sleep 0.05; done; echo worker failing; exit 4\n"
               "log: sleep 0.2; echo log line; touch logged; exec sleep 100\n");
    struct fg fg;
    fg_start(env, &fg, dir, "up", NULL);
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 4);
    const char *log = strstr(fg.obuf, "log    | log line\n");
    const char *web = strstr(fg.obuf, "web    | web on\n");
    const char *worker = strstr(fg.obuf, "worker | worker failing\n");
    if (log == NULL || web == NULL || worker == NULL || !(log < web && web < worker))
        fail_msg("stdout: %s", fg.obuf);
}

/* Start `tmx logs -f service` with its stdout on a pipe; *out gets the read end. */
static pid_t start_follower(struct tmx_env *env, const char *service, int *out)
{
    int o[2];
    assert_int_equal(pipe(o), 0);
    pid_t follower = fork();
    assert_true(follower >= 0);
    if (follower == 0) {
        dup2(o[1], 1);
        close(o[0]);
        close(o[1]);
        execlp(env_bin(env), env_bin(env), "-L", env_socket_name(env), "logs", "-f", service,
               (char *)NULL);
        _exit(127);
    }
    close(o[1]);
    *out = o[0];
    return follower;
}

/* Read fd into buf (size bytes, kept terminated, *len so far) until it holds needle or
 * E2E_TIMEOUT passes. */
static void read_until(int fd, char *buf, size_t size, size_t *len, const char *needle)
{
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (strstr(buf, needle) == NULL && e2e_now_ms() < end) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 50) > 0) {
            ssize_t n = read(fd, buf + *len, size - 1 - *len);
            if (n > 0)
                buf[*len += (size_t)n] = '\0';
        }
    }
    assert_non_null(strstr(buf, needle));
}

/* In the background: the session and one window per service in tmx ls; logs (all, -n),
 * logs -f until the service goes; stop (waits until it is down, stays down with its
 * status), restart (runs it again in its window), down (all, reverse order). */
static void test_up_commands(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char dir[512], file[600];
    make_dir(dir, sizeof dir, "bg");
    write_file(dir, "svc",
               "session = bg\n"
               "[echo]\n"
               "command = echo started; while read l; do echo \"echo:$l\"; done\n"
               "[clock]\n"
               "command = echo one; echo two; echo three; exec sleep 100\n"
               "stop-signal = INT\n");
    snprintf(file, sizeof file, "%s/svc", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "up", "-f", file, NULL), 0);
    assert_true(wait_run_output(env, "bg: 2 windows", true, E2E_TIMEOUT, "ls", NULL));
    assert_true(wait_run_output(env, "three", true, E2E_TIMEOUT, "logs", "clock", NULL));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "logs", "-n", "2", "bg:clock", NULL), 0);
    assert_string_equal(out, "two\nthree\n");
    free(out);

    /* logs -f: what the service prints from now on, until its window goes. */
    int ofd;
    pid_t follower = start_follower(env, "echo", &ofd);
    assert_true(wait_run_output(env, "started", true, E2E_TIMEOUT, "logs", "echo", NULL));
    /* The follower is in once its first dump arrived. */
    char fbuf[4096] = "";
    size_t flen = 0;
    read_until(ofd, fbuf, sizeof fbuf, &flen, "started\n");
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "bg:echo", "hello", "Enter",
                             NULL), 0);
    read_until(ofd, fbuf, sizeof fbuf, &flen, "echo:hello\n");

    /* stop: returns once it is down (SIGINT: 130), and it stays down. */
    assert_int_equal(tmx_run(env, NULL, NULL, "stop", "clock", NULL), 0);
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "bg:clock",
                             "#{pane_dead} #{pane_dead_signal}", NULL), 0);
    assert_string_equal(out, "1 2\n");
    free(out);
    /* restart: running again in the same window. */
    assert_int_equal(tmx_run(env, NULL, NULL, "restart", "clock", NULL), 0);
    assert_true(wait_run_output(env, "0", true, E2E_TIMEOUT, "display", "-p", "-t", "bg:clock",
                                "#{pane_dead}", NULL));
    assert_true(wait_run_output(env, "three", true, E2E_TIMEOUT, "logs", "clock", NULL));
    /* Names that are not services. */
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "restart", "nope", NULL), 1);
    assert_non_null(strstr(err, "no service nope"));
    free(err);

    /* down: every service stops, the session goes, and the follower is told. */
    assert_int_equal(tmx_run(env, NULL, NULL, "down", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "bg", NULL), 1);
    int status;
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    pid_t got;
    while ((got = waitpid(follower, &status, WNOHANG)) == 0 && e2e_now_ms() < end)
        sleep_ms(20);
    if (got != follower) {
        kill(follower, SIGKILL);
        waitpid(follower, &status, 0);
        fail_msg("logs -f did not end with its service");
    }
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(ofd);
}

/* A logs -f follower that goes (killed, its link cut) is forgotten: its service's next
 * output, and kill-server after it, find no client that was freed. The server exits
 * cleanly (its keeper with it: nothing to adopt), where it crashed before. */
static void test_up_follower_gone(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char dir[512], file[600];
    make_dir(dir, sizeof dir, "fgone");
    write_file(dir, "svc",
               "session = fg\n"
               "[echo]\n"
               "command = echo started; while read l; do echo \"echo:$l\"; done\n");
    snprintf(file, sizeof file, "%s/svc", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "up", "-f", file, NULL), 0);
    assert_true(wait_run_output(env, "started", true, E2E_TIMEOUT, "logs", "echo", NULL));
    int ofd;
    pid_t follower = start_follower(env, "echo", &ofd);
    /* The follower is in once its first dump arrived. */
    char fbuf[4096] = "";
    size_t flen = 0;
    read_until(ofd, fbuf, sizeof fbuf, &flen, "started\n");
    kill(follower, SIGKILL);
    int status;
    assert_int_equal(waitpid(follower, &status, 0), follower);
    close(ofd);
    /* The service prints after its follower went. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "fg:echo", "again", "Enter",
                             NULL), 0);
    assert_true(wait_run_output(env, "echo:again", true, E2E_TIMEOUT, "logs", "echo", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    /* Nothing was kept for a next server: the keeper went with it, ls finds none. */
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "ls", NULL), 1);
    assert_non_null(strstr(err, "no server running"));
    free(err);
}

/* SIGTERM to a server in the background: the services stop in reverse order first,
 * then the other sessions' panes, and the server exits. */
static void test_up_sigterm_in_background(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char dir[512], file[600];
    make_dir(dir, sizeof dir, "term");
    /* b waits for a's own "a up" line, so "start a" is in the file before b starts
     * (with no ready condition, after = a only orders the two forks). */
    write_file(dir, "svc", "[a]\n" SERVICE("a", "") "ready-line = ^a up$\n[b]\n"
               SERVICE("b", "") "after = a\n");
    snprintf(file, sizeof file, "%s/svc", dir);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "other", "sleep 100", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "up", "-f", file, NULL), 0);
    assert_true(wait_run_output(env, "b up", true, E2E_TIMEOUT, "logs", "b", NULL));
    pid_t pid = server_pid(env, "other");
    assert_true(pid > 0);
    assert_int_equal(kill(pid, SIGTERM), 0);
    long long end = e2e_now_ms() + E2E_TIMEOUT;
    while (kill(pid, 0) == 0 && e2e_now_ms() < end)
        sleep_ms(20);
    assert_int_not_equal(kill(pid, 0), 0);
    assert_string_equal(read_file(dir, "order"), "start a\nstart b\nstop b\ngone b\nstop a\ngone a\n");
}

/* A malformed file names its line and what is wrong, and nothing starts. */
static void test_up_malformed_starts_nothing(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char dir[512], file[600];
    make_dir(dir, sizeof dir, "bad");
    write_file(dir, "svc", "[a]\ncommand = touch started\n[b]\ncommand = x\nafter = c\n");
    snprintf(file, sizeof file, "%s/svc", dir);
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "up", "-f", file, NULL), 1);
    char want[800];
    snprintf(want, sizeof want, "up: %s: line 5: after: no service named c (nothing was "
             "started)\n", file);
    assert_non_null(strstr(err, want));
    free(err);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "bad", NULL), 1);
    assert_string_equal(read_file(dir, "started"), "");
    /* And a missing file says what up looks for. */
    assert_int_equal(tmx_run(env, NULL, &err, "up", "-f", "/nonexistent/Procfile", NULL), 1);
    assert_non_null(strstr(err, "/nonexistent/Procfile: No such file or directory"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_up_after_ready_reverse_stop, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_up_procfile_first_failure, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_up_commands, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_up_follower_gone, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_up_sigterm_in_background, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_up_malformed_starts_nothing, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
