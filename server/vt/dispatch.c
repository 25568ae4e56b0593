/* dispatch.c - the sequence tables: which screen operation each C0 control, ESC,
 * CSI and OSC sequence performs. Adding a sequence is adding a row; anything not
 * listed is ignored. */
#include "dispatch.h"

#include <stdio.h>

#include "screen.h"
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

static void reply_printf(struct screen *s, const char *fmt, int a, int b)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, fmt, a, b);
    if (n > 0 && (size_t)n < sizeof buf)
        screen_reply(s, buf, (size_t)n);
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

static void esc_nel(struct screen *s)
{
    screen_carriage_return(s);
    screen_linefeed(s);
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

static void esc_decid(struct screen *s)
{
    screen_reply(s, "\033[?1;2c", 7);
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
    { '(', 'A', esc_g0_ascii },   /* UK: shown as ASCII */
    { ')', '0', esc_g1_graphics },
    { ')', 'B', esc_g1_ascii },
    { ')', 'A', esc_g1_ascii },
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
        screen_reply(s, "\033[?1;2c", 7);
}

static void csi_da2(struct screen *s, const struct parser_seq *q)
{
    if (param0(q, 0) == 0)
        screen_reply(s, "\033[>84;0;0c", 10);
}

/* DSR 5 (status) and 6 (cursor position, relative to the region in origin mode). */
static void report_status(struct screen *s, const struct parser_seq *q, bool private)
{
    int row = s->cy + 1;
    if (s->modes & VT_MODE_ORIGIN)
        row -= s->top;
    switch (param0(q, 0)) {
    case 5:
        if (!private)
            screen_reply(s, "\033[0n", 4);
        break;
    case 6:
        reply_printf(s, private ? "\033[?%d;%dR" : "\033[%d;%dR", row, s->cx + 1);
        break;
    default:
        break;
    }
}

static void csi_dsr(struct screen *s, const struct parser_seq *q)
{
    report_status(s, q, false);
}

static void csi_decdsr(struct screen *s, const struct parser_seq *q)
{
    report_status(s, q, true);
}

static void csi_decstbm(struct screen *s, const struct parser_seq *q)
{
    screen_set_region(s, param(q, 0, 1) - 1, param(q, 1, s->rows) - 1);
}

static void csi_scosc(struct screen *s, const struct parser_seq *q)
{
    if (q->nparams == 0)
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

/* ANSI modes (SM/RM): only IRM matters. */
static void set_ansi_modes(struct screen *s, const struct parser_seq *q, bool on)
{
    for (int i = 0; i < q->nparams; i++) {
        if (q->params[i] == 4)
            screen_set_mode(s, VT_MODE_INSERT, on);
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

#define MOUSE_MODES (VT_MODE_MOUSE | VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY)

/* One mouse tracking mode at a time, as xterm: setting one replaces the other. */
static void set_mouse_mode(struct screen *s, uint32_t mode, bool on)
{
    s->modes &= ~(uint32_t)MOUSE_MODES;
    if (on)
        s->modes |= VT_MODE_MOUSE | mode;
}

static void set_private_mode(struct screen *s, int mode, bool on)
{
    switch (mode) {
    case 1:
        screen_set_mode(s, VT_MODE_CURSOR_KEYS, on);
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
    case 1006:
        screen_set_mode(s, VT_MODE_MOUSE_SGR, on);
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

/* DECRQM for DEC private modes: reply 1 set, 2 reset, 0 unknown. */
static void csi_decrqm_private(struct screen *s, const struct parser_seq *q)
{
    static const struct { int mode; uint32_t bit; } known[] = {
        { 1, VT_MODE_CURSOR_KEYS }, { 6, VT_MODE_ORIGIN }, { 7, VT_MODE_WRAP },
        { 25, VT_MODE_CURSOR_VISIBLE }, { 47, VT_MODE_ALT_SCREEN },
        { 1047, VT_MODE_ALT_SCREEN }, { 1049, VT_MODE_ALT_SCREEN },
        { 1000, VT_MODE_MOUSE }, { 1002, VT_MODE_MOUSE_BUTTON },
        { 1003, VT_MODE_MOUSE_ANY }, { 1004, VT_MODE_FOCUS }, { 1006, VT_MODE_MOUSE_SGR },
        { 2004, VT_MODE_BRACKETED_PASTE }, { 2026, VT_MODE_SYNC },
    };
    int mode = param0(q, 0), state = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (known[i].mode != mode)
            continue;
        state = (s->modes & known[i].bit) ? 1 : 2;
        if (mode == 1000 && (s->modes & (VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY)))
            state = 2;
    }
    reply_printf(s, "\033[?%d;%d$y", mode, state);
}

static void csi_decrqm_ansi(struct screen *s, const struct parser_seq *q)
{
    int mode = param0(q, 0), state = 0;
    if (mode == 4)
        state = (s->modes & VT_MODE_INSERT) ? 1 : 2;
    reply_printf(s, "\033[%d;%d$y", mode, state);
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
    { 0, ' ', 'q', csi_decscusr },
    { 0, '!', 'p', csi_decstr },
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

/* ---- OSC ---- */

static void do_osc_dispatch(void *ctx, const uint8_t *str, size_t len)
{
    struct screen *s = ctx;
    int cmd = 0;
    size_t i = 0;
    while (i < len && i < 6 && str[i] >= '0' && str[i] <= '9')
        cmd = cmd * 10 + (str[i++] - '0');
    if (i == 0 || i >= len || str[i] != ';')
        return;
    i++;
    if (cmd == 0 || cmd == 2)
        screen_set_title(s, str + i, len - i);
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
    .osc_dispatch = do_osc_dispatch,
};
