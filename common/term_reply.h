/* term_reply.h - a terminal's answers to what the server asks it at attach, read out of
 * the bytes it sends with the keys. XTVERSION (CSI > q) is answered DCS > | TEXT ST:
 * the terminal's name and version ("tmux 3.3a", "XTerm(379)", "iTerm2 3.4.19"). DA2
 * (CSI > c) is answered CSI > Pp ; Pv ; Pc c: the terminal's kind (41 a VT420, as xterm
 * says; 77 'M' mintty, 84 'T' tmux, 85 'U' rxvt-unicode), its version and a cartridge
 * number. */
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

/* A DA2 answer at buf (ESC [ > Pp ; ... c), or the DA1 form some terminals answer DA2
 * with (ESC [ ? ... c): its length, with Pp in *kind (-1 in the DA1 form, or when Pp is
 * empty); 0 when buf is a beginning of one that may go on; -1 when it is not one (only
 * digits and ';' between the introducer and the 'c', at most 64 of them). Never reads
 * past len. */
long term_reply_da2(const char *buf, size_t len, int *kind);

#endif
