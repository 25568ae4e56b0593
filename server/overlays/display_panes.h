/* display_panes.h - display-panes as an overlay (overlay.h): each pane's index in its
 * middle (display-panes-colour, the active one display-panes-active-colour) for
 * display-panes-time; any key hides them, a digit also selects that pane. */
#ifndef TMX_DISPLAY_PANES_H
#define TMX_DISPLAY_PANES_H

#include <stdbool.h>

#include <stdbool.h>
#include <stdint.h>

struct client;

/* Show the numbers on client c (again from the start if they are shown). */
void display_panes_open(struct client *c);
/* The same for ms milliseconds (-1: display-panes-time, 0: until a key); with no_keys a
 * digit chooses nothing; template (NULL: select the pane) runs with %% the pane's id;
 * waiting_client (an id, 0: none), the client whose command waits for the numbers to go
 * (display-panes without -b), is let go when they do. */
void display_panes_open_with(struct client *c, long ms, bool no_keys, const char *template,
                             uint32_t waiting_client);

#endif
