/* test_jobs.c - end-to-end: hosting jobs. Orphans of a pane's program are reaped by the
 * keeper (no zombies), wait-pane returns the command's status, remain-on-exit keeps a
 * dead pane with its last screen and status, and respawn-pane runs it again. */
#include "harness.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static void test_orphans_of_a_pane_leave_no_zombies(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux is no subreaper: the orphans go to init */
    /* 50 background children whose parent subshell exits at once: orphans, which go to
     * the keeper (the panes' parent and subreaper), not to the server. They live until the
     * test ends them (a time of their own would run out before a loaded machine has
     * looked); the pane's own program is cat. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s",
                             "for i in $(seq 1 50); do (sleep 60 &); done; "
                             "echo spawned; exec cat",
                             NULL),
                     0);
    assert_true(wait_capture(env, "s", "spawned", E2E_TIMEOUT));
    pid_t server = server_pid(env, "s");
    assert_true(server > 1);
    pid_t keeper = e2e_keeper_of(server);
    assert_true(keeper > 1);
    /* The orphans are the keeper's children now. */
    assert_true(wait_children_named(keeper, "sleep", 50, E2E_TIMEOUT));
    /* Once they end, the keeper reaps every one: no zombie is left. */
    assert_int_equal(signal_children_named(keeper, "sleep", SIGTERM), 50);
    assert_true(wait_children_named(keeper, "sleep", 0, E2E_TIMEOUT));
    assert_int_equal(count_children_named(keeper, "cat"), 1); /* the pane's own */
    assert_int_equal(count_zombies_of(server), 0);
}

static void test_wait_pane_returns_the_commands_status(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* wait-pane is tmx's own */
    /* Keep finished panes, so a session is still there to name when its wait starts
     * after the command already ended (the other case, a live wait, comes first). */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "ok", WAIT_FOR_GO "true", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "remain-on-exit", "on", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "three", WAIT_FOR_GO "exit 3", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "term", WAIT_FOR_GO "kill -TERM $$", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "keep", "sleep 60", NULL), 0);
    env_go(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "ok", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "three", NULL), 3);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "term", NULL), 143);
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "wait-pane", "-t", "keep", "--timeout", "0.3", NULL), 124);
    assert_non_null(strstr(err, "timed out"));
    free(err);
}

static void test_remain_on_exit_keeps_the_dead_pane_and_respawn_restarts_it(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux's dead-pane text differs; wait-pane is tmx's own */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job",
                             "echo last-words; " WAIT_FOR_GO "exit 3", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "job", "remain-on-exit", "on", NULL), 0);
    env_go(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "job", NULL), 3);
    /* The session is still there, with the last screen and a line saying why. */
    assert_true(wait_capture(env, "job", "Pane is dead (status 3, ", E2E_TIMEOUT));
    assert_true(wait_capture(env, "job", "last-words", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display-message", "-p", "-t", "job",
                             "#{pane_dead}:#{pane_dead_status}", NULL),
                     0);
    assert_string_equal(out, "1:3\n");
    free(out);
    /* Waiting on a pane that already died answers at once with its status. */
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "job", NULL), 3);
    /* A live pane is not respawned without -k. */
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-t", "job", "echo again; sleep 60", NULL), 0);
    assert_true(wait_capture(env, "job", "again", E2E_TIMEOUT));
    assert_int_not_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-t", "job", "true", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "respawn-pane", "-k", "-t", "job", "exit 7", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "wait-pane", "-t", "job", NULL), 7);
}

/* Windows the user is not looking at are marked in the status line: # for activity
 * (monitor-activity), ! for a bell, ~ for silence (monitor-silence); alert hooks run. */
static void test_alerts_mark_windows_in_the_status_line(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "monitor-activity", "on", NULL), 0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* Window 1 rings the bell and prints, out of sight. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new-window", "-d", "-t", "s:1",
                             "sleep 0.5; printf 'x\\a'; exec sleep 60", NULL),
                     0);
    assert_true(client_wait_row(c, -1, "1:sleep#!", E2E_TIMEOUT));
    /* Looking at it clears the marks. */
    client_keys(c, KEY_PREFIX "1");
    assert_true(client_wait_row(c, -1, "1:sleep* ", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "0");
    assert_true(client_wait_row(c, -1, "0:sh* ", E2E_TIMEOUT));
    /* Silence: window 1 prints nothing for a second. */
    if (!env_is_tmux(env)) {
        /* tmux's order: the alert flags before - (last). */
        assert_int_equal(tmx_run(env, NULL, NULL, "set", "-t", "s:1", "monitor-silence", "1", NULL), 0);
        assert_true(client_wait_row(c, -1, "1:sleep~-", E2E_TIMEOUT));
    }
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* set-hook -g pane-exited with the exit status in formats, as a user would notify. */
static void test_pane_exited_hook_sees_the_status(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmux 3.3a's pane-exited differs in what #{pane_dead_status} holds */
    char path[512];
    snprintf(path, sizeof path, "%s/hook.out", getenv("HOME"));
    char hook[700];
    snprintf(hook, sizeof hook, "run-shell 'echo #{pane_id} #{pane_dead_status} >> %s'", path);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "keep", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set-hook", "-g", "pane-exited", hook, NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "job", "sleep 0.2; exit 3", NULL), 0);
    char line[64] = "";
    for (int i = 0; i < 100; i++) {
        FILE *f = fopen(path, "r");
        if (f != NULL) {
            bool got = fgets(line, sizeof line, f) != NULL;
            fclose(f);
            if (got)
                break;
        }
        sleep_ms(100);
    }
    assert_string_equal(line, "%1 3\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_orphans_of_a_pane_leave_no_zombies, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_wait_pane_returns_the_commands_status, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(
            test_remain_on_exit_keeps_the_dead_pane_and_respawn_restarts_it, e2e_setup,
            e2e_teardown),
        cmocka_unit_test_setup_teardown(test_alerts_mark_windows_in_the_status_line, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pane_exited_hook_sees_the_status, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
