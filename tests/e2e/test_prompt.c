/* test_prompt.c - end-to-end: command-prompt's kinds of prompt as a user answers them:
 * several prompts one after the other (-p a,b, -I), one character (-1), one key's name
 * (-k), digits (-N: another key answers and goes on), incremental (-i: the template
 * runs at once and as the text changes, C-r/C-s marked '-'/'+'), and copy mode's incremental search
 * on C-r. Passes against tmux 3.3a too (TMX_BIN=/usr/bin/tmux). The prompts are opened
 * with -b: without it tmux keeps the command-line client waiting until they close. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct pty_client *attach(struct tmx_env *env)
{
    struct pty_client *c = client_start(env, 80, 24, "new", "-s", "p", "cat", NULL);
    assert_true(client_wait_text(c, "[p]", 5000));
    return c;
}

/* Wait until user option NAME (global) reads want. */
static bool option_is(struct tmx_env *env, const char *name, const char *want)
{
    char line[256];
    snprintf(line, sizeof line, "%s\n", want);
    char *out = NULL;
    for (int i = 0; i < 100; i++) {
        free(out);
        out = NULL;
        tmx_run(env, &out, NULL, "show", "-gv", name, NULL);
        if (out != NULL && strcmp(out, line) == 0) {
            free(out);
            return true;
        }
        sleep_ms(50);
    }
    fprintf(stderr, "%s is '%s', not '%s'\n", name, out != NULL ? out : "(none)", want);
    free(out);
    return false;
}

static void test_several_prompts(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "command-prompt", "-b", "-p", "one,two", "-I",
                             "a,b", "set -g @r1 '%1' ; set -g @r2 '%2' ; set -g @all '%%,%%'",
                             NULL),
                     0);
    assert_true(client_wait_row(c, 23, "one a", 5000));
    client_keys(c, "x\r");
    assert_true(client_wait_row(c, 23, "two b", 5000));
    client_keys(c, "y\r");
    assert_true(option_is(env, "@r1", "ax"));
    assert_true(option_is(env, "@r2", "by"));
    assert_true(option_is(env, "@all", "ax,by"));
}

static void test_one_character_and_one_key(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "command-prompt", "-b", "-1", "-p", "one",
                             "set -g @k1 '%%'", NULL),
                     0);
    assert_true(client_wait_row(c, 23, "one", 5000));
    client_keys(c, "z");
    assert_true(option_is(env, "@k1", "z"));
    assert_int_equal(tmx_run(env, NULL, NULL, "command-prompt", "-b", "-k", "-p", "key",
                             "set -g @k2 '%%'", NULL),
                     0);
    assert_true(client_wait_row(c, 23, "key", 5000));
    client_type(c, "\033[A");
    assert_true(option_is(env, "@k2", "Up"));
}

/* -N takes digits; another key answers with them and then goes where it would. */
static void test_numeric(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "command-prompt", "-b", "-N", "-p", "num",
                             "set -g @n '%%'", NULL),
                     0);
    assert_true(client_wait_row(c, 23, "num", 5000));
    client_keys(c, "12");
    assert_true(client_wait_row(c, 23, "num 12", 5000));
    client_keys(c, "q");
    assert_true(option_is(env, "@n", "12"));
    assert_true(client_wait_row(c, 0, "q", 5000)); /* cat got the q */
}

/* -i runs the template at each change of the text ("=text"), at C-r ("-text") and C-s
 * ("+text"); Enter runs nothing more. */
static void test_incremental(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "command-prompt", "-b", "-i", "-p", "inc",
                             "set -ga @inc '[%%]'", NULL),
                     0);
    assert_true(client_wait_row(c, 23, "inc", 5000));
    assert_true(option_is(env, "@inc", "[=]")); /* at once, with the initial text */
    client_keys(c, "a");
    assert_true(option_is(env, "@inc", "[=][=a]"));
    client_keys(c, "b");
    assert_true(option_is(env, "@inc", "[=][=a][=ab]"));
    client_keys(c, "\022");
    assert_true(option_is(env, "@inc", "[=][=a][=ab][-ab]"));
    client_keys(c, "\023");
    assert_true(option_is(env, "@inc", "[=][=a][=ab][-ab][+ab]"));
    client_keys(c, "\r");
    assert_true(client_wait_row(c, 23, "[p]", 5000));
    assert_true(option_is(env, "@inc", "[=][=a][=ab][-ab][+ab]"));
}

/* copy mode's C-r: the cursor goes to the match as the text is typed, C-r again to the
 * one before; Enter leaves it there (the rows are where tmux 3.3a puts the cursor: the
 * pane shows the lines typed and cat's copies of them). */
static void test_copy_mode_incremental_search(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach(env);
    client_type(c, "one\rtwo\rthree\rtwo\r");
    assert_true(client_wait_row(c, 7, "two", 5000));
    assert_int_equal(tmx_run(env, NULL, NULL, "copy-mode", NULL), 0);
    client_keys(c, "\022");
    assert_true(client_wait_row(c, 23, "(search up)", 5000));
    client_keys(c, "t");
    assert_true(wait_run_output(env, "7,0", true, 5000, "display", "-p",
                                "#{copy_cursor_y},#{copy_cursor_x}", NULL));
    client_keys(c, "h");
    assert_true(wait_run_output(env, "6,0", true, 5000, "display", "-p",
                                "#{copy_cursor_y},#{copy_cursor_x}", NULL));
    client_keys(c, "\b");
    assert_true(wait_run_output(env, "7,0", true, 5000, "display", "-p",
                                "#{copy_cursor_y},#{copy_cursor_x}", NULL));
    client_keys(c, "\022");
    assert_true(wait_run_output(env, "6,0", true, 5000, "display", "-p",
                                "#{copy_cursor_y},#{copy_cursor_x}", NULL));
    client_keys(c, "\r");
    assert_true(wait_run_output(env, "6,0 copy-mode", true, 5000, "display", "-p",
                                "#{copy_cursor_y},#{copy_cursor_x} #{pane_mode}", NULL));
}

static void test_unknown_type(void **state)
{
    struct tmx_env *env = *state;
    attach(env);
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "command-prompt", "-b", "-T", "bad", "display x",
                             NULL),
                     1);
    assert_non_null(strstr(err, "unknown type: bad"));
    free(err);
}

/* confirm-before and command-prompt run from a shell: without -b the shell's tmx waits
 * until the prompt on the attached client is answered (then the command has run), with
 * -b it returns at once, as tmux's. */
static void test_prompt_from_a_shell_waits_unless_b(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach(env);
    struct pty_client *shell = client_start(env, 80, 24, "confirm-before", "-p", "sure?",
                                            "set -g @sure yes", NULL);
    assert_true(client_wait_row(c, 23, "sure?", 5000));
    assert_int_equal(client_wait_exit(shell, 300), -1); /* still waiting for the answer */
    client_keys(c, "y");
    assert_int_equal(client_wait_exit(shell, 5000), 0);
    assert_true(option_is(env, "@sure", "yes"));

    shell = client_start(env, 80, 24, "command-prompt", "-p", "name?",
                         "set -g @name '%%'", NULL);
    assert_true(client_wait_row(c, 23, "name?", 5000));
    assert_int_equal(client_wait_exit(shell, 300), -1);
    client_type(c, "ab\r");
    assert_int_equal(client_wait_exit(shell, 5000), 0);
    assert_true(option_is(env, "@name", "ab"));

    shell = client_start(env, 80, 24, "confirm-before", "-b", "-p", "later?",
                         "set -g @later yes", NULL);
    assert_int_equal(client_wait_exit(shell, 5000), 0); /* -b: back at once */
    assert_true(client_wait_row(c, 23, "later?", 5000));
    client_keys(c, "y");
    assert_true(option_is(env, "@later", "yes"));
}

/* confirm-before -c and -y (tmux 3.4): the label names the confirm key; that key runs
 * the command ('y' no longer does); with -y, Enter alone runs it; without, Enter does
 * not. */
static void test_confirm_key_and_enter(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no -c or -y */
    struct pty_client *c = attach(env);
    assert_int_equal(tmx_run(env, NULL, NULL, "confirm-before", "-b", "-c", "k",
                             "set -g @k done", NULL), 0);
    assert_true(client_wait_row(c, 23, "Confirm 'set-option'? (k/n)", 5000));
    client_keys(c, "y");
    assert_true(client_wait_row(c, 23, "[p]", 5000));
    assert_int_equal(tmx_run(env, NULL, NULL, "confirm-before", "-b", "-c", "k",
                             "set -g @k done", NULL), 0);
    assert_true(client_wait_row(c, 23, "(k/n)", 5000));
    client_keys(c, "k");
    assert_true(option_is(env, "@k", "done"));
    /* Enter: runs it with -y only. */
    assert_int_equal(tmx_run(env, NULL, NULL, "confirm-before", "-b", "set -g @e without-y",
                             NULL), 0);
    assert_true(client_wait_row(c, 23, "(y/n)", 5000));
    client_keys(c, "\r");
    assert_true(client_wait_row(c, 23, "[p]", 5000));
    assert_int_not_equal(tmx_run(env, NULL, NULL, "show", "-gv", "@e", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "confirm-before", "-b", "-y", "set -g @e with-y",
                             NULL), 0);
    assert_true(client_wait_row(c, 23, "(y/n)", 5000));
    client_keys(c, "\r");
    assert_true(option_is(env, "@e", "with-y"));
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "confirm-before", "-b", "-c", "kk", "true", NULL), 1);
    assert_non_null(strstr(err, "invalid confirm key"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_several_prompts, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_one_character_and_one_key, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_numeric, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_incremental, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_copy_mode_incremental_search, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_unknown_type, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_confirm_key_and_enter, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prompt_from_a_shell_waits_unless_b, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
