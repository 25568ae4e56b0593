/* test_regex_bound.c - regcomp_bounded (common/regex_bound.c): real patterns compile and
 * match as with regcomp; patterns whose repetitions would make glibc build millions of
 * copies (stacked or nested counts, in extended and basic syntax, and the services file a
 * fuzzer found taking 2 GB) are refused with REG_ESPACE at once, and a refused regex_t
 * is safe to regfree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "regex_bound.h"

static void assert_compiles_and_matches(const char *pattern, int cflags, const char *text,
                                        int want)
{
    regex_t re;
    assert_int_equal(regcomp_bounded(&re, pattern, cflags), 0);
    assert_int_equal(regexec(&re, text, 0, NULL, 0) == 0, want);
    regfree(&re);
}

/* Refused from the text alone (regcomp of these takes minutes and gigabytes). */
static void assert_refused(const char *pattern, int cflags)
{
    regex_t re;
    assert_int_equal(regcomp_bounded(&re, pattern, cflags), REG_ESPACE);
    regfree(&re); /* zeroed: harmless */
}

static void test_real_patterns_compile(void **state)
{
    (void)state;
    assert_compiles_and_matches("^db ready$", REG_EXTENDED | REG_NOSUB, "db ready", 1);
    assert_compiles_and_matches("[[:digit:]]+ up", REG_EXTENDED, "web 12 up", 1);
    assert_compiles_and_matches("(get|post) /[a-z]{1,20}", REG_EXTENDED | REG_ICASE,
                                "GET /index", 1);
    assert_compiles_and_matches("x{2,}y?", REG_EXTENDED, "xy", 0);
    assert_compiles_and_matches("[]a+]+", REG_EXTENDED, "]+a", 1); /* ']' and '+' listed */
    assert_compiles_and_matches("\\(ab\\)\\{2\\}", 0, "abab", 1);    /* basic syntax */
    assert_compiles_and_matches("a+b", 0, "a+b", 1);                  /* '+' literal in BRE */
    assert_compiles_and_matches("(a{99}){99}", 0, "(aaa){99}", 0);   /* literal braces in BRE */
    /* Counts that multiply up to less than the bound. */
    assert_compiles_and_matches("((ab){10}){10}", REG_EXTENDED | REG_NOSUB, "ab", 0);
}

static void test_counts_are_multiplied(void **state)
{
    (void)state;
    assert_true(regex_bound_nodes("abc", REG_EXTENDED) == 3);
    assert_true(regex_bound_nodes("a|bc", REG_EXTENDED) == 3);
    assert_true(regex_bound_nodes("(ab){3}", REG_EXTENDED) == 8);   /* {3}: 4 copies built */
    assert_true(regex_bound_nodes("a*", REG_EXTENDED) == 2);
    assert_true(regex_bound_nodes("[a-z]{9}", REG_EXTENDED) == 10);
    assert_true(regex_bound_nodes("\\(a\\)\\{9\\}", 0) == 10);
    assert_true(regex_bound_nodes("((a{9}){9}){9}", REG_EXTENDED) == 1000);
}

static void test_explosive_patterns_are_refused(void **state)
{
    (void)state;
    char stacked[64] = "a";
    memset(stacked + 1, '+', 40);
    assert_refused(stacked, REG_EXTENDED);
    assert_refused("(a{999}){999}", REG_EXTENDED);
    assert_refused("((((a{20}){20}){20}){20})", REG_EXTENDED | REG_NOSUB);
    assert_refused("\\(\\(a\\{200\\}\\)\\{200\\}\\)", 0);
    assert_refused("(x|y|z)*{30000}", REG_EXTENDED);
    char deep[300];
    memset(deep, '(', 200);
    strcpy(deep + 200, "a");
    assert_refused(deep, REG_EXTENDED); /* nesting past the depth counted */
    char *longp = malloc(REGEX_BOUND_LENGTH + 2);
    memset(longp, 'a', REGEX_BOUND_LENGTH + 1);
    longp[REGEX_BOUND_LENGTH + 1] = '\0';
    assert_refused(longp, REG_EXTENDED);
    free(longp);
    /* The ready-line of the services file upfile_fuzz found using 2 GB in regcomp. */
    assert_refused("cho1sion =00+++++++++++++++++++++++++++++++++++", REG_EXTENDED | REG_NOSUB);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_patterns_compile),
        cmocka_unit_test(test_counts_are_multiplied),
        cmocka_unit_test(test_explosive_patterns_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
