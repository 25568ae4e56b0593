/* test_attach.c - end-to-end: clients attached in a pty, as a person uses them: what the
 * screen shows, typing, detaching, several clients, resizing, and clients killed by
 * signals. The terminal must always be left as the client found it. */
#include "harness.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Creates detached session NAME and attaches an 80x24 client to it; returns once the
 * status line shows "[NAME]". */
static struct pty_client *attach_new(struct tmx_env *env, const char *name)
{
    char status[64];
    struct pty_client *c;

    if (tmx_run(env, NULL, NULL, "has-session", "-t", name, NULL) != 0)
        assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", name, NULL), 0);
    c = client_start(env, 80, 24, "attach", "-t", name, NULL);
    snprintf(status, sizeof status, "[%s]", name);
    assert_true(client_wait_row(c, -1, status, E2E_TIMEOUT));
    return c;
}

/* Attaching shows what the session printed while detached and a status line; typed
 * commands run; ls marks the session attached. */
static void test_attach_shows_session(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c;
    char *out;

    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo early-$((2*4))",
                             "Enter", NULL), 0);
    assert_capture(env, "s", "early-8");

    c = attach_new(env, "s");
    assert_screen(c, "early-8");
    /* Status line: last row, session name in brackets, the window list with "0:". */
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    assert_non_null(strstr(client_screen_row(c, -1), "0:"));

    client_type(c, "echo typed-$((6*7))\r");
    assert_screen(c, "typed-42");
    /* The pane's output never lands on the status line. */
    assert_null(strstr(client_screen_row(c, -1), "typed-42"));

    assert_int_equal(tmx_run(env, &out, NULL, "ls", NULL), 0);
    assert_non_null(strstr(out, "(attached)"));
    free(out);
}

/* C-b d detaches: the client says so and exits 0 leaving the terminal as it was; the
 * session lives on, and what it printed meanwhile is shown on the next attach. */
static void test_detach_and_reattach(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_new(env, "s");
    char *out;

    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_output_contains(c, "[detached (from session s)]"));
    assert_true(client_termios_restored(c));

    assert_true(wait_run_output(env, "(attached)", false, E2E_TIMEOUT, "ls", NULL));
    assert_int_equal(tmx_run(env, &out, NULL, "ls", NULL), 0);
    assert_true(strncmp(out, "s: 1 windows", 12) == 0);
    free(out);

    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s", "echo while-away-$((1+2))",
                             "Enter", NULL), 0);
    assert_capture(env, "s", "while-away-3");
    c = attach_new(env, "s");
    assert_screen(c, "while-away-3");
}

/* Two clients on one session see the same pane: what one types, both see. */
static void test_two_clients_share_session(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *a = attach_new(env, "s");
    struct pty_client *b = attach_new(env, "s");
    char *out;

    client_type(a, "echo from-a-$((5*5))\r");
    assert_screen(a, "from-a-25");
    assert_screen(b, "from-a-25");

    client_type(b, "echo from-b-$((6*6))\r");
    assert_screen(b, "from-b-36");
    assert_screen(a, "from-b-36");

    /* One client leaving does not detach the other. */
    client_keys(a, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(a, E2E_TIMEOUT), 0);
    client_type(b, "echo still-b-$((7*7))\r");
    assert_screen(b, "still-b-49");
    assert_int_equal(tmx_run(env, &out, NULL, "ls", NULL), 0);
    assert_non_null(strstr(out, "(attached)"));
    free(out);
}

/* Resizing the client's terminal resizes the pane; the status line keeps one row. */
static void test_resize_reaches_pane(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_new(env, "s");

    client_type(c, "stty size\r");
    assert_screen(c, "23 80");

    client_resize(c, 100, 30);
    /* The status line moves to the new last row. */
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* tmux 3.3a resizes the pane's pty a little after redrawing (pane resizes are queued),
     * so ask until the program sees the new size, as a person would. */
    for (int i = 0; i < 20; i++) {
        client_type(c, "stty size\r");
        if (client_poll_text(c, "29 100", 500))
            break;
    }
    assert_screen(c, "29 100");
}

/* The usual start: `new -s NAME` typed in a terminal starts the server itself, attaches,
 * and the session outlives the client after a detach. */
static void test_new_session_in_terminal(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = client_start(env, 80, 24, "new", "-s", "fresh", NULL);
    char *out;

    assert_true(client_wait_row(c, -1, "[fresh]", E2E_TIMEOUT));
    assert_true(client_wait_window_flag(c, 0, '*', E2E_TIMEOUT));
    client_type(c, "echo fresh-$((4*4))\r");
    assert_screen(c, "fresh-16");

    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_output_contains(c, "[detached (from session fresh)]"));
    assert_true(client_termios_restored(c));

    assert_int_equal(tmx_run(env, &out, NULL, "ls", NULL), 0);
    assert_true(strncmp(out, "fresh: 1 windows (created ", 26) == 0);
    free(out);
    assert_capture(env, "fresh", "fresh-16");
}

/* Detaching: the client exits 0, says so last (nothing is drawn after the terminal
 * is restored) and leaves the terminal's modes as they were. */
static void assert_detached_cleanly(struct pty_client *c)
{
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_termios_restored(c));
    size_t len;
    const char *out = client_output(c, &len);
    const char *msg = "[detached (from session s)]";
    const char *at = memmem(out, len, msg, strlen(msg));
    assert_non_null(at);
    for (const char *p = at + strlen(msg); p < out + len; p++) {
        if (*p != '\r' && *p != '\n')
            fail_msg("byte 0x%02x written after the detach message", (unsigned char)*p);
    }
}

/* The server reads the keys from and draws on the client's terminal itself (the
 * client passed it): with the client process stopped, typing still reaches the pane
 * and its echo still shows. */
static void test_the_terminal_is_served_directly(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_new(env, "s");
    client_signal(c, SIGSTOP);
    client_type(c, "echo direct-$((6*7))\r");
    assert_screen(c, "direct-42");
    client_signal(c, SIGCONT);
    assert_detached_cleanly(c);
}

/* A client that does not pass its terminal (TMX_NO_TTY_PASS, or a terminal it cannot
 * reopen) relays keys and frames over its socket: everything works the same. */
static void test_relayed_terminal(void **state)
{
    struct tmx_env *env = *state;
    setenv("TMX_NO_TTY_PASS", "1", 1);
    struct pty_client *c = attach_new(env, "s");
    unsetenv("TMX_NO_TTY_PASS");
    client_type(c, "echo relayed-$((6*7)); stty size\r");
    assert_screen(c, "relayed-42");
    assert_screen(c, "23 80");
    client_resize(c, 100, 30);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    for (int i = 0; i < 20; i++) { /* tmux resizes the pty a little later */
        client_type(c, "stty size\r");
        if (client_poll_text(c, "29 100", 500))
            break;
    }
    assert_screen(c, "29 100");
    assert_detached_cleanly(c);
}

/* Waits until a row below the one showing 'first' shows 'then'. */
static bool wait_prompt_after(struct pty_client *c, const char *first, const char *then)
{
    for (int waited = 0; waited < E2E_TIMEOUT; waited += 20) {
        client_pump(c, 20);
        int at = -1;
        for (int y = 0; y < 24; y++) {
            const char *row = client_screen_row(c, y);
            if (at < 0 && strstr(row, first) != NULL)
                at = y;
            else if (at >= 0 && strstr(row, then) != NULL)
                return true;
        }
    }
    client_dump(c);
    return false;
}

/* C-b C-z (suspend-client): the client gives the terminal back to the shell that
 * started it, as a stopped job (the server neither reads it nor draws on it
 * meanwhile); `fg` brings the session back, fully redrawn. */
static void test_suspend_and_fg(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    const char *sh[] = {"/bin/sh", "-i", NULL}; /* interactive: job control */
    struct pty_client *c = pty_start(env, 80, 24, sh);
    client_type(c, "PS1='outer-$((1+1))$ '\r");
    assert_true(client_wait_text(c, "outer-2$", E2E_TIMEOUT));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s -L %s -f /dev/null attach -t s\r",
             env_bin(env), env_socket_name(env));
    client_type(c, cmd);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    client_type(c, "echo inside-$((6*7))\r");
    assert_screen(c, "inside-42");

    if (getenv("E2E_VALGRIND") != NULL) {
        /* Under valgrind a process cannot stop itself: its signal emulation delivers
         * kill(getpid(), SIGTSTP) as nothing (a plain C program shows it too). The
         * suspend itself is checked by the normal (ASan) run; here the rest of the
         * path, detach and exit, still runs under memcheck. */
        fprintf(stderr, "e2e: test_suspend_and_fg: C-z not checked under valgrind\n");
        client_keys(c, KEY_PREFIX "d");
        assert_true(client_wait_text(c, "[detached (from session s)]", E2E_TIMEOUT));
        client_type(c, "exit\r");
        assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
        return;
    }
    client_keys(c, KEY_PREFIX "\x1a"); /* C-z */
    /* The shell has the terminal (its prompt is back, below the job's "Stopped"): it
     * runs what is typed, and tmx's screen is gone. */
    assert_true(wait_prompt_after(c, "Stopped", "outer-2$"));
    client_type(c, "echo shell-$((3*3))\r");
    assert_screen(c, "shell-9");
    assert_false(client_screen_contains(c, "inside-42"));
    assert_true(wait_run_output(env, "(attached)", true, E2E_TIMEOUT, "ls", NULL));

    client_type(c, "fg\r");
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_screen(c, "inside-42");
    client_type(c, "echo back-$((5*5))\r");
    assert_screen(c, "back-25");
    client_keys(c, KEY_PREFIX "d");
    assert_true(client_wait_text(c, "[detached (from session s)]", E2E_TIMEOUT));
    client_type(c, "exit\r");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* list-clients names each client's terminal (#{client_tty}); detach-client -t takes
 * that name and detaches exactly that client, as tmux's target-client. */
static void test_detach_a_client_by_its_terminal(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *a = attach_new(env, "s");
    struct pty_client *b = attach_new(env, "s");
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "list-clients", "-F", "#{client_tty}", NULL), 0);
    assert_int_equal(count_lines(out), 2);
    char *second = strchr(out, '\n');
    assert_non_null(second);
    *second++ = '\0';
    second[strcspn(second, "\n")] = '\0';
    assert_true(strncmp(out, "/dev/pts/", 9) == 0);
    assert_true(strncmp(second, "/dev/pts/", 9) == 0);
    /* Which one is a's? Detach the first named and see which client leaves. */
    assert_int_equal(tmx_run(env, NULL, NULL, "detach-client", "-t", out, NULL), 0);
    struct pty_client *gone = NULL, *stays = NULL;
    for (int i = 0; i < 100 && gone == NULL; i++) {
        client_pump(a, 10);
        client_pump(b, 10);
        if (client_output_contains(a, "[detached (from session s)]"))
            gone = a, stays = b;
        else if (client_output_contains(b, "[detached (from session s)]"))
            gone = b, stays = a;
    }
    assert_non_null(gone);
    assert_int_equal(client_wait_exit(gone, E2E_TIMEOUT), 0);
    /* The other is still attached and working. */
    client_type(stays, "echo still-$((2*3))\r");
    assert_screen(stays, "still-6");
    free(out);
    assert_true(wait_run_output(env, "(attached)", true, E2E_TIMEOUT, "ls", NULL));
}

/* A client killed by SIGTERM or SIGHUP restores the terminal; the session survives. */
static void check_killed_client(struct tmx_env *env, int sig)
{
    struct pty_client *c = attach_new(env, "s");

    client_signal(c, sig);
    assert_int_not_equal(client_wait_exit(c, E2E_TIMEOUT), -1);
    assert_true(client_termios_restored(c));
    assert_int_equal(tmx_run(env, NULL, NULL, "has-session", "-t", "s", NULL), 0);
    assert_true(wait_run_output(env, "(attached)", false, E2E_TIMEOUT, "ls", NULL));
}

static void test_client_sigterm(void **state)
{
    check_killed_client(*state, SIGTERM);
}

static void test_client_sighup(void **state)
{
    check_killed_client(*state, SIGHUP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_attach_shows_session, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_detach_and_reattach, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_two_clients_share_session, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_new_session_in_terminal, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_resize_reaches_pane, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_sigterm, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_client_sighup, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_the_terminal_is_served_directly, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_relayed_terminal, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_suspend_and_fg, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_detach_a_client_by_its_terminal, e2e_setup,
                                        e2e_teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
