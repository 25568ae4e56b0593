/* test_terminals.c - end-to-end: clients on different terminals (xterm-256color,
 * screen with 8 colours, vt100 with none) see the right screen: the pane's text where
 * capture-pane says it is, the status line, and colours only as the terminal has them. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "links.h"
#include "version.h"
#include "vt.h"

/* A detached session whose program prints coloured text, then a client on TERM term.
 * replies: its terminal answers what it is asked (as tmx's own: DA2 says tmux, whose
 * features give colours); a real VT100 says nothing of the kind. */
static struct pty_client *attach_with_term(struct tmx_env *env, const char *term, bool replies)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "printf 'plain \\033[31mred\\033[m \\033[1mbold\\033[m\\n'; seq 1 5; exec sh",
                             NULL),
                     0);
    assert_true(wait_capture(env, "s", "5", E2E_TIMEOUT));
    setenv("TERM", term, 1);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    if (!replies)
        client_no_replies(c);
    setenv("TERM", "xterm-256color", 1);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

/* Every row of the pane on the client's screen equals what capture-pane reports. */
static void assert_screen_matches_capture(struct tmx_env *env, struct pty_client *c)
{
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    char *line = out;
    for (int y = 0; y < 23; y++) {
        char *nl = line != NULL ? strchr(line, '\n') : NULL;
        if (nl != NULL)
            *nl = '\0';
        const char *want = line != NULL ? line : "";
        const char *got = client_screen_row(c, y);
        if (strcmp(got, want) != 0) {
            client_dump(c);
            fail_msg("row %d: screen \"%s\", capture-pane \"%s\"", y, got, want);
        }
        line = nl != NULL ? nl + 1 : NULL;
    }
    free(out);
}

/* The cell of the first occurrence of text on row y (or NULL). */
static const struct grid_cell *cell_of(struct pty_client *c, int y, const char *text)
{
    const char *row = client_screen_row(c, y);
    const char *at = strstr(row, text);
    if (at == NULL)
        return NULL;
    return vt_cell(client_vt(c), (int)(at - row), y);
}

static void check_terminal(struct tmx_env *env, const char *term, bool colours)
{
    struct pty_client *c = attach_with_term(env, term, colours);
    assert_true(client_wait_text(c, "plain red bold", E2E_TIMEOUT));
    assert_screen_matches_capture(env, c);

    const struct grid_cell *red = cell_of(c, 0, "red");
    const struct grid_cell *bold = cell_of(c, 0, "bold");
    assert_non_null(red);
    assert_non_null(bold);
    assert_true(bold->attr & ATTR_BOLD);
    if (colours)
        assert_int_equal(red->fg, COLOUR_PALETTE | 1);
    else
        assert_int_equal(red->fg, COLOUR_DEFAULT);

    /* Typing still works and the echo lands where capture-pane says. */
    client_type(c, "echo ok-$((40+2))\r");
    assert_true(client_wait_text(c, "ok-42", E2E_TIMEOUT));
    assert_true(wait_capture(env, "s", "ok-42", E2E_TIMEOUT));
    client_pump(c, 200);
    assert_screen_matches_capture(env, c);

    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_termios_restored(c));
}

static void test_xterm_256color_client_sees_colours(void **state)
{
    check_terminal(*state, "xterm-256color", true);
}

static void test_screen_client_with_8_colours(void **state)
{
    check_terminal(*state, "screen", true);
}

/* A VT100 (TERM and a terminal that answers no DA2: one that says it is tmux gets tmux's
 * features, colours among them, as under tmux 3.3a) gets no colours. */
static void test_vt100_client_without_colours(void **state)
{
    check_terminal(*state, "vt100", false);
}

/* A program that asks for SGR mouse reports gets them: the client terminal is switched
 * to mouse reporting, and a click the terminal reports reaches the program encoded as it
 * asked. On detach the client switches mouse reporting off again. */
static void test_mouse_mode_reaches_the_client_and_clicks_reach_the_program(void **state)
{
    struct tmx_env *env = *state;
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "printf '\\033[?1000h\\033[?1006h'; stty raw -echo; "
                             "head -c 9 | od -An -c; stty sane; exec sleep 60",
                             NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    /* The terminal was asked to report the mouse, in SGR form. */
    for (int i = 0; i < 100 && !client_output_contains(c, "\033[?1000h"); i++)
        client_pump(c, 50);
    assert_true(client_output_contains(c, "\033[?1000h"));
    assert_true(client_output_contains(c, "\033[?1006h"));
    /* The user clicks at column 5, row 3 (1-based): the terminal sends this. */
    client_type(c, "\033[<0;5;3M");
    assert_true(client_wait_text(c, "033   [   <   0   ;   5   ;   3   M", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
    assert_true(client_output_contains(c, "\033[?1000l"));
    assert_true(client_termios_restored(c));
}

/* A program's hyperlink reaches a terminal given the hyperlinks feature as OSC 8, on
 * exactly the linked text; a terminal without it gets the text and no OSC 8 at all. */
static void test_hyperlinks_reach_only_terminals_that_take_them(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "printf 'see \\033]8;id=d;http://e2e.test/doc\\033\\\\the docs"
                             "\\033]8;;\\033\\\\ now\\n'; exec sh",
                             NULL),
                     0);
    assert_true(wait_capture(env, "s", "the docs now", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-s", "terminal-features",
                             "xterm*:hyperlinks", NULL),
                     0);

    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_text(c, "see the docs now", E2E_TIMEOUT));
    assert_true(client_output_contains(c, "\033]8;id=d;http://e2e.test/doc\033\\the docs"));
    assert_true(client_output_contains(c, "\033]8;;\033\\"));
    const struct links *links = vt_links(client_vt(c));
    const char *row = client_screen_row(c, 0);
    for (int x = 0; row[x] != '\0'; x++) {
        const struct grid_cell *cell = vt_cell(client_vt(c), x, 0);
        bool linked = x >= 4 && x < 12;
        if (!linked) {
            assert_int_equal(grid_cell_link(cell), 0);
            continue;
        }
        assert_string_equal(links_uri(links, grid_cell_link(cell)), "http://e2e.test/doc");
        assert_string_equal(links_id(links, grid_cell_link(cell)), "d");
    }
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);

    setenv("TERM", "screen-256color", 1);
    c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    setenv("TERM", "xterm-256color", 1);
    assert_true(client_wait_text(c, "see the docs now", E2E_TIMEOUT));
    assert_false(client_output_contains(c, "\033]8"));
    assert_false(client_output_contains(c, "e2e.test"));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);
}

/* Until the client's terminal has been sent needle (or the timeout). */
static bool wait_output(struct pty_client *c, const char *needle)
{
    for (long long t0 = e2e_now_ms(); e2e_now_ms() - t0 < E2E_TIMEOUT;) {
        if (client_output_contains(c, needle))
            return true;
        client_pump(c, 20);
    }
    return client_output_contains(c, needle);
}

/* A session s whose status line is #333333 and whose pane echoes what it reads (cat -v),
 * for a terminal that does not say it has direct colour (COLORTERM unset). */
static void status_colour_session(struct tmx_env *env)
{
    unsetenv("COLORTERM");
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "stty raw -echo; printf READY; exec cat -v", ";", "set", "-g",
                             "status-style", "bg=#333333", NULL),
                     0);
    assert_true(wait_capture(env, "s", "READY", E2E_TIMEOUT));
}

/* That session attached from an 80x24 terminal that answers nothing by itself: once the
 * client was asked `asked`, the status line is drawn in 256 colours, not direct. */
static struct pty_client *status_colour_client(struct tmx_env *env, const char *asked)
{
    status_colour_session(env);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    client_no_replies(c);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(wait_output(c, asked));
    assert_true(client_output_contains(c, "48;5;236")); /* #333333 as 256 colours */
    assert_false(client_output_contains(c, "48;2;51;51;51"));
    return c;
}

/* As tmux 3.3a: a VT100-like terminal is asked its name (XTVERSION, CSI > q) at attach;
 * one tmux knows (here a tmux) gets its features, RGB among them, so a #rrggbb style is
 * drawn in direct colour from then on, not as the nearest of 256. The answer is no key:
 * the pane never sees it. An unknown name (or no answer) leaves 256 colours, and once
 * the answer came, ESC P is M-P again. */
static void test_xtversion_answer_gives_a_known_terminal_its_features(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    struct pty_client *c = status_colour_client(env, "\033[>q");
    assert_true(wait_run_output(env, "[]", true, E2E_TIMEOUT, "list-clients", "-F",
                                "[#{client_termtype}]", NULL));

    client_type(c, "\033P>|tmux 3.3a\033\\");
    assert_true(wait_run_output(env, "[tmux 3.3a]", true, E2E_TIMEOUT, "list-clients", "-F",
                                "[#{client_termtype}]", NULL));
    assert_true(wait_output(c, "48;2;51;51;51")); /* redrawn in direct colour */
    client_type(c, "x");
    assert_true(wait_capture(env, "s", "READYx", E2E_TIMEOUT)); /* the answer was no key */
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);

    /* A terminal tmux does not know by name keeps 256 colours; ESC P is M-P after it. */
    c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    client_no_replies(c);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(wait_output(c, "\033[>q"));
    client_type(c, "\033P>|foot(1.16.2)\033\\");
    assert_true(wait_run_output(env, "[foot(1.16.2)]", true, E2E_TIMEOUT, "list-clients",
                                "-F", "[#{client_termtype}]", NULL));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-style", "bg=#444444", NULL),
                     0);
    assert_true(wait_output(c, "48;5;238")); /* #444444 */
    assert_false(client_output_contains(c, "48;2;"));
    client_type(c, "\033Py");
    assert_true(wait_capture(env, "s", "READYx^[Py", E2E_TIMEOUT));
}

/* A terminal answers XTVERSION once more than it was asked (server-upgrade: the answer
 * to the old server is left unread in the terminal, the new server asks again and takes
 * it, then the terminal's second answer comes): the answer nobody awaits is no key
 * either, the pane never sees it; ESC P alone is still M-P. */
static void test_an_xtversion_answer_nobody_awaits_is_no_key(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             "stty raw -echo; printf READY; exec cat -v", NULL),
                     0);
    assert_true(wait_capture(env, "s", "READY", E2E_TIMEOUT));
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    client_no_replies(c);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(wait_output(c, "\033[>q"));
    client_type(c, "\033P>|tmux 3.3a\033\\");
    assert_true(wait_run_output(env, "[tmux 3.3a]", true, E2E_TIMEOUT, "list-clients", "-F",
                                "[#{client_termtype}]", NULL));
    client_type(c, "\033P>|tmux 3.3a\033\\x");
    assert_true(wait_capture(env, "s", "READYx", E2E_TIMEOUT));
    client_type(c, "\033Py");
    assert_true(wait_capture(env, "s", "READYx^[Py", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    assert_null(strstr(out, "P>|"));
    free(out);
}

/* As tmux 3.3a, the terminal is asked its kind (DA2, CSI > c) before its name (CSI > q),
 * and a kind tmux knows gives its features: a mintty (77, 'M') gets RGB, so a #rrggbb
 * style is drawn in direct colour from then on. The answer is no key, asked or not (an
 * answer nobody awaits: server-upgrade). An xterm's answer (41: a VT420) gives no colour
 * feature: 256 colours stay. */
static void test_da2_answer_gives_a_known_terminal_its_features(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    struct pty_client *c = status_colour_client(env, "\033[>c\033[>q");
    client_type(c, "\033[>77;30700;0c");
    assert_true(wait_output(c, "48;2;51;51;51")); /* redrawn in direct colour */
    client_type(c, "x");
    assert_true(wait_capture(env, "s", "READYx", E2E_TIMEOUT));
    client_type(c, "\033[>77;30700;0cy"); /* once more, unasked */
    assert_true(wait_capture(env, "s", "READYxy", E2E_TIMEOUT));
    client_keys(c, KEY_PREFIX "d");
    assert_int_equal(client_wait_exit(c, E2E_TIMEOUT), 0);

    c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    client_no_replies(c);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(wait_output(c, "\033[>c"));
    client_type(c, "\033[>41;379;0cz");
    assert_true(wait_capture(env, "s", "READYxyz", E2E_TIMEOUT));
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "status-style", "bg=#444444", NULL),
                     0);
    assert_true(wait_output(c, "48;5;238")); /* #444444 */
    assert_false(client_output_contains(c, "48;2;"));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    assert_null(strstr(out, "[>"));
    free(out);
}

/* A terminal the client relays instead of passing it (TMX_NO_TTY_PASS, and tmx -H, whose
 * remote end relays the same way) is asked too, and its answers come back with its keys:
 * a tmux by name gets its features (direct colour) and #{client_termtype}. tmx of the
 * last session asked only a passed terminal. */
static void test_a_relayed_terminal_is_asked_its_kind_and_name(void **state)
{
    struct tmx_env *env = *state;
    if (env_is_tmux(env))
        skip();
    status_colour_session(env);
    setenv("TMX_NO_TTY_PASS", "1", 1);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    unsetenv("TMX_NO_TTY_PASS");
    client_no_replies(c);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    assert_true(wait_output(c, "\033[>c\033[>q"));
    assert_true(client_output_contains(c, "48;5;236"));
    client_type(c, "\033P>|tmux 3.3a\033\\");
    assert_true(wait_run_output(env, "[tmux 3.3a]", true, E2E_TIMEOUT, "list-clients", "-F",
                                "[#{client_termtype}]", NULL));
    assert_true(wait_output(c, "48;2;51;51;51"));
    client_type(c, "x");
    assert_true(wait_capture(env, "s", "READYx", E2E_TIMEOUT));
}

/* What a program in a pane is answered, byte for byte: DA2 as tmux (84, 'T': programs
 * such as vim read it as "inside tmux"), XTVERSION with tmx's name and version (tmux
 * says its own). */
static void test_a_program_is_answered_da2_and_xtversion(void **state)
{
    struct tmx_env *env = *state;
    char want[128], cmd[256];
    snprintf(want, sizeof want, "^[[>84;0;0c^[P>|%s^[\\",
             env_is_tmux(env) ? "tmux 3.3a" : "tmx " TMX_VERSION);
    size_t n = strlen(want) - 3; /* each of the three ^[ is one byte */
    snprintf(cmd, sizeof cmd, "stty raw -echo; printf '\\033[>c\\033[>q'; head -c %zu | cat -v; "
             "printf ' END'; exec cat", n);
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23", cmd,
                             NULL), 0);
    assert_true(wait_capture(env, "s", "END", E2E_TIMEOUT));
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    strcat(want, " END");
    assert_non_null(strstr(out, want));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_xterm_256color_client_sees_colours, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_screen_client_with_8_colours, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_vt100_client_without_colours, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(
            test_mouse_mode_reaches_the_client_and_clicks_reach_the_program, e2e_setup,
            e2e_teardown),
        cmocka_unit_test_setup_teardown(
            test_xtversion_answer_gives_a_known_terminal_its_features, e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_an_xtversion_answer_nobody_awaits_is_no_key,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_hyperlinks_reach_only_terminals_that_take_them,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_da2_answer_gives_a_known_terminal_its_features,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_relayed_terminal_is_asked_its_kind_and_name,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_a_program_is_answered_da2_and_xtversion,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
