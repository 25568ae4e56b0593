/* test_server_options.c - the option table and option sets: defaults, inheritance from
 * the global sets, typed parsing with clear errors, toggling, appending, unsetting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keys.h"
#include "options.h"

static struct options *global_session(void)
{
    struct options *g = options_create(NULL);
    options_set_defaults(g, OPTION_SESSION);
    return g;
}

static void test_every_default_in_the_table_parses(void **state)
{
    (void)state;
    /* options_set_defaults aborts on a default that does not parse. */
    for (int scope = OPTION_SERVER; scope <= OPTION_WINDOW; scope++) {
        struct options *o = options_create(NULL);
        options_set_defaults(o, (enum option_scope)scope);
        options_free(o);
    }
}

static void test_a_session_inherits_the_global_value_until_it_sets_its_own(void **state)
{
    (void)state;
    struct options *g = global_session();
    struct options *s = options_create(g);
    char err[256];
    assert_int_equal(options_get_number(s, "history-limit"), 2000);
    assert_false(options_is_set(s, "history-limit"));
    assert_int_equal(options_set(g, "history-limit", "5000", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(s, "history-limit"), 5000);
    assert_int_equal(options_set(s, "history-limit", "100", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(s, "history-limit"), 100);
    assert_int_equal(options_get_number(g, "history-limit"), 5000);
    options_unset(s, "history-limit");
    assert_int_equal(options_get_number(s, "history-limit"), 5000);
    options_free(s);
    options_free(g);
}

static void test_bad_values_are_refused_in_tmux_words(void **state)
{
    (void)state;
    struct options *g = global_session();
    char err[256];
    assert_int_equal(options_set(g, "history-limit", "lots", false, err, sizeof err), -1);
    assert_string_equal(err, "value is invalid: lots");
    assert_int_equal(options_set(g, "history-limit", "-1", false, err, sizeof err), -1);
    assert_string_equal(err, "value is too small: -1");
    assert_int_equal(options_set(g, "repeat-time", "40000", false, err, sizeof err), -1);
    assert_string_equal(err, "value is too large: 40000");
    assert_int_equal(options_set(g, "status", "maybe", false, err, sizeof err), -1);
    assert_string_equal(err, "unknown value: maybe");
    assert_int_equal(options_set(g, "mouse", "maybe", false, err, sizeof err), -1);
    assert_string_equal(err, "bad value: maybe");
    assert_int_equal(options_set(g, "prefix", "C-Nope", false, err, sizeof err), -1);
    assert_string_equal(err, "bad key: C-Nope");
    assert_int_equal(options_set(g, "status-style", "fg=notacolour", false, err, sizeof err), -1);
    assert_string_equal(err, "invalid style: fg=notacolour");
    assert_int_equal(options_set(g, "status-fg", "blurple", false, err, sizeof err), -1);
    assert_string_equal(err, "bad colour: blurple");
    assert_int_equal(options_set(g, "status-left", NULL, false, err, sizeof err), -1);
    assert_string_equal(err, "empty value");
    assert_int_equal(options_set(g, "no-such-option", "1", false, err, sizeof err), -1);
    assert_non_null(strstr(err, "invalid option: no-such-option"));
    /* Nothing was changed by the failures. */
    assert_int_equal(options_get_number(g, "history-limit"), 2000);
    options_free(g);
}

static void test_sizes_take_units_and_read_back(void **state)
{
    (void)state;
    struct options *g = global_session();
    char err[256], buf[64];
    assert_int_equal(options_get_number(g, "history-bytes"), 0);
    assert_int_equal(options_set(g, "history-bytes", "64M", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(g, "history-bytes"), 64L << 20);
    assert_string_equal(options_to_string(g, "history-bytes", buf, sizeof buf), "64M");
    assert_int_equal(options_set(g, "history-bytes", "512k", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(g, "history-bytes"), 512L << 10);
    assert_string_equal(options_to_string(g, "history-bytes", buf, sizeof buf), "512K");
    assert_int_equal(options_set(g, "history-bytes", "2GB", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(g, "history-bytes"), 2L << 30);
    assert_int_equal(options_set(g, "history-bytes", "1000", false, err, sizeof err), 0);
    assert_string_equal(options_to_string(g, "history-bytes", buf, sizeof buf), "1000");
    assert_int_equal(options_set(g, "history-bytes", "0", false, err, sizeof err), 0);
    assert_string_equal(options_to_string(g, "history-bytes", buf, sizeof buf), "0");
    const char *bad[] = {"", "M", "-1", "12Q", "64MiB", "99999999999999999999", "2000T"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(options_set(g, "history-bytes", bad[i], false, err, sizeof err), -1);
        assert_non_null(strstr(err, "not a size"));
    }
    assert_int_equal(options_get_number(g, "history-bytes"), 0);
    options_free(g);

    struct options *server = options_create(NULL);
    options_set_defaults(server, OPTION_SERVER);
    assert_int_equal(options_get_number(server, "history-bytes-total"), 0);
    assert_int_equal(options_set(server, "history-bytes-total", "1G", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(server, "history-bytes-total"), 1L << 30);
    options_free(server);
}

static void test_flags_toggle_without_a_value_and_keys_parse(void **state)
{
    (void)state;
    struct options *g = global_session();
    char err[256];
    assert_int_equal(options_get_number(g, "status"), 1);
    assert_int_equal(options_set(g, "status", NULL, false, err, sizeof err), 0);
    assert_int_equal(options_get_number(g, "status"), 0);
    assert_int_equal(options_set(g, "status", "on", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(g, "status"), 1);
    assert_int_equal(options_get_number(g, "prefix"), (long)('b' | KEYC_CTRL));
    assert_int_equal(options_set(g, "prefix", "C-a", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(g, "prefix"), (long)('a' | KEYC_CTRL));
    assert_int_equal(options_get_number(g, "prefix2"), (long)KEYC_NONE);
    /* A choice of two toggles too; of more, no value moves from the first to the second. */
    assert_int_equal(options_set(g, "status-keys", NULL, false, err, sizeof err), 0);
    assert_string_equal(options_to_string(g, "status-keys", err, sizeof err), "vi");
    options_free(g);
    struct options *w = options_create(NULL);
    options_set_defaults(w, OPTION_WINDOW);
    assert_int_equal(options_get_number(w, "mode-keys"), 0);
    assert_int_equal(options_set(w, "mode-keys", "vi", false, err, sizeof err), 0);
    assert_int_equal(options_get_number(w, "mode-keys"), 1);
    options_free(w);
}

static void test_append_adds_to_strings_and_show_quotes_them(void **state)
{
    (void)state;
    struct options *g = global_session();
    char err[256], buf[256];
    assert_int_equal(options_set(g, "status-left", "[#S]", false, err, sizeof err), 0);
    assert_int_equal(options_set(g, "status-left", " #H", true, err, sizeof err), 0);
    assert_string_equal(options_get_string(g, "status-left"), "[#S] #H");
    /* The value as it is; show-options quotes it as tmux does. */
    assert_string_equal(options_to_string(g, "status-left", buf, sizeof buf), "[#S] #H");
    char *q = options_escape("[#S] #H");
    assert_string_equal(q, "\"[#S] #H\"");
    free(q);
    q = options_escape("[B]");
    assert_string_equal(q, "[B]");
    free(q);
    q = options_escape("");
    assert_string_equal(q, "''");
    free(q);
    q = options_escape("say \"hi\" $HOME");
    assert_string_equal(q, "\"say \\\"hi\\\" \\$HOME\"");
    free(q);
    q = options_escape("a\"b");
    assert_string_equal(q, "'a\"b'");
    free(q);
    q = options_escape("~");
    assert_string_equal(q, "\\~");
    free(q);
    /* Styles append with a comma. */
    assert_int_equal(options_set(g, "status-style", "bold", true, err, sizeof err), 0);
    assert_string_equal(options_get_string(g, "status-style"), "bg=green,fg=black,bold");
    assert_string_equal(options_to_string(g, "prefix", buf, sizeof buf), "C-b");
    assert_string_equal(options_to_string(g, "status", buf, sizeof buf), "on");
    options_free(g);
}

static void test_arrays_and_user_options(void **state)
{
    (void)state;
    struct options *g = global_session();
    struct options *s = options_create(g);
    char err[256], buf[256];
    /* Defaults, items in index order, the first free index for new ones. */
    assert_string_equal(options_array_get(g, "update-environment", 1), "KRB5CCNAME");
    assert_int_equal(options_set_item(g, "update-environment", 20, "Z", false, err, sizeof err), 0);
    assert_int_equal(options_set(g, "update-environment", "A B", true, err, sizeof err), 0);
    assert_string_equal(options_array_get(g, "update-environment", 8), "A");
    assert_string_equal(options_array_get(g, "update-environment", 9), "B");
    const char *item;
    assert_int_equal(options_array_next(g, "update-environment", 9, &item), 20);
    assert_string_equal(item, "Z");
    /* A session holding the array holds all of it. */
    assert_int_equal(options_set(s, "update-environment", "ONLY", false, err, sizeof err), 0);
    assert_int_equal(options_array_next(s, "update-environment", -1, &item), 0);
    assert_string_equal(item, "ONLY");
    assert_int_equal(options_array_next(s, "update-environment", 0, &item), -1);
    options_unset_item(s, "update-environment", 0);
    assert_true(options_is_set(s, "update-environment"));
    assert_int_equal(options_array_next(s, "update-environment", -1, &item), -1);
    options_reset(g, "update-environment");
    assert_int_equal(options_array_next(g, "update-environment", 7, &item), -1);
    /* User options: sorted, inherited on request. */
    options_set_user(g, "@zz", "1", false);
    options_set_user(g, "@aa", "2", false);
    options_set_user(g, "@aa", "3", true);
    assert_string_equal(options_user_next(g, NULL), "@aa");
    assert_string_equal(options_user_next(g, "@aa"), "@zz");
    assert_null(options_user_next(g, "@zz"));
    assert_string_equal(options_get_user(g, "@aa", false), "23");
    assert_null(options_get_user(s, "@aa", false));
    assert_string_equal(options_get_user(s, "@aa", true), "23");
    assert_string_equal(options_lookup_text(s, "@zz", buf, sizeof buf), "1");
    assert_string_equal(options_lookup_text(g, "status-format[1]", buf, sizeof buf),
                        options_array_get(g, "status-format", 1));
    options_unset_user(g, "@aa");
    assert_null(options_get_user(g, "@aa", true));
    options_free(s);
    options_free(g);
}

static void test_names_match_by_prefix_and_parse_indexes(void **state)
{
    (void)state;
    bool ambiguous;
    assert_string_equal(options_match("status-left-l", &ambiguous)->name, "status-left-length");
    assert_string_equal(options_match("status", &ambiguous)->name, "status");
    assert_null(options_match("status-", &ambiguous));
    assert_true(ambiguous);
    assert_null(options_match("nosuch", &ambiguous));
    assert_false(ambiguous);
    char name[64];
    long idx;
    assert_int_equal(options_parse_name("status-format[2]", name, sizeof name, &idx), 0);
    assert_string_equal(name, "status-format");
    assert_int_equal(idx, 2);
    assert_int_equal(options_parse_name("x[2", name, sizeof name, &idx), -1);
    assert_int_equal(options_parse_name("x[a]", name, sizeof name, &idx), -1);
}

static void test_window_options_have_window_scope(void **state)
{
    (void)state;
    const struct option_def *d = options_find("remain-on-exit");
    assert_non_null(d);
    assert_int_equal(d->scope, OPTION_WINDOW);
    assert_int_equal(options_find("escape-time")->scope, OPTION_SERVER);
    assert_int_equal(options_find("prefix")->scope, OPTION_SESSION);
    assert_null(options_find("prefix3"));
}

/* Lookups remember a name by its address: a buffer that held one name and then another
 * must find the second option, not the first again. */
static void test_a_name_in_a_reused_buffer_finds_its_own_option(void **state)
{
    (void)state;
    struct options *g = global_session();
    char err[256];
    assert_int_equal(options_set(g, "history-limit", "1234", false, err, sizeof err), 0);
    assert_int_equal(options_set(g, "display-time", "567", false, err, sizeof err), 0);
    char name[64];
    for (int i = 0; i < 3; i++) {
        strcpy(name, "history-limit");
        assert_int_equal(options_get_number(g, name), 1234);
        strcpy(name, "display-time");
        assert_int_equal(options_get_number(g, name), 567);
    }
    /* A child set (a session) finds them through its root the same way. */
    struct options *s = options_create(g);
    strcpy(name, "history-limit");
    assert_int_equal(options_get_number(s, name), 1234);
    strcpy(name, "display-time");
    assert_int_equal(options_get_number(s, name), 567);
    assert_int_equal(options_get_number(s, "history-limit"), 1234);
    options_free(s);
    options_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_default_in_the_table_parses),
        cmocka_unit_test(test_a_session_inherits_the_global_value_until_it_sets_its_own),
        cmocka_unit_test(test_bad_values_are_refused_in_tmux_words),
        cmocka_unit_test(test_arrays_and_user_options),
        cmocka_unit_test(test_names_match_by_prefix_and_parse_indexes),
        cmocka_unit_test(test_sizes_take_units_and_read_back),
        cmocka_unit_test(test_flags_toggle_without_a_value_and_keys_parse),
        cmocka_unit_test(test_append_adds_to_strings_and_show_quotes_them),
        cmocka_unit_test(test_window_options_have_window_scope),
        cmocka_unit_test(test_a_name_in_a_reused_buffer_finds_its_own_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
