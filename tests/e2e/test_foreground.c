/* test_foreground.c - end-to-end: `tmx -D new -s app CMD`, the server in the foreground
 * as a container entrypoint or a systemd service would run it. As PID 1 of a new PID
 * namespace (when run as root, as CI is) its keeper reaps every orphan; on SIGTERM it passes
 * the signal to the panes and exits with the status of the last pane. */
#include "harness.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_foreground_server_reaps_orphans_and_exits_with_the_panes_status(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux -D takes no command and is no subreaper */
    /* The pane leaves 20 orphans behind, then exits 5 on SIGTERM. */
    const char *cmd = "for i in $(seq 1 20); do (sleep 60 &); done; "
                      "trap 'exit 5' TERM; echo started; while :; do sleep 0.1; done";
    struct fg fg;
    fg_start(env, &fg, getenv("TMX_TMPDIR"), "new", "-s", "app", cmd, NULL);
    assert_true(wait_capture(env, "app", "started", E2E_TIMEOUT));
    pid_t server = fg_server_pid(&fg);
    assert_true(server > 1);
    if (fg.namespaced) {
        /* Inside its namespace the server is PID 1. */
        char *out = NULL;
        assert_int_equal(tmx_run(env, &out, NULL, "display-message", "-p", "#{pid}", NULL), 0);
        assert_string_equal(out, "1\n");
        free(out);
    }
    /* The orphans go to the keeper (the panes' parent and subreaper, the server's child).
     * They live until the test ends them (a time of their own would run out before a
     * loaded machine has looked): once they have, the keeper has reaped them all, and
     * none is left a zombie of it, nor of the server. */
    pid_t keeper = e2e_keeper_of(server);
    assert_true(keeper > 1);
    assert_true(wait_children_named(keeper, "sleep", 20, E2E_TIMEOUT));
    assert_int_equal(signal_children_named(keeper, "sleep", SIGTERM), 20);
    assert_true(wait_children_named(keeper, "sleep", 0, E2E_TIMEOUT));
    assert_int_equal(count_zombies_of(server), 0);

    assert_int_equal(kill(server, SIGTERM), 0);
    assert_int_equal(fg_finish(&fg, E2E_TIMEOUT), 5);
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
