/* test_cmd_print.c - a parsed command written back as tmux writes it (show-messages):
 * flags without a value together in byte order, then each flag with its value, then the
 * arguments, quoted so that the parser reads them back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd.h"
#include "format_out.h"

static const struct cmd_entry entry = {
    .name = "new-window",
    .spec = "abdkPSc:e:F:n:t:",
    .min_args = 0,
    .max_args = -1,
    .usage = "",
};

/* Print entry with these flags and arguments; the caller frees. */
static char *print(struct cmd_args *args)
{
    struct format_out o = {0};
    cmd_print_command(&entry, args, &o);
    return format_out_take(&o);
}

static void test_flags_sorted_and_grouped(void **state)
{
    (void)state;
    struct cmd_args args = {0};
    args.flags['n'] = "w";
    args.flags['d'] = "";
    args.flags['P'] = "";
    args.flags['c'] = "/tmp";
    char *s = print(&args);
    assert_string_equal(s, "new-window -Pd -c /tmp -n w");
    free(s);
}

static void test_words_quoted_as_tmux(void **state)
{
    (void)state;
    char *argv[] = {"sleep 100", "a;b", "say \"hi\"", "a\"b", "", "~", "~/x", "$HOME x",
                    "tab\tx", "back\\slash", NULL};
    struct cmd_args args = {.argc = 10, .argv = argv};
    char *s = print(&args);
    assert_string_equal(s, "new-window \"sleep 100\" \"a;b\" \"say \\\"hi\\\"\" 'a\"b' '' \\~ "
                           "\\~/x \"\\$HOME x\" tab\\tx back\\\\slash");
    free(s);
}

static void test_repeated_environment(void **state)
{
    (void)state;
    struct cmd_args args = {0};
    args.flags['e'] = "B=2 3";
    args.env[0] = "A=1";
    args.env[1] = "B=2 3";
    args.nenv = 2;
    char *s = print(&args);
    assert_string_equal(s, "new-window -e A=1 -e \"B=2 3\"");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flags_sorted_and_grouped),
        cmocka_unit_test(test_words_quoted_as_tmux),
        cmocka_unit_test(test_repeated_environment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
