/* test_exit_status.c - end-to-end: a client attached to a session whose last command
 * exits leaves with that command's exit status (tmux always exits 0), so
 * `tmx new -s job cmd && next-step` behaves as a shell user expects. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

/* Run `new -s job CMD` in a pty and return the client's exit status. */
static int run_job(struct tmx_env *env, const char *cmd)
{
    struct pty_client *c = client_start(env, 80, 24, "new", "-s", "job", cmd, NULL);
    int status = client_wait_exit(c, E2E_TIMEOUT);
    assert_true(client_output_contains(c, "[exited]"));
    assert_true(client_termios_restored(c));
    return status;
}

static void test_client_exits_with_the_commands_status(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux exits 0 whatever the command did: tmx's behaviour is new */
    assert_int_equal(run_job(env, "sleep 0.2; exit 3"), 3);
}

static void test_client_exits_zero_when_the_command_succeeds(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(run_job(env, "sleep 0.2; true"), 0);
}

static void test_killed_command_gives_128_plus_signal(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    assert_int_equal(run_job(env, "sleep 0.2; kill -TERM $$"), 143);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_client_exits_with_the_commands_status, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_exits_zero_when_the_command_succeeds,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_killed_command_gives_128_plus_signal, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
