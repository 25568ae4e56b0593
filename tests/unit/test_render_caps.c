/* test_render_caps.c - terminal-overrides applied to a terminal's capabilities: the
 * matching entries in order, strings set (\E is ESC) or removed, flags and colours, the
 * cached entry left alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "caps.h"

static void test_overrides_apply_to_matching_terms(void **state)
{
    (void)state;
    char err[256];
    const struct render_caps *base = render_caps_get("xterm-256color", false, err, sizeof err);
    assert_non_null(base);
    assert_int_equal(render_caps_colours(base), RENDER_COLOURS_256);
    const char *const entries[] = {
        "vt100:Tc:Ss=NO", "", "nocolon", "xterm*:Tc:Ss=\\E[%p1%dXq:Se@",
        "xterm-256*:Ms=\\E]52;%p1%s;%p2%s\\007:am@:XT",
    };
    struct render_caps *caps = render_caps_override(base, entries, 5);
    assert_int_equal(render_caps_colours(caps), RENDER_COLOURS_RGB);
    assert_string_equal(render_caps_string(caps, RENDER_CAP_SS), "\033[%p1%dXq");
    assert_null(render_caps_string(caps, RENDER_CAP_SE));
    assert_string_equal(render_caps_string(caps, RENDER_CAP_MS), "\033]52;%p1%s;%p2%s\007");
    assert_false(render_caps_flag(caps, RENDER_FLAG_AM));
    assert_true(render_caps_flag(caps, RENDER_FLAG_XT));
    assert_true(render_caps_flag(caps, RENDER_FLAG_CLIPBOARD));
    /* The cached entry is as it was. */
    assert_int_equal(render_caps_colours(base), RENDER_COLOURS_256);
    assert_true(render_caps_flag(base, RENDER_FLAG_AM));
    render_caps_free(caps);

    /* Later entries win; colors sets the count; a pattern that does not match: nothing. */
    const char *const more[] = {"xterm*:colors=16", "screen*:colors=8", "xterm*:Tc:Tc@"};
    caps = render_caps_override(base, more, 3);
    assert_int_equal(render_caps_colours(caps), RENDER_COLOURS_16);
    render_caps_free(caps);
    render_caps_free_all();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overrides_apply_to_matching_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
