/* test_server_targets.c - target resolution (-t) as tmux scripts use it: names, unique
 * prefixes, ids, session:window, indexes, {last}, and clear errors for missing or
 * ambiguous targets. */
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
#include "options.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

struct fixture {
    struct server srv;
    struct session *work, *web, *webapp;
    struct window *vim, *build, *logs;
    struct cmd_ctx ctx;
};

static struct window *add_window(struct session *s, int index, const char *name)
{
    struct window *w = window_create(s, index, name);
    struct pane *p = xcalloc(1, sizeof *p);
    p->window = w;
    p->server = s->server;
    p->id = s->server->next_pane_id++;
    p->fd = -1;
    p->vt = vt_create(80, 24, 0);
    TAILQ_INSERT_TAIL(&w->panes, p, entry);
    w->active = p;
    session_attach_window(s, w);
    if (s->current == NULL)
        s->current = w;
    return w;
}

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    TAILQ_INIT(&f->srv.sessions);
    TAILQ_INIT(&f->srv.clients);
    f->srv.options = options_create(NULL);
    f->srv.session_options = options_create(NULL);
    options_set_defaults(f->srv.session_options, OPTION_SESSION);
    f->srv.window_options = options_create(NULL);
    options_set_defaults(f->srv.window_options, OPTION_WINDOW);
    f->work = session_create(&f->srv, "work", "/", NULL, 0, 80, 24);
    f->web = session_create(&f->srv, "web", "/", NULL, 0, 80, 24);
    f->webapp = session_create(&f->srv, "webapp", "/", NULL, 0, 80, 24);
    f->vim = add_window(f->work, 0, "vim");
    f->build = add_window(f->work, 1, "build");
    f->logs = add_window(f->work, 2, "logs");
    add_window(f->web, 0, "sh");
    add_window(f->webapp, 0, "sh");
    session_select_window(f->work, f->build); /* last: vim */
    f->work->activity = f->web->activity + 100; /* the most recently used */
    f->ctx = (struct cmd_ctx){.server = &f->srv, .out = evbuffer_new(), .err = evbuffer_new()};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    while ((s = TAILQ_FIRST(&f->srv.sessions)) != NULL) {
        struct window *w;
        TAILQ_FOREACH(w, &s->windows, entry) {
            struct pane *p;
            while ((p = TAILQ_FIRST(&w->panes)) != NULL) {
                TAILQ_REMOVE(&w->panes, p, entry);
                vt_free(p->vt);
                free(p);
            }
        }
        session_free(s);
    }
    options_free(f->srv.options);
    options_free(f->srv.session_options);
    options_free(f->srv.window_options);
    evbuffer_free(f->ctx.out);
    evbuffer_free(f->ctx.err);
    free(f);
    return 0;
}

/* The error the last lookup reported (and clear it). */
static char *last_error(struct fixture *f)
{
    static char buf[512];
    size_t n = evbuffer_get_length(f->ctx.err);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    evbuffer_remove(f->ctx.err, buf, n);
    buf[n] = '\0';
    evbuffer_drain(f->ctx.err, evbuffer_get_length(f->ctx.err));
    return buf;
}

static void test_session_by_name_prefix_and_id(void **state)
{
    struct fixture *f = *state;
    assert_ptr_equal(cmd_find_session(&f->ctx, "work"), f->work);
    assert_ptr_equal(cmd_find_session(&f->ctx, "wo"), f->work);
    /* An exact name wins over being a prefix of another. */
    assert_ptr_equal(cmd_find_session(&f->ctx, "web"), f->web);
    char id[16];
    snprintf(id, sizeof id, "$%u", f->webapp->id);
    assert_ptr_equal(cmd_find_session(&f->ctx, id), f->webapp);
}

static void test_ambiguous_and_missing_sessions_are_clear_errors(void **state)
{
    struct fixture *f = *state;
    assert_null(cmd_find_session(&f->ctx, "we"));
    assert_non_null(strstr(last_error(f), "more than one session starts with \"we\""));
    assert_null(cmd_find_session(&f->ctx, "nope"));
    assert_non_null(strstr(last_error(f), "no session named \"nope\" (tmx ls lists them)"));
}

static void test_no_target_means_the_most_recent_session(void **state)
{
    struct fixture *f = *state;
    assert_ptr_equal(cmd_find_session(&f->ctx, NULL), f->work);
    struct session *s;
    assert_ptr_equal(cmd_find_window(&f->ctx, NULL, &s), f->build);
    assert_ptr_equal(s, f->work);
}

static void test_windows_by_index_name_prefix_and_specials(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:2", &s), f->logs);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:vim", &s), f->vim);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:bu", &s), f->build);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:=1", &s), f->build);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:{last}", &s), f->vim);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:!", &s), f->vim);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:+", &s), f->logs);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:-", &s), f->vim);
    assert_ptr_equal(cmd_find_window(&f->ctx, ":0", &s), f->vim);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:", &s), f->build);
    char id[16];
    snprintf(id, sizeof id, "@%u", f->logs->id);
    assert_ptr_equal(cmd_find_window(&f->ctx, id, &s), f->logs);
    assert_ptr_equal(s, f->work);
}

static void test_missing_windows_are_clear_errors(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    assert_null(cmd_find_window(&f->ctx, "work:7", &s));
    assert_non_null(strstr(last_error(f), "no window \"7\" in session \"work\""));
    assert_null(cmd_find_window(&f->ctx, "work:=bu", &s));
    assert_non_null(strstr(last_error(f), "no window \"=bu\""));
    assert_null(cmd_find_window(&f->ctx, "@999", &s));
    assert_non_null(strstr(last_error(f), "no window with id @999"));
}

static void test_panes_by_id_and_index(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    struct window *w;
    char id[16];
    snprintf(id, sizeof id, "%%%u", f->logs->active->id);
    assert_ptr_equal(cmd_find_pane(&f->ctx, id, &w, &s), f->logs->active);
    assert_ptr_equal(w, f->logs);
    assert_ptr_equal(cmd_find_pane(&f->ctx, "work:vim.0", &w, &s), f->vim->active);
    assert_null(cmd_find_pane(&f->ctx, "work:vim.3", &w, &s));
    assert_non_null(strstr(last_error(f), "no pane 3 in window 0"));
    assert_null(cmd_find_pane(&f->ctx, "%999", &w, &s));
    assert_non_null(strstr(last_error(f), "no pane with id %999"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_session_by_name_prefix_and_id),
        T(test_ambiguous_and_missing_sessions_are_clear_errors),
        T(test_no_target_means_the_most_recent_session),
        T(test_windows_by_index_name_prefix_and_specials),
        T(test_missing_windows_are_clear_errors),
        T(test_panes_by_id_and_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
