/* test_server_envset.c - environments kept sorted by name: NAME=value strings put in,
 * found and replaced by the name before the '=' (names that are prefixes of others
 * included), and a new process's environment in name order, the session's entries over
 * the global ones, removed and hidden ones left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "envset.h"

static void assert_value(const struct envset *e, const char *name, const char *want)
{
    const struct environ_entry *en = envset_find(e, name);
    assert_non_null(en);
    assert_string_equal(en->value, want);
}

static void test_put_finds_names_that_prefix_each_other(void **state)
{
    (void)state;
    struct envset *e = envset_create();
    envset_put(e, "PATHX=1", false);
    envset_put(e, "PATH=2", false);
    envset_put(e, "PAT=3", false);
    envset_put(e, "PATHXY=4", false);
    envset_put(e, "A=5", false);
    envset_put(e, "PATH=6", false); /* replaces */
    envset_put(e, "=7", false);     /* no name: ignored */
    envset_put(e, "NOEQUALS", false);
    assert_int_equal(e->n, 5);
    assert_value(e, "PATHX", "1");
    assert_value(e, "PATH", "6");
    assert_value(e, "PAT", "3");
    assert_value(e, "PATHXY", "4");
    assert_value(e, "A", "5");
    assert_null(envset_find(e, "PA"));
    assert_null(envset_find(e, "PATHXYZ"));
    const char *order[] = {"A", "PAT", "PATH", "PATHX", "PATHXY"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(e->entries[i].name, order[i]);
    envset_free(e);
}

static void test_many_entries_stay_sorted(void **state)
{
    (void)state;
    struct envset *e = envset_create();
    char buf[32];
    for (int i = 99; i >= 0; i--) {
        snprintf(buf, sizeof buf, "V%02d=%d", (i * 37) % 100, i);
        envset_put(e, buf, false);
    }
    assert_int_equal(e->n, 100);
    for (size_t i = 1; i < e->n; i++)
        assert_true(strcmp(e->entries[i - 1].name, e->entries[i].name) < 0);
    envset_unset(e, "V50");
    assert_null(envset_find(e, "V50"));
    assert_int_equal(e->n, 99);
    envset_free(e);
}

static void test_child_environment_session_over_global(void **state)
{
    (void)state;
    struct envset *global = envset_create(), *session = envset_create();
    envset_put(global, "HOME=/home/g", false);
    envset_put(global, "TERM=xterm", false);
    envset_put(global, "GONE=x", false);
    envset_put(global, "SECRET=s", true);
    envset_put(session, "TERM=screen", false);
    envset_set(session, "GONE", NULL, false);
    envset_put(session, "EXTRA=", false);
    size_t n;
    char **env = envset_for_child(global, session, &n);
    assert_int_equal(n, 3);
    assert_string_equal(env[0], "HOME=/home/g");
    assert_string_equal(env[1], "EXTRA=");
    assert_string_equal(env[2], "TERM=screen");
    assert_null(env[3]);
    envset_free_strings(env);
    envset_free(global);
    envset_free(session);
}

/* What a client's environment says of the terminal outside and of the tmx or tmux it
 * runs in never reaches a program inside; names that merely start the same do. */
static void test_outside_entries_are_named_exactly(void **state)
{
    (void)state;
    const char *outside[] = {"TERM=xterm", "COLUMNS=80", "LINES=24", "TMX=/s,1,0",
                             "TMX_PANE=%1", "TMUX=/s,1,0", "TMUX_PANE=%2", "TERM="};
    const char *inside[] = {"TERMINAL=kitty", "COLUMNSX=1", "TMUX_TMPDIR=/tmp", "PATH=/bin",
                            "LINES", "TERM", ""};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
        assert_true(envset_describes_outside(outside[i]));
    for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++)
        assert_false(envset_describes_outside(inside[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outside_entries_are_named_exactly),
        cmocka_unit_test(test_put_finds_names_that_prefix_each_other),
        cmocka_unit_test(test_many_entries_stay_sorted),
        cmocka_unit_test(test_child_environment_session_over_global),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
