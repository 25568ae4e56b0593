/* vt_ops.h - what a vt tells its owner: one struct of callbacks the owner registers
 * with vt_set_ops (vt.h). The vt calls up only through it. This header includes
 * nothing, so the screen (screen.h), which makes the calls, need not include vt.h. */
#ifndef TMX_VT_OPS_H
#define TMX_VT_OPS_H

#include <stdbool.h>
#include <stddef.h>

/* Every member is optional (NULL: the event is ignored). They are called only from
 * inside vt_feed or vt_resize, in the order the program's bytes asked for them, with
 * the vt consistent (reading it, vt_window_name or vt_modes, is fine). They must not
 * call back into that vt's vt_feed or vt_resize, nor free it: they only mark (copy
 * what they need, count, schedule work for later). */
struct vt_ops {
    /* Bytes the terminal owes the program (DA, DSR/CPR, DECRQM, DECRQSS, OSC colour
     * queries...), to be written back to it. */
    void (*reply)(void *arg, const char *buf, size_t len);
    /* OSC 52 SET (queries are never answered): 'selection' is the selection parameter
     * as sent (may be "", meaning "s 0"), 'base64' the data, still encoded (only
     * characters of the base64 alphabet). Both NUL-terminated, valid for the call. */
    void (*clipboard)(void *arg, const char *selection, const char *base64);
    /* BEL (0x07), once per bell. */
    void (*bell)(void *arg);
    /* ESC k name ST: the program named its window; vt_window_name() has the name.
     * Called for every ESC k, even one setting the same name or "". */
    void (*window_name)(void *arg);
    /* OSC 0 / OSC 2 set the title (vt_title() has it), or CSI 23 t restored one: called
     * for each, even one setting the same title. */
    void (*title)(void *arg);
    /* Mode 2026 (synchronized output) began (on) or ended (off: reset by the program,
     * or by RIS); called only when it changes. vt_modes() has it as VT_MODE_SYNC. */
    void (*sync)(void *arg, bool on);
    /* DCS tmux; data ST, with the owner's allow-passthrough on (vt_set_passthrough):
     * 'data' (doubled ESCs made single, at most 1 MiB less 4 bytes) is for the outer
     * terminal. Never called for a string cut at the limit. */
    void (*passthrough)(void *arg, const char *data, size_t len);
};

#endif
