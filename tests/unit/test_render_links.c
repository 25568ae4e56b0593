/* test_render_links.c - hyperlinks (OSC 8) sent to a client's terminal: exactly around
 * the linked cells of a pane and closed before anything else, only to terminals that
 * take them (terminfo Hls, or turned on as terminal-features does), never with bytes
 * from a URI that could start another sequence. (The vt round trip with links is in
 * test_render_roundtrip.c.) */
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

#include "links.h"
#include "render.h"
#include "vt.h"
#include "test_render_helpers.h"

/* A pane's frame: the vt's screen copied into c as pane_draw does, links imported
 * into the numbering of the renderer that draws it. */
static void compose_from(struct canvas *c, struct render_state *rs, struct vt *vt)
{
    c->links = render_links(rs);
    for (int y = 0; y < c->rows && y < vt_rows(vt); y++) {
        for (int x = 0; x < c->cols && x < vt_cols(vt); x++)
            *canvas_cell(c, x, y) = *vt_cell(vt, x, y);
        canvas_import_links(c, canvas_cell(c, 0, y), c->cols, vt_links(vt));
    }
}

/* A pane printing "ab", "cd" linked, "ef", drawn by rs: the frame's bytes. */
static const char *draw_linked_pane(struct render_state *rs, const char *bytes)
{
    struct vt *vt = vt_create(20, 2, 0);
    vt_feed(vt, bytes, strlen(bytes));
    struct canvas c;
    canvas_init(&c, 20, 2);
    compose_from(&c, rs, vt);
    const char *out = frame(rs, &c);
    canvas_free(&c);
    vt_free(vt);
    return out;
}

static void test_link_wraps_exactly_the_linked_run(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    render_set_hyperlinks(rs, true);
    const char *out = draw_linked_pane(rs, "ab\033]8;id=7;http://x/y\033\\cd\033]8;;\033\\ef");
    assert_non_null(strstr(out, "ab\033]8;id=7;http://x/y\033\\cd\033]8;;\033\\ef"));
    /* One opening, one closing: nothing else is linked. */
    const char *first = strstr(out, "\033]8;");
    assert_non_null(first);
    const char *second = strstr(first + 1, "\033]8;");
    assert_non_null(second);
    assert_null(strstr(second + 1, "\033]8;"));
    /* Without an id the link is sent without one. */
    out = draw_linked_pane(rs, "\033[2;1H\033]8;;http://z\033\\q\033]8;;\033\\");
    assert_non_null(strstr(out, "\033]8;;http://z\033\\q\033]8;;\033\\"));
    render_free(rs);
}

/* The same pane to terminals without hyperlinks: not one OSC 8, the text all there. */
static void test_no_osc8_to_a_terminal_without_hyperlinks(void **state)
{
    (void)state;
    const char *terms[] = { "xterm-256color", "vt100", "screen", "linux" };
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
        struct render_state *rs = render_create(term_caps(terms[i]), true);
        assert_null(render_links(rs));
        const char *out = draw_linked_pane(rs, "ab\033]8;id=7;http://x/y\033\\cd\033]8;;\033\\ef");
        assert_null(strstr(out, "\033]8"));
        assert_null(strstr(out, "http"));
        assert_non_null(strstr(out, "abcdef"));
        render_free(rs);
    }
    /* Turned on, then off again: nothing more is sent. */
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    render_set_hyperlinks(rs, true);
    render_set_hyperlinks(rs, false);
    const char *out = draw_linked_pane(rs, "\033]8;;http://x\033\\cd");
    assert_null(strstr(out, "\033]8"));
    render_free(rs);
}

/* A terminfo entry with the extended Hls capability turns hyperlinks on by itself. */
static void test_terminfo_hls_turns_hyperlinks_on(void **state)
{
    (void)state;
    char dir[] = "/tmp/tmx-test-terminfo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char src[256], cmd[600];
    snprintf(src, sizeof src, "%s/hls.src", dir);
    FILE *f = fopen(src, "w");
    assert_non_null(f);
    fputs("xterm-tmx-hls|xterm with hyperlinks,\n"
          "\tHls=\\E]8;%?%p1%l%tid=%p1%s%;;%p2%s\\E\\\\,\n"
          "\tuse=xterm-256color,\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "tic -x -o %s %s 2>/dev/null", dir, src);
    assert_int_equal(system(cmd), 0);
    setenv("TERMINFO", dir, 1);
    const struct render_caps *caps = term_caps("xterm-tmx-hls");
    unsetenv("TERMINFO");
    assert_non_null(render_caps_string(caps, RENDER_CAP_HLS));
    struct render_state *rs = render_create(caps, true);
    assert_non_null(render_links(rs));
    const char *out = draw_linked_pane(rs, "\033]8;;http://h\033\\L\033]8;;\033\\");
    assert_non_null(strstr(out, "\033]8;;http://h\033\\L\033]8;;\033\\"));
    render_free(rs);
    /* The usual entries have no Hls. */
    assert_null(render_caps_string(term_caps("xterm-256color"), RENDER_CAP_HLS));
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* A linked run followed by an erased tail: the link is closed before the erasure and
 * before the frame ends, and a frame that changes nothing sends nothing. */
static void test_link_closed_before_erasing_and_at_frame_end(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    render_set_hyperlinks(rs, true);
    struct vt *vt = vt_create(30, 3, 0);
    struct canvas c;
    canvas_init(&c, 30, 3);
    const char *in = "0123456789abcdefghijklmnopqrs\r\n0123456789abcdefghijklmnopqrs";
    vt_feed(vt, in, strlen(in));
    compose_from(&c, rs, vt);
    frame(rs, &c);
    /* Row 1 becomes a short linked word and an erased tail. */
    in = "\033[2;1H\033]8;;http://e\033\\word\033]8;;\033\\\033[K";
    vt_feed(vt, in, strlen(in));
    compose_from(&c, rs, vt);
    const char *out = frame(rs, &c);
    const char *open = strstr(out, "\033]8;;http://e\033\\word");
    const char *close = strstr(out, "\033]8;;\033\\");
    const char *el = strstr(out, "\033[K");
    assert_non_null(open);
    assert_non_null(close);
    assert_non_null(el);
    assert_true(open < close && close < el);
    /* Unchanged: nothing at all. The link changing under the same text: it is drawn
     * again with the new link. */
    compose_from(&c, rs, vt);
    assert_string_equal(frame(rs, &c), "");
    in = "\033[2;1H\033]8;;http://f\033\\word\033]8;;\033\\";
    vt_feed(vt, in, strlen(in));
    compose_from(&c, rs, vt);
    out = frame(rs, &c);
    assert_non_null(strstr(out, "\033]8;;http://f\033\\word\033]8;;\033\\"));
    canvas_free(&c);
    vt_free(vt);
    render_free(rs);
}

/* A program's URI full of control and 8-bit bytes: what reaches the terminal inside
 * OSC 8 is printable ASCII (C1 bytes percent-encoded), and the string ends only where
 * tmx ends it. */
static void test_uri_bytes_cannot_inject_into_the_terminal(void **state)
{
    (void)state;
    struct render_state *rs = render_create(term_caps("xterm-256color"), true);
    render_set_hyperlinks(rs, true);
    const char *out = draw_linked_pane(
        rs, "\033]8;;http://a/\x9b" "31m\x9d" "2;pwned\x07\x1b" "Z\033\\x\033]8;;\033\\");
    const char *p = strstr(out, "\033]8;;http://a/");
    assert_non_null(p);
    assert_non_null(strstr(out, "\033]8;;http://a/%9B31m%9D2;pwned\033\\"));
    for (p += 4; *p != '\033'; p++)
        assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
    render_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_wraps_exactly_the_linked_run),
        cmocka_unit_test(test_no_osc8_to_a_terminal_without_hyperlinks),
        cmocka_unit_test(test_terminfo_hls_turns_hyperlinks_on),
        cmocka_unit_test(test_link_closed_before_erasing_and_at_frame_end),
        cmocka_unit_test(test_uri_bytes_cannot_inject_into_the_terminal),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    render_caps_free_all();
    return rc;
}
