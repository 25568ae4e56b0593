/* test_server_format.c - the format expander: every variable against a session, windows,
 * panes and a client built here, shorthands and escapes, conditionals, comparisons,
 * every modifier, nesting, malformed input and the depth / length / work limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "envset.h"
#include "format.h"
#include "layout.h"
#include "options.h"
#include "paste.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"

/* 2026-11-22 10:14:03 UTC (the tests run with TZ=UTC). */
#define CREATED 1795342443LL

/* One server with a session "work" ($3) holding window 1 "vim" (@7, current, panes %5
 * and %6, %6 active) and window 2 "logs" (@8, last, bell and activity), and one
 * attached client. */
struct fixture {
    struct server srv;
    struct session s;
    struct window w1, w2;
    struct winlink l1, l2;
    struct pane p1, p2, p3;
    struct client c;
    struct paste_buffer pb;
    struct options *global_session, *global_window;
    char *argv[3];
    struct format_ctx ctx;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    TAILQ_INIT(&f->srv.clients);
    TAILQ_INIT(&f->srv.sessions);
    f->srv.pid = 1234;
    f->srv.socket_path = "/tmp/tmx-1000/default";
    f->srv.config_files = (char *)"/home/u/.tmux.conf,/tmp/extra.conf";
    f->srv.start_time = CREATED - 60;
    f->global_session = options_create(NULL);
    options_set_defaults(f->global_session, OPTION_SESSION);
    f->global_window = options_create(NULL);
    options_set_defaults(f->global_window, OPTION_WINDOW);
    f->srv.session_options = f->global_session;
    f->srv.window_options = f->global_window;

    f->s.server = &f->srv;
    f->s.id = 3;
    f->s.name = "work";
    f->s.created = CREATED;
    f->s.activity = CREATED + 5;
    f->s.cwd = "/home/u/src";
    f->s.options = options_create(f->global_session);
    TAILQ_INIT(&f->s.windows);
    TAILQ_INSERT_TAIL(&f->srv.sessions, &f->s, entry);

    struct window *ws[2] = {&f->w1, &f->w2};
    struct winlink *ls[2] = {&f->l1, &f->l2};
    for (int i = 0; i < 2; i++) {
        TAILQ_INIT(&ws[i]->links);
        ls[i]->session = &f->s;
        ls[i]->window = ws[i];
        ls[i]->index = 1 + i;
        TAILQ_INSERT_TAIL(&ws[i]->links, ls[i], wentry);
        TAILQ_INSERT_TAIL(&f->s.windows, ls[i], entry);
        ws[i]->server = &f->srv;
        ws[i]->id = (uint32_t)(7 + i);
        ws[i]->cols = 80;
        ws[i]->rows = 23;
        ws[i]->options = options_create(f->global_window);
        TAILQ_INIT(&ws[i]->panes);
    }
    f->w1.name = "vim";
    f->w2.name = "logs";
    f->l2.alerts = WINDOW_ALERT_BELL | WINDOW_ALERT_ACTIVITY;
    f->s.current = &f->l1;
    TAILQ_INIT(&f->s.lastw);
    TAILQ_INSERT_HEAD(&f->s.lastw, &f->l2, sentry);
    f->l2.stacked = true;
    f->s.last = &f->l2;

    struct pane *ps[3] = {&f->p1, &f->p2, &f->p3};
    for (int i = 0; i < 3; i++) {
        ps[i]->window = i < 2 ? &f->w1 : &f->w2;
        ps[i]->server = &f->srv;
        ps[i]->id = (uint32_t)(5 + i);
        ps[i]->fd = -1;
        ps[i]->pid = 2000000042 + i; /* above any pid_max: no process of the machine */
        ps[i]->cols = 40;
        ps[i]->rows = 23;
        ps[i]->cwd = "/home/u";
        ps[i]->vt = vt_create(40, 23, 100);
        TAILQ_INSERT_TAIL(&ps[i]->window->panes, ps[i], entry);
    }
    f->w1.active = &f->p2;
    f->w2.active = &f->p3;
    /* w1 split left/right: p1 39 columns, a border, p2 40 columns from column 40. */
    f->w1.layout = layout_create(80, 23, &f->p1);
    f->p1.cell = f->w1.layout;
    f->p2.cell = layout_split(f->w1.layout, LAYOUT_LEFTRIGHT, 40, false, &f->p2);
    f->w1.layout = layout_root(f->p2.cell);
    f->p2.xoff = f->p2.cell->xoff;
    f->argv[0] = "make";
    f->argv[1] = "-j2";
    f->p2.argc = 2;
    f->p2.argv = f->argv;

    f->c.server = &f->srv;
    f->c.pid = 999;
    f->c.term = "xterm-256color";
    f->c.cols = 100;
    f->c.rows = 30;
    f->c.attached = true;
    f->c.session = &f->s;
    f->c.activity.tv_sec = CREATED + 7;
    TAILQ_INSERT_TAIL(&f->srv.clients, &f->c, entry);

    f->pb = (struct paste_buffer){.name = "notes", .data = "ls -l\n\tx", .size = 8,
                                  .created = CREATED + 9};
    f->ctx = (struct format_ctx){.server = &f->srv, .session = &f->s, .client = &f->c,
                                 .buffer = &f->pb};
    format_defaults(&f->ctx);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    vt_free(f->p1.vt);
    vt_free(f->p2.vt);
    vt_free(f->p3.vt);
    layout_free(f->w1.layout);
    options_free(f->w1.options);
    options_free(f->w2.options);
    options_free(f->s.options);
    options_free(f->global_session);
    options_free(f->global_window);
    free(f);
    return 0;
}

/* Expand and compare, freeing the result. */
static void check(const struct format_ctx *ctx, const char *template, const char *want)
{
    char *got = format_expand(ctx, template);
    if (strcmp(got, want) != 0)
        print_error("format \"%s\": got \"%s\", want \"%s\"\n", template, got, want);
    assert_string_equal(got, want);
    free(got);
}

/* ---- API ---------------------------------------------------------------------- */

static void test_format_defaults_fills_the_current_window_and_its_active_pane(void **state)
{
    struct fixture *f = *state;
    assert_ptr_equal(f->ctx.window, &f->w1);
    assert_ptr_equal(f->ctx.pane, &f->p2);
    struct format_ctx c = {.session = &f->s, .window = &f->w2};
    format_defaults(&c);
    assert_ptr_equal(c.pane, &f->p3);
}

static void test_variable_names_are_sorted_unique_and_null_terminated(void **state)
{
    (void)state;
    const char *const *names = format_variable_names();
    size_t n = 0;
    for (; names[n] != NULL; n++) {
        if (n > 0)
            assert_true(strcmp(names[n - 1], names[n]) < 0);
    }
    assert_true(n >= 50);
}

/* ---- Variables ---------------------------------------------------------------- */

struct want {
    const char *name;
    const char *value; /* NULL: checked by its own test */
};

static const struct want wants[] = {
    {"active_window_index", "1"},
    {"alternate_on", "0"},
    {"alternate_saved_x", "4294967295"},
    {"alternate_saved_y", "4294967295"},
    {"buffer_created", "1795342452"},
    {"buffer_name", "notes"},
    {"buffer_sample", "ls -l\\n\\tx"},
    {"buffer_size", "8"},
    {"client_activity", "1795342450"},
    {"client_control_mode", "0"},
    {"client_flags", "attached,focused,UTF-8"},
    {"client_height", "30"},
    {"client_key_table", "root"},
    {"client_last_session", ""},
    {"client_name", "client-999"},
    {"client_pid", "999"},
    {"client_prefix", "0"},
    {"client_readonly", "0"},
    {"client_session", "work"},
    {"client_termname", "xterm-256color"},
    {"client_termtype", ""},
    {"client_tty", ""},
    {"client_uid", NULL},
    {"client_user", NULL},
    {"client_utf8", "1"},
    {"client_width", "100"},
    {"command", ""},
    {"config_files", "/home/u/.tmux.conf,/tmp/extra.conf"},
    {"cursor_character", " "},
    {"cursor_flag", "1"},
    {"cursor_x", "3"},
    {"cursor_y", "1"},
    {"history_bytes", "0"},
    {"history_limit", "2000"},
    {"history_size", "0"},
    {"host", NULL},
    {"host_short", NULL},
    {"insert_flag", "0"},
    {"keypad_cursor_flag", "0"},
    {"keypad_flag", "0"},
    {"last_window_index", "2"},
    {"mouse_all_flag", "0"},
    {"mouse_any_flag", "0"},
    {"mouse_button_flag", "0"},
    {"mouse_sgr_flag", "0"},
    {"mouse_standard_flag", "0"},
    {"mouse_utf8_flag", "0"},
    {"next_session_id", "$0"},
    {"origin_flag", "0"},
    {"pane_active", "1"},
    {"pane_at_bottom", "1"},
    {"pane_at_left", "0"},
    {"pane_at_right", "1"},
    {"pane_at_top", "1"},
    {"pane_bg", "default"},
    {"pane_bottom", "22"},
    {"pane_crash_loop", "0"},
    {"pane_current_command", ""}, /* no pty: see the pty test */
    {"pane_current_path", "/home/u"},
    {"pane_dead", "0"},
    {"pane_dead_signal", ""},
    {"pane_dead_status", ""},
    {"pane_dead_time", ""},
    {"pane_fg", "default"},
    {"pane_format", "0"},
    {"pane_height", "23"},
    {"pane_id", "%6"},
    {"pane_in_mode", "0"},
    {"pane_index", "1"},
    {"pane_input_off", "0"},
    {"pane_last", "0"},
    {"pane_left", "40"},
    {"pane_log_dropped", "0"},
    {"pane_marked", "0"},
    {"pane_marked_set", "0"},
    {"pane_mode", ""}, /* no mode */
    {"pane_path", "/srv/www"},
    {"pane_pid", "2000000043"},
    {"pane_pipe", "0"},
    {"pane_pipe_dropped", "0"},
    {"pane_restarts", "0"},
    {"pane_right", "79"},
    {"pane_start_command", "make -j2"},
    {"pane_start_time", ""},
    {"pane_start_path", "/home/u"},
    {"pane_synchronized", "0"},
    {"pane_tabs", "8,16,24,32"},
    {"pane_title", "editing"},
    {"pane_top", "0"},
    {"pane_tty", ""},
    {"pane_width", "40"},
    {"pid", "1234"},
    {"scroll_region_lower", "22"},
    {"scroll_region_upper", "0"},
    {"session_activity", "1795342448"},
    {"session_alerts", "2#!"},
    {"session_attached", "1"},
    {"session_attached_list", "client-999"},
    {"session_created", "1795342443"},
    {"session_format", "1"},
    {"session_group", ""}, /* in no group: the group variables are empty, as tmux's */
    {"session_group_attached", ""},
    {"session_group_attached_list", ""},
    {"session_group_list", ""},
    {"session_group_many_attached", ""},
    {"session_group_size", ""},
    {"session_grouped", "0"},
    {"session_id", "$3"},
    {"session_many_attached", "0"},
    {"session_marked", "0"},
    {"session_name", "work"},
    {"session_path", "/home/u/src"},
    {"session_stack", "1,2"},
    {"session_windows", "2"},
    {"socket_path", "/tmp/tmx-1000/default"},
    {"start_time", "1795342383"},
    {"uid", NULL},
    {"user", NULL},
    {"version", "3.3a"},
    {"window_active", "1"},
    {"window_active_clients", "1"},
    {"window_active_clients_list", "client-999"},
    {"window_active_sessions", "1"},
    {"window_active_sessions_list", "work"},
    {"window_activity", ""}, /* 0 in this fixture: none */
    {"window_activity_flag", "0"},
    {"window_bell_flag", "0"},
    {"window_cell_height", "32"},
    {"window_cell_width", "16"},
    {"window_crash_loop_flag", "0"},
    {"window_end_flag", "0"},
    {"window_flags", "*"},
    {"window_format", "0"},
    {"window_height", "23"},
    {"window_id", "@7"},
    {"window_index", "1"},
    {"window_last_flag", "0"},
    {"window_layout", "f907,80x23,0,0{39x23,0,0,5,40x23,40,0,6}"},
    {"window_linked", "0"},
    {"window_linked_sessions", "1"},
    {"window_linked_sessions_list", "work"},
    {"window_marked_flag", "0"},
    {"window_name", "vim"},
    {"window_panes", "2"},
    {"window_raw_flags", "*"},
    {"window_restarting_flag", "0"},
    {"window_restarts", "0"},
    {"window_silence_flag", "0"},
    {"window_stack_index", "0"},
    {"window_start_flag", "1"},
    {"window_visible_layout", "f907,80x23,0,0{39x23,0,0,5,40x23,40,0,6}"},
    {"window_width", "80"},
    {"window_zoomed_flag", "0"},
    {"wrap_flag", "1"},
};

static const struct want *find_want(const char *name)
{
    for (size_t i = 0; i < sizeof wants / sizeof wants[0]; i++) {
        if (strcmp(wants[i].name, name) == 0)
            return &wants[i];
    }
    return NULL;
}

static void test_every_variable_expands_to_its_value(void **state)
{
    struct fixture *f = *state;
    /* Cursor at (3, 1), a title, an OSC 7 directory. */
    const char *bytes = "\r\nabc\033]2;editing\007\033]7;file://host/srv/www\007";
    vt_feed(f->p2.vt, bytes, strlen(bytes));
    const char *const *names = format_variable_names();
    for (size_t i = 0; names[i] != NULL; i++) {
        const struct want *w = find_want(names[i]);
        if (w == NULL)
            fail_msg("variable %s has no expected value in this test", names[i]);
        if (w->value == NULL)
            continue;
        char template[128];
        snprintf(template, sizeof template, "#{%s}", names[i]);
        check(&f->ctx, template, w->value);
    }
}

static void test_host_and_host_short_are_the_host_name_and_its_first_label(void **state)
{
    struct fixture *f = *state;
    char host[256] = "";
    gethostname(host, sizeof host);
    check(&f->ctx, "#{host}", host);
    host[strcspn(host, ".")] = '\0';
    check(&f->ctx, "#{host_short}", host);
}

static void test_window_variables_of_the_last_window_with_alerts(void **state)
{
    struct fixture *f = *state;
    struct format_ctx c = {.server = &f->srv, .session = &f->s, .window = &f->w2};
    format_defaults(&c);
    check(&c, "#{window_flags}", "##!-"); /* '#' doubled for the status line, as tmux */
    check(&c, "#{window_raw_flags}", "#!-");
    check(&c, "#{window_active}#{window_last_flag}", "01");
    check(&c, "#{window_activity_flag}#{window_bell_flag}#{window_silence_flag}", "110");
    f->l2.alerts = WINDOW_ALERT_SILENCE;
    check(&c, "#{window_flags}#{window_silence_flag}", "~-1");
    check(&c, "#{window_stack_index} #{window_start_flag}#{window_end_flag}", "1 01");
    check(&c, "#{window_panes} #{pane_id} #{pane_index}", "1 %7 0");
}

static void test_pane_index_and_active_of_the_first_pane(void **state)
{
    struct fixture *f = *state;
    struct format_ctx c = {.server = &f->srv, .session = &f->s, .window = &f->w1, .pane = &f->p1};
    check(&c, "#{pane_index} #{pane_active}", "0 0");
}

static void test_dead_pane_variables_give_status_or_signal_and_time(void **state)
{
    struct fixture *f = *state;
    f->p2.dead = true;
    f->p2.reaped = true;
    f->p2.wait_status = 3 << 8; /* exited with 3 */
    f->p2.exit_time = CREATED + 9;
    check(&f->ctx, "#{pane_dead} #{pane_dead_status} [#{pane_dead_signal}] #{pane_dead_time}",
          "1 3 [] 1795342452");
    f->p2.wait_status = 9; /* killed by SIGKILL */
    check(&f->ctx, "[#{pane_dead_status}] #{pane_dead_signal}", "[] 9");
}

static void test_session_attached_counts_only_attached_clients_of_the_session(void **state)
{
    struct fixture *f = *state;
    struct client other = {.attached = true, .session = &f->s};
    struct client detached = {.attached = false, .session = &f->s};
    TAILQ_INSERT_TAIL(&f->srv.clients, &other, entry);
    TAILQ_INSERT_TAIL(&f->srv.clients, &detached, entry);
    check(&f->ctx, "#{session_attached} #{session_many_attached}", "2 1");
    TAILQ_REMOVE(&f->srv.clients, &other, entry);
    TAILQ_REMOVE(&f->srv.clients, &detached, entry);
}

static void test_history_size_counts_lines_scrolled_into_history(void **state)
{
    struct fixture *f = *state;
    for (int i = 0; i < 30; i++)
        vt_feed(f->p2.vt, "x\r\n", 3);
    check(&f->ctx, "#{history_size}", "8");
    char err[128];
    assert_int_equal(options_set(f->s.options, "history-limit", "50", false, err, sizeof err), 0);
    check(&f->ctx, "#{history_limit}", "50");
}

static void test_alternate_on_follows_the_alternate_screen(void **state)
{
    struct fixture *f = *state;
    vt_feed(f->p2.vt, "\033[?1049h", 8);
    check(&f->ctx, "#{alternate_on}", "1");
}

static void test_pane_tty_command_and_path_come_from_a_real_pty(void **state)
{
    struct fixture *f = *state;
    int fd = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(fd >= 0);
    assert_int_equal(grantpt(fd), 0);
    assert_int_equal(unlockpt(fd), 0);
    f->p2.fd = fd;
    f->p2.pid = getpid();
    check(&f->ctx, "#{pane_tty}", ptsname(fd));
    char comm[64] = "", path[64];
    snprintf(path, sizeof path, "/proc/%ld/comm", (long)getpid());
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(comm, sizeof comm, fp));
    fclose(fp);
    comm[strcspn(comm, "\n")] = '\0';
    check(&f->ctx, "#{pane_current_command}", comm);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    check(&f->ctx, "#{pane_current_path}", cwd);
    close(fd);
    f->p2.fd = -1;
}

static void test_variables_without_their_object_are_empty(void **state)
{
    (void)state;
    struct format_ctx empty = {0};
    const char *const *names = format_variable_names();
    for (size_t i = 0; names[i] != NULL; i++) {
        static const char *const always[] = {"host", "host_short", "version", "uid", "user",
                                             "pane_format", "window_format", "session_format",
                                             "pane_marked_set"};
        bool skip = false;
        for (size_t j = 0; j < sizeof always / sizeof always[0]; j++)
            skip = skip || strcmp(names[i], always[j]) == 0;
        if (skip)
            continue;
        char template[128];
        snprintf(template, sizeof template, "#{%s}", names[i]);
        check(&empty, template, "");
    }
    check(NULL, "#{session_name}x", "x");
}

static void test_a_window_alone_finds_its_session_through_the_window(void **state)
{
    struct fixture *f = *state;
    struct format_ctx c = {.window = &f->w2};
    check(&c, "#{session_name}:#{window_index}", "work:2");
}

static void test_unknown_variables_are_empty(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "[#{no_such_thing}]", "[]");
}

static void test_option_names_expand_to_option_values(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{history-limit} #{status}", "2000 on");
    check(&f->ctx, "#{automatic-rename} #{mode-keys}", "1 emacs"); /* flags as 1 or 0 */
    check(&f->ctx, "#{status-left}", "[#{session_name}] ");
    check(&f->ctx, "#{E:status-left}", "[work] ");
}

/* ---- Shorthands and escapes ---------------------------------------------------- */

static void test_shorthands_expand_like_their_variables(void **state)
{
    struct fixture *f = *state;
    vt_feed(f->p2.vt, "\033]2;t\007", 6);
    check(&f->ctx, "#S|#W|#I|#P|#T|#D|#F", "work|vim|1|1|t|%6|*");
    char host[256] = "", want[600];
    gethostname(host, sizeof host);
    snprintf(want, sizeof want, "%s|", host);
    host[strcspn(host, ".")] = '\0';
    snprintf(want + strlen(want), sizeof want - strlen(want), "%s", host);
    check(&f->ctx, "#H|#h", want);
}

static void test_escapes_give_the_character(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "a##b #, #} 100%", "a#b , } 100%");
    check(&f->ctx, "##{session_name}", "#{session_name}");
    check(&f->ctx, "#x #%", "#x #%");
    check(&f->ctx, "#x #( #", "#x "); /* an unclosed #( ends the expansion, as tmux */
}

static void test_styles_pass_through_with_formats_inside_expanded(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#[fg=red,bold]#S#[default]", "#[fg=red,bold]work#[default]");
    check(&f->ctx, "#[bg=#d0d0d0]x", "#[bg=#d0d0d0]x");
    check(&f->ctx, "#[bg=#D0D0D0]x", "#[bg=%60D0D0]x"); /* #D is pane_id there too, as tmux 3.3a */
    check(&f->ctx, "#[bg=##D0D0D0]x", "#[bg=#D0D0D0]x");
    check(&f->ctx, "#[fg=#{?window_active,red,blue}]x", "#[fg=red]x");
    check(&f->ctx, "##[not a style]", "##[not a style]");
}

/* ---- Conditionals ------------------------------------------------------------- */

static void test_conditional_on_a_variable_chooses_by_truth(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{?window_active,yes,no}", "yes");
    check(&f->ctx, "#{?pane_dead,yes,no}", "no");                  /* "0" */
    check(&f->ctx, "#{?pane_dead_status,yes,no}", "no");           /* "" */
    check(&f->ctx, "#{?no_such_variable,yes,no}", "no");
    check(&f->ctx, "#{?session_name,[#S],none}", "[work]");
}

static void test_conditional_without_else_gives_empty(void **state)
{
    struct fixture *f = *state;
    /* tmux 3.3a wants both branches: without them the expansion ends there. */
    check(&f->ctx, "<#{?pane_dead,dead}>", "<");
    check(&f->ctx, "<#{?window_active}>", "<");
    check(&f->ctx, "<#{?window_active,,}>", "<>");
}

static void test_conditional_on_a_format_expands_it(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{?#{==:#{session_name},work},yes,no}", "yes");
    check(&f->ctx, "#{?#{==:#{session_name},x},yes,no}", "no");
    check(&f->ctx, "#{?#{pane_dead},yes,no}", "no");
}

static void test_commas_inside_nested_formats_and_styles_do_not_split(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{?window_active,#{?pane_dead,a,b},c}", "b");
    check(&f->ctx, "#{?window_active,#[fg=red#,bold]x,y}", "#[fg=red,bold]x");
    check(&f->ctx, "#{?window_active,#[fg=red,bold]x,y}", "#[fg=red"); /* as tmux: #, */
    check(&f->ctx, "#{?window_active,a#,b,c}", "a,b");
    check(&f->ctx, "#{?pane_dead,a,b#}c}", "b}c");
}

/* tmux 3.3a has no chains: the else branch is everything after the second comma. */
static void test_conditional_else_is_the_rest_after_the_second_comma(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{?pane_dead,dead,window_active,active,other}", "window_active,active,other");
    check(&f->ctx, "#{?1,yes,no}#{?#{e|+|:0,1},yes,no}", "noyes"); /* "1" is no name */
}

/* ---- Comparisons and logic ---------------------------------------------------- */

static void test_string_comparisons(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{==:#S,work}#{==:#S,play}", "10");
    check(&f->ctx, "#{!=:#S,work}#{!=:#S,play}", "01");
    check(&f->ctx, "#{<:abc,abd}#{<:abd,abc}#{<:a,a}", "100");
    check(&f->ctx, "#{>:abc,abd}#{>:abd,abc}#{>:a,a}", "010");
    check(&f->ctx, "#{<=:abc,abd}#{<=:abd,abc}#{<=:a,a}", "101");
    check(&f->ctx, "#{>=:abc,abd}#{>=:abd,abc}#{>=:a,a}", "011");
    check(&f->ctx, "#{==:#{window_index},1}", "1");
    check(&f->ctx, "#{==:,}", "1");
}

static void test_logic_operators_use_format_truth(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{||:#{pane_dead},#{window_active}}#{||:0,}", "10");
    check(&f->ctx, "#{&&:#{pane_active},#{window_active}}#{&&:1,0}", "10");
    check(&f->ctx, "#{?#{&&:#{window_active},#{==:#S,work}},both,not}", "both");
}

static void test_match_modifier_uses_shell_patterns(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{m:w*,#S}#{m:x*,#S}#{m:v?m,#W}", "101");
}

static void test_comparison_with_one_operand_is_empty(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "[#{==:work}]", "["); /* cannot be read: the expansion ends */
    check(&f->ctx, "#{==:a,a,b}#{==:a,b,c}", "00"); /* the right side is "a,b" / "b,c" */
}

/* ---- Modifiers ---------------------------------------------------------------- */

static void test_trim_keeps_the_first_or_last_columns(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{=2:session_name}|#{=-2:session_name}", "wo|rk");
    check(&f->ctx, "#{=10:session_name}|#{=-10:session_name}", "work|work");
    check(&f->ctx, "[#{=0:session_name}]", "[work]");
    check(&f->ctx, "#{=/2:session_name}|#{=/0/...:session_name}", "wo|work");
    check(&f->ctx, "#{=3:#{l:a#[fg=red]bcdef}}|#{=-2:#{l:a#[x]bc}}", "a#[fg=red]bc|#[x]bc");
    check(&f->ctx, "#{=1:#{l:##ab}}|#{w:#{l:##ab}}", "##|3");
    check(&f->ctx, "#{=/2/...:session_name}|#{=/-2/...:session_name}|#{=/9/...:session_name}",
          "wo...|...rk|work");
}

static void test_trim_counts_display_columns_not_bytes(void **state)
{
    struct fixture *f = *state;
    f->w1.name = "\xe4\xbd\xa0\xe5\xa5\xbd\xe5\x90\x97"; /* three wide characters */
    check(&f->ctx, "#{=4:window_name}", "\xe4\xbd\xa0\xe5\xa5\xbd");
    check(&f->ctx, "#{=3:window_name}", "\xe4\xbd\xa0"); /* half a character is dropped */
    check(&f->ctx, "#{=-2:window_name}", "\xe5\x90\x97");
    check(&f->ctx, "#{w:window_name} #{n:window_name}", "6 9");
    f->w1.name = "e\xcc\x81t\xe9"; /* e + combining acute, t, a broken byte */
    check(&f->ctx, "#{=2:window_name}", "e\xcc\x81t");
    f->w1.name = "ae\xcc\x81";
    check(&f->ctx, "#{=-1:window_name}", "e\xcc\x81"); /* the mark stays with its letter */
    check(&f->ctx, "#{=-9223372036854775808:session_name}#{=99999999999:session_name}",
          "workwork");
}

static void test_time_modifier_formats_a_date_like_ctime(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{t:session_created}", "Sun Nov 22 10:14:03 2026");
    check(&f->ctx, "#{t/f/%H#:%M:session_created}", "10:14"); /* #: is a colon */
    check(&f->ctx, "[#{t:session_name}]", "[]");
}

static void test_basename_and_dirname(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{b:session_path} #{d:session_path}", "src /home/u");
    /* Only on a looked-up value, as tmux: a nested format is left as it is. */
    check(&f->ctx, "#{b:#{l:/a/b/}} #{d:#{l:file}}", "/a/b/ file");
}

static void test_literal_is_not_looked_up_or_expanded(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{l:session_name}", "session_name");
    check(&f->ctx, "#{l:#{session_name}}", "#{session_name}");
}

static void test_substitution_replaces_every_match_of_a_regex(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{s/t/T/:socket_path}", "/Tmp/Tmx-1000/defaulT");
    f->w1.name = "a.b.c";
    check(&f->ctx, "#{s/./-/:window_name}", "-----");
    check(&f->ctx, "#{s/\\./-/:window_name}", "a-b-c");
    check(&f->ctx, "#{s|.b|X|:window_name}", "aX.c");
    check(&f->ctx, "#{s/a/#{session_name}/:window_name}", "work.b.c");
    check(&f->ctx, "#{s/(a)\\.(b)/\\2\\1/:window_name}", "ba.c");
    check(&f->ctx, "#{s/A/x/i:window_name}#{s/^./x/:window_name}", "x.b.cx.b.c");
    check(&f->ctx, "#{s/x*/-/:#{l:abc}}|#{s/a*/-/:#{l:baaac}}", "a-b-c-|b-c-");
    check(&f->ctx, "#{s/a/X:#{l:banana}}#{s/(/X/:#{l:a(}}", "bXnXnXa(");
}

static void test_length_width_and_quote(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{n:session_name} #{w:session_name} #{n:no_such}", "4 4 0");
    f->w1.name = "a b$c";
    check(&f->ctx, "#{q:window_name}", "a\\ b\\$c");
}

static void test_modifiers_chain_left_to_right(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{s/w/W/;=2:session_name}", "Wo");
    check(&f->ctx, "#{=2;s/w/W/:session_name}", "Wo");
    check(&f->ctx, "#{b;n:session_path}", "3");
    check(&f->ctx, "#{=3:#{session_name}-#{window_name}}", "wor");
}

static void test_arithmetic_on_integers(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{e|+|:2,3} #{e|-|:2,3} #{e|*|:4,-3} #{e|/|:7,2} #{e|%|:7,2}", "5 -1 -12 3 1");
    check(&f->ctx, "#{e|+|:#{window_index},#{window_panes}}", "3");
    check(&f->ctx, "#{e|==|:02,2}#{e|!=|:1,2}#{e|<|:9,10}#{e|>|:9,10}#{e|<=|:3,3}#{e|>=|:2,3}",
          "111010");
    check(&f->ctx, "[#{e|+|:x,1}][#{e|^|:1,1}][#{e|+|:1}]", "[][][]");
    /* What does not fit a long long is its smallest, as tmux on x86 prints it. */
    check(&f->ctx, "#{e|/|:1,0} #{e|+|:9223372036854775807,1}",
          "-9223372036854775808 -9223372036854775808");
    check(&f->ctx, "#{e|*|f|2:1.5,3} #{e|/|f|4:10,3} #{e|/|f:10,3} #{e|+|:1.9,1.9}", "4.50 3.3333 3.33 2");
    check(&f->ctx, "#{e|%|f|2:7.5,2} #{e|m|:7,3} #{e|+||3:1,2} #{e|+|:,}", "1.50 1 3.000 0");
    /* The modulus as C's fmod: the sign of the left side, exact far past 2^53, NaN (the
     * invalid operation's, -nan on x86) by zero. */
    check(&f->ctx, "#{e|%|f|2:-7.5,2} #{e|%|f|3:5.5,-2} #{e|%|f|0:1e300,7} #{e|%|f|0:-1e300,7}",
          "-1.50 1.500 1 -1");
    check(&f->ctx, "#{e|%|f|1:7,0} #{e|%|:7,0}", "-nan -9223372036854775808");
}

static void test_unknown_modifier_is_empty(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "[#{z:session_name}][#{=abc:session_name}]", "[][work]");
}

/* ---- Loops, names, characters, colours, padding, search ------------------------- */

static void test_loops_walk_sessions_windows_and_panes(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{S:#{session_name};}", "work;");
    check(&f->ctx, "#{W:#{window_index}:#{window_name} }", "1:vim 2:logs ");
    check(&f->ctx, "#{W:#{window_index},[#{window_index}]}", "[1]2");
    check(&f->ctx, "#{P:#{pane_id} }", "%5 %6 ");
    check(&f->ctx, "#{P:#{pane_index},*}", "0*");
    check(&f->ctx, "#{W:#{P:#{pane_id}}|}", "%5%6|%7|");
    check(&f->ctx, "#{S:#{session_format}}#{W:#{window_format}}#{P:#{pane_format}}", "11111");
    struct format_ctx none = {0};
    check(&none, "a#{W:x}b", "a"); /* nothing to walk: the expansion ends */
}

static void test_newer_loops_sort_and_clients(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{W/r:#{window_index}}#{W/n:#{window_name}}", "21logsvim");
    check(&f->ctx, "#{P/r:#{pane_id}}", "%6%5");
    check(&f->ctx, "#{L:#{client_pid}}", "999");
}

static void test_name_exists_character_and_colour(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{N/s:work}#{N/s:play}#{N/w:logs}#{N:vim}#{N/w:x}", "10110");
    check(&f->ctx, "#{a:65}#{a:#{e|+|:60,6}}[#{a:31}][#{a:x}]", "AB[][]");
    check(&f->ctx, "#{c:red} #{c:colour16} #{c:colour231} #{c:colour255} #{c:#0a0B0c}[#{c:default}]",
          "800000 000000 ffffff eeeeee 0a0b0c[]");
}

static void test_padding_to_a_width(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "[#{p6:session_name}][#{p-6:session_name}][#{p2:session_name}]",
          "[work  ][  work][work]");
    check(&f->ctx, "[#{p6;=2:session_name}]", "[wo    ]");
}

static void test_not_and_repeat(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{!:pane_dead}#{!:window_active}#{!!:window_active}#{!!:pane_dead}", "1010");
    check(&f->ctx, "#{R:ab,3}[#{R:x,0}][#{R:x,y}]", "ababab[][]");
}

static void test_search_finds_the_line_of_the_pane(void **state)
{
    struct fixture *f = *state;
    const char *bytes = "first\r\nsecond line\r\nThird";
    vt_feed(f->p2.vt, bytes, strlen(bytes));
    check(&f->ctx, "#{C:second}#{C:nope}#{C:third}#{C/i:third}#{C/r:^sec.nd}#{C/ri:^THI}", "200323");
}

static void test_quote_for_styles_and_environment(void **state)
{
    struct fixture *f = *state;
    f->w1.name = "a#b";
    check(&f->ctx, "#{q/h:window_name} #{q:window_name}", "a##b a\\#b");
    setenv("TMX_FORMAT_TEST", "from env", 1);
    check(&f->ctx, "#{TMX_FORMAT_TEST}|#{q:TMX_FORMAT_TEST}|#{?TMX_FORMAT_TEST,y,n}",
          "from env|from\\ env|y");
    unsetenv("TMX_FORMAT_TEST");
    /* The session's environment first (environ.h). */
    f->s.environ = envset_create();
    envset_set(f->s.environ, "TMX_FORMAT_TEST", "session's", false);
    check(&f->ctx, "#{TMX_FORMAT_TEST}", "session's");
    envset_free(f->s.environ);
    f->s.environ = NULL;
}

static void test_time_modifiers_and_strftime(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{t/f/%Y-%m-%d:session_created}", "2026-11-22");
    check(&f->ctx, "[#{t:pane_dead_time}][#{t/p:window_name}]", "[][]");
    char *out = format_expand(&f->ctx, "#{t/p:session_created}");
    assert_true(strlen(out) >= 4); /* a date a while ago: "22Nov" or "Nov26" */
    free(out);
    out = format_expand_time(&f->ctx, "%%|#{==:%Y,#{T:#{l:%%Y}}}");
    assert_string_equal(out, "%|1");
    free(out);
}

/* ---- Nesting, malformed input, limits ----------------------------------------- */

static void test_nesting_mixes_every_construct(void **state)
{
    struct fixture *f = *state;
    check(&f->ctx, "#{?#{==:#{=2:session_name},wo},#{e|+|:#{window_index},10},no}", "11");
    check(&f->ctx, "#I:#W#{?window_flags,#{window_flags}, }", "1:vim*");
}

static void test_unclosed_braces_end_the_expansion(void **state)
{
    struct fixture *f = *state;
    /* As tmux: an unclosed #{ ends the expansion there. */
    check(&f->ctx, "a#{session_name", "a");
    check(&f->ctx, "#S #{?window_active,#{x", "work ");
    check(&f->ctx, "#{", "");
    check(&f->ctx, "#[fg=red", "#[fg=red");
    check(&f->ctx, "}]", "}]");
}

static void test_every_prefix_of_a_complex_format_is_safe(void **state)
{
    struct fixture *f = *state;
    const char *t = "#{?#{&&:#{==:#S,work},#{m:v*,#W}},#[fg=red#,bold]#{=/3/..:window_name},"
                    "#{e|*|:#{s/1/7/:window_index},3}}##[x]#{t/f/%H:session_created}#{q;b:l}";
    size_t n = strlen(t);
    for (size_t i = 0; i <= n; i++) {
        char *prefix = strndup(t, i);
        char *out = format_expand(&f->ctx, prefix);
        assert_non_null(out);
        free(out);
        free(prefix);
    }
    /* And arbitrary bytes. */
    srand(7);
    for (int i = 0; i < 2000; i++) {
        char buf[48];
        static const char alphabet[] = "#{}[],:?=-!<>|&;/SWlbdtensqE0129 \xff";
        for (size_t j = 0; j < sizeof buf - 1; j++)
            buf[j] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        buf[sizeof buf - 1] = '\0';
        free(format_expand(&f->ctx, buf));
    }
}

static char *nested_conditionals(int levels)
{
    size_t size = (size_t)levels * 28 + 8;
    char *t = calloc(1, size);
    for (int i = 0; i < levels; i++)
        strcat(t, "#{?window_active,");
    strcat(t, "x");
    for (int i = 0; i < levels; i++)
        strcat(t, ",y}");
    return t;
}

static void test_nesting_deeper_than_the_limit_gives_empty(void **state)
{
    struct fixture *f = *state;
    char *t = nested_conditionals(10);
    check(&f->ctx, t, "x");
    free(t);
    t = nested_conditionals(200);
    check(&f->ctx, t, "");
    free(t);
}

static void test_output_is_capped_at_64_kib(void **state)
{
    struct fixture *f = *state;
    size_t n = 200000;
    char *t = malloc(n + 1);
    for (size_t i = 0; i < n; i += 2)
        memcpy(t + i, "#S", 2);
    t[n] = '\0';
    char *out = format_expand(&f->ctx, t);
    assert_int_equal(strlen(out), 64 * 1024);
    free(out);
    free(t);
}

static void test_a_format_expanding_itself_stays_bounded(void **state)
{
    struct fixture *f = *state;
    char err[256];
    assert_int_equal(options_set(f->s.options, "status-left",
                                 "a#{E:status-left}#{E:status-left}#{E:status-left}#{E:status-left}",
                                 false, err, sizeof err),
                     0);
    /* Runaway work would show as ctest's timeout; what the user gets is bounded. */
    char *out = format_expand(&f->ctx, "#{E:status-left}");
    assert_true(strlen(out) > 0 && strlen(out) <= 64 * 1024);
    assert_true(strspn(out, "a") == strlen(out));
    free(out);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_format_defaults_fills_the_current_window_and_its_active_pane),
        T(test_variable_names_are_sorted_unique_and_null_terminated),
        T(test_every_variable_expands_to_its_value),
        T(test_host_and_host_short_are_the_host_name_and_its_first_label),
        T(test_window_variables_of_the_last_window_with_alerts),
        T(test_pane_index_and_active_of_the_first_pane),
        T(test_dead_pane_variables_give_status_or_signal_and_time),
        T(test_session_attached_counts_only_attached_clients_of_the_session),
        T(test_history_size_counts_lines_scrolled_into_history),
        T(test_alternate_on_follows_the_alternate_screen),
        T(test_pane_tty_command_and_path_come_from_a_real_pty),
        T(test_variables_without_their_object_are_empty),
        T(test_a_window_alone_finds_its_session_through_the_window),
        T(test_unknown_variables_are_empty),
        T(test_option_names_expand_to_option_values),
        T(test_shorthands_expand_like_their_variables),
        T(test_escapes_give_the_character),
        T(test_styles_pass_through_with_formats_inside_expanded),
        T(test_conditional_on_a_variable_chooses_by_truth),
        T(test_conditional_without_else_gives_empty),
        T(test_conditional_on_a_format_expands_it),
        T(test_commas_inside_nested_formats_and_styles_do_not_split),
        T(test_conditional_else_is_the_rest_after_the_second_comma),
        T(test_string_comparisons),
        T(test_logic_operators_use_format_truth),
        T(test_match_modifier_uses_shell_patterns),
        T(test_comparison_with_one_operand_is_empty),
        T(test_trim_keeps_the_first_or_last_columns),
        T(test_trim_counts_display_columns_not_bytes),
        T(test_time_modifier_formats_a_date_like_ctime),
        T(test_basename_and_dirname),
        T(test_literal_is_not_looked_up_or_expanded),
        T(test_substitution_replaces_every_match_of_a_regex),
        T(test_length_width_and_quote),
        T(test_modifiers_chain_left_to_right),
        T(test_arithmetic_on_integers),
        T(test_unknown_modifier_is_empty),
        T(test_loops_walk_sessions_windows_and_panes),
        T(test_newer_loops_sort_and_clients),
        T(test_name_exists_character_and_colour),
        T(test_padding_to_a_width),
        T(test_not_and_repeat),
        T(test_search_finds_the_line_of_the_pane),
        T(test_quote_for_styles_and_environment),
        T(test_time_modifiers_and_strftime),
        T(test_nesting_mixes_every_construct),
        T(test_unclosed_braces_end_the_expansion),
        T(test_every_prefix_of_a_complex_format_is_safe),
        T(test_nesting_deeper_than_the_limit_gives_empty),
        T(test_output_is_capped_at_64_kib),
        T(test_a_format_expanding_itself_stays_bounded),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
