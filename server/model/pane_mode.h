/* pane_mode.h - the pane-mode interface: a mode shows its own view in a pane (copy
 * mode, clock mode, the choosers) while the pane's program runs on underneath. A pane
 * holds a stack of modes, as tmux: the top one draws the pane and takes its keys;
 * leaving it shows the one below again, and entering a mode that is below brings it
 * back to the top with its state.
 *
 * A mode is one const struct pane_mode (its ops) and the state it allocates on entry
 * (p->mode_data while it is on top). Drawing (pane_draw), key dispatch (client_input),
 * send-keys -X and formats reach a mode only through these ops; nothing outside a mode's
 * own file knows its state. Ops that a mode does not need are NULL. Nothing here
 * redraws: a mode asks for a frame itself when it changes what it shows. */
#ifndef TMX_PANE_MODE_H
#define TMX_PANE_MODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys.h"

struct canvas;
struct client;
struct cmd_ctx;
struct pane;
struct server;

struct pane_mode {
    const char *name;  /* #{pane_mode}: "copy-mode", "clock-mode", "tree-mode"... */
    /* The key table the pane's keys are looked up in first (then root), e.g. copy-mode
     * or copy-mode-vi by mode-keys. NULL (or a NULL op): root only, then key(). */
    const char *(*key_table)(struct pane *p);
    /* Free the state (leaving the mode, or the pane going away). Must not redraw. */
    void (*free)(struct pane *p, void *data);
    /* The pane is now cols x rows (called for the top mode, and for a mode coming back
     * to the top). */
    void (*resize)(struct pane *p, int cols, int rows);
    /* Draw the view into cv at (x0, y0), at most width x height cells (pane_draw's
     * contract: the pane's own size clipped to them). */
    void (*draw)(struct pane *p, struct canvas *cv, int x0, int y0, int width, int height);
    /* The cursor, relative to the pane's top-left, and whether it shows. NULL: hidden. */
    void (*cursor)(struct pane *p, int *x, int *y, bool *visible);
    /* A key client c typed that no key table bound. NULL: such keys do nothing. The
     * mode may leave (and free its state) in it. */
    void (*key)(struct client *c, struct pane *p, key_code key);
    /* A mouse event over the pane at its cell (x, y), mouse on. NULL: ignored. */
    void (*mouse)(struct client *c, struct pane *p, const struct mouse_event *m, int x,
                  int y);
    /* send-keys -X NAME [ARG]: 0, or -1 with an error on ctx. NULL: the mode has no
     * commands. */
    int (*command)(struct cmd_ctx *ctx, struct pane *p, int argc, char **argv, long repeat);
    /* A format variable of the mode (copy mode: scroll_position, copy_cursor_x...):
     * its value (the caller frees it), or NULL when the mode has no variable of that
     * name or gives it no value in this state. */
    char *(*format)(struct pane *p, const char *name);
    /* Client client_id is going away: true if the mode acted for it alone and must
     * leave with it (data is the mode's state, on top or below). */
    bool (*client_gone)(void *data, uint32_t client_id);
};

/* Put mode m, with its state, on top of p's modes (what was on top waits below). */
void pane_mode_push(struct pane *p, const struct pane_mode *m, void *data);
/* Bring m to the top if p is in it (on top already, or below: then it comes back
 * with its state). False if p is not in mode m. */
bool pane_mode_raise(struct pane *p, const struct pane_mode *m);
/* Leave the top mode (its state is freed); the mode below, if any, is shown again. */
void pane_mode_pop(struct pane *p);
/* Leave mode m wherever it is in p's stack; nothing if p is not in it. */
void pane_mode_remove(struct pane *p, const struct pane_mode *m);
/* Leave every mode (the pane is going away). */
void pane_mode_free_all(struct pane *p);
/* The state of mode m if p is in it (on top or below), else NULL. */
void *pane_mode_data(const struct pane *p, const struct pane_mode *m);
/* How many modes p is in (#{pane_in_mode}, as tmux: 0, 1, or more when stacked). */
unsigned pane_mode_depth(const struct pane *p);
/* p was resized: its top mode's resize op. */
void pane_mode_resize(struct pane *p);
/* Client client_id is going away: modes that acted for it alone leave (client_gone).
 * Returns true if any did: the caller redraws. */
bool pane_mode_client_gone(struct server *s, uint32_t client_id);

#endif
