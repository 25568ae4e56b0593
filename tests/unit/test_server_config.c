/* test_server_config.c - config_load regressions found by tests/fuzz/cmd_fuzz: an %if
 * or %elif whose condition is empty (only blanks, or a comment) is false and leaks
 * nothing (LeakSanitizer fails this test under the Asan build if it does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "cmd_table.h"
#include "config.h"
#include "server_state.h"

/* Load text as a config file into a server without sessions; returns config_load's
 * status and the error text in *errors (caller frees). */
static int load(const char *text, char **errors)
{
    char path[] = "/tmp/tmx-test-config-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);

    struct server s;
    memset(&s, 0, sizeof s);
    TAILQ_INIT(&s.clients);
    TAILQ_INIT(&s.sessions);
    struct evbuffer *err = evbuffer_new();
    int status = config_load(&s, NULL, path, false, err);
    size_t n = evbuffer_get_length(err);
    *errors = calloc(1, n + 1);
    if (n > 0)
        memcpy(*errors, evbuffer_pullup(err, -1), n);
    evbuffer_free(err);
    unlink(path);
    return status;
}

static void test_empty_if_condition_is_a_syntax_error(void **state)
{
    (void)state;
    char *errors;
    /* As tmux: %if wants a condition; a comment is none. Nothing runs. */
    assert_int_equal(load("%if   \n"
                          "no-such-command\n"
                          "%endif\n",
                          &errors),
                     -1);
    assert_non_null(strstr(errors, ":1: syntax error"));
    free(errors);
    assert_int_equal(load("%if #comment\n"
                          "no-such-command\n"
                          "%endif\n",
                          &errors),
                     -1);
    assert_non_null(strstr(errors, "syntax error"));
    free(errors);
}

static void test_false_branches_are_not_checked(void **state)
{
    (void)state;
    char *errors;
    /* Commands of a branch not taken are never built: an unknown one is no error. */
    assert_int_equal(load("%if 0\n"
                          "no-such-command\n"
                          "%elif \"\"\n"
                          "no-such-command\n"
                          "%endif\n",
                          &errors),
                     0);
    assert_string_equal(errors, "");
    free(errors);
}

static void test_elif_with_empty_condition_falls_through_to_else(void **state)
{
    (void)state;
    char *errors;
    assert_int_equal(load("%if 0\n"
                          "%elif ''\n"
                          "%else\n"
                          "kill-session -t no-such-session\n"
                          "%endif\n",
                          &errors),
                     -1);
    /* Only the %else branch ran. */
    assert_non_null(strstr(errors, ":4: "));
    assert_null(strstr(errors, ":2: "));
    free(errors);
}

int main(void)
{
    cmd_set_table(cmd_table_entries());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_if_condition_is_a_syntax_error),
        cmocka_unit_test(test_false_branches_are_not_checked),
        cmocka_unit_test(test_elif_with_empty_condition_falls_through_to_else),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
