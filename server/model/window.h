/* window.h - a window, linked in one or more sessions (at an index of each: struct
 * winlink): a name and its panes, laid out by a layout tree (layout.h) inside the
 * window's size. The struct is in model.h. */
#ifndef TMX_WINDOW_H
#define TMX_WINDOW_H

#include <stdbool.h>
#include <stdint.h>
#include "queue.h"

#include "layout.h"
#include "model.h"
#include "notify.h"
#include "redraw.h"

struct session;

/* A window of s's size, linked nowhere yet (session_link_window links it). */
struct window *window_create(struct session *s, const char *name);
/* Free the window and its panes; its links must be gone (session_unlink_window frees
 * the window with its last link). */
void window_free(struct window *w);
/* Keep w while its links go (a window is freed with its last link otherwise);
 * window_release frees it if no link is left. */
void window_hold(struct window *w);
void window_release(struct window *w);
/* The session of the window's first link (the one it was made in, while linked there),
 * for what needs one session's options; NULL when it is linked nowhere. */
struct session *window_session(const struct window *w);
/* Schedule a frame for every client attached to a session that holds w. */
void window_redraw(struct window *w, enum redraw_what what);
/* How many links the window has (#{window_linked} is more than one). */
int window_link_count(const struct window *w);
void window_resize(struct window *w, int cols, int rows);
/* Tell the layers above (hooks) that w changed: type is a NOTIFY_WINDOW_* of notify.h.
 * window_resize, window_set_active and window_zoom tell their own changes; the commands
 * tell the layouts they make (window-layout-changed), in tmux's order and number. */
void window_notify(struct window *w, int type);
void window_set_name(struct window *w, const char *name);
/* Give the window its first pane (the layout is that one pane). */
void window_add_first_pane(struct window *w, struct pane *p);
/* pane-border-status as the layout's LAYOUT_STATUS_* (layout.h). */
int window_status_edge(const struct window *w);
/* Size the layout to the window and every pane to its cell (TIOCSWINSZ when it
 * changed); a zoomed active pane gets the whole window. */
void window_relayout(struct window *w);
/* Put a pane shown by leaf into the pane list after (before when 'before') 'next_to';
 * next_to NULL: last (first when 'before'), as for a full-width/height split. */
void window_insert_pane(struct window *w, struct pane *p, struct layout_cell *leaf,
                        struct pane *next_to, bool before);
/* Take pane p out of the window (it is not freed) and give its space to its
 * neighbours; the last pane used becomes active, else the one before p in the list, else
 * the one after. True if no pane is left. */
bool window_remove_pane(struct window *w, struct pane *p);
/* p was made active now: it wins over panes made active before it where select-pane
 * -L/-R/-U/-D has a choice (tmux's active_point). */
void window_mark_active(struct window *w, struct pane *p);
/* Make p the active pane (the old one becomes the last pane). */
void window_set_active(struct window *w, struct pane *p);
/* The pane next to p in a direction (LAYOUT_LEFTRIGHT with forward = right...), wrapping
 * around the window; of several, the one active most recently, else the first (tmux
 * 3.3a). NULL if none. */
struct pane *window_pane_beside(struct window *w, struct pane *p, enum layout_type axis,
                                bool forward);
/* Zoom (the active pane fills the window) or unzoom. */
void window_zoom(struct window *w, bool on);
/* The pane at window position (x, y), NULL on a border. */
struct pane *window_pane_at(struct window *w, int x, int y);
/* Position of p in the pane list (its #{pane_index}). */
int window_pane_index(const struct window *w, const struct pane *p);
/* Update an automatic name from the active pane's foreground command; true if changed. */
bool window_update_name(struct window *w);

#endif
