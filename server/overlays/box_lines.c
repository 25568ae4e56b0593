/* box_lines.c - the border characters of popups and menus (see box_lines.h). */
#include "box_lines.h"

#include <stddef.h>
#include <string.h>

static const struct box_lines box_line_sets[] = {
    {"single", 0x250c, 0x2510, 0x2514, 0x2518, 0x2500, 0x2502, 0x251c, 0x2524},
    {"rounded", 0x256d, 0x256e, 0x2570, 0x256f, 0x2500, 0x2502, 0x251c, 0x2524},
    {"double", 0x2554, 0x2557, 0x255a, 0x255d, 0x2550, 0x2551, 0x2560, 0x2563},
    {"heavy", 0x250f, 0x2513, 0x2517, 0x251b, 0x2501, 0x2503, 0x2523, 0x252b},
    {"simple", '+', '+', '+', '+', '-', '|', '+', '+'},
    {"padded", ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '},
    {"none", ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '},
};

const struct box_lines *box_lines_named(const char *name)
{
    for (size_t i = 0; i < sizeof box_line_sets / sizeof *box_line_sets; i++) {
        if (name != NULL && strcmp(box_line_sets[i].name, name) == 0)
            return &box_line_sets[i];
    }
    return &box_line_sets[0];
}
