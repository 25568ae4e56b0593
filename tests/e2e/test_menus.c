/* test_menus.c - end-to-end: display-menu draws its box where -x/-y put it, with the
 * title, items, keys in brackets, separators and disabled items; Down skips what cannot
 * be chosen, Enter or an item's key runs its command, q closes with nothing run; tmux
 * 3.4's menu-* options and display-menu -b -s -S -H -C draw it; from a
 * shell the command returns only when the menu closes. display-popup: its program in a
 * box of half the terminal, centred, as tmux draws it; keys go to the program; -E closes
 * with the program, -EE only on success; Escape closes a popup without -E. */
#include "pane_checks.h"

#include <unistd.h>

/* Window 0's name in session s. */
static bool wait_window_name(struct tmx_env *env, const char *want)
{
    char expect[128];
    snprintf(expect, sizeof expect, "%s\n", want);
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        char *out = NULL;
        assert_int_equal(tmx_run(env, &out, NULL, "display", "-p", "-t", "s:0", "#{window_name}",
                                 NULL), 0);
        bool same = strcmp(out, expect) == 0;
        free(out);
        if (same)
            return true;
        sleep_ms(20);
    }
    return false;
}

/* The menu of the tests, bound to C-b m: -x 5 -y 15 puts its top-left corner at column
 * 5 and its last row above row 15. */
static void bind_menu(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "m", "display-menu", "-T", "Title", "-x", "5",
                             "-y", "15", "First item", "a", "rename-window first", "",
                             "-Disabled", "d", "rename-window disabled", "Third", "t",
                             "rename-window third", NULL), 0);
}

static void test_menu_drawn_and_chosen_with_keys(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    bind_menu(env);
    client_keys(c, KEY_PREFIX "m");
    /* 6 rows (borders, 3 items, a separator) ending above row 15: rows 9 to 14. */
    assert_true(client_wait_row(c, 9, "     ┌─Title──────────┐", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 10, "     │ First item (a) │", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 11, "     ├────────────────┤", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 12, "     │ Disabled       │", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 13, "     │ Third      (t) │", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 14, "     └────────────────┘", E2E_TIMEOUT));
    /* The first item is selected (mode-style: black on yellow); the disabled one dim. */
    const struct grid_cell *first = vt_cell(client_vt(c), 7, 10);
    assert_int_equal(first->ch, 'F');
    assert_true(first->bg != COLOUR_DEFAULT);
    assert_true(vt_cell(client_vt(c), 7, 12)->attr & ATTR_DIM);
    /* Down goes past the separator and the disabled item to Third; Enter runs it. */
    client_keys(c, "j");
    client_keys(c, "\r");
    assert_true(wait_window_name(env, "third"));
    assert_false(client_screen_contains(c, "Title"));

    /* An item's key runs it at once. */
    client_keys(c, KEY_PREFIX "m");
    assert_true(client_wait_row(c, 10, "First item (a)", E2E_TIMEOUT));
    client_keys(c, "a");
    assert_true(wait_window_name(env, "first"));

    /* A disabled item's key does nothing; q closes with nothing run. */
    client_keys(c, KEY_PREFIX "m");
    assert_true(client_wait_row(c, 10, "First item (a)", E2E_TIMEOUT));
    client_keys(c, "d");
    client_keys(c, "q");
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        client_pump(c, 20);
        if (!client_screen_contains(c, "First item"))
            break;
    }
    assert_false(client_screen_contains(c, "First item"));
    assert_true(wait_window_name(env, "first"));
}

/* The cell at (x, y) shows ch in fg on bg (and has attr among its attributes). */
static bool wait_cell(struct pty_client *c, int x, int y, uint32_t ch, uint32_t fg, uint32_t bg,
                      uint16_t attr)
{
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        const struct grid_cell *cell = vt_cell(client_vt(c), x, y);
        if (cell->ch == ch && cell->fg == fg && cell->bg == bg && (cell->attr & attr) == attr)
            return true;
        client_pump(c, 20);
    }
    client_dump(c);
    return false;
}

#define RED (COLOUR_PALETTE | 1)
#define GREEN (COLOUR_PALETTE | 2)
#define YELLOW (COLOUR_PALETTE | 3)
#define BLUE (COLOUR_PALETTE | 4)
#define MAGENTA (COLOUR_PALETTE | 5)
#define CYAN (COLOUR_PALETTE | 6)
#define WHITE (COLOUR_PALETTE | 7)
#define BLACK (COLOUR_PALETTE | 0)

/* tmux 3.4's menu options: menu-border-lines and menu-border-style draw the frame, the
 * separator and the title; menu-style the items and the blanks beside them (a disabled
 * item dim on it); menu-selected-style the selected item. */
static void test_menu_options_draw_the_menu(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no such option */
    struct pty_client *c = attach_s(env, 80, 24);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "menu-border-lines", "double", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "menu-border-style", "fg=green", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "menu-style", "bg=blue", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "menu-selected-style",
                             "bg=red,fg=white", NULL), 0);
    bind_menu(env);
    client_keys(c, KEY_PREFIX "m");
    assert_true(client_wait_row(c, 9, "     ╔═Title══════════╗", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 10, "     ║ First item (a) ║", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 11, "     ╠════════════════╣", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 14, "     ╚════════════════╝", E2E_TIMEOUT));
    /* The border, the separator and the title: green on the default background. */
    assert_true(wait_cell(c, 5, 9, 0x2554, GREEN, COLOUR_DEFAULT, 0));
    assert_true(wait_cell(c, 7, 9, 'T', GREEN, COLOUR_DEFAULT, 0));
    assert_true(wait_cell(c, 5, 11, 0x2560, GREEN, COLOUR_DEFAULT, 0));
    assert_true(wait_cell(c, 22, 13, 0x2551, GREEN, COLOUR_DEFAULT, 0));
    /* The selected item, white on red; the others and the blanks beside them on blue. */
    assert_true(wait_cell(c, 7, 10, 'F', WHITE, RED, 0));
    assert_true(wait_cell(c, 6, 10, ' ', COLOUR_DEFAULT, BLUE, 0));
    assert_true(wait_cell(c, 7, 13, 'T', COLOUR_DEFAULT, BLUE, 0));
    assert_true(wait_cell(c, 7, 12, 'D', COLOUR_DEFAULT, BLUE, ATTR_DIM));
    /* Down: the selection moves to Third, First goes back to menu-style. */
    client_keys(c, "j");
    assert_true(wait_cell(c, 7, 13, 'T', WHITE, RED, 0));
    assert_true(wait_cell(c, 7, 10, 'F', COLOUR_DEFAULT, BLUE, 0));
    client_keys(c, "q");
}

/* display-menu -b, -s, -S, -H for one menu, over the options; -C selects an item first. */
static void test_menu_flags_style_one_menu(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip(); /* tmux 3.3a has no such option */
    struct pty_client *c = attach_s(env, 80, 24);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "menu-style", "bg=blue", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "m", "display-menu", "-b", "rounded", "-s",
                             "fg=yellow", "-S", "fg=magenta", "-H", "bg=cyan,fg=black", "-C",
                             "2", "-x", "0", "-y", "10", "One", "o", "", "Two", "t", "",
                             "Three", "h", "", NULL), 0);
    client_keys(c, KEY_PREFIX "m");
    /* 5 rows ending above row 10: rows 5 to 9; -C 2 selects Three. */
    assert_true(client_wait_row(c, 5, "╭───────────╮", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 8, "│ Three (h) │", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 9, "╰───────────╯", E2E_TIMEOUT));
    assert_true(wait_cell(c, 0, 5, 0x256d, MAGENTA, COLOUR_DEFAULT, 0));
    assert_true(wait_cell(c, 2, 8, 'T', BLACK, CYAN, 0));
    /* -s over menu-style: yellow on blue. */
    assert_true(wait_cell(c, 2, 6, 'O', YELLOW, BLUE, 0));
    /* An unknown -b is an error, as a bad style is. */
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "display-menu", "-b", "dotted", "A", "a", "",
                             NULL), 1);
    assert_non_null(strstr(err, "dotted"));
    free(err);
    client_keys(c, "q");
}

/* With menu-selected-style at its default, the selected item is drawn in mode-style, as
 * in tmux 3.3a (a config that set only mode-style keeps its menus' look). */
static void test_menu_selected_falls_back_to_mode_style(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "mode-style", "bg=green,fg=red", NULL),
                     0);
    bind_menu(env);
    client_keys(c, KEY_PREFIX "m");
    assert_true(client_wait_row(c, 10, "     │ First item (a) │", E2E_TIMEOUT));
    assert_true(wait_cell(c, 7, 10, 'F', RED, GREEN, 0));
    assert_true(wait_cell(c, 5, 10, 0x2502, COLOUR_DEFAULT, COLOUR_DEFAULT, 0));
    client_keys(c, "q");
}

static void test_menu_from_shell_waits_until_closed(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    char *tty = NULL;
    assert_int_equal(tmx_run(env, &tty, NULL, "list-clients", "-F", "#{client_tty}", NULL), 0);
    tty[strcspn(tty, "\n")] = '\0';
    /* Centred by default: 4 rows and 11 columns: column 34, rows 9 to 12 as in tmux. */
    struct pty_client *menu = client_start(env, 80, 24, "display-menu", "-c", tty, "Abc", "a",
                                           "", "Defgh", "", "", NULL);
    assert_true(client_wait_row(c, 10, "                                  │ Abc (a) │",
                                E2E_TIMEOUT));
    assert_true(client_wait_row(c, 9, "                                  ┌─────────┐",
                                E2E_TIMEOUT));
    /* Still open: the command has not returned. */
    client_pump(menu, 200);
    client_keys(c, "q");
    assert_int_equal(client_wait_exit(menu, E2E_TIMEOUT), 0);
    free(tty);
}

static void test_menu_errors(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", NULL), 0);
    char *err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "display-menu", "-c", "nosuch", "A", "a", "", NULL),
                     1);
    assert_non_null(strstr(err, "can't find client: nosuch"));
    free(err);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    err = NULL;
    assert_int_equal(tmx_run(env, NULL, &err, "display-menu", "A", "a", NULL), 1);
    assert_non_null(strstr(err, "not enough arguments"));
    free(err);
}

/* A file the popup's program writes, once it is there. */
static char *wait_file(const char *path)
{
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        FILE *f = fopen(path, "r");
        if (f != NULL) {
            char buf[256] = "";
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
            buf[n] = '\0';
            if (n > 0 && buf[n - 1] == '\n')
                return strdup(buf);
        }
        sleep_ms(20);
    }
    return NULL;
}

static void test_popup_drawn_and_typed_into(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    char path[512];
    snprintf(path, sizeof path, "%s/popup-%d.out", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid());
    unlink(path);
    char *command = NULL;
    assert_true(asprintf(&command, "printf 'line1\\nline2\\n'; read x; echo \"got $x\" >%s",
                         path) > 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "P", "display-popup", "-E", "-T", "PT",
                             command, NULL), 0);
    client_keys(c, KEY_PREFIX "P");
    /* 40x12 (half of 80x24), at column 19 and rows 5 to 16, as tmux places it. */
    assert_true(client_wait_row(c, 5, "                   ┌─PT──────", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 6, "                   │line1                                 │",
                                E2E_TIMEOUT));
    assert_true(client_wait_row(c, 7, "                   │line2", E2E_TIMEOUT));
    assert_true(client_wait_row(c, 16, "                   └────────", E2E_TIMEOUT));
    /* Keys go to the program; it exits and -E closes the popup. */
    client_type(c, "abc\r");
    char *got = wait_file(path);
    assert_non_null(got);
    assert_string_equal(got, "got abc\n");
    free(got);
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        client_pump(c, 20);
        if (!client_screen_contains(c, "line1"))
            break;
    }
    assert_false(client_screen_contains(c, "line1"));
    /* The keys did not reach the pane's shell. */
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    assert_null(strstr(out, "abc"));
    free(out);
    free(command);
    unlink(path);
}

static void test_popup_close_rules(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_s(env, 80, 24);
    char *tty = NULL;
    assert_int_equal(tmx_run(env, &tty, NULL, "list-clients", "-F", "#{client_tty}", NULL), 0);
    tty[strcspn(tty, "\n")] = '\0';
    /* Without -E the popup stays after its program exits; Escape closes it and the
     * command from the shell returns then. */
    struct pty_client *popup = client_start(env, 80, 24, "display-popup", "-c", tty, "-w", "20",
                                            "-h", "5", "echo done-1", NULL);
    assert_true(client_wait_text(c, "done-1", E2E_TIMEOUT));
    client_pump(popup, 200);
    client_keys(c, "\033");
    assert_int_equal(client_wait_exit(popup, E2E_TIMEOUT), 0);
    /* -EE: a failing program leaves the popup open... */
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "F", "display-popup", "-EE", "-w", "20", "-h",
                             "5", "echo fail-2; exit 3", NULL), 0);
    client_keys(c, KEY_PREFIX "F");
    assert_true(client_wait_text(c, "fail-2", E2E_TIMEOUT));
    client_pump(c, 200);
    assert_true(client_screen_contains(c, "fail-2"));
    client_keys(c, "\003");
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        client_pump(c, 20);
        if (!client_screen_contains(c, "fail-2"))
            break;
    }
    assert_false(client_screen_contains(c, "fail-2"));
    /* ... a succeeding one closes it. */
    assert_int_equal(tmx_run(env, NULL, NULL, "bind", "G", "display-popup", "-EE", "-w", "20", "-h",
                             "5", "echo ok-3; sleep 0.3", NULL), 0);
    client_keys(c, KEY_PREFIX "G");
    assert_true(client_wait_text(c, "ok-3", E2E_TIMEOUT));
    for (long start = now_ms(); now_ms() - start < E2E_TIMEOUT;) {
        client_pump(c, 20);
        if (!client_screen_contains(c, "ok-3"))
            break;
    }
    assert_false(client_screen_contains(c, "ok-3"));
    free(tty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_menu_drawn_and_chosen_with_keys, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_menu_from_shell_waits_until_closed, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_menu_errors, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_menu_options_draw_the_menu, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_menu_flags_style_one_menu, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_menu_selected_falls_back_to_mode_style, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_popup_drawn_and_typed_into, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_popup_close_rules, e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
