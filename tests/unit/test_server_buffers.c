/* test_server_buffers.c - the buffer commands as a user sees their output, run through
 * the command table on a server without sockets: list-buffers lines and -F formats,
 * set-buffer -a/-n, the errors show-buffer gives, and capture-pane -b making a buffer
 * from a pane's screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "cmd_table.h"
#include "options.h"
#include "paste.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"
#include "test_server_helpers.h"

struct fixture {
    struct server srv;
    struct session *sess;
    struct pane *pane;
    struct cmd_ctx ctx;
};

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    test_server_init(&f->srv);
    f->sess = session_create(&f->srv, "s", "/", NULL, 0, 20, 4);
    struct window *w = window_create(f->sess, "sh");
    struct pane *p = xcalloc(1, sizeof *p);
    p->window = w;
    p->server = &f->srv;
    p->fd = -1;
    p->vt = vt_create(20, 4, 100);
    TAILQ_INSERT_TAIL(&w->panes, p, entry);
    w->active = p;
    session_link_window(f->sess, w, 0);
    f->pane = p;
    f->ctx = (struct cmd_ctx){.server = &f->srv, .out = evbuffer_new(), .err = evbuffer_new()};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    struct window *w = f->pane->window;
    TAILQ_REMOVE(&w->panes, f->pane, entry);
    vt_free(f->pane->vt);
    free(f->pane);
    session_free(f->sess);
    paste_free_all(&f->srv);
    test_server_free_options(&f->srv);
    evbuffer_free(f->ctx.out);
    evbuffer_free(f->ctx.err);
    free(f);
    return 0;
}

/* Take everything in b as a string (static, valid until the next call). */
static const char *take(struct evbuffer *b)
{
    static char buf[4096];
    size_t n = evbuffer_get_length(b);
    assert_true(n < sizeof buf);
    evbuffer_remove(b, buf, n);
    buf[n] = '\0';
    return buf;
}

/* Run a command line; returns its exit status (0 or 1). */
static int run(struct fixture *f, const char *line)
{
    char **argv = NULL;
    const char *err = NULL;
    int argc = cmd_split(line, &argv, &err);
    assert_true(argc > 0);
    int status = cmd_execute_argv(&f->ctx, argc, argv);
    cmd_free_argv(argv);
    return status;
}

static void test_list_buffers_default_line_and_formats(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "list-buffers"), 0);
    assert_string_equal(take(f->ctx.out), "");
    assert_int_equal(run(f, "set-buffer hello"), 0);
    assert_int_equal(run(f, "setb -b tabbed 'a\tb\n'"), 0);
    assert_int_equal(run(f, "lsb"), 0);
    assert_string_equal(take(f->ctx.out), "tabbed: 4 bytes: \"a\\tb\\n\"\n"
                                          "buffer0: 5 bytes: \"hello\"\n");
    assert_int_equal(run(f, "lsb -F '#{buffer_name}|#{buffer_size}|#{n:buffer_sample}'"), 0);
    assert_string_equal(take(f->ctx.out), "tabbed|4|6\nbuffer0|5|5\n");
    /* A long buffer's sample is cut at 200 bytes, with "..." after it. */
    char line[400];
    snprintf(line, sizeof line, "setb -b long %0300d", 7);
    assert_int_equal(run(f, line), 0);
    assert_int_equal(run(f, "lsb -F '#{buffer_name} #{buffer_size} #{buffer_sample}'"), 0);
    const char *out = take(f->ctx.out);
    assert_memory_equal(out, "long 300 0000000000", 19);
    assert_non_null(strstr(out, "00000...\ntabbed"));
}

static void test_set_buffer_append_rename_and_errors(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "show-buffer"), 1);
    assert_string_equal(take(f->ctx.err), "no buffers (copy some text in copy mode, or use set-buffer)\n");
    assert_int_equal(run(f, "setb one"), 0);
    assert_int_equal(run(f, "setb -a ' two'"), 0); /* appends to the newest */
    assert_int_equal(run(f, "showb"), 0);
    assert_string_equal(take(f->ctx.out), "one two");
    assert_int_equal(run(f, "setb -b buffer0 -n mine"), 0);
    assert_int_equal(run(f, "setb other"), 0);
    assert_int_equal(run(f, "setb -b buffer1 -n mine"), 1);
    assert_string_equal(take(f->ctx.err),
                        "a buffer named \"mine\" exists already (delete-buffer -b mine first)\n");
    assert_int_equal(run(f, "deleteb -b nope"), 1);
    assert_string_equal(take(f->ctx.err), "no buffer named \"nope\" (tmx list-buffers lists them)\n");
    assert_int_equal(run(f, "lsb -F '#{buffer_name}'"), 0);
    assert_string_equal(take(f->ctx.out), "buffer1\nmine\n");
}

static void test_capture_pane_into_a_named_buffer(void **state)
{
    struct fixture *f = *state;
    const char *bytes = "first\r\nsecond\r\n\033[31mred";
    vt_feed(f->pane->vt, bytes, strlen(bytes));
    assert_int_equal(run(f, "capture-pane -b shot -E 1"), 0);
    assert_int_equal(run(f, "showb -b shot"), 0);
    assert_string_equal(take(f->ctx.out), "first\nsecond\n");
    assert_int_equal(run(f, "capturep -e -S 2 -E 2"), 0); /* an automatic buffer */
    assert_int_equal(run(f, "lsb -F '#{buffer_name}:#{buffer_sample}'"), 0);
    assert_string_equal(take(f->ctx.out), "buffer0:\\033[31mred\\n\nshot:first\\nsecond\\n\n");
    assert_int_equal(run(f, "capture-pane -p -a"), 1);
    assert_non_null(strstr(take(f->ctx.err), "no alternate screen"));
    assert_int_equal(run(f, "capture-pane -p -a -q"), 0);
    assert_string_equal(take(f->ctx.out), "\n");
    /* A line number that is not one is the default, as tmux 3.3a takes it. */
    assert_int_equal(run(f, "capture-pane -p -S bad -E 2"), 0);
    assert_string_equal(take(f->ctx.out), "first\nsecond\nred\n");
    assert_int_equal(run(f, "capture-pane -p -S '' -E 1"), 0);
    assert_string_equal(take(f->ctx.out), "first\nsecond\n");
}

int main(void)
{
    cmd_set_table(cmd_table_entries());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_list_buffers_default_line_and_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_buffer_append_rename_and_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_capture_pane_into_a_named_buffer, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
