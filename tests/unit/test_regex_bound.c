/* test_regex_bound.c - regcomp_bounded (common/regex_bound.c): real patterns compile and
 * match as with regcomp; patterns whose repetitions would make glibc build millions of
 * copies (stacked or nested counts, in extended and basic syntax, and the services file a
 * fuzzer found taking 2 GB or 20 s) are refused (REG_ESPACE, or REG_BADRPT for a
 * repetition of a repetition), and a refused regex_t is safe to regfree. */
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

/* Refused from the text alone (regcomp of these takes minutes and gigabytes): want is
 * REG_ESPACE (too large) or REG_BADRPT (a repetition of a repetition). */
static void assert_refused(const char *pattern, int cflags, int want)
{
    regex_t re;
    assert_int_equal(regcomp_bounded(&re, pattern, cflags), want);
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
    assert_true(regex_bound_nodes("a|bc", REG_EXTENDED) == 4);      /* the alternative too */
    assert_true(regex_bound_nodes("(ab){3}", REG_EXTENDED) == 12);  /* 3 nodes, 4 copies */
    assert_true(regex_bound_nodes("a*", REG_EXTENDED) == 2);
    assert_true(regex_bound_nodes("[a-z]{9}", REG_EXTENDED) == 10);
    assert_true(regex_bound_nodes("\\(a\\)\\{9\\}", 0) == 20);
    assert_true(regex_bound_nodes("((a{4}){4}){4}", REG_EXTENDED) == 155);
    assert_true(regex_bound_nodes("(|||)", REG_EXTENDED) == 4);      /* empty branches count */
    assert_true(regex_bound_nodes("a**", REG_EXTENDED) == -1);
    assert_true(regex_bound_nodes("a+{2}", REG_EXTENDED) == -1);
    assert_true(regex_bound_nodes("a\\{2\\}*", 0) == -1);
    assert_true(regex_bound_nodes("a*b*", REG_EXTENDED) == 4);       /* not stacked */
    assert_true(regex_bound_nodes("a+*", 0) == 3); /* '+' is an atom in basic syntax */
}

static void test_explosive_patterns_are_refused(void **state)
{
    (void)state;
    char stacked[64] = "a";
    memset(stacked + 1, '+', 40);
    assert_refused(stacked, REG_EXTENDED, REG_BADRPT);
    assert_refused("(a{999}){999}", REG_EXTENDED, REG_ESPACE);
    assert_refused("((((a{20}){20}){20}){20})", REG_EXTENDED | REG_NOSUB, REG_ESPACE);
    assert_refused("\\(\\(a\\{200\\}\\)\\{200\\}\\)", 0, REG_ESPACE);
    assert_refused("(x|y|z)*{30000}", REG_EXTENDED, REG_BADRPT);
    assert_refused("((|){70}){70}", REG_EXTENDED, REG_ESPACE); /* empty groups, copied */
    assert_refused("(|a){2500}", REG_EXTENDED, REG_ESPACE);
    /* Counts past what a long holds (strtol clamps them), open or closed. */
    assert_refused("a{99999999999999999999999,}", REG_EXTENDED, REG_ESPACE);
    assert_refused("a{1,99999999999999999999999}", REG_EXTENDED, REG_ESPACE);
    assert_refused("a\\{9223372036854775807,\\}", 0, REG_ESPACE);
    char deep[300];
    memset(deep, '(', 200);
    strcpy(deep + 200, "a");
    assert_refused(deep, REG_EXTENDED, REG_ESPACE); /* nesting past the depth counted */
    char *longp = malloc(REGEX_BOUND_LENGTH + 2);
    memset(longp, 'a', REGEX_BOUND_LENGTH + 1);
    longp[REGEX_BOUND_LENGTH + 1] = '\0';
    assert_refused(longp, REG_EXTENDED, REG_ESPACE);
    free(longp);
    /* The ready-lines of the services files upfile_fuzz found using 2 GB in regcomp, and
     * over 20 s: empty alternatives, then stacked repetitions. */
    assert_refused("cho1sion =00+++++++++++++++++++++++++++++++++++", REG_EXTENDED | REG_NOSUB,
                   REG_BADRPT);
    char alts[300] = "cho1se";
    memset(alts + 6, '|', 120);
    strcpy(alts + 126, "command+++++N++*++++++++++ = ^n =rleep 0.");
    assert_refused(alts, REG_EXTENDED | REG_NOSUB, REG_BADRPT);
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
