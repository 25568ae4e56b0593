/* test_clock_mode.c - end-to-end: clock-mode (C-b t) as a user sees it. The pane shows
 * the time in big digits, each a 5x5 block of cells in clock-mode-colour (blue) centred
 * in the pane, 24-hour by default, " 1:05 PM" with clock-mode-style 12; a pane too
 * small for them shows the time as text. Any key leaves without reaching the program;
 * entered over copy mode, leaving it shows copy mode again. The test reads the digits
 * back from the client's screen with tmux's shapes (and passes against tmux 3.3a). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grid.h"
#include "vt.h"

/* The shapes as tmux draws them: five rows of five cells. */
static const struct {
    char ch;
    const char *rows[5];
} shapes[] = {
    {'0', {"#####", "#   #", "#   #", "#   #", "#####"}},
    {'1', {"    #", "    #", "    #", "    #", "    #"}},
    {'2', {"#####", "    #", "#####", "#    ", "#####"}},
    {'3', {"#####", "    #", "#####", "    #", "#####"}},
    {'4', {"#   #", "#   #", "#####", "    #", "    #"}},
    {'5', {"#####", "#    ", "#####", "    #", "#####"}},
    {'6', {"#####", "#    ", "#####", "#   #", "#####"}},
    {'7', {"#####", "    #", "    #", "    #", "    #"}},
    {'8', {"#####", "#   #", "#####", "#   #", "#####"}},
    {'9', {"#####", "#   #", "#####", "    #", "#####"}},
    {':', {"     ", "  #  ", "     ", "  #  ", "     "}},
    {'A', {"#####", "#   #", "#####", "#   #", "#   #"}},
    {'P', {"#####", "#   #", "#####", "#    ", "#    "}},
    {'M', {"#   #", "## ##", "# # #", "#   #", "#   #"}},
    {' ', {"     ", "     ", "     ", "     ", "     "}},
};

/* The n big characters whose top-left cells are (x0 + 6i, y0), read from the client's
 * screen: a cell is filled when its background is colour. '?' for an unknown shape. */
static void read_big(struct pty_client *c, int x0, int y0, int n, uint32_t colour, char *out)
{
    client_pump(c, 0);
    const struct vt *vt = client_vt(c);
    for (int i = 0; i < n; i++) {
        char seen[5][6];
        for (int j = 0; j < 5; j++) {
            for (int k = 0; k < 5; k++)
                seen[j][k] = vt_cell(vt, x0 + 6 * i + k, y0 + j)->bg == colour ? '#' : ' ';
            seen[j][5] = '\0';
        }
        out[i] = '?';
        for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
            int j = 0;
            while (j < 5 && strcmp(seen[j], shapes[s].rows[j]) == 0)
                j++;
            if (j == 5)
                out[i] = shapes[s].ch;
        }
    }
    out[n] = '\0';
}

/* The time now as the clock shows it. */
static void now_text(bool twelve, char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    if (twelve)
        snprintf(buf, size, "%2d:%02d %s", tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12,
                 tm.tm_min, tm.tm_hour >= 12 ? "PM" : "AM");
    else
        snprintf(buf, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

/* Waits until the big characters read the time (of the minute when the wait started or
 * of the one after: the minute may change meanwhile). */
static bool wait_big_time(struct pty_client *c, int x0, int y0, bool twelve, uint32_t colour)
{
    char before[16], after[16], seen[16] = "";
    now_text(twelve, before, sizeof before);
    int n = (int)strlen(before);
    for (int waited = 0; waited < E2E_TIMEOUT; waited += 50) {
        read_big(c, x0, y0, n, colour, seen);
        now_text(twelve, after, sizeof after);
        if (strcmp(seen, before) == 0 || strcmp(seen, after) == 0)
            return true;
        client_pump(c, 50);
    }
    fprintf(stderr, "e2e: the clock reads \"%s\", not \"%s\" or \"%s\"\n", seen, before, after);
    client_dump(c);
    return false;
}

/* Waits until display-message prints want for the pane (with a newline). */
static bool wait_display(struct tmx_env *env, const char *target, const char *format,
                         const char *want)
{
    char line[64];
    snprintf(line, sizeof line, "%s\n", want);
    for (int waited = 0; waited < E2E_TIMEOUT; waited += 50) {
        char *out = NULL;
        int rc = tmx_run(env, &out, NULL, "display", "-p", "-t", target, format, NULL);
        bool ok = rc == 0 && out != NULL && strcmp(out, line) == 0;
        if (!ok && waited + 50 >= E2E_TIMEOUT)
            fprintf(stderr, "e2e: %s is \"%s\", not \"%s\"\n", format, out != NULL ? out : "",
                    want);
        free(out);
        if (ok)
            return true;
        sleep_ms(50);
    }
    return false;
}

static struct pty_client *attach_sh(struct tmx_env *env)
{
    assert_int_equal(tmx_run(env, NULL, NULL, "new", "-d", "-s", "s", "-x", "80", "-y", "23",
                             NULL),
                     0);
    struct pty_client *c = client_start(env, 80, 24, "attach", "-t", "s", NULL);
    assert_true(client_wait_row(c, -1, "[s]", E2E_TIMEOUT));
    return c;
}

#define BLUE (COLOUR_PALETTE | 4)
#define RED (COLOUR_PALETTE | 1)

static void test_clock_shows_the_time_and_any_key_leaves(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_sh(env);
    client_keys(c, KEY_PREFIX "t");
    /* "HH:MM" on the 80x23 pane: 5 characters from column 40 - 15, rows from 11 - 3. */
    assert_true(wait_big_time(c, 25, 8, false, BLUE));
    assert_true(wait_display(env, "s", "#{pane_in_mode} #{pane_mode}", "1 clock-mode"));
    assert_false(vt_modes(client_vt(c)) & VT_MODE_CURSOR_VISIBLE);
    /* Nothing else on the screen but the digits. */
    const struct vt *vt = client_vt(c);
    for (int y = 0; y < 23; y++) {
        for (int x = 0; x < 80; x++) {
            const struct grid_cell *cell = vt_cell(vt, x, y);
            assert_true(cell->ch == ' ' || cell->ch == 0);
            if (y < 8 || y > 12 || x < 25 || x >= 25 + 5 * 6)
                assert_int_not_equal(cell->bg, BLUE);
        }
    }

    /* Any key leaves; the key does not reach the shell. */
    client_keys(c, "x");
    assert_true(wait_display(env, "s", "#{pane_in_mode}", "0"));
    client_keys(c, "echo left-$((6*7))\r");
    assert_screen(c, "left-42");
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "capture-pane", "-p", "-t", "s", NULL), 0);
    assert_null(strstr(out, "xecho"));
    free(out);
}

static void test_clock_colour_and_12_hour_style(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_sh(env);
    char *out = NULL;
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gw", "clock-mode-colour", NULL), 0);
    assert_string_equal(out, "clock-mode-colour blue\n");
    free(out);
    assert_int_equal(tmx_run(env, &out, NULL, "show", "-gw", "clock-mode-style", NULL), 0);
    assert_string_equal(out, "clock-mode-style 24\n");
    free(out);
    assert_int_not_equal(tmx_run(env, NULL, NULL, "set", "-g", "clock-mode-colour", "nocolour",
                                 NULL),
                         0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "clock-mode-colour", "red", NULL), 0);
    assert_int_equal(tmx_run(env, NULL, NULL, "set", "-g", "clock-mode-style", "12", NULL), 0);
    client_keys(c, KEY_PREFIX "t");
    /* " H:MM AM": 8 characters (the space too) from column 40 - 24. */
    assert_true(wait_big_time(c, 16, 8, true, RED));
    client_keys(c, "q");
    assert_true(wait_display(env, "s", "#{pane_in_mode}", "0"));
}

static void test_clock_in_a_small_pane_and_over_copy_mode(void **state)
{
    struct tmx_env *env = *state;
    struct pty_client *c = attach_sh(env);
    /* A pane 4 rows high: too small for the digits, the time as text in its middle. */
    assert_int_equal(tmx_run(env, NULL, NULL, "split-window", "-d", "-l", "4", "-t", "s", NULL),
                     0);
    assert_int_equal(tmx_run(env, NULL, NULL, "clock-mode", "-t", "s:0.1", NULL), 0);
    assert_true(wait_display(env, "s:0.1", "#{pane_mode}", "clock-mode"));
    char before[16], after[16];
    now_text(false, before, sizeof before);
    bool seen = false;
    for (int waited = 0; !seen && waited < E2E_TIMEOUT; waited += 50) {
        now_text(false, after, sizeof after);
        /* Row 19 + 4 / 2 (the pane starts below the border at row 18), centred. */
        const char *row = client_screen_row(c, 21);
        seen = strncmp(row + 40 - 2, before, 5) == 0 || strncmp(row + 40 - 2, after, 5) == 0;
        if (!seen)
            client_pump(c, 50);
    }
    if (!seen)
        client_dump(c);
    assert_true(seen);

    /* Over copy mode: leaving the clock shows copy mode again. */
    client_keys(c, KEY_PREFIX "[");
    assert_true(wait_display(env, "s:0.0", "#{pane_mode}", "copy-mode"));
    client_keys(c, KEY_PREFIX "t");
    assert_true(wait_display(env, "s:0.0", "#{pane_in_mode} #{pane_mode}", "2 clock-mode"));
    client_keys(c, " ");
    assert_true(wait_display(env, "s:0.0", "#{pane_in_mode} #{pane_mode}", "1 copy-mode"));
    client_keys(c, "q");
    assert_true(wait_display(env, "s:0.0", "#{pane_in_mode}", "0"));
    /* The other pane kept its clock all along. */
    assert_true(wait_display(env, "s:0.1", "#{pane_mode}", "clock-mode"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_clock_shows_the_time_and_any_key_leaves,
                                        e2e_setup, e2e_teardown),
        cmocka_unit_test_setup_teardown(test_clock_colour_and_12_hour_style, e2e_setup,
                                        e2e_teardown),
        cmocka_unit_test_setup_teardown(test_clock_in_a_small_pane_and_over_copy_mode,
                                        e2e_setup, e2e_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
