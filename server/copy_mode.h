/* copy_mode.h - a pane in copy mode: entering and leaving it, the send-keys -X
 * commands, drawing its view (position indicator, selection, search matches) and the
 * mouse over it. The logic over the grid is copy_mode_core.h; the pane's program keeps
 * running underneath. */
#ifndef TMX_COPY_MODE_H
#define TMX_COPY_MODE_H

#include <stdbool.h>

#include "copy_mode_core.h"

struct canvas;
struct client;
struct cmd_ctx;
struct mouse_event;
struct pane;

struct copy_mode {
    struct copy_state cs;
    bool exit_at_bottom;    /* -e: scrolling back to the bottom leaves */
    struct grid_line line;  /* reused while drawing */
};

/* Enter copy mode (nothing if the pane is in it already; -e is then kept only if
 * given both times); vi keys from the session's mode-keys. */
void copy_mode_enter(struct pane *p, bool exit_at_bottom);
/* Leave copy mode (the pane shows its screen again). */
void copy_mode_leave(struct pane *p);
/* Free the mode state of a pane that is going away. */
void copy_mode_free(struct pane *p);

/* send-keys -X NAME [ARG]: run a copy-mode command repeat times. Returns 0, or -1
 * with an error reported on ctx. */
int copy_mode_command(struct cmd_ctx *ctx, struct pane *p, int argc, char **argv,
                      long repeat);

/* Draw the mode's view of pane p (see pane_draw). */
void copy_mode_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                    int height);
/* The copy cursor, relative to the pane's top-left. */
void copy_mode_cursor(struct pane *p, int *x, int *y);

/* A mouse event over pane p at its cell (x, y) with the mouse option on, when the
 * pane's program does not take the mouse or the pane is in copy mode: the wheel
 * enters copy mode and scrolls, button 1 dragged selects and its release copies. */
void copy_mode_mouse(struct client *c, struct pane *p, const struct mouse_event *m, int x,
                     int y);

#endif
