/* test_server_targets.c - target resolution (-t) as tmux scripts use it: names, unique
 * prefixes, ids, session:window, indexes, {last}, and clear errors for missing or
 * ambiguous targets; and the executor finding what a table entry declares for -s and -t
 * before its exec runs (a table of test entries registered with cmd_set_table). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "cmd.h"
#include "options.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"
#include "test_server_helpers.h"

struct fixture {
    struct server srv;
    struct session *work, *web, *webapp;
    struct window *vim, *build, *logs;
    struct cmd_ctx ctx;
};

static struct window *add_window(struct session *s, int index, const char *name)
{
    struct window *w = window_create(s, name);
    struct pane *p = xcalloc(1, sizeof *p);
    p->window = w;
    p->server = s->server;
    p->id = s->server->next_pane_id++;
    p->fd = -1;
    p->vt = vt_create(80, 24, 0);
    TAILQ_INSERT_TAIL(&w->panes, p, entry);
    w->active = p;
    session_link_window(s, w, index);
    return w;
}

static int setup(void **state)
{
    struct fixture *f = xcalloc(1, sizeof *f);
    test_server_init(&f->srv);
    f->work = session_create(&f->srv, "work", "/", NULL, 0, 80, 24);
    f->web = session_create(&f->srv, "web", "/", NULL, 0, 80, 24);
    f->webapp = session_create(&f->srv, "webapp", "/", NULL, 0, 80, 24);
    f->vim = add_window(f->work, 0, "vim");
    f->build = add_window(f->work, 1, "build");
    f->logs = add_window(f->work, 2, "logs");
    add_window(f->web, 0, "sh");
    add_window(f->webapp, 0, "sh");
    session_select_window(f->work, session_find_window(f->work, f->build)); /* last: vim */
    f->work->activity = f->web->activity + 100; /* the most recently used */
    f->work->activity_tv.tv_sec = f->web->activity_tv.tv_sec + 100;
    f->ctx = (struct cmd_ctx){.server = &f->srv, .out = evbuffer_new(), .err = evbuffer_new()};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    while ((s = TAILQ_FIRST(&f->srv.sessions)) != NULL) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            struct window *w = wl->window;
            struct pane *p;
            while ((p = TAILQ_FIRST(&w->panes)) != NULL) {
                TAILQ_REMOVE(&w->panes, p, entry);
                vt_free(p->vt);
                free(p);
            }
        }
        session_free(s);
    }
    test_server_free_options(&f->srv);
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
    /* tmux says the same for an ambiguous prefix as for no match. */
    assert_null(cmd_find_session(&f->ctx, "we"));
    assert_string_equal(last_error(f), "can't find session: we\n");
    assert_null(cmd_find_session(&f->ctx, "nope"));
    assert_string_equal(last_error(f), "can't find session: nope\n");
    /* =name is an exact name only. */
    assert_null(cmd_find_session(&f->ctx, "=wor"));
    assert_string_equal(last_error(f), "can't find session: wor\n");
    assert_ptr_equal(cmd_find_session(&f->ctx, "=work"), f->work);
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
    assert_string_equal(last_error(f), "can't find window: 7\n");
    assert_null(cmd_find_window(&f->ctx, "work:=bu", &s));
    assert_string_equal(last_error(f), "can't find window: bu\n");
    assert_null(cmd_find_window(&f->ctx, "@999", &s));
    assert_string_equal(last_error(f), "can't find window: @999\n");
    /* {last} is looked up as "!", and named so. */
    assert_null(cmd_find_window(&f->ctx, "web:{last}", &s));
    assert_string_equal(last_error(f), "can't find window: !\n");
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
    assert_string_equal(last_error(f), "can't find pane: 3\n");
    assert_null(cmd_find_pane(&f->ctx, "%999", &w, &s));
    assert_string_equal(last_error(f), "can't find pane: %999\n");
}

/* What the test entries' exec saw. */
static struct cmd_find_state seen_source, seen_target;
static int runs;

static int record_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    seen_source = ctx->source;
    seen_target = ctx->target;
    runs++;
    return 0;
}

/* "nested" runs "pane -t work:vim" inside: its own targets come back afterwards. */
static int nested_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct cmd_find_state before = ctx->target;
    int rc = cmd_execute_string(ctx, "pane -t work:vim");
    assert_ptr_equal(ctx->target.pane, before.pane);
    assert_ptr_equal(ctx->target.window, before.window);
    assert_ptr_equal(ctx->target.session, before.session);
    return rc;
}

static const struct cmd_entry pane_entry = {
    .name = "pane", .spec = "s:t:", .usage = "[-s src-window] [-t target-pane]",
    .exec = record_exec,
    .source = {'s', CMD_FIND_WINDOW, 0},
    .target = {'t', CMD_FIND_PANE, 0},
};
static const struct cmd_entry if_given_entry = {
    .name = "if-given", .spec = "t:", .usage = "[-t target-session]", .exec = record_exec,
    .target = {'t', CMD_FIND_SESSION, CMD_FIND_IF_GIVEN},
};
static const struct cmd_entry may_be_missing_entry = {
    .name = "may-be-missing", .spec = "t:", .usage = "[-t target-pane]", .exec = record_exec,
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
};
static const struct cmd_entry nested_entry = {
    .name = "nested", .spec = "t:", .usage = "[-t target-session]", .exec = nested_exec,
    .target = {'t', CMD_FIND_SESSION, 0},
};
/* "make-current" makes webapp current for the rest of the list, as new-session does. */
static int make_current_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    cmd_find_set_current(ctx, session_find(ctx->server, "webapp"), NULL, NULL);
    return 0;
}

static const struct cmd_entry make_current_entry = {
    .name = "make-current", .spec = "", .usage = "", .exec = make_current_exec,
};
static const struct cmd_entry *const test_table[] = {&pane_entry, &if_given_entry,
                                                     &may_be_missing_entry, &nested_entry,
                                                     &make_current_entry, NULL};

/* Run a command line of the test table; its status. */
static int run(struct fixture *f, const char *line)
{
    memset(&seen_source, 0, sizeof seen_source);
    memset(&seen_target, 0, sizeof seen_target);
    runs = 0;
    cmd_set_table(test_table);
    int status = cmd_execute_string(&f->ctx, line);
    cmd_set_table(NULL);
    return status;
}

static void test_executor_finds_source_and_target_before_exec(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "pane -s work:vim -t work:logs"), 0);
    assert_int_equal(runs, 1);
    assert_ptr_equal(seen_source.session, f->work);
    assert_ptr_equal(seen_source.window, f->vim);
    assert_ptr_equal(seen_source.pane, f->vim->active); /* a window's active pane, as tmux */
    assert_ptr_equal(seen_target.session, f->work);
    assert_ptr_equal(seen_target.window, f->logs);
    assert_ptr_equal(seen_target.pane, f->logs->active);
    /* Without -s or -t: the current ones, as the commands looked them up. */
    assert_int_equal(run(f, "pane"), 0);
    assert_ptr_equal(seen_source.window, f->build);
    assert_ptr_equal(seen_target.pane, f->build->active);
    /* Outside a command, nothing. */
    assert_null(f->ctx.target.pane);
    assert_null(f->ctx.source.window);
}

static void test_executor_reports_a_missing_target_and_runs_nothing(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "pane -t work:7"), 1);
    assert_int_equal(runs, 0);
    assert_string_equal(last_error(f), "can't find window: 7\n");
    /* -s is found first: its error alone. */
    assert_int_equal(run(f, "pane -s nope -t %999"), 1);
    assert_int_equal(runs, 0);
    assert_string_equal(last_error(f), "can't find window: nope\n");
}

static void test_executor_finds_optional_targets_only_when_asked(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "if-given"), 0);
    assert_int_equal(runs, 1);
    assert_null(seen_target.session);
    assert_int_equal(run(f, "if-given -t web"), 0);
    assert_ptr_equal(seen_target.session, f->web);
    assert_int_equal(run(f, "if-given -t nope"), 1);
    assert_int_equal(runs, 0);
    last_error(f);

    /* Without -t, the current pane if there is one; none is no failure. */
    assert_int_equal(run(f, "may-be-missing"), 0);
    assert_ptr_equal(seen_target.pane, f->build->active);
    assert_int_equal(run(f, "may-be-missing -t nope"), 1);
    last_error(f);
    struct session_list sessions = f->srv.sessions;
    TAILQ_INIT(&f->srv.sessions);
    assert_int_equal(run(f, "may-be-missing"), 0);
    assert_int_equal(runs, 1);
    assert_null(seen_target.pane);
    assert_null(seen_target.session);
    assert_string_equal(last_error(f), "");
    f->srv.sessions = sessions;
}

static void test_a_nested_command_gives_the_targets_back(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "nested -t web"), 0);
    assert_ptr_equal(seen_target.pane, f->vim->active); /* what the inner one saw */
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* Session patterns and the session.pane / :.pane / .pane forms. */
static void test_patterns_and_session_dot_pane(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    struct window *w;
    /* A prefix first, then an fnmatch pattern, each unique. */
    assert_ptr_equal(cmd_find_session(&f->ctx, "webap*"), f->webapp);
    assert_null(cmd_find_session(&f->ctx, "w*"));
    assert_string_equal(last_error(f), "can't find session: w*\n");
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:l*s", &s), f->logs);
    /* session.pane: a pane of the session's current window. */
    struct pane *second = xcalloc(1, sizeof *second);
    second->window = f->build;
    second->server = &f->srv;
    second->id = f->srv.next_pane_id++;
    second->fd = -1;
    second->vt = vt_create(80, 24, 0);
    TAILQ_INSERT_TAIL(&f->build->panes, second, entry);
    assert_ptr_equal(cmd_find_pane(&f->ctx, "work.1", &w, &s), second);
    assert_ptr_equal(w, f->build);
    assert_ptr_equal(cmd_find_pane(&f->ctx, "work:.1", &w, &s), second);
    assert_ptr_equal(cmd_find_pane(&f->ctx, ".1", &w, &s), second);
    assert_ptr_equal(cmd_find_pane(&f->ctx, ":.+", &w, &s), second);
    assert_ptr_equal(cmd_find_pane(&f->ctx, "work:1.{next}", &w, &s), second);
    assert_ptr_equal(cmd_find_pane(&f->ctx, "work:1.-1", &w, &s), second);
    /* A bare word for a pane: a window of the current session, else a session. */
    assert_ptr_equal(cmd_find_pane(&f->ctx, "logs", &w, &s), f->logs->active);
    assert_ptr_equal(cmd_find_pane(&f->ctx, "web", &w, &s), TAILQ_FIRST(&f->web->windows)->window->active);
    assert_null(cmd_find_pane(&f->ctx, "work.5", &w, &s));
    assert_string_equal(last_error(f), "can't find pane: 5\n");
    /* Window offsets with numbers wrap around; ^ and $ are the first and last. */
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:+2", &s), f->vim);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:{end}", &s), f->logs);
    assert_ptr_equal(cmd_find_window(&f->ctx, "work:^", &s), f->vim);
}

/* The marked pane: ~ and {marked}, gone with its pane. */
static void test_marked_pane(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    struct window *w;
    assert_null(cmd_find_pane(&f->ctx, "~", &w, &s));
    assert_string_equal(last_error(f), "no marked target\n");
    f->srv.marked_set = true;
    f->srv.marked_pane_id = f->logs->active->id;
    assert_ptr_equal(cmd_find_pane(&f->ctx, "{marked}", &w, &s), f->logs->active);
    assert_ptr_equal(w, f->logs);
    assert_ptr_equal(s, f->work);
    /* DEFAULT_MARKED: no target means the marked pane. */
    struct cmd_find_state fs;
    assert_int_equal(cmd_find_target(&f->ctx, &fs, NULL, CMD_FIND_PANE, CMD_FIND_DEFAULT_MARKED), 0);
    assert_ptr_equal(fs.pane, f->logs->active);
    f->srv.marked_pane_id = 9999;
    assert_false(cmd_find_marked(&f->srv, NULL));
    assert_false(f->srv.marked_set);
}

/* CANFAIL: no error, and what was found stays. */
static void test_canfail_keeps_what_was_found(void **state)
{
    struct fixture *f = *state;
    struct cmd_find_state fs;
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "work:9", CMD_FIND_PANE, CMD_FIND_CANFAIL), 0);
    assert_ptr_equal(fs.session, f->work);
    assert_string_equal(last_error(f), "");
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "nope", CMD_FIND_PANE, CMD_FIND_CANFAIL), 0);
    assert_null(fs.session);
}

/* With no session at all, nothing is current: tmux's error, whatever the target. */
static void test_no_current_target(void **state)
{
    struct fixture *f = *state;
    struct session_list sessions = f->srv.sessions;
    TAILQ_INIT(&f->srv.sessions);
    assert_null(cmd_find_session(&f->ctx, "work"));
    assert_string_equal(last_error(f), "no current target\n");
    f->srv.sessions = sessions;
}

/* CMD_FIND_WINDOW_INDEX: a free index or an offset past the last window is named. */
static void test_window_index_targets(void **state)
{
    struct fixture *f = *state;
    struct cmd_find_state fs;
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "work:7", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_ptr_equal(fs.session, f->work);
    assert_null(fs.window);
    assert_int_equal(fs.idx, 7);
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "work:+5", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_int_equal(fs.idx, 6); /* current is 1 */
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "work:-1", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_ptr_equal(fs.window, f->vim);
    assert_int_equal(fs.idx, 0);
    assert_int_not_equal(cmd_find_target(&f->ctx, &fs, "work:-2", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_string_equal(last_error(f), "can't find window: -2\n");
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "work:logs", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_int_equal(fs.idx, 2);
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "work", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_int_equal(fs.idx, -1);
    assert_int_equal(cmd_find_target(&f->ctx, &fs, "9", CMD_FIND_WINDOW, CMD_FIND_WINDOW_INDEX), 0);
    assert_ptr_equal(fs.session, f->work);
    assert_int_equal(fs.idx, 9);
    /* Without the flag a free index is an error. */
    assert_int_not_equal(cmd_find_target(&f->ctx, &fs, "work:7", CMD_FIND_WINDOW, 0), 0);
    last_error(f);
}

/* Inside a pane: TMX_PANE names it; tmux's TMUX_PANE only when TMUX is this server's
 * socket. The pane's session is current, with its current window (as tmux). */
static void test_inside_a_pane(void **state)
{
    struct fixture *f = *state;
    struct pane *webp = TAILQ_FIRST(&f->web->windows)->window->active;
    char pane_id[32], tmx_pane[32];
    snprintf(pane_id, sizeof pane_id, "TMUX_PANE=%%%u", webp->id);
    snprintf(tmx_pane, sizeof tmx_pane, "TMX_PANE=%%%u", webp->id);
    char *other_tmux[] = {pane_id, "TMUX=/tmp/tmux-0/default,99,0"};
    char *our_tmux[] = {pane_id, "TMUX=/sock/tmx,1,0"};
    char *ours[] = {tmx_pane};
    struct client c;
    memset(&c, 0, sizeof c);
    char *saved_path = f->srv.socket_path;
    f->srv.socket_path = "/sock/tmx";
    f->ctx.client = &c;
    c.env = other_tmux;
    c.nenv = 2;
    assert_ptr_equal(cmd_find_session(&f->ctx, NULL), f->work);
    c.env = our_tmux;
    assert_ptr_equal(cmd_find_session(&f->ctx, NULL), f->web);
    c.env = ours;
    c.nenv = 1;
    assert_ptr_equal(cmd_find_session(&f->ctx, NULL), f->web);
    f->ctx.client = NULL;
    f->srv.socket_path = saved_path;
}

/* = and {mouse}: what the key binding's mouse event points at. */
static void test_mouse_target(void **state)
{
    struct fixture *f = *state;
    struct session *s;
    struct window *w;
    assert_null(cmd_find_pane(&f->ctx, "{mouse}", &w, &s));
    assert_string_equal(last_error(f), "no mouse target\n");
    f->ctx.mouse.window = f->logs;
    assert_ptr_equal(cmd_find_pane(&f->ctx, "=", &w, &s), f->logs->active);
    assert_ptr_equal(s, f->work);
    f->ctx.mouse.window = NULL;
    f->ctx.mouse.session = f->web;
    assert_ptr_equal(cmd_find_window(&f->ctx, "{mouse}", &s), TAILQ_FIRST(&f->web->windows)->window);
    memset(&f->ctx.mouse, 0, sizeof f->ctx.mouse);
}

/* What a command makes current is the current target of the rest of its list. */
static void test_a_command_makes_the_rest_of_its_list_current(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(run(f, "pane"), 0);
    assert_ptr_equal(seen_target.session, f->work);
    assert_int_equal(run(f, "make-current ; pane"), 0);
    assert_ptr_equal(seen_target.session, f->webapp);
    assert_ptr_equal(seen_target.pane, TAILQ_FIRST(&f->webapp->windows)->window->active);
    /* Gone from the server: no longer current. */
    struct session *webapp = f->webapp;
    TAILQ_REMOVE(&f->srv.sessions, webapp, entry);
    assert_int_equal(run(f, "pane"), 0);
    assert_ptr_equal(seen_target.session, f->work);
    TAILQ_INSERT_TAIL(&f->srv.sessions, webapp, entry);
    memset(&f->ctx.current, 0, sizeof f->ctx.current);
}

/* Sessions are listed by name. */
static void test_sessions_by_name(void **state)
{
    struct fixture *f = *state;
    size_t n;
    struct session **list = cmd_sessions_by_name(&f->srv, &n);
    assert_int_equal(n, 3);
    assert_string_equal(list[0]->name, "web");
    assert_string_equal(list[1]->name, "webapp");
    assert_string_equal(list[2]->name, "work");
    assert_null(list[3]);
    free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_session_by_name_prefix_and_id),
        T(test_ambiguous_and_missing_sessions_are_clear_errors),
        T(test_no_target_means_the_most_recent_session),
        T(test_windows_by_index_name_prefix_and_specials),
        T(test_missing_windows_are_clear_errors),
        T(test_panes_by_id_and_index),
        T(test_executor_finds_source_and_target_before_exec),
        T(test_executor_reports_a_missing_target_and_runs_nothing),
        T(test_executor_finds_optional_targets_only_when_asked),
        T(test_a_nested_command_gives_the_targets_back),
        T(test_patterns_and_session_dot_pane),
        T(test_marked_pane),
        T(test_canfail_keeps_what_was_found),
        T(test_no_current_target),
        T(test_sessions_by_name),
        T(test_window_index_targets),
        T(test_inside_a_pane),
        T(test_mouse_target),
        T(test_a_command_makes_the_rest_of_its_list_current),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
