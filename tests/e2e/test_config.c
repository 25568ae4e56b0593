/* test_config.c - end-to-end: a configuration file in tmux syntax. Good lines apply, a
 * line that fails when run is reported and does not stop the rest; '\' continues a line;
 * %if/%else/%endif choose lines; a file that does not parse is reported as FILE:LINE (on
 * stdout, as tmux prints it) and nothing of it runs. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *write_config(const char *name, const char *text)
{
    char *path = malloc(strlen(getenv("HOME")) + strlen(name) + 2);
    sprintf(path, "%s/%s", getenv("HOME"), name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static const char *config_text =
    "# a comment\n"
    "set -g history-limit 5000\n"
    "set -g no-such-option 1\n"
    "set -g status-left \\\n"
    "  '[#S] '\n"
    "bind-key C-a send-prefix ; set -g prefix C-a\n"
    "%if \"#{==:1,1}\"\n"
    "set -g base-index 1\n"
    "%else\n"
    "set -g base-index 7\n"
    "%endif\n"
    "set -g status maybe\n"
    "set -g escape-time 20\n";

static void test_config_file_applies_good_lines_and_reports_bad_ones(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return; /* the -f of the harness is fixed to /dev/null for tmux runs */
    char *path = write_config("test.conf", config_text);
    /* Loaded by source-file into a running server: errors name the file and line. */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char *out = NULL, *err = NULL;
    assert_int_not_equal(tmx_run(env, NULL, &err, "source-file", path, NULL), 0);
    /* As tmux: the errors of commands a client sourced go to its stderr as they are. */
    assert_non_null(strstr(err, "invalid option: no-such-option"));
    assert_non_null(strstr(err, "unknown value: maybe"));
    free(err);
    /* Everything else applied, including after the bad lines. */
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gv", "history-limit", NULL), 0);
    assert_string_equal(out, "5000\n");
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gv", "prefix", NULL), 0);
    assert_string_equal(out, "C-a\n");
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gv", "base-index", NULL), 0);
    assert_string_equal(out, "1\n");
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gv", "escape-time", NULL), 0);
    assert_string_equal(out, "20\n");
    free(out);
    /* base-index 1: a new window gets index 1 (0 is taken... by the first, made before). */
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "t", NULL), 0);
    assert_int_equal(tmx_run(env, &out, NULL, "list-windows", "-t", "t", "-F", "#{window_index}", NULL), 0);
    assert_string_equal(out, "1\n");
    free(out);
    free(path);
}

static void test_unclosed_if_and_missing_file_are_errors(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char *path = write_config("bad.conf", "%if 1\nset -g base-index 3\n");
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char *out = NULL, *err = NULL;
    assert_int_not_equal(tmx_run(env, &out, NULL, "source-file", path, NULL), 0);
    char want[600];
    snprintf(want, sizeof want, "%s:3: syntax error", path);
    assert_non_null(strstr(out, want));
    free(out);
    assert_int_not_equal(tmx_run(env, NULL, &err, "source-file", "/nonexistent/x.conf", NULL), 0);
    assert_non_null(strstr(err, "/nonexistent/x.conf: No such file"));
    free(err);
    /* -q: a missing file is fine. */
    assert_int_equal(tmx_run(env, NULL, NULL, "source-file", "-q", "/nonexistent/x.conf", NULL), 0);
    free(path);
}

/* A startup config's errors (FILE:LINE: message, and a missing -f file by name) are shown
 * to the first client that attaches; the lines without errors applied. */
static void test_startup_config_errors_shown_on_attach(void **state)
{
    struct tmx_env *env = *state;
    char *path = write_config("errors.conf", "set -g status-left CONFIGURED\n"
                                             "set -g no-such-option 1\n"
                                             "set -g status-right ALSO\n");
    const char *argv[] = {env_bin(env), "-L", env_socket_name(env), "-f", path, "new", NULL};
    struct pty_client *c = pty_start(env, 100, 24, argv);
    char want[600];
    snprintf(want, sizeof want, "errors.conf:2: invalid option: no-such-option");
    assert_true(client_wait_text(c, want, 5000));
    free(path);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "#{status-left}#{status-right}",
                             NULL),
                     0);
    assert_string_equal(out, "CONFIGUREDALSO\n");
    free(out);
}

static void test_missing_config_file_named_on_attach(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/no-such.conf", getenv("HOME"));
    const char *argv[] = {env_bin(env), "-L", env_socket_name(env), "-f", path, "new", NULL};
    struct pty_client *c = pty_start(env, 100, 24, argv);
    assert_true(client_wait_text(c, "no-such.conf: No such file or directory", 5000));
}

/* A prompt's (and a key binding's) commands run in order on the client's queue: the one
 * after a run-shell waits for it, as in tmux. */
static void test_prompt_commands_wait_for_run_shell(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = client_start(env, 100, 24, "new", "-s", "k", NULL);
    assert_true(client_wait_text(c, "[k]", 5000));
    char line[1400];
    snprintf(line, sizeof line,
             "run \"sleep 0.3; touch '%s/flag'\" ; if \"test -f '%s/flag'\" "
             "'set -g status-right yes' 'set -g status-right no'\r",
             getenv("HOME"), getenv("HOME"));
    client_keys(c, "\002:");
    assert_true(client_wait_text(c, ":", 2000));
    client_type(c, line);
    assert_true(wait_run_output(env, "yes", true, 5000, "display", "-p", "#{status-right}", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_config_file_applies_good_lines_and_reports_bad_ones,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_if_and_missing_file_are_errors, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_startup_config_errors_shown_on_attach, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_missing_config_file_named_on_attach, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_prompt_commands_wait_for_run_shell, e2e_setup,
                                        e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
