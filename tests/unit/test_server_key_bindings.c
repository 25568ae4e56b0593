/* test_server_key_bindings.c - key tables looked up by name: root always exists,
 * bind-key -T NAME makes another that lasts while a key is bound in it (as tmux), and
 * list-keys shows the tables by name; a binding's commands printed as tmux prints them
 * (the engine's cmd_list_print) and kept as text that parses back into them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "cmd_impl.h"
#include "cmd_table.h"
#include "key_bindings.h"
#include "options.h"
#include "server_state.h"
#include "xmalloc.h"
#include "test_server_helpers.h"

struct fixture {
    struct server srv;
    struct cmd_ctx ctx;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    test_server_init(&f->srv);
    f->ctx = (struct cmd_ctx){.server = &f->srv, .out = evbuffer_new(), .err = evbuffer_new()};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    key_bindings_free(&f->srv);
    test_server_free_options(&f->srv);
    evbuffer_free(f->ctx.out);
    evbuffer_free(f->ctx.err);
    free(f);
    return 0;
}

/* Take all of b as a string (static, valid until the next call). */
static const char *take(struct evbuffer *b)
{
    static char buf[4096];
    size_t n = evbuffer_get_length(b);
    assert_true(n < sizeof buf);
    evbuffer_remove(b, buf, n);
    buf[n] = '\0';
    return buf;
}

/* Run a command line; its status. */
static int run(struct fixture *f, const char *line)
{
    return cmd_execute_string(&f->ctx, line);
}

static void test_root_exists_even_empty(void **state)
{
    struct fixture *f = *state;
    assert_string_equal(key_table_next(&f->srv, NULL), "root");
    assert_true(key_table_exists(&f->srv, "root"));
    assert_null(key_table_next(&f->srv, "root"));
    assert_false(key_table_exists(&f->srv, "prefix"));
    assert_false(key_table_exists(&f->srv, "mytable"));
}

static void test_a_table_lasts_while_a_key_is_bound_in_it(void **state)
{
    struct fixture *f = *state;
    key_bindings_add(&f->srv, "mytable", 'x', "display hi", NULL, false);
    key_bindings_add(&f->srv, "another", 'y', "display ho", NULL, false);
    assert_true(key_table_exists(&f->srv, "mytable"));
    assert_string_equal(key_bindings_find(&f->srv, "mytable", 'x')->command, "display hi");
    assert_null(key_bindings_find(&f->srv, "prefix", 'x'));
    /* By name, root among them, as tmux lists them. */
    assert_string_equal(key_table_next(&f->srv, NULL), "another");
    assert_string_equal(key_table_next(&f->srv, "another"), "mytable");
    assert_string_equal(key_table_next(&f->srv, "mytable"), "root");
    assert_null(key_table_next(&f->srv, "root"));

    key_bindings_remove(&f->srv, "mytable", 'x');
    assert_false(key_table_exists(&f->srv, "mytable"));
    key_bindings_remove_table(&f->srv, "another");
    assert_false(key_table_exists(&f->srv, "another"));
    assert_string_equal(key_table_next(&f->srv, NULL), "root");
}

/* A key is found only in the table it is bound in, also after it was bound, unbound and
 * bound again elsewhere (the lookup first asks a filter of (table, key) ever bound). */
static void test_a_key_is_found_only_where_it_is_bound(void **state)
{
    struct fixture *f = *state;
    for (key_code k = 'a'; k <= 'z'; k++)
        assert_null(key_bindings_find(&f->srv, "root", k));
    key_bindings_add(&f->srv, "root", 'q', "display q", NULL, false);
    assert_string_equal(key_bindings_find(&f->srv, "root", 'q')->command, "display q");
    assert_null(key_bindings_find(&f->srv, "roof", 'q'));
    assert_null(key_bindings_find(&f->srv, "root", 'r'));
    key_bindings_remove(&f->srv, "root", 'q');
    assert_null(key_bindings_find(&f->srv, "root", 'q'));
    key_bindings_add(&f->srv, "other", 'q', "display o", NULL, false);
    assert_null(key_bindings_find(&f->srv, "root", 'q'));
    assert_string_equal(key_bindings_find(&f->srv, "other", 'q')->command, "display o");
    key_bindings_free(&f->srv);
    assert_null(key_bindings_find(&f->srv, "other", 'q'));
    key_bindings_add(&f->srv, "other", 'q', "display p", NULL, false);
    assert_string_equal(key_bindings_find(&f->srv, "other", 'q')->command, "display p");
}

static void test_bind_key_T_makes_a_table_as_tmux(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "bind -T mytable x display hi"), 0);
    assert_int_equal(run(f, "list-keys -T mytable"), 0);
    assert_string_equal(take(f->ctx.out), "bind-key -T mytable x display-message hi\n");
    assert_int_equal(run(f, "unbind -T mytable x"), 0);
    assert_int_equal(run(f, "list-keys -T mytable"), 1);
    assert_string_equal(take(f->ctx.err), "table mytable doesn't exist (tables: root)\n");
    assert_int_equal(run(f, "unbind -T nosuch x"), 1);
    assert_int_equal(run(f, "bind -T zz a display a"), 0);
    assert_int_equal(run(f, "list-keys -T nosuch"), 1);
    assert_string_equal(take(f->ctx.err), "table nosuch doesn't exist (tables: root)\n"
                                          "table nosuch doesn't exist (tables: root, zz)\n");
    /* root stays when emptied. */
    assert_int_equal(run(f, "bind -n F1 display f1"), 0);
    assert_int_equal(run(f, "unbind -a -n"), 0);
    assert_int_equal(run(f, "list-keys -T root"), 0);
    assert_string_equal(take(f->ctx.out), "");
}

static void test_words_quoted_as_tmux(void **state)
{
    (void)state;
    static const struct {
        const char *word, *printed;
    } cases[] = {
        {"plain", "plain"}, {"", "''"}, {"a b", "\"a b\""}, {"it's", "\"it's\""},
        {"say \"hi\"", "\"say \\\"hi\\\"\""}, {"x\"y", "'x\"y'"}, {"x$y", "\"x\\$y\""},
        {"$1", "\"$1\""}, {"${x}", "\"\\${x}\""}, {";", "\\;"}, {"~", "\\~"},
        {"~/x", "\\~/x"}, {"#", "\\#"}, {"\\", "\\\\"}, {"a\tb", "a\\tb"},
        {"(repeat)", "(repeat)"}, {"M-{", "\"M-{\""}, {"\x01", "\\001"}, {" ", "\" \""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = cmd_escape_arg(cases[i].word);
        assert_string_equal(got, cases[i].printed);
        free(got);
    }
}

/* bind-key x with one command-string argument: what list-keys shows and what runs. */
static const struct key_binding *bind_string(struct fixture *f, const char *text)
{
    char *quoted = cmd_escape_arg(text);
    char *line = xasprintf("bind -T t x %s", quoted);
    free(quoted);
    int rc = run(f, line);
    free(line);
    return rc == 0 ? key_bindings_find(&f->srv, "t", 'x') : NULL;
}

static void test_commands_printed_as_tmux(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *in, *display, *run;
    } cases[] = {
        {"splitw -h ; neww", "split-window -h \\; new-window", "split-window -h ; new-window"},
        {"display -p -pp", "display-message -ppp", "display-message -ppp"},
        {"display -pF x", "display-message -p -F x", "display-message -p -F x"},
        {"display -- -x", "display-message -x", "display-message -- -x"},
        {"if -F 1 { display a } { display \"b c\" ; display d }",
         "if-shell -F 1 { display-message a } { display-message \"b c\" ; display-message d }",
         "if-shell -F 1 { display-message a } { display-message \"b c\" ; display-message d }"},
        {"if -F 1 { display -- -x\ndisplay y }",
         "if-shell -F 1 { display-message -x ; display-message y }",
         "if-shell -F 1 { display-message -- -x ; display-message y }"},
        {"display a\ndisplay b", "display-message a \\; display-message b",
         "display-message a ; display-message b"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct key_binding *b = bind_string(f, cases[i].in);
        assert_non_null(b);
        assert_string_equal(b->display, cases[i].display);
        assert_string_equal(b->command, cases[i].run);
    }
    static const struct {
        const char *in, *err;
    } bad[] = {
        {"nosuch", "unknown command: nosuch\n"},
        {"display -Q", "command display-message: unknown flag -Q\n"},
        {"display a b", "command display-message: too many arguments (need at most 1)\n"},
        {"display {", "syntax error\n"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(bind_string(f, bad[i].in));
        assert_string_equal(take(f->ctx.err), bad[i].err);
    }
}

static void test_default_tables_are_tmuxs(void **state)
{
    struct fixture *f = *state;
    key_bindings_init(&f->srv);
    size_t n[4] = {0};
    const char *names[4] = {"copy-mode", "copy-mode-vi", "prefix", "root"};
    for (size_t i = 0; i < f->srv.nbindings; i++) {
        for (size_t j = 0; j < 4; j++)
            n[j] += strcmp(f->srv.bindings[i].table, names[j]) == 0;
    }
    /* tmux 3.3a: 72 + 84 + 85 + 14 = 255 bindings. */
    assert_int_equal(n[0], 72);
    assert_int_equal(n[1], 84);
    assert_int_equal(n[2], 85);
    assert_int_equal(n[3], 14);
    assert_int_equal(f->srv.nbindings, 255);
    /* What runs has no { } block (tmx runs them as strings), what is shown is tmux's. */
    const struct key_binding *b = key_bindings_find(&f->srv, "prefix", ',');
    assert_string_equal(b->display, "command-prompt -I \"#W\" { rename-window \"%%\" }");
    assert_string_equal(b->command, "command-prompt -I \"#W\" \"rename-window \\\"%%\\\"\"");
    assert_string_equal(b->note, "Rename current window");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    cmd_set_table(cmd_table_entries());
    const struct CMUnitTest tests[] = {
        T(test_root_exists_even_empty),
        T(test_a_table_lasts_while_a_key_is_bound_in_it),
        T(test_a_key_is_found_only_where_it_is_bound),
        T(test_bind_key_T_makes_a_table_as_tmux),
        T(test_words_quoted_as_tmux),
        T(test_commands_printed_as_tmux),
        T(test_default_tables_are_tmuxs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
