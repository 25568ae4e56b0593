/* test_server_paste.c - paste buffers as a user sees them through list-buffers and
 * paste: newest first, bufferN names, buffer-limit dropping the oldest automatic
 * buffer only, named buffers replaced in place and kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "options.h"
#include "paste.h"
#include "server_state.h"
#include "xmalloc.h"

static int setup(void **state)
{
    struct server *s = xcalloc(1, sizeof *s);
    TAILQ_INIT(&s->paste_buffers);
    s->options = options_create(NULL);
    options_set_defaults(s->options, OPTION_SERVER);
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    struct server *s = *state;
    paste_free_all(s);
    options_free(s->options);
    free(s);
    return 0;
}

static void add_text(struct server *s, const char *name, const char *text)
{
    paste_set(s, name, xstrdup(text), strlen(text));
}

/* The names of the buffers, newest first, joined with spaces. */
static const char *names(struct server *s)
{
    static char out[1024];
    out[0] = '\0';
    struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &s->paste_buffers, entry) {
        if (out[0] != '\0')
            strcat(out, " ");
        strcat(out, pb->name);
    }
    return out;
}

static void test_copies_are_named_in_order_and_the_newest_is_on_top(void **state)
{
    struct server *s = *state;
    assert_null(paste_top(s));
    add_text(s, NULL, "one");
    add_text(s, NULL, "two");
    add_text(s, NULL, "three");
    assert_string_equal(names(s), "buffer2 buffer1 buffer0");
    struct paste_buffer *top = paste_top(s);
    assert_int_equal(top->size, 5);
    assert_memory_equal(top->data, "three", 5);
    assert_int_equal(paste_count(s), 3);
}

static void test_buffer_limit_drops_the_oldest_automatic_buffer_only(void **state)
{
    struct server *s = *state;
    char err[128];
    assert_int_equal(options_set(s->options, "buffer-limit", "2", false, err, sizeof err), 0);
    add_text(s, "keep", "named by the user");
    add_text(s, NULL, "a");
    add_text(s, NULL, "b");
    add_text(s, NULL, "c");
    assert_string_equal(names(s), "buffer2 buffer1 keep");
    assert_int_equal(options_set(s->options, "buffer-limit", "1", false, err, sizeof err), 0);
    paste_trim(s);
    assert_string_equal(names(s), "buffer2 keep");
}

static void test_setting_a_named_buffer_replaces_it_and_moves_it_to_the_top(void **state)
{
    struct server *s = *state;
    add_text(s, "notes", "old");
    add_text(s, NULL, "copied");
    add_text(s, "notes", "new text");
    assert_string_equal(names(s), "notes buffer0");
    assert_int_equal(paste_find(s, "notes")->size, 8);
    assert_memory_equal(paste_find(s, "notes")->data, "new text", 8);
}

static void test_rename_refuses_a_taken_name_and_delete_removes(void **state)
{
    struct server *s = *state;
    add_text(s, NULL, "x");
    add_text(s, NULL, "y");
    assert_false(paste_rename(s, paste_find(s, "buffer0"), "buffer1"));
    assert_true(paste_rename(s, paste_find(s, "buffer0"), "mine"));
    assert_string_equal(names(s), "buffer1 mine");
    paste_delete(s, paste_find(s, "buffer1"));
    assert_string_equal(names(s), "mine");
    /* The next automatic name does not reuse a taken one. */
    paste_rename(s, paste_find(s, "mine"), "buffer2");
    add_text(s, NULL, "z");
    assert_string_equal(names(s), "buffer3 buffer2");
}

static void test_sample_escapes_control_characters_and_elides_long_text(void **state)
{
    struct server *s = *state;
    paste_set(s, NULL, xstrdup("ls -l\n\033[0m and more"), 20);
    char *sample = paste_sample(paste_top(s), 10);
    /* As tmux: C-style escapes, octal for the rest, cut at the width (inside an escape
     * too) with "...". */
    assert_string_equal(sample, "ls -l\\n\\03...");
    free(sample);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_copies_are_named_in_order_and_the_newest_is_on_top, setup, teardown),
        cmocka_unit_test_setup_teardown(test_buffer_limit_drops_the_oldest_automatic_buffer_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_setting_a_named_buffer_replaces_it_and_moves_it_to_the_top, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename_refuses_a_taken_name_and_delete_removes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sample_escapes_control_characters_and_elides_long_text, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
