/* test_foreground.c - end-to-end: `tmx -D new -s app CMD`, the server in the foreground
 * as a container entrypoint or a systemd service would run it. As PID 1 of a new PID
 * namespace (when run as root, as CI is) it reaps every orphan; on SIGTERM it passes
 * the signal to the panes and exits with the status of the last pane. */
#include "harness.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void test_foreground_server_reaps_orphans_and_exits_with_the_panes_status(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux -D takes no command and is no subreaper */
    /* The pane leaves 20 orphans behind, then exits 5 on SIGTERM. */
    const char *cmd = "for i in $(seq 1 20); do (sleep 0.$((i % 5 + 1)) &); done; "
                      "trap 'exit 5' TERM; echo started; while :; do sleep 0.1; done";
    bool namespaced = geteuid() == 0;
    pid_t launcher = fork();
    assert_true(launcher >= 0);
    if (launcher == 0) {
        if (namespaced)
            execlp("unshare", "unshare", "-fp", "--mount-proc", env_bin(env), "-L",
                   env_socket_name(env), "-f", "/dev/null", "-D", "new", "-s", "app", cmd,
                   (char *)NULL);
        else
            execl(env_bin(env), env_bin(env), "-L", env_socket_name(env), "-f", "/dev/null",
                  "-D", "new", "-s", "app", cmd, (char *)NULL);
        _exit(127);
    }
    assert_true(wait_capture(env, "app", "started", E2E_TIMEOUT));
    pid_t server = namespaced ? e2e_first_child(launcher) : launcher;
    assert_true(server > 1);
    if (namespaced) {
        /* Inside its namespace the server is PID 1. */
        char *out = NULL;
        assert_int_equal(tmx_run(env, &out, NULL, "display-message", "-p", "#{pid}", NULL), 0);
        assert_string_equal(out, "1\n");
        free(out);
    }
    /* The orphans (up to 0.5 s) are gone, reaped by the server. */
    int zombies = -1;
    for (int i = 0; i < 50 && zombies != 0; i++) {
        sleep_ms(100);
        if (i >= 7)
            zombies = count_zombies_of(server);
    }
    assert_int_equal(zombies, 0);

    assert_int_equal(kill(server, SIGTERM), 0);
    int status;
    pid_t got;
    do
        got = waitpid(launcher, &status, 0);
    while (got < 0 && errno == EINTR);
    assert_int_equal(got, launcher);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_foreground_server_reaps_orphans_and_exits_with_the_panes_status, e2e_setup,
            e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
