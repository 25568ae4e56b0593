/* test_cmd_language.c - the command language as tmux 3.3a parses it (cmd_parse.c):
 * command lists and their groups, { } blocks, escapes, $VAR and ~, %if, assignments,
 * the errors that fail a whole text, the shell command line's ';' words, and lists
 * printed back as tmux prints them. Each expectation was checked against tmux 3.3a. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd.h"
#include "cmd_table.h"

/* Parse text as a file's contents (no server: $VAR reads the process environment); NULL
 * + *error on error. */
static struct cmd_list *parse(const char *text, char **error)
{
    *error = NULL;
    return cmd_parse_buffer(text, strlen(text), NULL, error);
}

/* Parse text that must parse, and print it back (non-escaped). */
static char *roundtrip(const char *text)
{
    char *error = NULL;
    struct cmd_list *l = parse(text, &error);
    if (l == NULL)
        fail_msg("%s: %s", text, error);
    char *printed = cmd_list_print(l, false);
    cmd_list_free(l);
    return printed;
}

static void assert_prints(const char *text, const char *want)
{
    char *got = roundtrip(text);
    assert_string_equal(got, want);
    free(got);
}

static void assert_error(const char *text, const char *want)
{
    char *error = NULL;
    struct cmd_list *l = parse(text, &error);
    assert_null(l);
    assert_non_null(error);
    assert_string_equal(error, want);
    free(error);
}

/* The n-th argument (argv index) of command i. */
static void assert_arg(const char *text, size_t i, int arg, const char *want)
{
    char *error = NULL;
    struct cmd_list *l = parse(text, &error);
    if (l == NULL)
        fail_msg("%s: %s", text, error);
    assert_true(i < l->n);
    assert_true(arg < l->cmds[i].argc);
    assert_string_equal(l->cmds[i].argv[arg], want);
    cmd_list_free(l);
}

static void test_semicolons_and_lines_make_commands_and_groups(void **state)
{
    (void)state;
    char *error;
    struct cmd_list *l = parse("display a ; display b\ndisplay c", &error);
    assert_non_null(l);
    assert_int_equal(l->n, 3);
    assert_string_equal(l->cmds[0].argv[0], "display-message");
    /* One line, one group: a failure stops the rest of its line only. */
    assert_int_equal(l->cmds[0].group, l->cmds[1].group);
    assert_int_not_equal(l->cmds[1].group, l->cmds[2].group);
    cmd_list_free(l);
    assert_prints("display a;display b", "display-message a ; display-message b");
    assert_prints("display a ; ; display b", "display-message a ; display-message b");
    assert_prints("display a\ndisplay b", "display-message a ;; display-message b");
    /* A string (a binding, if-shell's commands) is one group whatever its lines. */
    error = NULL;
    l = cmd_parse_string("display a\ndisplay b\nif 1 {\ndisplay c\ndisplay d\n}", NULL, &error);
    assert_non_null(l);
    assert_int_equal(l->n, 3);
    assert_int_equal(l->cmds[0].group, l->cmds[2].group);
    char *printed = cmd_list_print(l, false);
    assert_string_equal(printed, "display-message a ; display-message b ; "
                                 "if-shell 1 { display-message c ; display-message d }");
    free(printed);
    cmd_list_free(l);
}

static void test_escaped_semicolon_is_an_argument_in_text(void **state)
{
    (void)state;
    /* In a config, \; is a ';' word: display-message then has too many arguments. */
    assert_error("display a \\; display b",
                 "command display-message: too many arguments (need at most 1)");
    assert_arg("send-keys a\\; b", 0, 1, "a;");
}

static void test_quotes_and_escapes(void **state)
{
    (void)state;
    assert_arg("display 'a \\t $HOME'", 0, 1, "a \\t $HOME");
    assert_arg("display \"x\\ty\\e\\s\\101\"", 0, 1, "x\ty\033 A");
    assert_arg("display a\"b\"'c'd", 0, 1, "abcd");
    assert_arg("display \"caf\\u00e9\"", 0, 1, "caf\xc3\xa9");
    assert_arg("display \\U0001F600", 0, 1, "\xf0\x9f\x98\x80");
    assert_arg("display \\q", 0, 1, "q");
    assert_error("display \"\\400\"", "invalid octal escape");
    assert_error("display \"\\u12\"", "invalid \\u argument");
    /* An unclosed quote runs to the end of the text (its newline included). */
    assert_arg("display -p \"abc\n", 0, 2, "abc\n");
}

static void test_continuation_and_quoted_newlines(void **state)
{
    (void)state;
    assert_arg("display one\\\ntwo", 0, 1, "onetwo");
    assert_arg("display 'a\\\nb'", 0, 1, "ab");
    assert_arg("display \"a\n   # gone\n   b\"", 0, 1, "a\n\nb");
}

static void test_variables_and_tilde(void **state)
{
    (void)state;
    setenv("TMX_TEST_VAR", "val", 1);
    setenv("HOME", "/home/test", 1);
    assert_arg("display $TMX_TEST_VAR", 0, 1, "val");
    assert_arg("display \"${TMX_TEST_VAR}x\"", 0, 1, "valx");
    assert_arg("display '$TMX_TEST_VAR'", 0, 1, "$TMX_TEST_VAR");
    assert_arg("display \\$TMX_TEST_VAR", 0, 1, "$TMX_TEST_VAR");
    assert_arg("display $1x", 0, 1, "$1x");
    assert_arg("display \"a$\"", 0, 1, "a$");
    assert_arg("display a$\n", 0, 1, "a$");
    assert_arg("display [$TMX_TEST_UNSET_VAR]", 0, 1, "[]");
    assert_error("display ${TMX_TEST_VAR", "invalid environment variable");
    assert_arg("display ~/x", 0, 1, "/home/test/x");
    assert_arg("display \"~\"", 0, 1, "/home/test");
    assert_arg("display a~", 0, 1, "a~");
    assert_arg("display '~'", 0, 1, "~");
    assert_error("display ~no-such-user-here/x", "syntax error");
}

static void test_comments(void **state)
{
    (void)state;
    char *error;
    struct cmd_list *l = parse("# only\n   # indented\ndisplay a # end\ndisplay b#c\n", &error);
    assert_non_null(l);
    assert_int_equal(l->n, 2);
    assert_int_equal(l->cmds[0].argc, 2);
    assert_string_equal(l->cmds[1].argv[1], "b#c");
    cmd_list_free(l);
}

static void test_blocks(void **state)
{
    (void)state;
    char *error;
    struct cmd_list *l = parse("if -F 1 { display a ; display b } { display c }", &error);
    assert_non_null(l);
    assert_int_equal(l->n, 1);
    assert_non_null(l->cmds[0].blocks[3]);
    assert_int_equal(l->cmds[0].blocks[3]->n, 2);
    /* The command sees a block as its commands' text, which it parses again. */
    assert_string_equal(l->cmds[0].argv[3], "display-message a ; display-message b");
    cmd_list_free(l);
    assert_prints("if -F 1 {\n display a\n display b\n}",
                  "if-shell -F 1 { display-message a ;; display-message b }");
    assert_prints("bind x { if -F 1 { display a } }",
                  "bind-key x { if-shell -F 1 { display-message a } }");
    assert_error("display {", "syntax error");
    assert_error("display }", "syntax error");
    assert_error("display a}", "syntax error");
    assert_error("display -p { display x }",
                 "command display-message: argument 1 must be \"string\"");
}

static void test_conditions(void **state)
{
    (void)state;
    assert_prints("%if 1\ndisplay yes\n%else\ndisplay no\n%endif", "display-message yes");
    assert_prints("%if 0\ndisplay a\n%elif 1\ndisplay b\n%else\ndisplay c\n%endif",
                  "display-message b");
    /* A branch not taken is not built: an unknown command there is no error. */
    assert_prints("%if 0\nno-such-command\n%endif\ndisplay x", "display-message x");
    assert_error("%if 1\ndisplay a\n", "syntax error");
    assert_error("%else\n", "syntax error");
    assert_error("%bogus\n", "syntax error");
    assert_error("%if\n%endif\n", "syntax error");
    assert_error("%1\n", "unknown command: %1");
}

static void test_assignments(void **state)
{
    (void)state;
    /* Without a server, assignments go nowhere, but they parse (before a command too). */
    assert_prints("X=1\ndisplay a", "display-message a");
    assert_prints("X=1 display a", "display-message a");
    assert_prints("%hidden H=2\ndisplay a", "display-message a");
    assert_error("1A=b", "unknown command: 1A=b");
    assert_arg("display a=b", 0, 1, "a=b");
}

static void test_default_aliases(void **state)
{
    (void)state;
    assert_prints("splitp -d", "split-window -d");
    assert_prints("choose-window", "choose-tree -w");
    assert_error("split-pane -h { display a }",
                 "command split-window: argument 1 must be \"string\"");
}

static void test_command_errors(void **state)
{
    (void)state;
    assert_error("bogus", "unknown command: bogus");
    assert_error("display -z", "command display-message: unknown flag -z");
    assert_error("display -p --x", "command display-message: invalid flag --");
    assert_error("if", "command if-shell: too few arguments (need at least 2)");
    char *error = NULL;
    struct cmd_parse_input pi = {.file = "/f.conf", .line = 1};
    assert_null(cmd_parse_string("display a\n\n# c\ndisplay b }\n", &pi, &error));
    assert_string_equal(error, "/f.conf:4: syntax error");
    free(error);
    assert_null(cmd_parse_string("display a\nbogus\n", &pi, &error));
    assert_string_equal(error, "/f.conf:2: unknown command: bogus");
    free(error);
}

static void test_missing_flag_value_is_given_empty(void **state)
{
    (void)state;
    char *error;
    struct cmd_list *l = parse("display -p -t", &error);
    assert_non_null(l);
    struct cmd_args args;
    char *cause = NULL;
    assert_int_equal(cmd_args_parse(l->cmds[0].entry, l->cmds[0].argc, l->cmds[0].argv, &args,
                                     &cause),
                     0);
    assert_non_null(args.flags['t']);
    assert_string_equal(args.flags['t'], "");
    cmd_list_free(l);
}

static void test_shell_command_line(void **state)
{
    (void)state;
    char *error = NULL;
    char *argv1[] = {"new", "-d", ";", "neww", "-d", "splitw;", "display", "a\\;", NULL};
    struct cmd_list *l = cmd_parse_argv(8, argv1, NULL, &error);
    assert_non_null(l);
    assert_int_equal(l->n, 3);
    assert_string_equal(l->cmds[1].argv[0], "new-window");
    /* "splitw;" is new-window's last word, then its end. */
    assert_int_equal(l->cmds[1].argc, 3);
    assert_string_equal(l->cmds[1].argv[2], "splitw");
    assert_string_equal(l->cmds[2].argv[1], "a;");
    /* One command line is one group. */
    assert_int_equal(l->cmds[0].group, l->cmds[2].group);
    cmd_list_free(l);
    char *argv2[] = {";", "display", "x", ";", ";", NULL};
    l = cmd_parse_argv(5, argv2, NULL, &error);
    assert_non_null(l);
    assert_int_equal(l->n, 1);
    cmd_list_free(l);
    char *argv3[] = {"display", "x", ";", "nosuch", NULL};
    assert_null(cmd_parse_argv(4, argv3, NULL, &error));
    assert_string_equal(error, "unknown command: nosuch");
    free(error);
}

static void test_arguments_printed_as_tmux_does(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"", "''"},         {"#x", "\"#x\""},   {"$x", "\"\\$x\""},   {"~x", "\\~x"},
        {"a b", "\"a b\""}, {"a\\b", "a\\\\b"}, {"a\"b", "'a\"b'"},  {"it's", "\"it's\""},
        {"x{", "\"x{\""},   {"}", "\\}"},       {"%x", "\"%x\""},     {"\033\t", "\\033\\t"},
        {"a=b", "a=b"},     {"-", "-"},         {"#", "\\#"},         {"a$", "\"a$\""},
        {"$", "\\$"},       {"a~", "a~"},       {"a;b", "\"a;b\""},   {"a\nb", "a\\nb"},
        {"\xc3\xa9", "\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = cmd_escape_arg(cases[i][0]);
        assert_string_equal(got, cases[i][1]);
        free(got);
    }
}

int main(void)
{
    cmd_set_table(cmd_table_entries());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_semicolons_and_lines_make_commands_and_groups),
        cmocka_unit_test(test_escaped_semicolon_is_an_argument_in_text),
        cmocka_unit_test(test_quotes_and_escapes),
        cmocka_unit_test(test_continuation_and_quoted_newlines),
        cmocka_unit_test(test_variables_and_tilde),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_assignments),
        cmocka_unit_test(test_default_aliases),
        cmocka_unit_test(test_command_errors),
        cmocka_unit_test(test_missing_flag_value_is_given_empty),
        cmocka_unit_test(test_shell_command_line),
        cmocka_unit_test(test_arguments_printed_as_tmux_does),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
