/* test_pid1.c - end-to-end: tmx as a container's PID 1 (`tmx -D new -s app CMD` in a new
 * PID namespace, as `unshare -fp --mount-proc` makes one; run as root, as CI is; without
 * root the same runs outside a namespace). What tini promises, tmx keeps: the app gets
 * tmx's environment and working directory, its output reaches tmx's stdout byte for byte,
 * every catchable signal tmx gets reaches the app, and tmx exits with the app's status
 * (128+N for signal N), killing it after kill-grace if it ignores SIGTERM.
 * These tests are the contract the keeper (the PID 1 role's next home) keeps green:
 * /work/plan/notes/keeper-services.md. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* A foreground server started for a test: its launcher (unshare, or tmx itself), its
 * pid as seen from here, and what it writes on stdout and stderr. */
struct fg {
    pid_t launcher;
    pid_t server;
    int out, err;       /* read ends */
    char obuf[65536], ebuf[8192];
    size_t olen, elen;
    bool namespaced;
};

/* Start `tmx -D [-f conf] new -s app cmd` in directory dir with FOO=bar added. */
static void fg_start(struct tmx_env *env, struct fg *fg, const char *dir, const char *conf,
                     const char *cmd)
{
    memset(fg, 0, sizeof *fg);
    fg->namespaced = geteuid() == 0;
    int o[2], e[2];
    assert_int_equal(pipe(o), 0);
    assert_int_equal(pipe(e), 0);
    fg->launcher = fork();
    assert_true(fg->launcher >= 0);
    if (fg->launcher == 0) {
        dup2(o[1], 1);
        dup2(e[1], 2);
        close(o[0]);
        close(o[1]);
        close(e[0]);
        close(e[1]);
        if (chdir(dir) != 0)
            _exit(126);
        setenv("FOO", "bar", 1);
        const char *argv[16];
        int n = 0;
        if (fg->namespaced) {
            argv[n++] = "unshare";
            argv[n++] = "-fp";
            argv[n++] = "--mount-proc";
        }
        argv[n++] = env_bin(env);
        argv[n++] = "-L";
        argv[n++] = env_socket_name(env);
        argv[n++] = "-f";
        argv[n++] = conf != NULL ? conf : "/dev/null";
        argv[n++] = "-D";
        argv[n++] = "new";
        argv[n++] = "-s";
        argv[n++] = "app";
        argv[n++] = cmd;
        argv[n] = NULL;
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(o[1]);
    close(e[1]);
    fg->out = o[0];
    fg->err = e[0];
    fcntl(fg->out, F_SETFL, O_NONBLOCK);
    fcntl(fg->err, F_SETFL, O_NONBLOCK);
}

/* Read what is there (waiting up to ms for something); false at EOF on both. */
static bool fg_pump(struct fg *fg, int ms)
{
    struct pollfd p[2] = {{.fd = fg->out, .events = POLLIN}, {.fd = fg->err, .events = POLLIN}};
    if (fg->out < 0 && fg->err < 0)
        return false;
    if (poll(p, 2, ms) <= 0)
        return true;
    if (fg->out >= 0 && (p[0].revents & (POLLIN | POLLHUP))) {
        ssize_t n = read(fg->out, fg->obuf + fg->olen, sizeof fg->obuf - 1 - fg->olen);
        if (n > 0)
            fg->olen += (size_t)n;
        else if (n == 0) {
            close(fg->out);
            fg->out = -1;
        }
        fg->obuf[fg->olen] = '\0';
    }
    if (fg->err >= 0 && (p[1].revents & (POLLIN | POLLHUP))) {
        ssize_t n = read(fg->err, fg->ebuf + fg->elen, sizeof fg->ebuf - 1 - fg->elen);
        if (n > 0)
            fg->elen += (size_t)n;
        else if (n == 0) {
            close(fg->err);
            fg->err = -1;
        }
        fg->ebuf[fg->elen] = '\0';
    }
    return true;
}

/* Wait until stdout holds needle (then find the server's pid). */
static bool fg_wait_out(struct fg *fg, const char *needle, int timeout_ms)
{
    long long end = e2e_now_ms() + timeout_ms;
    while (strstr(fg->obuf, needle) == NULL) {
        if (e2e_now_ms() > end || !fg_pump(fg, 50))
            return strstr(fg->obuf, needle) != NULL;
    }
    if (fg->server <= 0)
        fg->server = fg->namespaced ? e2e_first_child(fg->launcher) : fg->launcher;
    return true;
}

/* Read to EOF and reap the launcher: its exit status (-1 on a timeout or a signal). */
static int fg_finish(struct fg *fg, int timeout_ms)
{
    long long end = e2e_now_ms() + timeout_ms;
    while (fg_pump(fg, 50) && e2e_now_ms() < end) {
    }
    int status;
    pid_t got;
    for (;;) {
        got = waitpid(fg->launcher, &status, WNOHANG);
        if (got != 0 || e2e_now_ms() > end)
            break;
        sleep_ms(20);
    }
    if (fg->out >= 0)
        close(fg->out);
    if (fg->err >= 0)
        close(fg->err);
    if (got != fg->launcher) {
        kill(fg->launcher, SIGKILL);
        waitpid(fg->launcher, &status, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void make_dir(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", getenv("TMX_TMPDIR"), name);
    mkdir(buf, 0700);
}

/* The app gets tmx's environment (FOO) and directory; what it prints reaches tmx's stdout
 * as it printed it (tabs, CR LF, escape sequences, bytes that are no UTF-8: no rendering,
 * the pty's NL to CR NL undone); its stderr joins its stdout on the pty, except what it
 * sends to PID 1's own stderr (/proc/1/fd/2); tmx exits with its status, 3. */
static void test_pid1_keeps_env_cwd_and_mirrors_output_byte_exact(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux -D takes no command */
    char dir[512];
    make_dir(dir, sizeof dir, "app dir");
    struct fg fg;
    fg_start(env, &fg, dir, NULL,
             "echo \"$FOO\"; pwd; printf 'a\\tb\\r\\n\\033[31mred\\033[0m \\377\\n'; "
             "echo to-stderr >&2; if [ -w /proc/1/fd/2 ] && [ $$ != 1 ]; then "
             "echo apart >/proc/1/fd/2; fi; exit 3");
    int status = fg_finish(&fg, E2E_TIMEOUT);
    char want[1024];
    snprintf(want, sizeof want, "bar\n%s\na\tb\r\n\033[31mred\033[0m \377\nto-stderr\n", dir);
    assert_string_equal(fg.obuf, want);
    if (fg.namespaced)
        assert_string_equal(fg.ebuf, "apart\n");
    assert_int_equal(status, 3);
}

/* Every catchable signal tmx gets is forwarded to the app's process group (tini's
 * promise); the app handles each and goes on; SIGTERM, not handled, kills it: 143. */
static void test_pid1_forwards_every_signal(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    static const struct {
        int sig;
        const char *name;
    } sigs[] = {{SIGHUP, "HUP"},   {SIGQUIT, "QUIT"}, {SIGUSR1, "USR1"}, {SIGUSR2, "USR2"},
                {SIGWINCH, "WINCH"}, {SIGALRM, "ALRM"}, {SIGCONT, "CONT"}, {SIGURG, "URG"},
                {SIGPWR, "PWR"}};
    char cmd[1024] = "for s in";
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        snprintf(cmd + strlen(cmd), sizeof cmd - strlen(cmd), " %s", sigs[i].name);
    snprintf(cmd + strlen(cmd), sizeof cmd - strlen(cmd),
             "; do trap \"echo got $s\" $s; done; echo ready; while :; do sleep 0.05; done");
    char dir[512];
    make_dir(dir, sizeof dir, "signals");
    struct fg fg;
    fg_start(env, &fg, dir, NULL, cmd);
    assert_true(fg_wait_out(&fg, "ready", E2E_TIMEOUT));
    assert_true(fg.server > 1);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        char want[64];
        snprintf(want, sizeof want, "got %s\n", sigs[i].name);
        assert_int_equal(kill(fg.server, sigs[i].sig), 0);
        if (!fg_wait_out(&fg, want, E2E_TIMEOUT))
            fail_msg("the app never saw SIG%s; stdout: %s", sigs[i].name, fg.obuf);
    }
    assert_int_equal(kill(fg.server, SIGTERM), 0);
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 143);
}

/* Exit statuses as tini gives them: 0 for an app that exits 0, 130 when ^C (SIGINT to
 * tmx) kills it, 143 for SIGTERM, and 137 when it ignores SIGTERM: SIGKILL after
 * kill-grace (set to 1 s here; 8 by default, below docker's 10 s). */
static void test_pid1_exit_status_as_tini(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char dir[512], conf[600];
    make_dir(dir, sizeof dir, "status");
    snprintf(conf, sizeof conf, "%s/grace.conf", dir);
    FILE *f = fopen(conf, "w");
    assert_non_null(f);
    fputs("set -g kill-grace 1\n", f);
    fclose(f);
    struct fg fg;

    fg_start(env, &fg, dir, NULL, "echo done");
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 0);
    assert_string_equal(fg.obuf, "done\n");

    static const struct {
        int sig;
        int status;
    } cases[] = {{SIGINT, 130}, {SIGTERM, 143}};
    for (size_t i = 0; i < 2; i++) {
        fg_start(env, &fg, dir, NULL, "echo ready; exec sleep 100");
        assert_true(fg_wait_out(&fg, "ready", E2E_TIMEOUT));
        assert_int_equal(kill(fg.server, cases[i].sig), 0);
        assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), cases[i].status);
    }

    fg_start(env, &fg, dir, conf, "trap '' TERM; echo ready; while :; do sleep 0.05; done");
    assert_true(fg_wait_out(&fg, "ready", E2E_TIMEOUT));
    long long t0 = e2e_now_ms();
    assert_int_equal(kill(fg.server, SIGTERM), 0);
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 137);
    long long took = e2e_now_ms() - t0;
    assert_true(took >= 900);
    assert_true(took < 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pid1_keeps_env_cwd_and_mirrors_output_byte_exact,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pid1_forwards_every_signal, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pid1_exit_status_as_tini, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
