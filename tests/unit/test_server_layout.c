/* test_server_layout.c - the layout tree as a user sees it through pane sizes and
 * positions and the window_layout string: splits, closing a pane giving its space
 * back, resizing by a border and proportionally with the client, layout strings (the
 * same ones tmux prints, checksum included) parsed back, presets, a tiny terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "pane.h"

static struct pane panes[8];

static int setup(void **state)
{
    (void)state;
    for (int i = 0; i < 8; i++)
        panes[i].id = (uint32_t)i;
    return 0;
}

/* "WxH+X+Y" of a leaf. */
static const char *geom(const struct layout_cell *lc)
{
    static char buf[8][64];
    static int n;
    char *b = buf[n++ % 8];
    snprintf(b, 64, "%dx%d+%d+%d", lc->sx, lc->sy, lc->xoff, lc->yoff);
    return b;
}

static uint32_t pane_id(const struct pane *p)
{
    return p->id;
}

static const char *dump(const struct layout_cell *root)
{
    static char buf[1024];
    layout_dump(root, pane_id, buf, sizeof buf);
    return buf;
}

/* Every leaf's geometry in order, joined by spaces. */
static const char *leaves(struct layout_cell *root)
{
    static char buf[1024];
    buf[0] = '\0';
    for (struct layout_cell *lc = layout_first_leaf(root); lc != NULL; lc = layout_next_leaf(lc)) {
        if (buf[0] != '\0')
            strcat(buf, " ");
        strcat(buf, geom(lc));
    }
    return buf;
}

/* The layout tmux 3.3a prints for an 80x24 window after split-window -h then -v. */
static struct layout_cell *three_panes(void)
{
    struct layout_cell *a = layout_create(80, 24, &panes[0]);
    struct layout_cell *b = layout_split(a, LAYOUT_LEFTRIGHT, -1, false, &panes[1]);
    assert_non_null(b);
    assert_non_null(layout_split(b, LAYOUT_TOPBOTTOM, -1, false, &panes[2]));
    return layout_root(a);
}

static void test_split_both_ways_gives_the_sizes_and_string_tmux_gives(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    assert_string_equal(leaves(root), "40x24+0+0 39x12+41+0 39x11+41+13");
    assert_string_equal(dump(root),
                        "d67e,80x24,0,0{40x24,0,0,0,39x24,41,0[39x12,41,0,1,39x11,41,13,2]}");
    layout_free(root);
}

static void test_split_before_and_with_a_size_and_full_width(void **state)
{
    (void)state;
    struct layout_cell *a = layout_create(80, 24, &panes[0]);
    struct layout_cell *b = layout_split(a, LAYOUT_LEFTRIGHT, 20, true, &panes[1]);
    assert_string_equal(leaves(layout_root(a)), "20x24+0+0 59x24+21+0");
    assert_ptr_equal(layout_first_leaf(layout_root(a)), b);
    /* -f: a pane the full width of the window under both. */
    struct layout_cell *c = layout_split(layout_root(a), LAYOUT_TOPBOTTOM, 5, false, &panes[2]);
    assert_non_null(c);
    assert_string_equal(geom(c), "80x5+0+19");
    assert_string_equal(leaves(layout_root(a)), "20x18+0+0 59x18+21+0 80x5+0+19");
    layout_free(layout_root(a));
}

static void test_removing_a_pane_gives_its_space_back(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    struct layout_cell *second = layout_next_leaf(layout_first_leaf(root));
    root = layout_remove(second); /* the top right one: the one below grows up */
    assert_string_equal(leaves(root), "40x24+0+0 39x24+41+0");
    assert_string_equal(dump(root), "0206,80x24,0,0{40x24,0,0,0,39x24,41,0,2}");
    root = layout_remove(layout_first_leaf(root));
    assert_string_equal(leaves(root), "80x24+0+0");
    assert_null(layout_remove(root));
}

static void test_removing_keeps_same_direction_splits_nested(void **state)
{
    (void)state;
    /* {A [B {C D}]} minus B: {C D} takes the place of [ ], nested as tmux 3.3a keeps it
     * (it prints {40x24,..,39x24,41,0{19x24,..,19x24,..}}), not merged into the root. */
    struct layout_cell *a = layout_create(80, 24, &panes[0]);
    struct layout_cell *b = layout_split(a, LAYOUT_LEFTRIGHT, -1, false, &panes[1]);
    struct layout_cell *c = layout_split(b, LAYOUT_TOPBOTTOM, -1, false, &panes[2]);
    assert_non_null(layout_split(c, LAYOUT_LEFTRIGHT, -1, false, &panes[3]));
    struct layout_cell *root = layout_remove(b);
    assert_string_equal(dump(root),
                        "0f7c,80x24,0,0{40x24,0,0,0,39x24,41,0{19x24,41,0,2,19x24,61,0,3}}");
    /* A's columns go to the nested cell's panes one each in turn, from the first. */
    root = layout_remove(a);
    assert_string_equal(dump(root), "820e,80x24,0,0{40x24,0,0,2,39x24,41,0,3}");
    layout_free(root);
}

/* A window resized changes its panes as tmux's does, one cell to each in turn from the
 * first (tmux 3.3a: resize-window -x 161 -y 48 of these panes gives these sizes). */
static void test_resize_one_cell_per_pane_in_turn(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    layout_resize(root, 161, 48);
    assert_string_equal(leaves(root), "81x48+0+0 79x24+82+0 79x23+82+25");
    layout_resize(root, 80, 24);
    assert_string_equal(leaves(root), "40x24+0+0 39x12+41+0 39x11+41+13");
    layout_free(root);
}

/* Shrinking and growing back gives the sizes these panes had (a status line toggled, a
 * terminal resized and back: cells are taken and given back in the same turn, as tmux
 * does; panes of very unequal sizes shrunk to their minimum come back even, as in
 * tmux); a border moved by the user is kept through a resize and back. */
static void test_shrinking_and_growing_back_gives_the_same_sizes(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    layout_resize(root, 80, 23);
    char *before = strdup(leaves(root));
    const int sizes[][2] = {{80, 22}, {79, 21}, {3, 3}, {161, 48}, {81, 24}, {80, 23}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        layout_resize(root, sizes[i][0], sizes[i][1]);
        layout_resize(root, 80, 23);
        assert_string_equal(leaves(root), before);
    }
    /* The user moves the vertical border 5 cells left: that is the layout now. */
    assert_int_equal(layout_move_border(layout_first_leaf(root), -5), -5);
    char *moved = strdup(leaves(root));
    assert_string_not_equal(moved, before);
    layout_resize(root, 80, 22);
    layout_resize(root, 80, 23);
    assert_string_equal(leaves(root), moved);
    free(before);
    free(moved);
    layout_free(root);
}

static void test_tiny_terminal_keeps_every_pane_one_cell(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    layout_resize(root, 1, 1);
    /* The layout cannot go below 3x3 (two panes and a border each way): drawn clipped. */
    assert_string_equal(leaves(root), "1x3+0+0 1x1+2+0 1x1+2+2");
    assert_int_equal(root->sx, 3);
    assert_int_equal(root->sy, 3);
    /* Too small to split again. */
    assert_null(layout_split(layout_first_leaf(root), LAYOUT_LEFTRIGHT, -1, false, &panes[3]));
    layout_resize(root, 80, 24);
    assert_int_equal(layout_count_leaves(root), 3);
    assert_int_equal(root->sx, 80);
    layout_free(root);
}

static void test_resize_pane_moves_the_nearest_border(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    struct layout_cell *left = layout_first_leaf(root);
    struct layout_cell *top = layout_next_leaf(left);
    struct layout_cell *bottom = layout_next_leaf(top);
    assert_int_equal(layout_resize_pane(left, LAYOUT_LEFTRIGHT, 5), 5);
    assert_string_equal(leaves(root), "45x24+0+0 34x12+46+0 34x11+46+13");
    /* The bottom pane is last: its top border moves (up: it grows). */
    assert_int_equal(layout_resize_pane(bottom, LAYOUT_TOPBOTTOM, -3), -3);
    assert_string_equal(leaves(root), "45x24+0+0 34x9+46+0 34x14+46+10");
    /* Never below one cell. */
    assert_int_equal(layout_resize_pane(left, LAYOUT_LEFTRIGHT, 1000), 33);
    assert_int_equal(top->sx, 1);
    /* Nothing splits the left pane top/bottom: no border to move. */
    assert_int_equal(layout_resize_pane(left, LAYOUT_TOPBOTTOM, 2), 0);
    layout_set_pane_size(left, LAYOUT_LEFTRIGHT, 30);
    assert_string_equal(leaves(root), "30x24+0+0 49x9+31+0 49x14+31+10");
    layout_free(root);
}

static void test_layout_strings_round_trip_and_are_checked(void **state)
{
    (void)state;
    char err[256];
    const char *tiled = "a7cf,80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12,2]";
    struct layout_cell *root = layout_parse(tiled, err, sizeof err);
    assert_non_null(root);
    assert_int_equal(layout_count_leaves(root), 3);
    int i = 0;
    for (struct layout_cell *lc = layout_first_leaf(root); lc != NULL; lc = layout_next_leaf(lc))
        lc->pane = &panes[i++];
    assert_string_equal(dump(root), tiled);
    layout_free(root);

    /* A wrong checksum, sizes that do not add up, garbage: refused with a reason. */
    assert_null(layout_parse("a7ce,80x24,0,0[80x11,0,0{39x11,0,0,0,40x11,40,0,1},80x12,0,12,2]",
                             err, sizeof err));
    assert_non_null(strstr(err, "checksum"));
    char bad[256], body[] = "80x24,0,0{40x24,0,0,0,40x24,41,0,1}";
    unsigned csum = 0;
    for (const char *p = body; *p; p++)
        csum = (((csum >> 1) + ((csum & 1) << 15)) + (unsigned char)*p) & 0xffff;
    snprintf(bad, sizeof bad, "%04x,%s", csum, body);
    assert_null(layout_parse(bad, err, sizeof err));
    assert_non_null(strstr(err, "add up"));
    assert_null(layout_parse("zz", err, sizeof err));
    assert_null(layout_parse("", err, sizeof err));
    /* Deep nesting is bounded. */
    char deep[4096] = "0000,";
    for (int d = 0; d < 100; d++)
        strcat(deep, "1x1,0,0{");
    assert_null(layout_parse(deep, err, sizeof err));
}

/* Sizes as tmux 3.3a gives them: equal cells, the odd ones to the last of a row and to
 * the last row (even-*, tiled; the other panes of main-*): what tmux prints for the same. */
static void test_presets(void **state)
{
    (void)state;
    struct layout_cell *root = layout_preset_build(LAYOUT_EVEN_HORIZONTAL, 3, 80, 24, 0, LAYOUT_STATUS_OFF);
    assert_string_equal(leaves(root), "26x24+0+0 26x24+27+0 26x24+54+0");
    layout_free(root);
    root = layout_preset_build(LAYOUT_EVEN_VERTICAL, 2, 80, 24, 0, LAYOUT_STATUS_OFF);
    assert_string_equal(leaves(root), "80x11+0+0 80x12+0+12");
    layout_free(root);
    root = layout_preset_build(LAYOUT_MAIN_VERTICAL, 3, 80, 24, 50, LAYOUT_STATUS_OFF);
    assert_string_equal(leaves(root), "50x24+0+0 29x11+51+0 29x12+51+12");
    layout_free(root);
    root = layout_preset_build(LAYOUT_MAIN_HORIZONTAL, 3, 80, 24, 10, LAYOUT_STATUS_OFF);
    assert_string_equal(leaves(root), "80x10+0+0 39x13+0+11 40x13+40+11");
    layout_free(root);
    root = layout_preset_build(LAYOUT_TILED, 4, 80, 24, 0, LAYOUT_STATUS_OFF);
    assert_string_equal(leaves(root), "39x11+0+0 40x11+40+0 39x12+0+12 40x12+40+12");
    layout_free(root);
    root = layout_preset_build(LAYOUT_TILED, 3, 80, 24, 0, LAYOUT_STATUS_OFF);
    assert_string_equal(leaves(root), "39x11+0+0 40x11+40+0 80x12+0+12");
    layout_free(root);
    assert_int_equal(layout_preset_find("tiled"), LAYOUT_TILED);
    assert_int_equal(layout_preset_find("nope"), -1);
}

static void test_positions_borders_and_neighbours(void **state)
{
    (void)state;
    struct layout_cell *root = three_panes();
    struct layout_cell *left = layout_first_leaf(root);
    struct layout_cell *top = layout_next_leaf(left);
    struct layout_cell *bottom = layout_next_leaf(top);
    assert_ptr_equal(layout_leaf_at(root, 10, 20), left);
    assert_ptr_equal(layout_leaf_at(root, 50, 13), bottom);
    assert_null(layout_leaf_at(root, 40, 5)); /* the vertical border */
    assert_ptr_equal(layout_border_at(root, 40, 5), left);
    assert_ptr_equal(layout_border_at(root, 50, 12), top);
    assert_null(layout_border_at(root, 10, 10));
    /* Right of the left pane: both on the right; wrapping around the window's edges. */
    assert_true(layout_beside(root, left, top, LAYOUT_LEFTRIGHT, true));
    assert_true(layout_beside(root, left, bottom, LAYOUT_LEFTRIGHT, true));
    assert_false(layout_beside(root, left, left, LAYOUT_LEFTRIGHT, true));
    assert_true(layout_beside(root, top, left, LAYOUT_LEFTRIGHT, true));
    assert_false(layout_beside(root, top, bottom, LAYOUT_LEFTRIGHT, true));
    assert_true(layout_beside(root, top, left, LAYOUT_LEFTRIGHT, false));
    assert_true(layout_beside(root, top, bottom, LAYOUT_TOPBOTTOM, true));
    assert_true(layout_beside(root, top, bottom, LAYOUT_TOPBOTTOM, false));
    assert_false(layout_beside(root, bottom, top, LAYOUT_LEFTRIGHT, true));
    /* Nothing above or below the full-height left pane but itself. */
    assert_false(layout_beside(root, left, top, LAYOUT_TOPBOTTOM, true));
    assert_false(layout_beside(root, left, bottom, LAYOUT_TOPBOTTOM, false));
    layout_free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_both_ways_gives_the_sizes_and_string_tmux_gives),
        cmocka_unit_test(test_split_before_and_with_a_size_and_full_width),
        cmocka_unit_test(test_removing_a_pane_gives_its_space_back),
        cmocka_unit_test(test_removing_keeps_same_direction_splits_nested),
        cmocka_unit_test(test_resize_one_cell_per_pane_in_turn),
        cmocka_unit_test(test_shrinking_and_growing_back_gives_the_same_sizes),
        cmocka_unit_test(test_tiny_terminal_keeps_every_pane_one_cell),
        cmocka_unit_test(test_resize_pane_moves_the_nearest_border),
        cmocka_unit_test(test_layout_strings_round_trip_and_are_checked),
        cmocka_unit_test(test_presets),
        cmocka_unit_test(test_positions_borders_and_neighbours),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
