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

/* ---- OSC ---- */

void osc_handle(void *ctx, const uint8_t *str, size_t len, bool bel)
{
    struct screen *s = ctx;
    int cmd = 0;
    size_t i = 0;
    while (i < len && i < 6 && str[i] >= '0' && str[i] <= '9')
        cmd = cmd * 10 + (str[i++] - '0');
    if (i == 0 || i >= len || str[i] != ';')
        return;
    i++;
    const uint8_t *p = str + i, *end = str + len;
    switch (cmd) {
    case 0:
    case 2:
        screen_set_title(s, p, len - i);
        break;
    case 4:
        report_osc_palette(s, p, end, bel);
        break;
    case 7:
        screen_set_cwd(s, p, len - i);
        break;
    case 8:
        osc_hyperlink(s, p, end, len);
        break;
    case 10:
    case 11:
    case 12:
        report_osc_colours(s, cmd, p, end, bel);
        break;
    case 52:
        osc_clipboard(s, p, end, len);
        break;
    default:
        break; /* 1 (icon name), 104/110/111/112 (resets)...: ignored */
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
    if (seq->prefix != 0 || seq->ninter != 1 || seq->nparams != 0)
        return;
    if (seq->inter[0] == '$' && final == 'q')
        report_decrqss(s, str, len);
    else if (seq->inter[0] == '+' && final == 'q')
        report_xtgettcap(s, str, len);
}
