/* keyboard.h - the keyboard a pane's program asked for (internal to vt/): xterm's
 * modifyOtherKeys level (CSI > 4 ; n m), which tmux's extended-keys follows, and the
 * kitty keyboard protocol's progressive-enhancement flags, a bounded stack per screen
 * (main and alternate apart, as the protocol requires). The keys themselves are
 * encoded outside the vt (common/keys.h); this only keeps what was asked. */
#ifndef TMX_VT_KEYBOARD_H
#define TMX_VT_KEYBOARD_H

#include <stdbool.h>
#include <stdint.h>

#define KEYBOARD_STACK_MAX 16 /* a push onto a full stack drops its oldest entry */
#define KEYBOARD_KITTY_ALL 31 /* the five flags the protocol defines */

struct screen_keyboard {
    uint8_t flags[2];                        /* current kitty flags: main [0], alternate [1] */
    uint8_t stack[2][KEYBOARD_STACK_MAX];    /* flags saved by pushes, oldest first */
    uint8_t depth[2];
    uint8_t modify_other_keys;               /* 0 off, 1 or 2 as asked (CSI > 4 ; n m) */
    bool extended_always;                    /* the owner's extended-keys always */
};

struct screen;

/* RIS and a respawned pane: flags and stacks cleared; with extended_always the
 * modifyOtherKeys mode is on again (as tmux's screen reinit). */
void keyboard_reset(struct screen_keyboard *k);
/* CSI > 4 ; n m (n = 4 only; CSI > 0 m and CSI > 4 ; 0 m turn it off) and CSI > 4 n;
 * ignored while extended_always holds the mode on. */
void keyboard_modify_other_keys(struct screen_keyboard *k, int resource, int value,
                                bool has_value);
void keyboard_modify_other_keys_off(struct screen_keyboard *k, int resource);
/* The kitty sequences, on the stack of the screen shown (alt: the alternate one):
 * CSI > flags u (push), CSI < n u (pop n, at least 1), CSI = flags ; mode u (1 set,
 * 2 or, 3 and-not), CSI ? u (the reply, CSI ? flags u, into buf: its length). */
void keyboard_kitty_push(struct screen_keyboard *k, bool alt, int flags);
void keyboard_kitty_pop(struct screen_keyboard *k, bool alt, int n);
void keyboard_kitty_set(struct screen_keyboard *k, bool alt, int flags, int mode);
int keyboard_kitty_query(const struct screen_keyboard *k, bool alt, char *buf, int size);

#endif
