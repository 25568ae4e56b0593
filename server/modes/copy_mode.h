/* copy_mode.h - a pane in copy mode: entering and leaving it, the send-keys -X
 * commands, drawing its view (position indicator, selection, search matches) and the
 * mouse over it. A mode on the pane-mode interface (pane_mode.h): once entered, the
 * pane reaches it only through its ops. The logic over the grid is copy_mode_core.h;
 * the pane's program keeps running underneath. */
#ifndef TMX_COPY_MODE_H
#define TMX_COPY_MODE_H

#include <stdbool.h>

struct client;
struct cmd_ctx;
struct mouse_event;
struct pane;
struct vt;

/* Enter copy mode (if the pane is in it already, it stays as it is, back on top of any
 * mode entered since; -e is then kept only if given both times); vi keys from the
 * session's mode-keys. */
void copy_mode_enter(struct pane *p, bool exit_at_bottom);
/* copy-mode -s: enter copy mode over 'view' (taken: freed with the mode), a copy of
 * another pane's lines, the cursor at (x, y) of its screen. The pane must not be in
 * copy mode already. */
void copy_mode_enter_view(struct pane *p, struct vt *view, int x, int y, bool exit_at_bottom);
/* copy-mode -M: the copy mode just entered is the mouse's (no line numbers, as tmux). */
void copy_mode_entered_by_mouse(struct pane *p);
/* copy-mode -H: no position indicator in the copy mode just entered. */
void copy_mode_hide_position(struct pane *p);
/* Whether p is in copy mode (on top or below another mode). */
bool copy_mode_active(const struct pane *p);
/* Leave copy mode (the pane shows its screen, or the mode under it, again). */
void copy_mode_leave(struct pane *p);

/* View mode (tmux's view-mode, view_mode.h): copy mode over a screen of its own rather
 * than the pane's. Enter it, or bring it back to the top, and return that screen to
 * write to; *first is true if nothing was written to it before (it is then marked
 * written). Call copy_mode_view_written after writing. */
struct vt *copy_mode_view(struct pane *p, bool *first);
void copy_mode_view_written(struct pane *p);

/* send-keys -X NAME [ARG]: run a copy-mode command repeat times. Returns 0, or -1
 * with an error reported on ctx (also when the pane is not in copy mode). */
int copy_mode_command(struct cmd_ctx *ctx, struct pane *p, int argc, char **argv,
                      long repeat);

/* A mouse event over pane p at its cell (x, y) with the mouse option on, when the
 * pane's program does not take the mouse or the pane is in copy mode: the wheel
 * enters copy mode and scrolls, button 1 dragged selects and its release copies. */
void copy_mode_mouse(struct client *c, struct pane *p, const struct mouse_event *m, int x,
                     int y);

#endif
