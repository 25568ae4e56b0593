/* test_pid1.c - end-to-end: tmx as a container's PID 1 (`tmx -D new -s app CMD` in a new
 * PID namespace, as `unshare -fp --mount-proc` makes one; run as root, as CI is; without
 * root the same runs outside a namespace). What tini promises, tmx keeps: the app gets
 * tmx's environment and working directory, its output reaches tmx's stdout byte for byte,
 * every catchable signal tmx gets reaches the app, and tmx exits with the app's status
 * (128+N for signal N), killing it after kill-grace if it ignores SIGTERM.
 * These tests are the contract the keeper (the PID 1 role's next home) keeps green:
 * /work/plan/notes/keeper-services.md. */
#include "harness.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Starts `tmx -D [-f conf] new -s app cmd` in directory dir with FOO=bar added. */
static void pid1_start(struct tmx_env *env, struct fg *fg, const char *dir, const char *conf,
                       const char *cmd)
{
    static const char *const envs[] = {"FOO=bar", NULL};
    const char *const args[] = {"new", "-s", "app", cmd, NULL};
    fg_startv(env, fg, dir, conf, envs, args);
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
    pid1_start(env, &fg, dir, NULL,
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
    pid1_start(env, &fg, dir, NULL, cmd);
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

    pid1_start(env, &fg, dir, NULL, "echo done");
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 0);
    assert_string_equal(fg.obuf, "done\n");

    static const struct {
        int sig;
        int status;
    } cases[] = {{SIGINT, 130}, {SIGTERM, 143}};
    for (size_t i = 0; i < 2; i++) {
        pid1_start(env, &fg, dir, NULL, "echo ready; exec sleep 100");
        assert_true(fg_wait_out(&fg, "ready", E2E_TIMEOUT));
        assert_int_equal(kill(fg.server, cases[i].sig), 0);
        assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), cases[i].status);
    }

    pid1_start(env, &fg, dir, conf, "trap '' TERM; echo ready; while :; do sleep 0.05; done");
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
