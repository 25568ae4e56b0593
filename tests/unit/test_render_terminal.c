/* test_render_terminal.c - what the renderer sends a client's terminal besides plain
 * cells: REP runs, synchronized updates (mode 2026), the title, and the input modes
 * (mouse, bracketed paste, focus), each only where the terminal's terminfo says it can
 * take them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <event2/buffer.h>

#include "render.h"
#include "vt.h"
#include "test_render_helpers.h"

static const char *title(struct render_state *rs, const char *t)
{
    struct evbuffer *out = evbuffer_new();
    render_set_title(rs, t, out);
    return take(out);
}

static const char *modes(struct render_state *rs, uint32_t m)
{
    struct evbuffer *out = evbuffer_new();
    render_set_modes(rs, m, out);
    return take(out);
}

static void put_text(struct canvas *c, int x, int y, const char *s)
{
    for (; *s != '\0'; s++, x++)
        canvas_cell(c, x, y)->ch = (unsigned char)*s;
}

static void put_run(struct canvas *c, int x, int y, int n, uint32_t ch)
{
    for (int i = 0; i < n; i++)
        canvas_cell(c, x + i, y)->ch = ch;
}

/* --- REP --- */

static void test_long_run_of_one_character_uses_rep(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 40, 2);
    put_run(&c, 0, 0, 30, '-');
    c.cy = 1;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    const char *out = frame(rs, &c);
    /* xterm's rep writes the character once and repeats it n-1 more times */
    assert_non_null(strstr(out, "-\033[29b"));
    assert_null(strstr(out, "--"));
    render_free(rs);
    canvas_free(&c);
}

static void test_rep_never_reaches_the_last_column(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 10, 2);
    put_run(&c, 0, 0, 10, '=');
    c.cy = 1;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    /* nine by REP, the last column written plainly: the repeat cannot autowrap */
    assert_non_null(strstr(frame(rs, &c), "\033[2J=\033[8b=\r"));
    render_free(rs);
    canvas_free(&c);
}

static void test_short_runs_are_written_plainly(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 40, 1);
    put_run(&c, 0, 0, 5, 'a');  /* "a\e[4b" is no shorter than "aaaaa" */
    put_run(&c, 6, 0, 6, 'b');  /* "b\e[5b" is */
    c.cx = 20;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    const char *out = frame(rs, &c);
    assert_non_null(strstr(out, "aaaaa b\033[5b"));
    render_free(rs);
    canvas_free(&c);
}

static void test_rep_only_for_plain_ascii_in_one_pen(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 60, 1);
    put_run(&c, 0, 0, 10, 0x2500);           /* box drawing: multi-byte, written */
    put_run(&c, 10, 0, 10, 'e');
    for (int x = 10; x < 20; x++)
        canvas_cell(&c, x, 0)->comb = 0x301; /* combining: written */
    put_run(&c, 20, 0, 10, 'x');
    for (int x = 25; x < 30; x++)
        canvas_cell(&c, x, 0)->attr = ATTR_BOLD; /* two runs of five: too short */
    put_run(&c, 30, 0, 20, 'y');
    for (int x = 40; x < 50; x++)
        canvas_cell(&c, x, 0)->fg = COLOUR_PALETTE | 1; /* two runs of ten */
    c.cx = 55;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    const char *out = frame(rs, &c);
    assert_non_null(strstr(out, "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"));
    assert_non_null(strstr(out, "e\xcc\x81" "e\xcc\x81"));
    assert_non_null(strstr(out, "xxxxx\033[1mxxxxx"));
    assert_non_null(strstr(out, "y\033[9b\033[31my\033[9b"));
    render_free(rs);
    canvas_free(&c);
}

static void test_terminal_without_rep_gets_the_characters(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 30, 1);
    put_run(&c, 0, 0, 20, '#');
    c.cx = 25;
    struct render_state *rs = render_create(term_caps("vt100"), true);
    assert_non_null(strstr(frame(rs, &c), "####################"));
    render_free(rs);
    canvas_free(&c);
}

static void test_rep_in_an_incremental_frame_keeps_cells_already_right(void **state)
{
    (void)state;
    struct canvas c;
    canvas_init(&c, 40, 2);
    put_text(&c, 0, 0, "abcdefghijklmnopqrstuvwxyz");
    c.cy = 1;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    frame(rs, &c);
    put_run(&c, 2, 0, 12, '.');
    assert_string_equal(frame(rs, &c), "\033[Aab.\033[11b\r\033[1B");
    assert_string_equal(frame(rs, &c), "");
    render_free(rs);
    canvas_free(&c);
}

/* --- Synchronized updates --- */

/* A terminfo directory holding "tmx-test-sync": xterm-256color plus tmux's Sync. */
static char terminfo_dir[64];

static int setup_terminfo(void **state)
{
    (void)state;
    snprintf(terminfo_dir, sizeof terminfo_dir, "/tmp/tmx-test-terminfo.XXXXXX");
    if (mkdtemp(terminfo_dir) == NULL)
        return -1;
    char path[128], cmd[512];
    snprintf(path, sizeof path, "%s/src", terminfo_dir);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fputs("tmx-test-sync|xterm-256color with Sync,\n"
          "\tSync=\\E[?2026%?%p1%{1}%-%tl%eh%;,\n"
          "\tuse=xterm-256color,\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "tic -x -o %s %s >/dev/null 2>&1", terminfo_dir, path);
    if (system(cmd) != 0)
        terminfo_dir[0] = '\0'; /* no tic: the Sync-capability test is skipped */
    else
        setenv("TERMINFO", terminfo_dir, 1);
    return 0;
}

static int teardown_all(void **state)
{
    (void)state;
    render_caps_free_all();
    if (terminfo_dir[0] != '\0') {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf %s", terminfo_dir);
        if (system(cmd) != 0)
            return -1;
    }
    unsetenv("TERMINFO");
    return 0;
}

static void test_terminal_with_sync_gets_each_frame_wrapped(void **state)
{
    (void)state;
    /* tic comes with ncurses-bin, which every Debian system has: no skipping. */
    assert_true(terminfo_dir[0] != '\0');
    const struct render_caps *caps = term_caps("tmx-test-sync");
    assert_non_null(render_caps_string(caps, RENDER_CAP_SYNC));
    struct canvas c;
    canvas_init(&c, 20, 3);
    put_text(&c, 0, 0, "hello");
    struct render_state *rs = render_create(caps, true);
    const char *out = frame(rs, &c);
    assert_memory_equal(out, "\033[?2026h\033(B\033[m\033[H\033[2J", 21);
    assert_string_equal(out + out_len - 8, "\033[?2026l");
    /* nothing changed: nothing at all, not an empty update */
    assert_string_equal(frame(rs, &c), "");
    put_text(&c, 0, 1, "x");
    assert_string_equal(frame(rs, &c), "\033[?2026h\033[1Bx\033[H\033[?2026l");
    /* and a client can be switched off */
    render_set_sync(rs, false);
    put_text(&c, 0, 1, "y");
    assert_string_equal(frame(rs, &c), "\033[1By\033[H");
    render_free(rs);
    canvas_free(&c);
}

static void test_sync_can_be_switched_on_per_client(void **state)
{
    (void)state;
    const struct render_caps *caps = term_caps("xterm-256color");
    assert_null(render_caps_string(caps, RENDER_CAP_SYNC));
    struct canvas c;
    canvas_init(&c, 20, 3);
    put_text(&c, 0, 0, "hello");
    struct render_state *plain = render_create(caps, true);
    struct render_state *synced = render_create(caps, true);
    render_set_sync(synced, true);
    char first[16384 + 1];
    const char *plain_frame = frame(plain, &c);
    size_t first_len = out_len;
    assert_true(first_len < sizeof first);
    memcpy(first, plain_frame, first_len);
    first[first_len] = '\0';
    const char *out = frame(synced, &c);
    assert_int_equal(out_len, first_len + 16);
    assert_memory_equal(out, "\033[?2026h", 8);
    assert_memory_equal(out + 8, first, first_len);
    assert_string_equal(out + 8 + first_len, "\033[?2026l");
    assert_string_equal(frame(synced, &c), "");
    render_free(plain);
    render_free(synced);
    canvas_free(&c);
}

/* --- Title --- */

static void test_title_is_sent_by_osc_2_only_when_changed(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    assert_string_equal(title(rs, "vim main.c"), "\033]2;vim main.c\007");
    assert_string_equal(title(rs, "vim main.c"), "");
    assert_string_equal(title(rs, "bash"), "\033]2;bash\007");
    assert_string_equal(title(rs, NULL), "\033]2;\007");
    assert_string_equal(title(rs, ""), "");
    /* after an invalidate the terminal's title is unknown: sent again */
    render_invalidate(rs);
    assert_string_equal(title(rs, ""), "\033]2;\007");
    render_free(rs);
}

static void test_title_uses_tsl_and_fsl_when_terminfo_has_them(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("tmux-256color"), true);
    assert_string_equal(title(rs, "top"), "\033]0;top\007");
    render_free(rs);
}

static void test_title_is_not_sent_to_terminals_without_one(void **state)
{
    (void)state;
    static const char *terms[] = { "vt100", "linux" };
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        assert_false(render_caps_flag(term_caps(terms[i]), RENDER_FLAG_TITLE));
        struct render_state *rs = render_create(term_caps(terms[i]), true);
        assert_string_equal(title(rs, "hello"), "");
        render_free(rs);
    }
    assert_true(render_caps_flag(term_caps("xterm"), RENDER_FLAG_TITLE));
    assert_true(render_caps_flag(term_caps("screen"), RENDER_FLAG_TITLE));
    assert_true(render_caps_flag(term_caps("rxvt-unicode-256color"), RENDER_FLAG_TITLE));
}

static void test_title_loses_controls_and_invalid_utf8(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    /* ESC, BEL, C1 CSI (U+009B), a 0xff byte, a truncated sequence, an overlong
     * encoding, a surrogate, DEL and a tab all go; é and € stay */
    assert_string_equal(title(rs, "a\033]0;evil\007b\xc2\x9b" "c\xff" "d\xe2\x82" "e\xc0\xaf"
                                  "f\xed\xa0\x80" "g\x7fh\ti\xc3\xa9\xe2\x82\xac"),
                        "\033]2;a]0;evilbcdefghi\xc3\xa9\xe2\x82\xac\007");
    render_free(rs);

    /* a terminal without UTF-8 gets '?' for each non-ASCII character */
    rs = render_create(term_caps("xterm-256color"), false);
    assert_string_equal(title(rs, "caf\xc3\xa9 \xe4\xb8\xad!"), "\033]2;caf? ?!\007");
    render_free(rs);
}

static void test_title_is_capped_on_a_character_boundary(void **state)
{
    (void)state;
    char t[1024];
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    memset(t, 'x', 300);
    t[300] = '\0';
    title(rs, t);
    assert_int_equal(out_len, 4 + RENDER_TITLE_MAX + 1);
    /* "x" then two-byte characters: 255 bytes, the 128th character not cut in half */
    t[0] = 'y';
    for (int i = 0; i < 200; i++)
        memcpy(t + 1 + 2 * i, "\xc3\xa9", 2);
    t[401] = '\0';
    const char *out = title(rs, t);
    assert_int_equal(out_len, 4 + 255 + 1);
    assert_memory_equal(out + 4 + 253, "\xc3\xa9\007", 3);
    render_free(rs);
}

/* The bytes of random titles, fed to tmx's vt, set exactly the title that was sent, and
 * the only controls in them are the OSC's own ESC and BEL. */
static void test_random_titles_reach_a_vt_intact(void **state)
{
    (void)state;
    uint32_t r = 12345;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    for (int n = 0; n < 500; n++) {
        char t[400];
        int len = (int)(r % 390);
        for (int i = 0; i < len; i++) {
            r ^= r << 13;
            r ^= r >> 17;
            r ^= r << 5;
            t[i] = (char)((r & 3) == 0 ? (r >> 8 & 0xff) : 0x20 + (r >> 8) % 95);
            if (t[i] == '\0')
                t[i] = 'z';
        }
        t[len] = '\0';
        r = r * 1103515245u + 12345u;
        render_invalidate(rs);
        const char *out = title(rs, t);
        assert_true(out_len >= 5 && out_len <= 4 + RENDER_TITLE_MAX + 1);
        assert_memory_equal(out, "\033]2;", 4);
        assert_int_equal(out[out_len - 1], '\007');
        for (size_t i = 4; i < out_len - 1; i++) {
            unsigned char b = (unsigned char)out[i];
            assert_true(b >= 0x20 && b != 0x7f);
        }
        struct vt *vt = vt_create(10, 2, 0);
        vt_feed(vt, out, out_len);
        assert_int_equal(strlen(vt_title(vt)), out_len - 5);
        assert_memory_equal(vt_title(vt), out + 4, out_len - 5);
        vt_free(vt);
    }
    render_free(rs);
}

/* --- Input modes --- */

static void test_modes_are_sent_in_full_first_then_only_changes(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    uint32_t m = VT_MODE_MOUSE | VT_MODE_MOUSE_SGR | VT_MODE_BRACKETED_PASTE;
    assert_string_equal(modes(rs, m), "\033[?1002l\033[?1003l\033[?1004l"
                                      "\033[?1006h\033[?1000h\033[?2004h");
    assert_string_equal(modes(rs, m), "");
    /* 1003 replaces 1000: the old one reset first */
    m |= VT_MODE_MOUSE_ANY;
    assert_string_equal(modes(rs, m), "\033[?1000l\033[?1003h");
    assert_string_equal(modes(rs, m | VT_MODE_MOUSE_BUTTON), ""); /* ANY wins */
    m = VT_MODE_MOUSE_BUTTON; /* implies MOUSE */
    assert_string_equal(modes(rs, m), "\033[?1003l\033[?1006l\033[?2004l\033[?1002h");
    m |= VT_MODE_FOCUS;
    assert_string_equal(modes(rs, m), "\033[?1004h");
    assert_string_equal(modes(rs, 0), "\033[?1002l\033[?1004l");
    /* bits that are not input modes of the client's terminal are ignored */
    assert_string_equal(modes(rs, VT_MODE_CURSOR_KEYS | VT_MODE_ALT_SCREEN | VT_MODE_SYNC),
                        "");
    render_free(rs);
}

static void test_invalidate_resends_every_mode(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    modes(rs, VT_MODE_FOCUS);
    assert_string_equal(modes(rs, VT_MODE_FOCUS), "");
    render_invalidate(rs);
    assert_string_equal(modes(rs, VT_MODE_FOCUS),
                        "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[?1004h");
    render_free(rs);
}

static void test_modes_only_for_xterm_like_terminals(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("vt100"), true);
    assert_string_equal(modes(rs, VT_MODE_MOUSE | VT_MODE_BRACKETED_PASTE), "");
    render_free(rs);
    /* kmous says the terminal reports the mouse: xterm's modes are used */
    rs = render_create(term_caps("screen-256color"), true);
    assert_non_null(strstr(modes(rs, VT_MODE_MOUSE), "\033[?1000h"));
    render_free(rs);
}

/* Whatever sequence of modes is asked for, a vt fed the bytes ends up in them; and
 * RENDER_MODES_OFF turns them all off. */
static void test_random_modes_reach_a_vt(void **state)
{
    (void)state;
    const uint32_t input = VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY |
                           VT_MODE_MOUSE_SGR | VT_MODE_FOCUS | VT_MODE_BRACKETED_PASTE;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    struct vt *vt = vt_create(10, 2, 0);
    uint32_t r = 99;
    for (int n = 0; n < 300; n++) {
        r = r * 1103515245u + 12345u;
        uint32_t m = (r >> 8) & input;
        if (n % 50 == 49)
            render_invalidate(rs);
        const char *out = modes(rs, m);
        vt_feed(vt, out, out_len);
        uint32_t want = m & (VT_MODE_MOUSE_SGR | VT_MODE_FOCUS | VT_MODE_BRACKETED_PASTE);
        if (m & VT_MODE_MOUSE_ANY)
            want |= VT_MODE_MOUSE | VT_MODE_MOUSE_ANY;
        else if (m & VT_MODE_MOUSE_BUTTON)
            want |= VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON;
        else if (m & VT_MODE_MOUSE)
            want |= VT_MODE_MOUSE;
        assert_int_equal(vt_modes(vt) & input, want);
    }
    modes(rs, input | VT_MODE_SYNC);
    vt_feed(vt, "\033[?2026h", 8);
    vt_feed(vt, RENDER_MODES_OFF, strlen(RENDER_MODES_OFF));
    assert_int_equal(vt_modes(vt) & (input | VT_MODE_SYNC), 0);
    vt_free(vt);
    render_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_run_of_one_character_uses_rep),
        cmocka_unit_test(test_rep_never_reaches_the_last_column),
        cmocka_unit_test(test_short_runs_are_written_plainly),
        cmocka_unit_test(test_rep_only_for_plain_ascii_in_one_pen),
        cmocka_unit_test(test_terminal_without_rep_gets_the_characters),
        cmocka_unit_test(test_rep_in_an_incremental_frame_keeps_cells_already_right),
        cmocka_unit_test(test_terminal_with_sync_gets_each_frame_wrapped),
        cmocka_unit_test(test_sync_can_be_switched_on_per_client),
        cmocka_unit_test(test_title_is_sent_by_osc_2_only_when_changed),
        cmocka_unit_test(test_title_uses_tsl_and_fsl_when_terminfo_has_them),
        cmocka_unit_test(test_title_is_not_sent_to_terminals_without_one),
        cmocka_unit_test(test_title_loses_controls_and_invalid_utf8),
        cmocka_unit_test(test_title_is_capped_on_a_character_boundary),
        cmocka_unit_test(test_random_titles_reach_a_vt_intact),
        cmocka_unit_test(test_modes_are_sent_in_full_first_then_only_changes),
        cmocka_unit_test(test_invalidate_resends_every_mode),
        cmocka_unit_test(test_modes_only_for_xterm_like_terminals),
        cmocka_unit_test(test_random_modes_reach_a_vt),
    };
    return cmocka_run_group_tests(tests, setup_terminfo, teardown_all);
}
