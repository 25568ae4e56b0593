/* render_modes.c - the terminal's state beside its cells, kept as the server wants it
 * and sent only when it changes: the title (tsl/fsl or OSC 2) and xterm's input modes
 * (mouse tracking and encoding, focus events, bracketed paste). */
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <event2/buffer.h>

#include "render_state.h"
#include "render_title.h"
#include "vt.h"

/* --- Title --- */

void render_set_title(struct render_state *rs, const char *title, struct evbuffer *out)
{
    if (!flag(rs, RENDER_FLAG_TITLE))
        return;
    char clean[RENDER_TITLE_MAX + 1];
    render_title_clean(title != NULL ? title : "", rs->utf8, clean);
    if (rs->title_known && strcmp(clean, rs->title) == 0)
        return;
    memcpy(rs->title, clean, sizeof clean);
    rs->title_known = true;

    const char *tsl = cap(rs, RENDER_CAP_TSL), *fsl = cap(rs, RENDER_CAP_FSL);
    char start[64];
    if (tsl != NULL && fsl != NULL) {
        render_tparm(start, sizeof start, tsl, 0, 0);
    } else {
        snprintf(start, sizeof start, "\033]2;");
        fsl = "\007";
    }
    evbuffer_add(out, start, strlen(start));
    evbuffer_add(out, clean, strlen(clean));
    evbuffer_add(out, fsl, strlen(fsl));
}

/* --- Input modes --- */

#define MODES_MOUSE (VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY)

/* The DECSET number of the mouse tracking mode in modes, 0 for none. The three
 * replace each other; the most reporting one wins. */
static int mouse_tracking(uint32_t modes)
{
    if (modes & VT_MODE_MOUSE_ANY)
        return 1003;
    if (modes & VT_MODE_MOUSE_BUTTON)
        return 1002;
    if (modes & VT_MODE_MOUSE)
        return 1000;
    return 0;
}

static void mode_out(struct evbuffer *out, int mode, bool on)
{
    evbuffer_add_printf(out, "\033[?%d%c", mode, on ? 'h' : 'l');
}

void render_set_modes(struct render_state *rs, uint32_t modes, struct evbuffer *out)
{
    static const struct {
        uint32_t bit;
        int mode;
    } simple[] = {
        { VT_MODE_MOUSE_SGR, 1006 }, /* first: no mouse event in the old encoding */
        { VT_MODE_FOCUS, 1004 },
        { VT_MODE_BRACKETED_PASTE, 2004 },
    };
    if (!flag(rs, RENDER_FLAG_XTERM_MODES))
        return;
    int track = mouse_tracking(modes);
    modes &= VT_MODE_MOUSE_SGR | VT_MODE_FOCUS | VT_MODE_BRACKETED_PASTE;
    if (track != 0)
        modes |= VT_MODE_MOUSE | (track == 1002 ? VT_MODE_MOUSE_BUTTON : 0) |
                 (track == 1003 ? VT_MODE_MOUSE_ANY : 0);
    bool known = rs->modes_known;
    int had = known ? mouse_tracking(rs->modes) : -1;
    uint32_t changed = known ? modes ^ rs->modes : ~(uint32_t)0;

    /* Everything going off first (the old tracking mode before its encoding), then
     * everything coming on (the encoding before the tracking). */
    if (track != had) {
        if (!known) {
            for (int m = 1000; m <= 1003; m++) {
                if (m != 1001 && m != track)
                    mode_out(out, m, false);
            }
        } else if (had != 0) {
            mode_out(out, had, false);
        }
    }
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
        if ((changed & simple[i].bit) && !(modes & simple[i].bit))
            mode_out(out, simple[i].mode, false);
    }
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
        if ((changed & simple[i].bit) && (modes & simple[i].bit)) {
            mode_out(out, simple[i].mode, true);
        }
        if (i == 0 && track != had && track != 0)
            mode_out(out, track, true);
    }
    rs->modes = modes;
    rs->modes_known = true;
}
