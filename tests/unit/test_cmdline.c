/* test_cmdline.c - what a tmx command line asks for before any server is asked: whether
 * it attaches (the client then needs a terminal and refuses to nest; the server tells a
 * real tmux so) and whether it may start a server (as tmux 3.3a: new-session,
 * start-server, attach-session, list-commands, list-keys). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cmdline.h"

#define ARGV(...) ((char *[]){__VA_ARGS__, NULL})
#define ARGC(...) ((int)(sizeof((char *[]){__VA_ARGS__}) / sizeof(char *)))
#define ATTACHES(...) cmdline_attaches(ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))
#define STARTS(...) cmdline_starts_server(ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static void test_attaching_commands(void **state)
{
    (void)state;
    assert_true(cmdline_attaches(0, ARGV(NULL))); /* no command: new-session */
    assert_true(ATTACHES("attach"));
    assert_true(ATTACHES("a", "-t", "work"));
    assert_true(ATTACHES("new", "-s", "work"));
    assert_true(ATTACHES("new-session", "-x", "80", "-y", "24"));
    assert_false(ATTACHES("new", "-d"));
    assert_false(ATTACHES("new", "-Ad", "-s", "w"));
    assert_false(ATTACHES("new", "-s", "d", "-d"));
    assert_true(ATTACHES("new", "-s", "d", "--", "-d")); /* -d is the command there */
    assert_false(ATTACHES("ls"));
    /* Any command of the line. */
    assert_true(ATTACHES("ls", ";", "attach"));
    assert_true(ATTACHES("ls;", "attach"));
    assert_false(ATTACHES("send-keys", "a\\;", "attach"));
}

static void test_commands_that_start_a_server(void **state)
{
    (void)state;
    assert_true(cmdline_starts_server(0, ARGV(NULL)));
    assert_true(STARTS("new", "-d"));
    assert_true(STARTS("start-server"));
    assert_true(STARTS("start"));
    assert_true(STARTS("attach"));
    assert_true(STARTS("lscm"));
    assert_true(STARTS("list-keys", "-T", "root"));
    assert_true(STARTS("ls", ";", "start"));
    assert_false(STARTS("ls"));
    assert_false(STARTS("kill-server"));
    assert_false(STARTS("source-file", "x"));
    assert_false(STARTS("list-sessions"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attaching_commands),
        cmocka_unit_test(test_commands_that_start_a_server),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
