/* prompt_vi.h - the status-line prompt's vi keys (status-keys vi), as tmux 3.3a maps
 * them: insert mode takes text and the emacs editing keys, Escape goes to command mode
 * where keys move and delete (h l 0 $ w b e x X d D ...) and i a A I s S C go back to
 * inserting. Each key is translated into what the emacs prompt does for another key. */
#ifndef TMX_PROMPT_VI_H
#define TMX_PROMPT_VI_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

/* What to do with a key in vi mode. */
enum prompt_vi_action {
    PROMPT_VI_IGNORE, /* nothing (the mode may have changed: redraw) */
    PROMPT_VI_KEY,    /* edit as the emacs prompt would with *out */
    PROMPT_VI_INSERT, /* insert *out as text (insert mode: any other key) */
    PROMPT_VI_WORD,   /* move the cursor by a word: *out is w, W, b, B, e or E */
};

/* Translate key in the mode *command (true: command mode), which it may change. */
enum prompt_vi_action prompt_vi_translate(bool *command, key_code key, key_code *out);

/* Where the cursor goes in text (len bytes) from byte offset at for the word motion m
 * (w W b B e E): lower case words are runs of letters or of the separators, upper case
 * words runs of anything but spaces. */
size_t prompt_vi_word(const char *text, size_t len, size_t at, key_code m,
                      const char *separators);

#endif
