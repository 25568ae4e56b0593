/* test_server_manual.c - docs/manual.md names every command and every option the code
 * has, so the manual cannot silently fall behind the command and option tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmd.h"
#include "cmd_table.h"
#include "format.h"
#include "options.h"

/* The manual, found from this file's place in the tree. */
static char *read_manual(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", __FILE__);
    char *slash = strstr(path, "tests/unit/");
    assert_non_null(slash);
    snprintf(slash, sizeof path - (size_t)(slash - path), "docs/manual.md");
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = calloc(1, (size_t)size + 1);
    assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    return text;
}

/* The manual names it as `name` (in backquotes). */
static void assert_named(const char *manual, const char *name)
{
    char quoted[256];
    snprintf(quoted, sizeof quoted, "`%s`", name);
    if (strstr(manual, quoted) == NULL)
        fail_msg("docs/manual.md does not name %s", quoted);
}

static void test_manual_names_every_command(void **state)
{
    (void)state;
    char *manual = read_manual();
    for (const struct cmd_entry *const *ep = cmd_table_entries(); *ep != NULL; ep++) {
        const struct cmd_entry *e = *ep;
        assert_named(manual, e->name);
        if (e->alias != NULL)
            assert_named(manual, e->alias);
    }
    free(manual);
}

static void test_manual_names_every_option(void **state)
{
    (void)state;
    char *manual = read_manual();
    for (const struct option_def *d = option_table; d->name != NULL; d++)
        assert_named(manual, d->name);
    free(manual);
}

static void test_manual_names_every_format_variable(void **state)
{
    (void)state;
    char *manual = read_manual();
    for (const char *const *n = format_variable_names(); *n != NULL; n++)
        assert_named(manual, *n);
    free(manual);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_manual_names_every_command),
        cmocka_unit_test(test_manual_names_every_option),
        cmocka_unit_test(test_manual_names_every_format_variable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
