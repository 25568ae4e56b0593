/* cmd_list.h - what list-sessions, list-windows, list-panes, list-clients and
 * list-buffers share: the -f filter, the -O order and -r (tmux 3.6), one line per item. */
#ifndef TMX_CMD_LIST_H
#define TMX_CMD_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct cmd_ctx;
struct cmd_args;
struct format_ctx;
struct session;
struct window;
struct pane;

/* One listed item: a session, a window of it or a pane of that (what the list shows). */
struct cmd_list_item {
    struct session *session;
    struct winlink *wl; /* the window's link in session */
    struct window *window;
    struct pane *pane;
    long position; /* in its natural order (sessions by name, windows by index...) */
    long line;     /* #{line}: its place among its session's windows, its window's panes
                    * or the sessions, in the natural order, as tmux numbers them */
};

/* Sort items as -O (name, index, creation, activity, size; NULL: natural) and -r say.
 * Returns 0, or -1 with an error for an unknown order. */
int cmd_list_sort(struct cmd_ctx *ctx, struct cmd_args *args, struct cmd_list_item *items,
                  size_t n);
/* Print template expanded for f if the filter (-f, may be NULL) is true for it: not empty
 * and not "0", as tmux. line is #{line} (the item's line), or -1 for none. */
void cmd_list_line(struct cmd_ctx *ctx, const struct format_ctx *f, const char *filter,
                   const char *template, long line);

#endif
