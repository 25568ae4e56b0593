/* pane_input.c - input that chooses or shapes panes rather than reaching a program:
 * with `mouse on`, a click selects the pane under it and dragging a border resizes the
 * panes beside it; synchronize-panes sends typed bytes to every pane of the window. */
#include "pane_input.h"

#include "client_state.h"
#include "layout.h"
#include "options.h"
#include "pane.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"

static struct window *current_window(struct client *c)
{
    return c->session != NULL && c->session->current != NULL ? c->session->current->window
                                                             : NULL;
}

static void changed(struct client *c)
{
    session_redraw(c->server, c->session, REDRAW_STATUS);
}

bool pane_input_mouse(struct client *c, const struct mouse_event *m)
{
    struct window *w = current_window(c);
    if (w == NULL || w->layout == NULL || !options_get_number(c->session->options, "mouse"))
        return false;
    int button = m->button & KEY_MOUSE_BUTTON_MASK;
    bool motion = (m->button & KEY_MOUSE_MOTION) != 0;
    bool wheel = (m->button & KEY_MOUSE_WHEEL) != 0;
    if (c->dragging) {
        if (m->release || (!motion && button == 3)) {
            c->dragging = false;
            return true;
        }
        struct layout_cell *a = layout_border_at(w->layout, c->drag_x, c->drag_y);
        if (a == NULL || !motion) {
            c->dragging = false;
            return true;
        }
        bool across = a->parent->type == LAYOUT_LEFTRIGHT;
        int moved = layout_move_border(a, across ? m->x - c->drag_x : m->y - c->drag_y);
        if (across)
            c->drag_x += moved;
        else
            c->drag_y += moved;
        if (moved != 0) {
            window_relayout(w);
            changed(c);
        }
        return true;
    }
    if (m->release || motion || wheel || button != 0 || w->zoomed)
        return false;
    /* A left press: on a border it starts a drag; on another pane it selects it. */
    if (layout_border_at(w->layout, m->x, m->y) != NULL) {
        c->dragging = true;
        c->drag_x = m->x;
        c->drag_y = m->y;
        return true;
    }
    struct pane *p = window_pane_at(w, m->x, m->y);
    if (p != NULL && p != w->active) {
        window_set_active(w, p);
        changed(c);
    }
    return false;
}

void pane_input_write(struct pane *active, const char *buf, size_t len)
{
    struct window *w = active->window;
    if (!options_get_number(w->options, "synchronize-panes")) {
        if (!active->input_off)
            pane_write(active, buf, len);
        return;
    }
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if ((p == active || p->mode == NULL) && !p->input_off) /* a pane in a mode types nothing */
            pane_write(p, buf, len);
    }
}

int pane_input_key_flags(const struct vt *vt, const struct server *s)
{
    uint32_t modes = vt_modes(vt);
    int flags = 0;
    if (modes & VT_MODE_CURSOR_KEYS)
        flags |= KEY_ENC_CURSOR_APP;
    if (modes & VT_MODE_KEYPAD)
        flags |= KEY_ENC_KEYPAD_APP;
    if (vt_modify_other_keys(vt) != 0) {
        flags |= KEY_ENC_EXTENDED;
        if (options_get_number(s->options, "extended-keys-format") == 1)
            flags |= KEY_ENC_EXTENDED_XTERM;
    }
    return flags | KEY_ENC_KITTY(vt_kitty_flags(vt));
}
