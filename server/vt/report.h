/* report.h - the terminal's answers to a program's questions (internal to vt/): each
 * function writes one reply, as xterm does, through screen_reply. */
#ifndef TMX_VT_REPORT_H
#define TMX_VT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "screen.h"

/* Device attributes: DA1 (also DECID), DA2, DA3 and XTVERSION. */
void report_da1(struct screen *s);
void report_da2(struct screen *s);
void report_da3(struct screen *s);
void report_xtversion(struct screen *s);
/* DSR: 5 the status, 6 the cursor position; private (CSI ? Ps n): DECXCPR and the
 * DEC status reports (arg: DECCKSR's request id). */
void report_status(struct screen *s, int which, bool private, int arg);
/* DECRQM: a DEC private mode, an ANSI mode (1 set, 2 reset, 0 unknown). */
void report_private_mode(struct screen *s, int mode);
void report_ansi_mode(struct screen *s, int mode);
/* XTWINOPS 11, 13, 14, 15, 16, 18, 19 (state, position, sizes) and 20, 21 (labels,
 * when allowed); other ops: nothing. */
void report_window(struct screen *s, int op);
/* DECRQCRA: the checksum 'sum' for request 'id'. */
void report_checksum(struct screen *s, int id, unsigned sum);
/* A colour query's answer: OSC cmd ; index ; rgb:RRRR/GGGG/BBBB (index < 0: no
 * index, OSC 10-19), ending with BEL when the query did (bel), else ST. */
void report_colour(struct screen *s, int cmd, int index, uint32_t rgb, bool bel);
/* DECRQSS (DCS $ q Pt ST) and XTGETTCAP (DCS + q names ST): the DCS data. */
void report_decrqss(struct screen *s, const uint8_t *str, size_t len);
void report_xtgettcap(struct screen *s, const uint8_t *str, size_t len);

#endif
