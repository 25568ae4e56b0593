/* term_reply.h - a terminal's answers to what the server asks it at attach, read out of
 * the bytes it sends with the keys. XTVERSION (CSI > q) is answered DCS > | TEXT ST:
 * the terminal's name and version ("tmux 3.3a", "XTerm(379)", "iTerm2 3.4.19"). */
#ifndef TMX_TERM_REPLY_H
#define TMX_TERM_REPLY_H

#include <stddef.h>

/* The longest TEXT kept (a longer answer is not one: its bytes are keys). */
#define TERM_REPLY_NAME_MAX 128

/* An XTVERSION answer at buf (ESC P > | TEXT ESC \): its length, with TEXT in name
 * (NUL-terminated; name holds TERM_REPLY_NAME_MAX + 1 bytes; control characters and
 * bytes outside printable ASCII become '?'); 0 when buf is a beginning of one that may
 * go on; -1 when it is not one. Never reads past len. */
long term_reply_xtversion(const char *buf, size_t len, char *name);

#endif
