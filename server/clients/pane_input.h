/* pane_input.h - client input that acts on panes themselves: mouse clicks and border
 * drags (mouse on), synchronize-panes. */
#ifndef TMX_PANE_INPUT_H
#define TMX_PANE_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

struct client;
struct pane;

/* A mouse event in window coordinates. A left press on another pane selects it (the
 * event then goes on to that pane: false); a press on a border starts a drag, motion
 * moves the border, release ends it (consumed: true). Nothing without `mouse on`. */
bool pane_input_mouse(struct client *c, const struct mouse_event *m);
/* Bytes typed for the active pane: to it, or to every pane of its window (not in a
 * mode) with synchronize-panes on. */
void pane_input_write(struct pane *active, const char *buf, size_t len);
struct server;
struct vt;
/* The KEY_ENC_* flags for keys typed into a program on vt: cursor and keypad modes,
 * extended keys (modifyOtherKeys asked, or extended-keys always) in the server's
 * extended-keys-format, the kitty flags. */
int pane_input_key_flags(const struct vt *vt, const struct server *s);

#endif
