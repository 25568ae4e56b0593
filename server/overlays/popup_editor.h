/* popup_editor.h - text edited in the editor option's program ($EDITOR when the server
 * started, else vi) in a popup, as tmux 3.3a edits a paste buffer from choose-buffer. */
#ifndef TMX_POPUP_EDITOR_H
#define TMX_POPUP_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

struct client;

/* Write data to a temporary file and run "EDITOR FILE" in a popup 9/10 of client c's
 * terminal, in the middle of it, closing when the editor exits; then done gets the
 * file's contents (NULL when the editor exited with a status other than 0 or left the
 * file empty), which it frees, and the file is removed. False if nothing could start
 * (no editor, no file, no popup): done is not called. */
bool popup_editor(struct client *c, const char *data, size_t len,
                  void (*done)(char *buf, size_t len, void *arg), void *arg);

#endif
