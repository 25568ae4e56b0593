/* test_server.c - end-to-end: the server going away under an attached client, cleanly
 * (kill-server) or not (SIGKILL). Either way the client must say why it exits and leave
 * the terminal exactly as it found it. */
#include "harness.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static struct pty_client *attach_s(struct tmx_env *env)
{
    struct pty_client *c;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

/* kill-server from outside: the client prints "[server exited]". */
static void test_kill_server_while_attached(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);

    assert_int_equal(tmx_run(env, NULL, NULL, "kill-server", NULL), 0);
    assert_int_not_equal(client_wait_exit(c, E2E_TIMEOUT), -1);
    assert_true(client_output_contains(c, "[server exited]"));
    assert_true(client_termios_restored(c));
    assert_int_not_equal(tmx_run(env, NULL, NULL, "ls", NULL), 0);
}

/* The server dies without a word, and with it the keeper that held its programs (else
 * the client would start the next server and attach again: test_keeper.c): the client
 * prints "[lost server]", restores the terminal itself and exits non-zero. */
static void test_server_sigkill_lost_server(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    pid_t pid = server_pid(env, "s");
    int status;

    assert_true(pid > 1);
    if (!env_is_tmux(env)) {
        char *out = NULL;
        assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s", "#{pane_pid}",
                                 NULL), 0);
        pid_t keeper = e2e_parent_pid((pid_t)atoi(out));
        free(out);
        assert_true(keeper > 1 && keeper != pid);
        assert_int_equal(kill(keeper, SIGKILL), 0);
    }
    assert_int_equal(kill(pid, SIGKILL), 0);
    status = client_wait_exit(c, E2E_TIMEOUT);
    assert_int_not_equal(status, -1);
    assert_int_not_equal(status, 0);
    if (env_is_tmux(env)) {
        /* tmux 3.3a differs here: it prints "[server exited unexpectedly]" and leaves the
         * terminal raw, because its server, not the client, owns the terminal's settings.
         * tmx must do what this test asks: "[lost server]" and a restored terminal. */
        assert_true(client_output_contains(c, "[server exited unexpectedly]"));
        return;
    }
    assert_true(client_output_contains(c, "[lost server]"));
    assert_true(client_termios_restored(c));
}

/* The last session goes while another client is connected and has not sent its command
 * yet (a `tmx new` that has just started the server, racing a `tmx ls`): the server stays
 * for it, as tmux's does, and that client's new session is made on the same server. When
 * no client is left, exit-empty ends the server. */
static void test_exit_empty_waits_for_a_connecting_client(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "a", NULL), 0);
    pid_t pid = server_pid(env, "a");
    assert_true(pid > 1);
    int arriving = env_connect(env); /* connected, nothing sent yet */
    assert_true(arriving >= 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-session", "-t", "a", NULL), 0);
    /* kill-session's client has had its answer: the server must still be there. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "b", NULL), 0);
    assert_int_equal(server_pid(env, "b"), pid);
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-session", "-t", "b", NULL), 0);
    assert_int_equal(kill(pid, 0), 0);
    close(arriving);
    /* The last client gone: the server exits (exit-empty on). */
    long long until = e2e_now_ms() + E2E_TIMEOUT;
    while (kill(pid, 0) == 0 && e2e_now_ms() < until)
        sleep_ms(20);
    assert_int_not_equal(kill(pid, 0), 0);
}

/* The server outlives the SSH session that started it: SIGHUP is ignored. */
static void test_server_survives_sighup(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    pid_t pid = server_pid(env, "s");
    assert_true(pid > 1);
    assert_int_equal(kill(pid, SIGHUP), 0);
    sleep_ms(200);
    assert_int_equal(kill(pid, 0), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
}

/* The socket file deleted under a running server: commands cannot find it, SIGUSR1
 * makes the server listen again at the same path (docs/manual.md), and the sessions are
 * all there. */
static void test_sigusr1_recreates_a_deleted_socket(void **state)
{
    struct tmx_env *env = *state;
    char *path = NULL;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, &path, NULL, "display-message", "-p", "#{socket_path}", NULL), 0);
    path[strcspn(path, "\n")] = '\0';
    pid_t pid = server_pid(env, "s");
    assert_true(pid > 1);

    assert_int_equal(unlink(path), 0);
    char *err = NULL;
    assert_int_not_equal(tmx_run(env, NULL, &err, "has-session", "-t", "s", NULL), 0);
    free(err);
    assert_int_equal(kill(pid, SIGUSR1), 0);
    bool back = false;
    for (int i = 0; i < 100 && !back; i++) {
        back = access(path, F_OK) == 0;
        if (!back)
            sleep_ms(20);
    }
    assert_true(back);
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
    assert_int_equal(server_pid(env, "s"), pid); /* the same server, not a new one */
    free(path);
}

/* A client killed with SIGKILL in the middle of a flood of frames: the server and the
 * other client carry on and see the end of the output. */
static void test_client_sigkill_mid_frame(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *watcher = attach_s(env);
    struct pty_client *victim = client_start(env, 120, 40, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(victim, -1, "[s]", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s",
                             "for i in $(seq 1 200000); do echo line-$i-xxxxxxxxxxxxxxxxxxxx; done; echo FLOOD-DONE",
                             "Enter", NULL),
                     0);
    sleep_ms(300); /* the flood is under way: frames are being written to both */
    client_signal(victim, SIGKILL);
    assert_int_not_equal(client_wait_exit(victim, E2E_TIMEOUT), -1);
    assert_true(client_wait_text(watcher, "FLOOD-DONE", 60000));
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
    /* The server still serves new clients. */
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-clients", "-F", "#{client_width}", NULL), 0);
    assert_int_equal(count_lines(out), 1);
    free(out);
}

/* A client that dies with a list open (choose-tree): closing the list for it must not
 * schedule a frame for the freed client (found by tests/fuzz/proto_fuzz). */
static void test_client_killed_in_choose_tree(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env);
    struct pty_client *other = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(other, -1, "[s]", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "w");
    assert_true(client_wait_text(c, "s: 1 windows", E2E_TIMEOUT));
    client_signal(c, SIGKILL);
    assert_int_not_equal(client_wait_exit(c, E2E_TIMEOUT), -1);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo alive-$((2*3))", "Enter", NULL), 0);
    assert_true(client_wait_text(other, "alive-6", E2E_TIMEOUT));
}

/* A server of an older release (simulated: TMX_PROTO_VERSION=4 speaks 4 alone) and a
 * newer client: refused, told the server's pid to kill, since the newer client's
 * kill-server is refused too; a client of the server's release (the same variable: the
 * client identified as 5 whatever it said) runs commands, kill-server included. */
static void test_an_older_server_and_a_newer_client(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* tmx's protocol versions */
    setenv("TMX_PROTO_VERSION", "4", 1);
    int rc = tmx_run(env, NULL, NULL, "new", "-d", "-s", "old", NULL);
    pid_t pid = server_pid(env, "old");
    unsetenv("TMX_PROTO_VERSION");
    assert_int_equal(rc, 0);
    assert_true(pid > 1);
    char *err = NULL, want[64];
    assert_int_equal(tmx_run(env, NULL, &err, "kill-server", NULL), 1);
    assert_non_null(strstr(err, "protocol version mismatch (server 4-4, client 5)"));
    snprintf(want, sizeof want, "or kill %ld (its sessions end)", (long)pid);
    if (strstr(err, want) == NULL)
        fail_msg("kill-server said \"%s\", not \"%s\"", err, want);
    free(err);
    setenv("TMX_PROTO_VERSION", "4", 1);
    rc = tmx_run(env, NULL, NULL, "kill-server", NULL);
    unsetenv("TMX_PROTO_VERSION");
    assert_int_equal(rc, 0);
    err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "ls", NULL), 1);
    assert_non_null(strstr(err, "no server running"));
    free(err);
}

/* Clients started at the same moment with no server running start one between them:
 * every command runs, all on the same server, and no start lock file is left behind. */
static void test_clients_started_at_once_share_one_server(void **state)
{
    struct tmx_env *env = *state;
    enum { N = 6 };
    pid_t kids[N];
    for (int i = 0; i < N; i++) {
        kids[i] = fork();
        assert_true(kids[i] >= 0);
        if (kids[i] == 0) {
            char name[16];
            snprintf(name, sizeof name, "s%d", i);
            _exit(tmx_run(env, NULL, NULL, "new", "-d", "-s", name, NULL) == 0 ? 0 : 1);
        }
    }
    for (int i = 0; i < N; i++) {
        int st;
        assert_int_equal(waitpid(kids[i], &st, 0), kids[i]);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "ls", "-F", "#{session_name} #{pid}", NULL), 0);
    assert_int_equal(count_lines(out), N);
    char *first_pid = strchr(out, ' ');
    assert_non_null(first_pid);
    size_t len = strcspn(first_pid, "\n");
    for (char *line = out; *line != '\0'; line += strcspn(line, "\n") + 1) {
        char *pid = strchr(line, ' ');
        assert_non_null(pid);
        if (strncmp(pid, first_pid, len) != 0)
            fail_msg("two servers: %s", out);
    }
    free(out);
    char path[4096];
    env_socket_path(env, path, sizeof path - 8);
    strcat(path, ".lock");
    assert_int_not_equal(access(path, F_OK), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_server_survives_sighup, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_exit_empty_waits_for_a_connecting_client, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_kill_server_while_attached, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_server_sigkill_lost_server, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_sigusr1_recreates_a_deleted_socket, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_sigkill_mid_frame, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_killed_in_choose_tree, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_an_older_server_and_a_newer_client, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_clients_started_at_once_share_one_server, e2e_setup,
                                        e2e_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
