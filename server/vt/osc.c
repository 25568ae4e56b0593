/* osc.c - the control strings a program sends (OSC, DCS, and screen's ESC k name):
 * what each one does. Unlike a CSI sequence, a string carries structured data, checked
 * here before the screen sees it: OSC 52's selection and base64, OSC 8's parameters
 * and URI. Titles and the working directory go to screen_strings.c; questions go to
 * report.c. */
#include "osc.h"

#include <string.h>

#include "report.h"
#include "screen.h"
#include "screen_strings.h"

/* OSC 52 ; selection ; base64: a SET goes to the clipboard callback; queries ("?")
 * and anything not base64 are ignored, so is a string cut at the length limit. */
static void osc_clipboard(struct screen *s, const uint8_t *p, const uint8_t *end, size_t total)
{
    const uint8_t *sel, *data;
    size_t nsel, ndata;
    if (!screen_wants_clipboard(s) || total >= PARSER_OSC_MAX)
        return;
    if (!parser_next_field(&p, end, &sel, &nsel) || p > end)
        return;
    data = p;
    ndata = (size_t)(end - p);
    if (nsel > 16 || (ndata == 1 && data[0] == '?'))
        return;
    for (size_t i = 0; i < nsel; i++) {
        if (strchr("cpqs01234567", sel[i]) == NULL || sel[i] == '\0')
            return;
    }
    for (size_t i = 0; i < ndata; i++) {
        uint8_t c = data[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/' || c == '='))
            return;
    }
    char selbuf[17], databuf[PARSER_OSC_MAX];
    memcpy(selbuf, sel, nsel);
    selbuf[nsel] = '\0';
    memcpy(databuf, data, ndata);
    databuf[ndata] = '\0';
    screen_clipboard(s, selbuf, databuf);
}

/* OSC 8 ; params ; uri: params are colon-separated key=value pairs, of which only id
 * means something. An empty uri closes the link; so does a malformed or cut string
 * (longer than the parser keeps), so text is never linked to a wrong URI. */
static void osc_hyperlink(struct screen *s, const uint8_t *p, const uint8_t *end, size_t total)
{
    const uint8_t *params, *f, *id = NULL;
    size_t nparams, n, nid = 0;
    if (total >= PARSER_OSC_MAX || !parser_next_field(&p, end, &params, &nparams) || p > end) {
        screen_set_link(s, "", 0, "", 0);
        return;
    }
    const uint8_t *pp = params, *pend = params + nparams;
    while (pp <= pend) {
        const uint8_t *colon = memchr(pp, ':', (size_t)(pend - pp));
        f = pp;
        n = (size_t)((colon != NULL ? colon : pend) - pp);
        pp = f + n + 1;
        if (n >= 3 && memcmp(f, "id=", 3) == 0) {
            id = f + 3;
            nid = n - 3;
        }
    }
    screen_set_link(s, (const char *)(id != NULL ? id : p), nid, (const char *)p,
                    (size_t)(end - p));
}

/* ---- colours: OSC 4, 104, 10-19, 110-119 ---- */

/* Field [f, f + n) as a number 0..max, or -1. */
static int field_number(const uint8_t *f, size_t n, int max)
{
    int v = 0;
    if (n == 0 || n > 4)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (f[i] < '0' || f[i] > '9')
            return -1;
        v = v * 10 + (f[i] - '0');
    }
    return v <= max ? v : -1;
}

/* Colour i: "?" answers it, a colour specification sets it, anything else is
 * ignored. cmd/index: how the answer names it (report_colour). */
static void colour_spec(struct screen *s, int i, int cmd, int index, const uint8_t *spec,
                        size_t n, bool bel)
{
    if (n == 1 && spec[0] == '?') {
        report_colour(s, cmd, index, palette_get(s->palette, i), bel);
        return;
    }
    int32_t rgb = palette_parse(spec, n);
    if (rgb >= 0)
        palette_set(screen_palette(s), i, rgb, false);
}

/* OSC 4 ; n ; spec [; n ; spec ...]: each pair sets or asks indexed colour n (256-260:
 * the special colours, as xterm); OSC 5 ; c ; spec [...]: special colour c (0-4). */
static void osc_palette(struct screen *s, int cmd, const uint8_t *p, const uint8_t *end,
                        bool bel)
{
    const uint8_t *f, *spec;
    size_t n, nspec;
    int base = cmd == 5 ? PALETTE_SPECIAL : 0;
    int max = cmd == 5 ? PALETTE_NSPECIAL - 1 : PALETTE_INDEXED + PALETTE_NSPECIAL - 1;
    while (parser_next_field(&p, end, &f, &n) && parser_next_field(&p, end, &spec, &nspec)) {
        int idx = field_number(f, n, max);
        if (idx < 0)
            continue;
        int i = base + idx;
        if (cmd == 4 && idx >= PALETTE_INDEXED)
            i = PALETTE_SPECIAL + idx - PALETTE_INDEXED;
        colour_spec(s, i, cmd, idx, spec, nspec, bel);
    }
}

/* OSC 10-19 ; spec [; spec ...]: the first spec is for colour cmd, the next for
 * cmd + 1, and so on up to 19. */
static void osc_dynamic(struct screen *s, int cmd, const uint8_t *p, const uint8_t *end,
                        bool bel)
{
    const uint8_t *f;
    size_t n;
    for (; cmd <= 19 && parser_next_field(&p, end, &f, &n); cmd++)
        colour_spec(s, PALETTE_DYNAMIC + cmd - 10, cmd, -1, f, n, bel);
}

/* OSC 104 [; n ...]: the listed indexed colours back to the owner's or the default
 * (all of them without a list); OSC 105 [; c ...] the same for the special colours;
 * OSC 110-119: that dynamic colour. */
static void osc_reset_colours(struct screen *s, int cmd, const uint8_t *p, const uint8_t *end)
{
    if (s->palette == NULL)
        return;
    if (cmd != 104 && cmd != 105) {
        palette_set(s->palette, PALETTE_DYNAMIC + cmd - 110, -1, false);
        return;
    }
    int base = cmd == 105 ? PALETTE_SPECIAL : 0;
    int max = cmd == 105 ? PALETTE_NSPECIAL - 1 : PALETTE_INDEXED + PALETTE_NSPECIAL - 1;
    const uint8_t *f;
    size_t n;
    bool any = false;
    while (p != NULL && parser_next_field(&p, end, &f, &n)) {
        int idx = field_number(f, n, max);
        if (n > 0)
            any = true;
        if (idx >= PALETTE_INDEXED)
            palette_set(s->palette, PALETTE_SPECIAL + idx - PALETTE_INDEXED, -1, false);
        else if (idx >= 0)
            palette_set(s->palette, base + idx, -1, false);
    }
    if (any)
        return;
    if (cmd == 104) {
        palette_reset_program(s->palette, false);
        return;
    }
    for (int i = 0; i < PALETTE_NSPECIAL; i++)
        palette_set(s->palette, PALETTE_SPECIAL + i, -1, false);
}

/* ---- shell integration: OSC 133 ---- */

/* OSC 133 ; A (a prompt starts), B (the command line starts), C (the command's output
 * starts) and D (the command ended; its status and options after the letter, ";k=v",
 * are not kept) mark the cursor's line of the main screen. */
static void osc_semantic_prompt(struct screen *s, const uint8_t *p, const uint8_t *end)
{
    if (p >= end || (end - p > 1 && p[1] != ';') || s->grid != s->main)
        return;
    if (p[0] == 'A')
        grid_add_mark(s->grid, s->cy, GRID_MARK_PROMPT);
    else if (p[0] == 'B')
        grid_add_mark(s->grid, s->cy, GRID_MARK_COMMAND);
    else if (p[0] == 'C')
        grid_add_mark(s->grid, s->cy, GRID_MARK_OUTPUT);
    else if (p[0] == 'D')
        grid_add_mark(s->grid, s->cy, GRID_MARK_END);
}

/* ---- OSC ---- */

void osc_handle(void *ctx, const uint8_t *str, size_t len, bool bel)
{
    struct screen *s = ctx;
    int cmd = 0;
    size_t i = 0;
    while (i < len && i < 6 && str[i] >= '0' && str[i] <= '9')
        cmd = cmd * 10 + (str[i++] - '0');
    if (i == 0)
        return;
    const uint8_t *end = str + len;
    if (i == len) { /* no parameters: only the resets take none */
        if (cmd == 104 || cmd == 105 || (cmd >= 110 && cmd <= 119))
            osc_reset_colours(s, cmd, NULL, end);
        return;
    }
    if (str[i] != ';')
        return;
    i++;
    const uint8_t *p = str + i;
    switch (cmd) {
    case 0:
    case 2:
        if (s->title_locked)
            break;
        screen_set_title(s, p, len - i);
        if (s->ops->title != NULL)
            s->ops->title(s->ops_arg);
        break;
    case 4:
    case 5:
        osc_palette(s, cmd, p, end, bel);
        break;
    case 7:
        screen_set_cwd(s, p, len - i);
        break;
    case 8:
        osc_hyperlink(s, p, end, len);
        break;
    case 10: case 11: case 12: case 13: case 14:
    case 15: case 16: case 17: case 18: case 19:
        osc_dynamic(s, cmd, p, end, bel);
        break;
    case 104:
    case 105:
    case 110: case 111: case 112: case 113: case 114:
    case 115: case 116: case 117: case 118: case 119:
        osc_reset_colours(s, cmd, p, end);
        break;
    case 52:
        osc_clipboard(s, p, end, len);
        break;
    case 133:
        osc_semantic_prompt(s, p, end);
        break;
    default:
        break; /* 1 (icon name)...: ignored */
    }
}

/* ---- ESC k name ST (screen's window name) ---- */

void osc_window_name_dispatch(void *ctx, const uint8_t *str, size_t len)
{
    screen_set_window_name(ctx, str, len);
}

/* ---- DCS ---- */

void osc_dcs_dispatch(void *ctx, const struct parser_seq *seq, uint8_t final,
                      const uint8_t *str, size_t len)
{
    struct screen *s = ctx;
    /* DCS tmux; data ST: tmux's passthrough, for the outer terminal (allow-passthrough);
     * one cut at the parser's limit is dropped whole. */
    if (final == 't' && seq->prefix == 0 && seq->ninter == 0 && seq->nparams == 0 &&
        len >= 4 && memcmp(str, "mux;", 4) == 0) {
        if (s->passthrough && s->ops->passthrough != NULL && len < PARSER_PASSTHROUGH_MAX)
            s->ops->passthrough(s->ops_arg, (const char *)str + 4, len - 4);
        return;
    }
    if (seq->prefix != 0 || seq->ninter != 1 || seq->nparams != 0)
        return;
    if (seq->inter[0] == '$' && final == 'q')
        report_decrqss(s, str, len);
    else if (seq->inter[0] == '+' && final == 'q')
        report_xtgettcap(s, str, len);
}
