/* menu.h - display-menu's menu: a box of items over whatever the client shows (an
 * overlay above the status line). Up/Down (k/j) move, Enter or an item's own key
 * chooses, q/Escape/C-c close; a chosen item's command runs for the client with the
 * menu's pane as its default target. */
#ifndef TMX_MENU_H
#define TMX_MENU_H

#include <stdbool.h>
#include <stdint.h>

#include "box_lines.h"
#include "grid.h"
#include "keys.h"

struct client;

/* One line of a menu. A separator has no name; a disabled item is drawn dim and
 * cannot be chosen. Strings are owned by the menu once it is opened. */
struct menu_item {
    char *name;       /* already expanded; NULL for a separator */
    key_code key;     /* KEYC_NONE: no shortcut */
    char *key_name;   /* shown in brackets after the name, or NULL */
    char *command;    /* may be empty */
    bool disabled;
};

/* What display-menu asks for. Items and title are taken over by menu_open. */
struct menu_spec {
    char *title;              /* may be NULL */
    struct menu_item *items;
    int nitems;
    int x, y;                 /* the top-left cell of the box */
    uint32_t pane_id;         /* what a chosen command's missing -t means (0: none) */
    bool has_pane;
    uint32_t waiting_client;  /* a client to release (exit 0) when the menu closes, or 0 */
    int start;                /* the item selected first (-C), if it can be; else the first */
    /* menu-style (items and the blanks beside them), menu-border-style (border,
     * separators, title), menu-selected-style (the selected item); all-default pens
     * draw as tmux 3.3a does. NULL lines: single. */
    struct grid_pen style, border_style, selected_style;
    const struct box_lines *lines;
};

/* The box's size for these items and title: columns and rows, borders included. */
void menu_size(const struct menu_spec *spec, int *cols, int *rows);
/* Show the menu on c (replacing an open one). Takes spec's strings and items. */
void menu_open(struct client *c, struct menu_spec *spec);
/* Free what a spec holds (when it is not opened). */
void menu_spec_free(struct menu_spec *spec);

#endif
