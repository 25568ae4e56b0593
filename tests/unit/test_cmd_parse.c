/* test_cmd_parse.c - the command-line splitter and the command table lookup: what a
 * binding, a config line or a prompt turns into. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cmd.h"
#include "cmd_table.h"

/* Split line and check it gives exactly the expected words. */
static void assert_split(const char *line, int n, const char *const *want)
{
    char **argv = NULL;
    const char *err = NULL;
    int argc = cmd_split(line, &argv, &err);
    assert_int_equal(argc, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(argv[i], want[i]);
    assert_null(argv[n]);
    cmd_free_argv(argv);
}

static void test_words_split_on_blanks(void **state)
{
    (void)state;
    const char *want[] = {"new-window", "-n", "logs"};
    assert_split("  new-window\t-n   logs \n", 3, want);
}

static void test_single_quotes_keep_everything(void **state)
{
    (void)state;
    const char *want[] = {"send-keys", "echo \"$HOME\" \\n", "Enter"};
    assert_split("send-keys 'echo \"$HOME\" \\n' Enter", 3, want);
}

static void test_double_quotes_allow_backslash_escapes(void **state)
{
    (void)state;
    const char *want[] = {"display", "say \"hi\" \\ok"};
    assert_split("display \"say \\\"hi\\\" \\\\ok\"", 2, want);
}

static void test_quote_pieces_join_into_one_word(void **state)
{
    (void)state;
    /* The prompt substitution relies on this to quote a ' inside a name. */
    const char *want[] = {"rename-window", "--", "it's"};
    assert_split("rename-window -- 'it'\\''s'", 3, want);
}

static void test_comment_ends_the_line(void **state)
{
    (void)state;
    const char *want[] = {"set", "-g", "history-limit", "5000"};
    assert_split("set -g history-limit 5000 # more scrollback", 4, want);
    assert_split("# only a comment", 0, NULL);
    assert_split("", 0, NULL);
}

static void test_empty_quotes_make_an_empty_word(void **state)
{
    (void)state;
    const char *want[] = {"rename-window", ""};
    assert_split("rename-window ''", 2, want);
}

static void test_unclosed_quote_is_an_error(void **state)
{
    (void)state;
    char **argv = NULL;
    const char *err = NULL;
    assert_int_equal(cmd_split("send-keys 'oops", &argv, &err), -1);
    assert_non_null(err);
    err = NULL;
    assert_int_equal(cmd_split("send-keys \"oops", &argv, &err), -1);
    assert_non_null(err);
}

static void test_unclosed_quote_error_says_where_it_opened(void **state)
{
    (void)state;
    char **argv = NULL;
    const char *err = NULL;
    int column = 0;
    assert_int_equal(cmd_split_at("set -g status-left 'oops", &argv, &err, &column), -1);
    assert_int_equal(column, 20);
    assert_int_equal(cmd_split_at("display \"a b", &argv, &err, &column), -1);
    assert_int_equal(column, 9);
}

static void test_commands_found_by_name_alias_and_prefix(void **state)
{
    (void)state;
    const char *err = NULL;
    const struct cmd_entry *e = cmd_lookup("new-window", &err);
    assert_non_null(e);
    assert_string_equal(e->name, "new-window");
    e = cmd_lookup("neww", &err);
    assert_non_null(e);
    assert_string_equal(e->name, "new-window");
    e = cmd_lookup("ls", &err);
    assert_string_equal(e->name, "list-sessions");
    e = cmd_lookup("capture-p", &err);
    assert_string_equal(e->name, "capture-pane");
}

static void test_unknown_and_ambiguous_commands_are_refused(void **state)
{
    (void)state;
    const char *err = NULL;
    assert_null(cmd_lookup("frobnicate", &err));
    assert_string_equal(err, "unknown command");
    err = NULL;
    assert_null(cmd_lookup("list-", &err));
    assert_string_equal(err, "ambiguous command");
}

int main(void)
{
    cmd_set_table(cmd_table_entries());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_split_on_blanks),
        cmocka_unit_test(test_single_quotes_keep_everything),
        cmocka_unit_test(test_double_quotes_allow_backslash_escapes),
        cmocka_unit_test(test_quote_pieces_join_into_one_word),
        cmocka_unit_test(test_comment_ends_the_line),
        cmocka_unit_test(test_empty_quotes_make_an_empty_word),
        cmocka_unit_test(test_unclosed_quote_is_an_error),
        cmocka_unit_test(test_unclosed_quote_error_says_where_it_opened),
        cmocka_unit_test(test_commands_found_by_name_alias_and_prefix),
        cmocka_unit_test(test_unknown_and_ambiguous_commands_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
