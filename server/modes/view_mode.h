/* view_mode.h - tmux's view-mode: text shown in a pane over its program (the output of
 * run-shell, of a command run from a key or the prompt, a config file's errors), read
 * with copy mode's keys (copy-mode or copy-mode-vi table; q leaves). #{pane_mode} is
 * view-mode. Text added while the pane is in it goes below what it shows; the view
 * stays where it is. */
#ifndef TMX_VIEW_MODE_H
#define TMX_VIEW_MODE_H

#include <stdbool.h>
#include <stddef.h>

struct pane;

/* Add len bytes of text to pane p's view (entering view mode, or bringing it back to
 * the top): each line ('\n' ends one; a last '\n' adds no empty line) below the last.
 * parse: the text's escape sequences are applied (run-shell's output: colours);
 * otherwise control characters are left out. */
void view_mode_add(struct pane *p, const char *text, size_t len, bool parse);

#endif
