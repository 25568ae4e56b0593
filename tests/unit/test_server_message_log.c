/* test_server_message_log.c - the message log (show-messages) is a ring bounded by
 * message-limit: the oldest go first, numbers count on over the server's life, and a
 * limit lowered or raised takes effect at the next message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "message_log.h"
#include "options.h"
#include "server_state.h"
#include "test_server_helpers.h"

static void set_limit(struct server *s, const char *limit)
{
    char err[128];
    assert_int_equal(options_set(s->options, "message-limit", limit, false, err, sizeof err), 0);
}

/* The log, oldest first, as "number:text" words. */
static const char *log_text(const struct server *s)
{
    static char buf[4096];
    size_t used = 0;
    buf[0] = '\0';
    const struct message_entry *m;
    for (size_t i = 0; (m = message_log_get(s, i)) != NULL; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%u:%s", i > 0 ? " " : "",
                                 m->number, m->text);
    return buf;
}

static void test_ring_keeps_the_newest(void **state)
{
    (void)state;
    struct server s = {0};
    test_server_init(&s);
    set_limit(&s, "3");
    for (int i = 0; i < 40; i++)
        message_log_add(&s, "m%d", i);
    assert_int_equal(s.nmessages, 3);
    assert_string_equal(log_text(&s), "37:m37 38:m38 39:m39");
    assert_null(message_log_get(&s, 3));
    /* Raised: the ring grows, oldest still first. */
    set_limit(&s, "50");
    for (int i = 40; i < 60; i++)
        message_log_add(&s, "m%d", i);
    assert_int_equal(s.nmessages, 23);
    assert_string_equal(message_log_get(&s, 0)->text, "m37");
    assert_string_equal(message_log_get(&s, 22)->text, "m59");
    /* Lowered: the oldest go at the next message. */
    set_limit(&s, "2");
    message_log_add(&s, "last");
    assert_string_equal(log_text(&s), "59:m59 60:last");
    /* 0: nothing is kept, numbers still count. */
    set_limit(&s, "0");
    message_log_add(&s, "gone");
    assert_int_equal(s.nmessages, 0);
    set_limit(&s, "5");
    message_log_add(&s, "back");
    assert_string_equal(log_text(&s), "62:back");
    message_log_free(&s);
    assert_int_equal(s.nmessages, 0);
    test_server_free_options(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ring_keeps_the_newest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
