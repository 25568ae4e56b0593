/* test_server_key_bindings.c - key tables looked up by name: the four tmx starts with
 * always exist, bind-key -T NAME makes another that lasts while a key is bound in it
 * (as tmux), and list-keys shows the tables in a fixed order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <event2/buffer.h>

#include "cmd.h"
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

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    cmd_set_table(cmd_table_entries());
    const struct CMUnitTest tests[] = {
        T(test_root_exists_even_empty),
        T(test_a_table_lasts_while_a_key_is_bound_in_it),
        T(test_bind_key_T_makes_a_table_as_tmux),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
