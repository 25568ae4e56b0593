/* test_server_style.c - style strings: every attribute and its "no" form, every colour
 * form, default and none, errors that leave the pen alone; and text with #[style] blocks
 * cut into runs (style_split) or stripped (style_strip). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "style.h"

#define PAL(n) (COLOUR_PALETTE | (n))
#define RGB(n) (COLOUR_RGB | (n))

/* Apply a style to an all-default pen; fails the test if it does not parse. */
static struct grid_pen apply(const char *style)
{
    struct grid_pen pen = {0};
    char err[128];
    if (style_apply(&pen, style, err, sizeof err) != 0)
        fail_msg("style \"%s\": %s", style, err);
    return pen;
}

static uint32_t colour(const char *name)
{
    uint32_t c = 0xdeadbeef;
    if (style_parse_colour(name, &c) != 0)
        fail_msg("colour \"%s\" did not parse", name);
    return c;
}

/* ---- Attributes --------------------------------------------------------------- */

static void test_each_attribute_word_sets_its_bit(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        uint16_t attr;
    } cases[] = {
        {"bold", ATTR_BOLD},
        {"bright", ATTR_BOLD},
        {"dim", ATTR_DIM},
        {"italics", ATTR_ITALIC},
        {"underscore", ATTR_UNDERLINE},
        {"blink", ATTR_BLINK},
        {"reverse", ATTR_REVERSE},
        {"hidden", ATTR_HIDDEN},
        {"strikethrough", ATTR_STRIKE},
        {"overline", ATTR_OVERLINE},
        {"double-underscore", ATTR_UNDERLINE | (2 << ATTR_UNDERLINE_STYLE_SHIFT)},
        {"curly-underscore", ATTR_UNDERLINE | (3 << ATTR_UNDERLINE_STYLE_SHIFT)},
        {"dotted-underscore", ATTR_UNDERLINE | (4 << ATTR_UNDERLINE_STYLE_SHIFT)},
        {"dashed-underscore", ATTR_UNDERLINE | (5 << ATTR_UNDERLINE_STYLE_SHIFT)},
        {"acs", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct grid_pen pen = apply(cases[i].word);
        assert_int_equal(pen.attr, cases[i].attr);
        assert_int_equal(pen.fg, COLOUR_DEFAULT);
        assert_int_equal(pen.bg, COLOUR_DEFAULT);
    }
}

static void test_no_forms_clear_only_their_attribute(void **state)
{
    (void)state;
    static const char *const words[] = {"bold",  "dim",    "italics", "underscore",
                                        "blink", "reverse", "hidden", "strikethrough",
                                        "overline"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char style[128];
        snprintf(style, sizeof style, "bold,dim,italics,underscore,blink,reverse,hidden,"
                                      "strikethrough,overline,no%s", words[i]);
        struct grid_pen pen = apply(style);
        struct grid_pen only = apply(words[i]);
        uint16_t all = ATTR_BOLD | ATTR_DIM | ATTR_ITALIC | ATTR_UNDERLINE | ATTR_BLINK |
                       ATTR_REVERSE | ATTR_HIDDEN | ATTR_STRIKE | ATTR_OVERLINE;
        assert_int_equal(pen.attr, all & ~only.attr);
    }
}

static void test_underline_styles_replace_each_other_and_nounderscore_clears_all(void **state)
{
    (void)state;
    struct grid_pen pen = apply("curly-underscore,underscore");
    assert_int_equal(pen.attr, ATTR_UNDERLINE);
    pen = apply("underscore,double-underscore");
    assert_int_equal(ATTR_UNDERLINE_STYLE(pen.attr), 2);
    pen = apply("dashed-underscore,nounderscore");
    assert_int_equal(pen.attr, 0);
}

static void test_words_are_case_insensitive_and_split_by_commas_or_spaces(void **state)
{
    (void)state;
    struct grid_pen pen = apply("  BOLD, Fg=Red  bg=colour4,,reverse ");
    assert_int_equal(pen.attr, ATTR_BOLD | ATTR_REVERSE);
    assert_int_equal(pen.fg, PAL(1));
    assert_int_equal(pen.bg, PAL(4));
}

static void test_none_clears_attributes_but_keeps_colours(void **state)
{
    (void)state;
    struct grid_pen pen = apply("fg=red,bg=blue,bold,italics,none");
    assert_int_equal(pen.attr, 0);
    assert_int_equal(pen.fg, PAL(1));
    assert_int_equal(pen.bg, PAL(4));
}

static void test_default_resets_everything_to_the_default_pen(void **state)
{
    (void)state;
    struct grid_pen pen = {.fg = PAL(1), .bg = PAL(2), .attr = ATTR_BOLD, .ul = PAL(3)};
    char err[64];
    assert_int_equal(style_apply(&pen, "default", err, sizeof err), 0);
    assert_int_equal(pen.fg, COLOUR_DEFAULT);
    assert_int_equal(pen.bg, COLOUR_DEFAULT);
    assert_int_equal(pen.attr, 0);
    assert_int_equal(pen.ul, COLOUR_DEFAULT);
}

static void test_styles_apply_on_top_of_the_pen(void **state)
{
    (void)state;
    struct grid_pen pen = {.fg = PAL(1), .bg = PAL(2), .attr = ATTR_BOLD};
    char err[64];
    assert_int_equal(style_apply(&pen, "bg=yellow,italics", err, sizeof err), 0);
    assert_int_equal(pen.fg, PAL(1));
    assert_int_equal(pen.bg, PAL(3));
    assert_int_equal(pen.attr, ATTR_BOLD | ATTR_ITALIC);
}

static void test_empty_or_null_style_changes_nothing(void **state)
{
    (void)state;
    struct grid_pen pen = {.fg = PAL(1), .attr = ATTR_DIM};
    char err[64];
    assert_int_equal(style_apply(&pen, "", err, sizeof err), 0);
    assert_int_equal(style_apply(&pen, NULL, err, sizeof err), 0);
    assert_int_equal(style_apply(&pen, " , ", NULL, 0), 0);
    assert_int_equal(pen.fg, PAL(1));
    assert_int_equal(pen.attr, ATTR_DIM);
}

static void test_base_gives_the_meaning_of_default(void **state)
{
    (void)state;
    struct grid_pen base = {.fg = PAL(0), .bg = PAL(2), .attr = ATTR_BOLD};
    struct grid_pen pen = {.fg = PAL(1), .bg = PAL(4), .attr = ATTR_REVERSE};
    char err[64];
    assert_int_equal(style_apply_base(&pen, "fg=default", &base, err, sizeof err), 0);
    assert_int_equal(pen.fg, PAL(0));
    assert_int_equal(pen.bg, PAL(4));
    assert_int_equal(style_apply_base(&pen, "bg=default", &base, err, sizeof err), 0);
    assert_int_equal(pen.bg, PAL(2));
    assert_int_equal(pen.attr, ATTR_REVERSE);
    assert_int_equal(style_apply_base(&pen, "default,italics", &base, err, sizeof err), 0);
    assert_int_equal(pen.fg, PAL(0));
    assert_int_equal(pen.attr, ATTR_BOLD | ATTR_ITALIC);
}

static void test_underline_colour(void **state)
{
    (void)state;
    struct grid_pen pen = apply("underscore,us=#ff0000");
    assert_int_equal(pen.ul, RGB(0xff0000));
    assert_int_equal(pen.attr, ATTR_UNDERLINE);
}

static void test_layout_words_are_accepted_without_changing_the_pen(void **state)
{
    (void)state;
    struct grid_pen pen = apply("align=right,fill=blue,list=on,range=window|1,nolist,norange,"
                                "noalign,push-default,pop-default");
    struct grid_pen zero = {0};
    assert_memory_equal(&pen, &zero, sizeof pen);
}

/* ---- Colours ------------------------------------------------------------------ */

static void test_colour_names_are_palette_0_to_7_and_bright_8_to_15(void **state)
{
    (void)state;
    static const char *const names[] = {"black", "red",     "green", "yellow",
                                        "blue",  "magenta", "cyan",  "white"};
    for (uint32_t i = 0; i < 8; i++) {
        char bright[32];
        snprintf(bright, sizeof bright, "bright%s", names[i]);
        assert_int_equal(colour(names[i]), PAL(i));
        assert_int_equal(colour(bright), PAL(i + 8));
        char buf[32];
        assert_string_equal(style_colour_name(PAL(i), buf, sizeof buf), names[i]);
        assert_string_equal(style_colour_name(PAL(i + 8), buf, sizeof buf), bright);
    }
    assert_int_equal(colour("BrightRed"), PAL(9));
}

static void test_colour_numbers_in_every_spelling(void **state)
{
    (void)state;
    assert_int_equal(colour("colour0"), PAL(0));
    assert_int_equal(colour("colour255"), PAL(255));
    assert_int_equal(colour("color236"), PAL(236));
    assert_int_equal(colour("Colour17"), PAL(17));
    assert_int_equal(colour("3"), PAL(3));
    assert_int_equal(colour("91"), PAL(9));
    assert_int_equal(colour("97"), PAL(15));
    char buf[32];
    assert_string_equal(style_colour_name(PAL(236), buf, sizeof buf), "colour236");
}

static void test_rgb_colours(void **state)
{
    (void)state;
    assert_int_equal(colour("#ff8000"), RGB(0xff8000));
    assert_int_equal(colour("#A0b0C0"), RGB(0xa0b0c0));
    assert_int_equal(apply("bg=#000000").bg, RGB(0));
    char buf[32];
    assert_string_equal(style_colour_name(RGB(0xff8000), buf, sizeof buf), "#ff8000");
}

static void test_default_colour(void **state)
{
    (void)state;
    assert_int_equal(colour("default"), COLOUR_DEFAULT);
    char buf[32];
    assert_string_equal(style_colour_name(COLOUR_DEFAULT, buf, sizeof buf), "default");
    struct grid_pen pen = {.fg = PAL(1)};
    char err[64];
    assert_int_equal(style_apply(&pen, "fg=default", err, sizeof err), 0);
    assert_int_equal(pen.fg, COLOUR_DEFAULT);
}

static void test_bad_colours_are_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {"", "colour256", "colour", "colour-1", "color1000",
                                      "#12345", "#1234567", "#gggggg", "8", "89", "98",
                                      "purple", "brightpurple", "bright", "0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t c = 42;
        if (style_parse_colour(bad[i], &c) == 0)
            fail_msg("colour \"%s\" was accepted", bad[i]);
        assert_int_equal(c, 42);
    }
}

/* ---- Errors ------------------------------------------------------------------- */

static void test_errors_name_the_bad_part_and_leave_the_pen_alone(void **state)
{
    (void)state;
    static const struct {
        const char *style, *message;
    } cases[] = {
        {"fg=purple", "bad colour: purple"},
        {"bold,bg=colour300", "bad colour: colour300"},
        {"bold,sparkly", "unknown style: sparkly"},
        {"fg=", "bad colour: "},
        {"nosparkly", "unknown style: nosparkly"},
        {"size=3", "unknown style: size=3"},
        {"align=middle", "bad align: middle"},
        {"fill=nothing", "bad colour: nothing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct grid_pen pen = {.fg = PAL(5), .attr = ATTR_DIM};
        char err[128] = "";
        assert_int_equal(style_apply(&pen, cases[i].style, err, sizeof err), -1);
        assert_string_equal(err, cases[i].message);
        assert_int_equal(pen.fg, PAL(5));
        assert_int_equal(pen.attr, ATTR_DIM);
    }
    char longstyle[400];
    memset(longstyle, 'x', sizeof longstyle - 1);
    longstyle[sizeof longstyle - 1] = '\0';
    struct grid_pen pen = {0};
    char err[16];
    assert_int_equal(style_apply(&pen, longstyle, err, sizeof err), -1); /* err is cut */
    assert_int_equal(strlen(err), sizeof err - 1);
    assert_int_equal(style_apply(&pen, "bogus", NULL, 0), -1);
}

/* ---- Runs --------------------------------------------------------------------- */

static void test_split_cuts_text_at_style_blocks(void **state)
{
    (void)state;
    struct grid_pen base = {.fg = PAL(0), .bg = PAL(2)};
    struct style_run runs[4];
    const char *text = "#[fg=red]A#[default]B";
    assert_int_equal(style_split(text, &base, runs, 4), 2);
    assert_int_equal(runs[0].len, 1);
    assert_memory_equal(runs[0].text, "A", 1);
    assert_int_equal(runs[0].pen.fg, PAL(1));
    assert_int_equal(runs[0].pen.bg, PAL(2));
    assert_memory_equal(runs[1].text, "B", 1);
    assert_memory_equal(&runs[1].pen, &base, sizeof base);
    assert_ptr_equal(runs[1].text, text + strlen(text) - 1); /* points into the text */
}

static void test_split_counts_with_zero_max_and_fills_at_most_max(void **state)
{
    (void)state;
    const char *text = "a#[bold]b#[dim]c#[reverse]d";
    assert_int_equal(style_split(text, NULL, NULL, 0), 4);
    struct style_run runs[2];
    assert_int_equal(style_split(text, NULL, runs, 2), 4);
    assert_memory_equal(runs[1].text, "b", 1);
    assert_int_equal(runs[1].pen.attr, ATTR_BOLD);
    assert_int_equal(style_split("", NULL, NULL, 0), 0);
    assert_int_equal(style_split(NULL, NULL, NULL, 0), 0);
}

static void test_split_styles_accumulate_and_empty_runs_are_dropped(void **state)
{
    (void)state;
    struct style_run runs[4];
    assert_int_equal(style_split("#[fg=red]#[bold]x#[nobold]", NULL, runs, 4), 1);
    assert_int_equal(runs[0].pen.fg, PAL(1));
    assert_int_equal(runs[0].pen.attr, ATTR_BOLD);
}

static void test_split_drops_bad_blocks_and_keeps_the_pen(void **state)
{
    (void)state;
    struct style_run runs[4];
    assert_int_equal(style_split("#[fg=red]a#[fg=nope,bold]b", NULL, runs, 4), 2);
    assert_memory_equal(runs[1].text, "b", 1);
    assert_int_equal(runs[1].pen.fg, PAL(1));
    assert_int_equal(runs[1].pen.attr, 0);
}

static void test_split_unclosed_block_is_text(void **state)
{
    (void)state;
    struct style_run runs[4];
    assert_int_equal(style_split("a#[fg=red", NULL, runs, 4), 1);
    assert_int_equal(runs[0].len, 9);
}

static void test_split_double_hash_is_one_literal_hash(void **state)
{
    (void)state;
    char *s = style_strip("a##[bold]b##c");
    assert_string_equal(s, "a#[bold]b#c");
    free(s);
    struct style_run runs[8];
    size_t n = style_split("##[x]", NULL, runs, 8);
    assert_int_equal(n, 1);
    assert_int_equal(runs[0].len, 4);
    assert_memory_equal(runs[0].text, "#[x]", 4);
}

static void test_split_records_alignment(void **state)
{
    (void)state;
    struct style_run runs[4];
    assert_int_equal(style_split("L#[align=centre]C#[align=right,fg=blue]R", NULL, runs, 4), 3);
    assert_int_equal(runs[0].align, STYLE_ALIGN_LEFT);
    assert_int_equal(runs[1].align, STYLE_ALIGN_CENTRE);
    assert_int_equal(runs[2].align, STYLE_ALIGN_RIGHT);
    assert_int_equal(runs[2].pen.fg, PAL(4));
}

static void test_split_push_default_changes_what_default_means(void **state)
{
    (void)state;
    struct style_run runs[4];
    const char *text = "#[fg=red,push-default]a#[fg=blue]b#[default]c#[pop-default,default]d";
    assert_int_equal(style_split(text, NULL, runs, 4), 4);
    assert_int_equal(runs[1].pen.fg, PAL(4));
    assert_int_equal(runs[2].pen.fg, PAL(1)); /* default = the pushed red */
    assert_int_equal(runs[3].pen.fg, COLOUR_DEFAULT);
}

static void test_strip_removes_blocks(void **state)
{
    (void)state;
    char *s = style_strip("#[fg=red]work#[default] 1:vim*#[bad style]!");
    assert_string_equal(s, "work 1:vim*!");
    free(s);
    s = style_strip("");
    assert_string_equal(s, "");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_attribute_word_sets_its_bit),
        cmocka_unit_test(test_no_forms_clear_only_their_attribute),
        cmocka_unit_test(test_underline_styles_replace_each_other_and_nounderscore_clears_all),
        cmocka_unit_test(test_words_are_case_insensitive_and_split_by_commas_or_spaces),
        cmocka_unit_test(test_none_clears_attributes_but_keeps_colours),
        cmocka_unit_test(test_default_resets_everything_to_the_default_pen),
        cmocka_unit_test(test_styles_apply_on_top_of_the_pen),
        cmocka_unit_test(test_empty_or_null_style_changes_nothing),
        cmocka_unit_test(test_base_gives_the_meaning_of_default),
        cmocka_unit_test(test_underline_colour),
        cmocka_unit_test(test_layout_words_are_accepted_without_changing_the_pen),
        cmocka_unit_test(test_colour_names_are_palette_0_to_7_and_bright_8_to_15),
        cmocka_unit_test(test_colour_numbers_in_every_spelling),
        cmocka_unit_test(test_rgb_colours),
        cmocka_unit_test(test_default_colour),
        cmocka_unit_test(test_bad_colours_are_rejected),
        cmocka_unit_test(test_errors_name_the_bad_part_and_leave_the_pen_alone),
        cmocka_unit_test(test_split_cuts_text_at_style_blocks),
        cmocka_unit_test(test_split_counts_with_zero_max_and_fills_at_most_max),
        cmocka_unit_test(test_split_styles_accumulate_and_empty_runs_are_dropped),
        cmocka_unit_test(test_split_drops_bad_blocks_and_keeps_the_pen),
        cmocka_unit_test(test_split_unclosed_block_is_text),
        cmocka_unit_test(test_split_double_hash_is_one_literal_hash),
        cmocka_unit_test(test_split_records_alignment),
        cmocka_unit_test(test_split_push_default_changes_what_default_means),
        cmocka_unit_test(test_strip_removes_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
