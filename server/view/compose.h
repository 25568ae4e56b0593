/* compose.h - what an attached client should see, as a canvas: the current window's
 * panes and borders, a marker outside the window when the client is larger than it, the
 * status line (or a message), and the client's overlays (overlay.h: the prompt, the text
 * view, display-panes). The renderer diffs it. */
#ifndef TMX_COMPOSE_H
#define TMX_COMPOSE_H

struct client;

/* Compose c's canvas for a frame. When only the cells of the window's panes can have
 * changed since the last one (no status or overlay redraw asked, same layout and sizes,
 * no overlay, no pane in a mode), only the rows whose lines changed are drawn again and
 * marked dirty in the canvas (canvas.h), so a frame costs what changed; otherwise every
 * row is composed and the canvas is all dirty. */
void compose_client(struct client *c);
/* The row of the canvas (before status-position top moves the status lines) where a
 * message and the prompt go: the status line's last line, or message-line's (tmux 3.4)
 * once it is set to another than its default; the last row without a status line. */
int compose_message_row(const struct client *c);
/* Forget what compose_client remembers of c's last frames (when the client goes). */
void compose_forget(struct client *c);

#endif
