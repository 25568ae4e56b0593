/* test_pane_commands.c - end-to-end: panes closing (C-b x, a program exiting) give
 * their space back; split-window -b/-f/-l/-d with a command, resize-pane, %N targets,
 * select-pane -T, swap-pane, break-pane, join-pane, kill-pane -a from the command line. */
#include "pane_checks.h"

/* C-b x (confirmed) and a program exiting close panes; the space goes back. */
static void test_panes_close(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    client_keys(c, KEY_PREFIX "%");
    assert_true(wait_panes(env, "#{pane_index}", "0\n1\n"));
    client_keys(c, KEY_PREFIX "\"");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x11@41,0\n2:39x11@41,12*\n"));

    client_keys(c, KEY_PREFIX "x");
    assert_true(client_wait_row(c, -1, "(y/n)", E2E_TIMEOUT));
    client_keys(c, "y");
    assert_true(wait_panes(env, GEOM, "0:40x23@0,0\n1:39x23@41,0*\n"));
    assert_true(wait_border(c, 60, 11, false));

    /* The program of the left pane exits: the right one takes the whole window. */
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0.0", "exit", "Enter", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x23@0,0*\n"));
    assert_true(wait_border(c, 40, 5, false));
    assert_stty_size(env, "s:0.0", "23 80");

    /* A split with a command: the pane closes when it ends. */
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-h", "-l", "30%", "-d", "-t", "s",
                             "read line", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:55x23@0,0*\n1:24x23@56,0\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "send-keys", "-t", "s:0.1", "Enter", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x23@0,0*\n"));
}

/* Command-line pane commands: targets, -b/-f, resize-pane, swap, break and join. */
static void test_pane_commands(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "24", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "splitw", "-h", "-b", "-l", "20", "-t", "s", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:20x24@0,0*\n1:59x24@21,0\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "splitw", "-f", "-l", "4", "-t", "s", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:20x19@0,0\n1:59x19@21,0\n2:80x4@0,20*\n"));
    assert_int_equal(tmx_run(env, NULL, NULL, "resize-pane", "-t", "s:0.0", "-R", "10", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "resize-pane", "-t", "s:0.2", "-y", "6", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:30x17@0,0\n1:49x17@31,0\n2:80x6@0,18*\n"));
    /* %N ids name panes; select-pane -T sets the title. */
    char *ids = panes(env, "#{pane_id}");
    char id1[16];
    sscanf(strchr(ids, '\n') + 1, "%15s", id1);
    free(ids);
    assert_int_equal(tmx_run(env, NULL, NULL, "select-pane", "-t", id1, "-T", "my title", NULL), 0);
    char *titles = panes(env, "#{pane_index}=#{pane_title}#{?pane_active,*,}");
    assert_non_null(strstr(titles, "1=my title\n"));
    free(titles);
    assert_int_equal(tmx_run(env, NULL, NULL, "swap-pane", "-s", "s:0.0", "-t", "s:0.1", NULL), 0);
    char *swapped = panes(env, "#{pane_index}:#{pane_title}:#{pane_width}");
    assert_non_null(strstr(swapped, "0:my title:30\n"));
    free(swapped);
    assert_int_equal(tmx_run(env, NULL, NULL, "break-pane", "-d", "-s", "s:0.2", NULL), 0);
    assert_true(wait_run_output(env, "(2 panes)", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    assert_true(wait_run_output(env, "1: ", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "join-pane", "-v", "-s", "s:1.0", "-t", "s:0.0", NULL), 0);
    assert_true(wait_panes(env, "#{pane_index}", "0\n1\n2\n"));
    assert_true(wait_run_output(env, "(3 panes)", true, E2E_TIMEOUT, "list-windows", "-t", "s", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "kill-pane", "-a", "-t", "s:0.0", NULL), 0);
    assert_true(wait_panes(env, GEOM, "0:80x24@0,0*\n"));
    char *err = NULL;
    assert_int_not_equal(tmx_run(env, NULL, &err, "split-window", "-l", "abc", "-t", "s", NULL), 0);
    assert_non_null(strstr(err, "invalid size"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_panes_close, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_pane_commands, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
