/* dispatch.c - the sequence tables: which screen operation each C0 control, ESC and
 * CSI sequence performs (control strings, OSC and DCS: osc.c; replies: report.c).
 * Adding a sequence is adding a row; anything not listed is ignored. */
#include "dispatch.h"

#include "keyboard.h"
#include "osc.h"
#include "report.h"
#include "screen.h"
#include "screen_margins.h"
#include "screen_rect.h"
#include "screen_strings.h"
#include "sgr.h"

typedef void (*csi_fn)(struct screen *s, const struct parser_seq *seq);

/* Parameter i, or def when missing or 0 (the ECMA-48 rule for counts/positions). */
static int param(const struct parser_seq *seq, int i, int def)
{
    if (i >= seq->nparams || seq->params[i] == 0)
        return def;
    return (int)seq->params[i];
}

/* Parameter i where 0 is meaningful (selectors such as ED's). */
static int param0(const struct parser_seq *seq, int i)
{
    return i < seq->nparams ? (int)seq->params[i] : 0;
}

/* ---- C0 controls ---- */

static void do_execute(void *ctx, uint8_t c)
{
    struct screen *s = ctx;
    switch (c) {
    case 0x07:
        screen_bell(s);
        break;
    case 0x08:
        screen_backspace(s);
        break;
    case 0x09:
        screen_tab_forward(s, 1);
        break;
    case 0x0a:
    case 0x0b:
    case 0x0c:
        screen_linefeed(s);
        if (s->modes & VT_MODE_LNM)
            screen_carriage_return(s);
        break;
    case 0x0d:
        screen_carriage_return(s);
        break;
    case 0x0e:
        screen_shift_charset(s, 1);
        break;
    case 0x0f:
        screen_shift_charset(s, 0);
        break;
    default:
        break;
    }
}

/* ---- ESC sequences ---- */

static void esc_decsc(struct screen *s)
{
    screen_save_cursor(s);
}

static void esc_decrc(struct screen *s)
{
    screen_restore_cursor(s);
}

static void esc_ind(struct screen *s)
{
    screen_linefeed(s);
}

static void esc_ri(struct screen *s)
{
    screen_reverse_index(s);
}

static void esc_hts(struct screen *s)
{
    screen_set_tab(s);
}

static void esc_ris(struct screen *s)
{
    screen_full_reset(s);
}

static void esc_decaln(struct screen *s)
{
    screen_alignment_fill(s);
}

static void esc_st(struct screen *s)
{
    (void)s;
}

/* NEL: index first (it looks at the cursor's column against the margins), then CR. */
static void esc_nel(struct screen *s)
{
    screen_linefeed(s);
    screen_carriage_return(s);
}

static void esc_deckpam(struct screen *s)
{
    screen_set_mode(s, VT_MODE_KEYPAD, true);
}

static void esc_deckpnm(struct screen *s)
{
    screen_set_mode(s, VT_MODE_KEYPAD, false);
}

static void esc_g0_graphics(struct screen *s)
{
    screen_designate_charset(s, 0, SCREEN_CHARSET_DEC_GRAPHICS);
}

static void esc_g0_ascii(struct screen *s)
{
    screen_designate_charset(s, 0, SCREEN_CHARSET_ASCII);
}

static void esc_g1_graphics(struct screen *s)
{
    screen_designate_charset(s, 1, SCREEN_CHARSET_DEC_GRAPHICS);
}

static void esc_g1_ascii(struct screen *s)
{
    screen_designate_charset(s, 1, SCREEN_CHARSET_ASCII);
}

static void esc_g0_uk(struct screen *s)
{
    screen_designate_charset(s, 0, SCREEN_CHARSET_UK);
}

static void esc_g1_uk(struct screen *s)
{
    screen_designate_charset(s, 1, SCREEN_CHARSET_UK);
}

static void esc_decid(struct screen *s)
{
    report_da1(s);
}

struct esc_entry {
    uint8_t inter;   /* 0 = none */
    uint8_t final;
    void (*fn)(struct screen *s);
};

static const struct esc_entry esc_table[] = {
    { 0, '7', esc_decsc },
    { 0, '8', esc_decrc },
    { 0, '=', esc_deckpam },
    { 0, '>', esc_deckpnm },
    { 0, 'D', esc_ind },
    { 0, 'E', esc_nel },
    { 0, 'H', esc_hts },
    { 0, 'M', esc_ri },
    { 0, 'Z', esc_decid },
    { 0, '\\', esc_st },
    { 0, 'c', esc_ris },
    { '#', '8', esc_decaln },
    { '(', '0', esc_g0_graphics },
    { '(', 'B', esc_g0_ascii },
    { '(', 'A', esc_g0_uk },
    { ')', '0', esc_g1_graphics },
    { ')', 'B', esc_g1_ascii },
    { ')', 'A', esc_g1_uk },
};

static void do_esc_dispatch(void *ctx, const struct parser_seq *seq, uint8_t final)
{
    if (seq->ninter > 1)
        return;
    uint8_t inter = seq->ninter ? seq->inter[0] : 0;
    for (size_t i = 0; i < sizeof esc_table / sizeof esc_table[0]; i++) {
        if (esc_table[i].final == final && esc_table[i].inter == inter) {
            esc_table[i].fn(ctx);
            return;
        }
    }
}

/* ---- CSI sequences ---- */

static void csi_ich(struct screen *s, const struct parser_seq *q)
{
    screen_insert_chars(s, param(q, 0, 1));
}

static void csi_cuu(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_up(s, param(q, 0, 1));
}

static void csi_cud(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_down(s, param(q, 0, 1));
}

static void csi_cuf(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_right(s, param(q, 0, 1));
}

static void csi_cub(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_left(s, param(q, 0, 1));
}

static void csi_cha(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_column(s, param(q, 0, 1) - 1);
}

static void csi_cht(struct screen *s, const struct parser_seq *q)
{
    screen_tab_forward(s, param(q, 0, 1));
}

static void csi_cbt(struct screen *s, const struct parser_seq *q)
{
    screen_tab_backward(s, param(q, 0, 1));
}

static void csi_il(struct screen *s, const struct parser_seq *q)
{
    screen_insert_lines(s, param(q, 0, 1));
}

static void csi_dl(struct screen *s, const struct parser_seq *q)
{
    screen_delete_lines(s, param(q, 0, 1));
}

static void csi_dch(struct screen *s, const struct parser_seq *q)
{
    screen_delete_chars(s, param(q, 0, 1));
}

static void csi_su(struct screen *s, const struct parser_seq *q)
{
    screen_scroll_up(s, param(q, 0, 1));
}

static void csi_ech(struct screen *s, const struct parser_seq *q)
{
    screen_erase_chars(s, param(q, 0, 1));
}

static void csi_rep(struct screen *s, const struct parser_seq *q)
{
    screen_repeat_last(s, param(q, 0, 1));
}

static void csi_vpa(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_row(s, param(q, 0, 1) - 1);
}

static void csi_hpr(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_right(s, param(q, 0, 1));
}

static void csi_vpr(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_down(s, param(q, 0, 1));
}

static void csi_cnl(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_down(s, param(q, 0, 1));
    screen_carriage_return(s);
}

static void csi_cpl(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_up(s, param(q, 0, 1));
    screen_carriage_return(s);
}

static void csi_cup(struct screen *s, const struct parser_seq *q)
{
    screen_cursor_to(s, param(q, 1, 1) - 1, param(q, 0, 1) - 1);
}

/* SD; with more than one parameter CSI T is xterm's mouse highlight: ignored. */
static void csi_sd(struct screen *s, const struct parser_seq *q)
{
    if (q->nparams <= 1)
        screen_scroll_down(s, param(q, 0, 1));
}

static void csi_ed(struct screen *s, const struct parser_seq *q)
{
    switch (param0(q, 0)) {
    case 0:
        screen_erase_below(s);
        break;
    case 1:
        screen_erase_above(s);
        break;
    case 2:
        screen_erase_screen(s);
        break;
    case 3:
        screen_erase_history(s);
        break;
    default:
        break;
    }
}

static void csi_el(struct screen *s, const struct parser_seq *q)
{
    switch (param0(q, 0)) {
    case 0:
        screen_erase_line_right(s);
        break;
    case 1:
        screen_erase_line_left(s);
        break;
    case 2:
        screen_erase_line(s);
        break;
    default:
        break;
    }
}

static void csi_tbc(struct screen *s, const struct parser_seq *q)
{
    int mode = param0(q, 0);
    if (mode == 0 || mode == 3)
        screen_clear_tab(s, mode == 3);
}

static void csi_da1(struct screen *s, const struct parser_seq *q)
{
    if (param0(q, 0) == 0)
        report_da1(s);
}

static void csi_da2(struct screen *s, const struct parser_seq *q)
{
    if (param0(q, 0) == 0)
        report_da2(s);
}

static void csi_da3(struct screen *s, const struct parser_seq *q)
{
    if (param0(q, 0) == 0)
        report_da3(s);
}

static void csi_xtversion(struct screen *s, const struct parser_seq *q)
{
    if (param0(q, 0) == 0)
        report_xtversion(s);
}

/* The keyboard a program asks for (keyboard.c): xterm's modifyOtherKeys, the kitty
 * protocol's flags on the stack of the screen shown, and the query's one reply. */
static void csi_modify_keys(struct screen *s, const struct parser_seq *q)
{
    keyboard_modify_other_keys(&s->kbd, param0(q, 0), param0(q, 1), q->nparams >= 2);
}

static void csi_modify_keys_off(struct screen *s, const struct parser_seq *q)
{
    keyboard_modify_other_keys_off(&s->kbd, param0(q, 0));
}

static void csi_kitty_push(struct screen *s, const struct parser_seq *q)
{
    keyboard_kitty_push(&s->kbd, s->grid == s->alt, param0(q, 0));
}

static void csi_kitty_pop(struct screen *s, const struct parser_seq *q)
{
    keyboard_kitty_pop(&s->kbd, s->grid == s->alt, param(q, 0, 1));
}

static void csi_kitty_set(struct screen *s, const struct parser_seq *q)
{
    keyboard_kitty_set(&s->kbd, s->grid == s->alt, param0(q, 0), param(q, 1, 1));
}

static void csi_kitty_query(struct screen *s, const struct parser_seq *q)
{
    char buf[32];
    (void)q;
    int n = keyboard_kitty_query(&s->kbd, s->grid == s->alt, buf, (int)sizeof buf);
    screen_reply(s, buf, (size_t)n);
}

/* Window operations: the size reports (report.c) and the title stack. */
static void csi_window_ops(struct screen *s, const struct parser_seq *q)
{
    switch (param0(q, 0)) {
    case 11: /* state */
    case 13: /* position */
    case 14: /* text area (or window) in pixels */
    case 15: /* screen in pixels */
    case 16: /* cell size in pixels */
    case 18: /* text area in characters */
    case 19: /* screen in characters */
    case 20: /* icon label */
    case 21: /* title */
        report_window(s, param0(q, 0));
        break;
    case 22: /* save the title: 0 both, 2 the window's (1, the icon's, is not kept) */
        if (param0(q, 1) != 1)
            screen_push_title(s);
        break;
    case 23: /* restore it */
        if (param0(q, 1) != 1 && !s->title_locked) {
            screen_pop_title(s);
            if (s->ops->title != NULL)
                s->ops->title(s->ops_arg);
        }
        break;
    default:
        break; /* moving, resizing, iconifying: ignored */
    }
}

/* The rectangle in parameters first..first+3 (top, left, bottom, right; 1-based,
 * relative to the margins' top-left in origin mode and clamped to them), clamped;
 * false when empty. A stream (DECCARA / DECRARA without DECSACE 2) may have
 * left > right on different rows. */
static bool rect_param_ext(struct screen *s, const struct parser_seq *q, int first,
                           struct screen_rect *r, bool stream)
{
    int lo = 0, hi = s->rows - 1, xlo = 0, xhi = s->cols - 1;
    if (s->modes & VT_MODE_ORIGIN) {
        lo = s->top;
        hi = s->bottom;
        xlo = s->left;
        xhi = s->right;
    }
    int top = param(q, first, 1) - 1 + lo;
    int left = param(q, first + 1, 1) - 1 + xlo;
    int bottom = param(q, first + 2, hi - lo + 1) - 1 + lo;
    int right = param(q, first + 3, xhi - xlo + 1) - 1 + xlo;
    if (bottom > hi)
        bottom = hi;
    if (right > xhi)
        right = xhi;
    if (top > bottom || top > hi || left > xhi)
        return false;
    if (left > right && !(stream && top < bottom))
        return false;
    *r = (struct screen_rect){ top, left, bottom, right };
    return true;
}

static bool rect_param(struct screen *s, const struct parser_seq *q, int first,
                       struct screen_rect *r)
{
    return rect_param_ext(s, q, first, r, false);
}

static void csi_decfra(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    uint32_t ch = (uint32_t)param0(q, 0);
    if (!((ch >= 32 && ch <= 126) || (ch >= 160 && ch <= 255)))
        return;
    if (rect_param(s, q, 1, &r))
        screen_rect_fill(s, &r, ch);
}

static void csi_decera(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    if (rect_param(s, q, 0, &r))
        screen_rect_erase(s, &r, false);
}

static void csi_decsera(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    if (rect_param(s, q, 0, &r))
        screen_rect_erase(s, &r, true);
}

/* DECCRA: source rectangle, source page, destination top, left, page. */
static void csi_deccra(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    if (!rect_param(s, q, 0, &r))
        return;
    bool origin = (s->modes & VT_MODE_ORIGIN) != 0;
    int dt = param(q, 5, 1) - 1 + (origin ? s->top : 0);
    int dl = param(q, 6, 1) - 1 + (origin ? s->left : 0);
    if (dt >= s->rows || dl >= s->cols)
        return;
    screen_rect_copy(s, &r, dt, dl);
}

/* The SGR attributes DECCARA / DECRARA may change. */
static uint16_t rect_attr_bit(uint32_t v)
{
    switch (v) {
    case 1:
        return ATTR_BOLD;
    case 4:
        return ATTR_UNDERLINE;
    case 5:
        return ATTR_BLINK;
    case 7:
        return ATTR_REVERSE;
    case 8:
        return ATTR_HIDDEN;
    default:
        return 0;
    }
}

static void csi_deccara(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    if (!rect_param_ext(s, q, 0, &r, !s->rect_extent))
        return;
    uint16_t set = 0, clear = 0;
    for (int i = 4; i < q->nparams || i == 4; i++) {
        uint32_t v = i < q->nparams ? q->params[i] : 0;
        if (v == 0) {
            set = 0;
            clear = ATTR_BOLD | ATTR_UNDERLINE | ATTR_UNDERLINE_STYLE_MASK | ATTR_BLINK |
                    ATTR_REVERSE | ATTR_HIDDEN;
        } else if (v >= 22 && v <= 28) {
            uint16_t b = rect_attr_bit(v - 20);
            clear |= b;
            set &= (uint16_t)~b;
        } else {
            uint16_t b = rect_attr_bit(v);
            set |= b;
            clear &= (uint16_t)~b;
        }
    }
    screen_rect_attrs(s, &r, set, clear, 0);
}

static void csi_decrara(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    uint16_t toggle = 0;
    if (!rect_param_ext(s, q, 0, &r, !s->rect_extent))
        return;
    for (int i = 4; i < q->nparams || i == 4; i++) {
        uint32_t v = i < q->nparams ? q->params[i] : 0;
        toggle |= v == 0 ? (ATTR_BOLD | ATTR_UNDERLINE | ATTR_BLINK | ATTR_REVERSE |
                            ATTR_HIDDEN)
                         : rect_attr_bit(v);
    }
    screen_rect_attrs(s, &r, 0, 0, toggle);
}

static void csi_decsace(struct screen *s, const struct parser_seq *q)
{
    int v = param0(q, 0);
    if (v <= 2)
        s->rect_extent = v == 2;
}

/* DECRQCRA: CSI Pid ; Pp ; rectangle * y -> DCS Pid ! ~ XXXX ST. */
static void csi_decrqcra(struct screen *s, const struct parser_seq *q)
{
    struct screen_rect r;
    unsigned sum = 0;
    if (rect_param(s, q, 2, &r))
        sum = screen_rect_checksum(s, &r);
    report_checksum(s, param0(q, 0), sum);
}

/* DECSCA: 1 protects the characters written from now on; 0 and 2 do not. */
static void csi_decsca(struct screen *s, const struct parser_seq *q)
{
    switch (param0(q, 0)) {
    case 1:
        s->pen.attr |= ATTR_PROTECTED;
        break;
    case 0:
    case 2:
        s->pen.attr &= (uint16_t)~ATTR_PROTECTED;
        break;
    default:
        break;
    }
}

static void csi_decsed(struct screen *s, const struct parser_seq *q)
{
    int mode = param0(q, 0);
    if (mode <= 2)
        screen_selective_erase_display(s, mode);
}

static void csi_decsel(struct screen *s, const struct parser_seq *q)
{
    int mode = param0(q, 0);
    if (mode <= 2)
        screen_selective_erase_line(s, mode);
}

/* DSR 5 (status) and 6 (cursor position); ? 6 is DECXCPR. */
static void csi_dsr(struct screen *s, const struct parser_seq *q)
{
    report_status(s, param0(q, 0), false, 0);
}

static void csi_decdsr(struct screen *s, const struct parser_seq *q)
{
    report_status(s, param0(q, 0), true, param0(q, 1));
}

static void csi_decstbm(struct screen *s, const struct parser_seq *q)
{
    screen_set_region(s, param(q, 0, 1) - 1, param(q, 1, s->rows) - 1);
}

/* CSI s: DECSLRM while DECLRMM is set (no parameters: the whole width), else SCOSC
 * (save the cursor, only without parameters). */
static void csi_scosc(struct screen *s, const struct parser_seq *q)
{
    if (s->modes & VT_MODE_LR_MARGINS)
        screen_set_lr_margins(s, param(q, 0, 1) - 1, param(q, 1, s->cols) - 1);
    else if (q->nparams == 0)
        screen_save_cursor(s);
}

static void csi_scorc(struct screen *s, const struct parser_seq *q)
{
    if (q->nparams == 0)
        screen_restore_cursor(s);
}

static void csi_decscusr(struct screen *s, const struct parser_seq *q)
{
    int style = param0(q, 0);
    if (style <= 6)
        s->cursor_style = style;
}

static void csi_decstr(struct screen *s, const struct parser_seq *q)
{
    (void)q;
    screen_soft_reset(s);
}

/* ANSI modes (SM/RM): IRM and LNM. */
static void set_ansi_modes(struct screen *s, const struct parser_seq *q, bool on)
{
    for (int i = 0; i < q->nparams; i++) {
        if (q->params[i] == 4)
            screen_set_mode(s, VT_MODE_INSERT, on);
        else if (q->params[i] == 20)
            screen_set_mode(s, VT_MODE_LNM, on);
    }
}

static void csi_sm(struct screen *s, const struct parser_seq *q)
{
    set_ansi_modes(s, q, true);
}

static void csi_rm(struct screen *s, const struct parser_seq *q)
{
    set_ansi_modes(s, q, false);
}

#define MOUSE_MODES \
    (VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY | VT_MODE_MOUSE_X10)
#define MOUSE_ENCODINGS (VT_MODE_MOUSE_SGR | VT_MODE_MOUSE_UTF8 | VT_MODE_MOUSE_URXVT)

/* One mouse encoding at a time (1005, 1006, 1015), as xterm: setting one replaces
 * the other; resetting the one in use goes back to the X10 encoding. */
static void set_mouse_encoding(struct screen *s, uint32_t mode, bool on)
{
    if (on)
        s->modes = (s->modes & ~(uint32_t)MOUSE_ENCODINGS) | mode;
    else
        s->modes &= ~mode;
}

/* One mouse tracking mode at a time, as xterm: setting one replaces the other. */
static void set_mouse_mode(struct screen *s, uint32_t mode, bool on)
{
    s->modes &= ~(uint32_t)MOUSE_MODES;
    if (on)
        s->modes |= VT_MODE_MOUSE | mode;
}

static void set_private_mode(struct screen *s, int mode, bool on)
{
    /* alternate-screen off: the program stays on the main screen, as in tmux. */
    if (s->no_alt_screen && (mode == 47 || mode == 1047 || mode == 1049))
        return;
    switch (mode) {
    case 1:
        screen_set_mode(s, VT_MODE_CURSOR_KEYS, on);
        break;
    case 3:
        screen_set_columns(s, on);
        break;
    case 5:
        screen_set_mode(s, VT_MODE_REVERSE_VIDEO, on);
        break;
    case 9:
        set_mouse_mode(s, VT_MODE_MOUSE_X10, on);
        break;
    case 45:
        screen_set_mode(s, VT_MODE_REVERSE_WRAP, on);
        break;
    case 66:
        screen_set_mode(s, VT_MODE_KEYPAD, on);
        break;
    case 69:
        screen_set_lr_mode(s, on);
        break;
    case 6:
        screen_set_origin(s, on);
        break;
    case 7:
        screen_set_mode(s, VT_MODE_WRAP, on);
        break;
    case 25:
        screen_set_mode(s, VT_MODE_CURSOR_VISIBLE, on);
        break;
    case 47:
        if (on)
            screen_enter_alt(s, false);
        else
            screen_leave_alt(s, false);
        break;
    case 1047:
        if (on)
            screen_enter_alt(s, false);
        else
            screen_leave_alt(s, true);
        break;
    case 1048:
        if (on)
            screen_save_cursor(s);
        else
            screen_restore_cursor(s);
        break;
    case 1049:
        if (on && !(s->modes & VT_MODE_ALT_SCREEN)) {
            screen_save_cursor(s);
            screen_enter_alt(s, true);
        } else if (!on && (s->modes & VT_MODE_ALT_SCREEN)) {
            screen_leave_alt(s, false);
            screen_restore_cursor(s);
        }
        break;
    case 1000:
        set_mouse_mode(s, 0, on);
        break;
    case 1002:
        set_mouse_mode(s, VT_MODE_MOUSE_BUTTON, on);
        break;
    case 1003:
        set_mouse_mode(s, VT_MODE_MOUSE_ANY, on);
        break;
    case 1004:
        screen_set_mode(s, VT_MODE_FOCUS, on);
        break;
    case 1005:
        set_mouse_encoding(s, VT_MODE_MOUSE_UTF8, on);
        break;
    case 1006:
        set_mouse_encoding(s, VT_MODE_MOUSE_SGR, on);
        break;
    case 1015:
        set_mouse_encoding(s, VT_MODE_MOUSE_URXVT, on);
        break;
    case 2004:
        screen_set_mode(s, VT_MODE_BRACKETED_PASTE, on);
        break;
    case 2026:
        screen_set_mode(s, VT_MODE_SYNC, on);
        break;
    default:
        break;
    }
}

static void csi_decset(struct screen *s, const struct parser_seq *q)
{
    for (int i = 0; i < q->nparams; i++)
        set_private_mode(s, (int)q->params[i], true);
}

static void csi_decrst(struct screen *s, const struct parser_seq *q)
{
    for (int i = 0; i < q->nparams; i++)
        set_private_mode(s, (int)q->params[i], false);
}

/* DECRQM: how a mode is set. */
static void csi_decrqm_private(struct screen *s, const struct parser_seq *q)
{
    report_private_mode(s, param0(q, 0));
}

static void csi_decrqm_ansi(struct screen *s, const struct parser_seq *q)
{
    report_ansi_mode(s, param0(q, 0));
}

static void csi_decic(struct screen *s, const struct parser_seq *q)
{
    screen_insert_columns(s, param(q, 0, 1));
}

static void csi_decdc(struct screen *s, const struct parser_seq *q)
{
    screen_delete_columns(s, param(q, 0, 1));
}

static void csi_sl(struct screen *s, const struct parser_seq *q)
{
    screen_shift_columns(s, param(q, 0, 1), true);
}

static void csi_sr(struct screen *s, const struct parser_seq *q)
{
    screen_shift_columns(s, param(q, 0, 1), false);
}

static void csi_sgr(struct screen *s, const struct parser_seq *q)
{
    sgr_apply(&s->pen, q);
}

/* CSI sequences without private marker or intermediate, by final byte. */
static const csi_fn csi_plain[0x7f - 0x40] = {
    ['@' - 0x40] = csi_ich,
    ['A' - 0x40] = csi_cuu,
    ['B' - 0x40] = csi_cud,
    ['C' - 0x40] = csi_cuf,
    ['D' - 0x40] = csi_cub,
    ['E' - 0x40] = csi_cnl,
    ['F' - 0x40] = csi_cpl,
    ['G' - 0x40] = csi_cha,
    ['H' - 0x40] = csi_cup,
    ['I' - 0x40] = csi_cht,
    ['J' - 0x40] = csi_ed,
    ['K' - 0x40] = csi_el,
    ['L' - 0x40] = csi_il,
    ['M' - 0x40] = csi_dl,
    ['P' - 0x40] = csi_dch,
    ['S' - 0x40] = csi_su,
    ['T' - 0x40] = csi_sd,
    ['X' - 0x40] = csi_ech,
    ['Z' - 0x40] = csi_cbt,
    ['`' - 0x40] = csi_cha,   /* HPA */
    ['a' - 0x40] = csi_hpr,
    ['b' - 0x40] = csi_rep,
    ['c' - 0x40] = csi_da1,
    ['d' - 0x40] = csi_vpa,
    ['e' - 0x40] = csi_vpr,
    ['f' - 0x40] = csi_cup,   /* HVP */
    ['g' - 0x40] = csi_tbc,
    ['h' - 0x40] = csi_sm,
    ['l' - 0x40] = csi_rm,
    ['m' - 0x40] = csi_sgr,
    ['n' - 0x40] = csi_dsr,
    ['r' - 0x40] = csi_decstbm,
    ['t' - 0x40] = csi_window_ops,
    ['s' - 0x40] = csi_scosc,
    ['u' - 0x40] = csi_scorc,
};

/* CSI sequences with a private marker and/or an intermediate byte. */
struct csi_entry {
    uint8_t prefix;
    uint8_t inter;
    uint8_t final;
    csi_fn fn;
};

static const struct csi_entry csi_other[] = {
    { '?', 0, 'h', csi_decset },
    { '?', 0, 'l', csi_decrst },
    { '?', 0, 'n', csi_decdsr },
    { '?', '$', 'p', csi_decrqm_private },
    { 0, '$', 'p', csi_decrqm_ansi },
    { '>', 0, 'c', csi_da2 },
    { '=', 0, 'c', csi_da3 },
    { '>', 0, 'q', csi_xtversion },
    { '>', 0, 'm', csi_modify_keys },
    { '>', 0, 'n', csi_modify_keys_off },
    { '>', 0, 'u', csi_kitty_push },
    { '<', 0, 'u', csi_kitty_pop },
    { '=', 0, 'u', csi_kitty_set },
    { '?', 0, 'u', csi_kitty_query },
    { '?', 0, 'J', csi_decsed },
    { '?', 0, 'K', csi_decsel },
    { 0, '"', 'q', csi_decsca },
    { 0, '$', 'x', csi_decfra },
    { 0, '$', 'z', csi_decera },
    { 0, '$', '{', csi_decsera },
    { 0, '$', 'v', csi_deccra },
    { 0, '$', 'r', csi_deccara },
    { 0, '$', 't', csi_decrara },
    { 0, '*', 'x', csi_decsace },
    { 0, '*', 'y', csi_decrqcra },
    { 0, ' ', 'q', csi_decscusr },
    { 0, ' ', '@', csi_sl },
    { 0, ' ', 'A', csi_sr },
    { 0, '!', 'p', csi_decstr },
    { 0, '\'', '}', csi_decic },
    { 0, '\'', '~', csi_decdc },
};

static void do_csi_dispatch(void *ctx, const struct parser_seq *seq, uint8_t final)
{
    struct screen *s = ctx;
    if (seq->ninter > 1)
        return;
    if (seq->sub_mask != 0 && final != 'm')
        return; /* colon sub-parameters mean something only to SGR */
    uint8_t inter = seq->ninter ? seq->inter[0] : 0;
    if (seq->prefix == 0 && inter == 0) {
        csi_fn fn = csi_plain[final - 0x40];
        if (fn != NULL)
            fn(s, seq);
        return;
    }
    for (size_t i = 0; i < sizeof csi_other / sizeof csi_other[0]; i++) {
        const struct csi_entry *e = &csi_other[i];
        if (e->final == final && e->prefix == seq->prefix && e->inter == inter) {
            e->fn(s, seq);
            return;
        }
    }
}

/* ---- printing ---- */

static void do_print(void *ctx, uint32_t cp)
{
    screen_print(ctx, cp);
}

static void do_print_ascii(void *ctx, const uint8_t *text, size_t n)
{
    screen_print_ascii(ctx, text, n);
}

const struct parser_ops dispatch_ops = {
    .print = do_print,
    .print_ascii = do_print_ascii,
    .execute = do_execute,
    .esc_dispatch = do_esc_dispatch,
    .csi_dispatch = do_csi_dispatch,
    .osc_dispatch = osc_handle,
    .dcs_dispatch = osc_dcs_dispatch,
    .window_name_dispatch = osc_window_name_dispatch,
};
