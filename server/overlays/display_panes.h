/* display_panes.h - display-panes as an overlay (overlay.h): each pane's index in its
 * middle (display-panes-colour, the active one display-panes-active-colour) for
 * display-panes-time; any key hides them, a digit also selects that pane. */
#ifndef TMX_DISPLAY_PANES_H
#define TMX_DISPLAY_PANES_H

struct client;

/* Show the numbers on client c (again from the start if they are shown). */
void display_panes_open(struct client *c);

#endif
