/* view_mode.c - lines of text into a pane's view mode (see view_mode.h); the mode
 * itself is copy mode over a screen of its own (copy_mode_view). */
#include "view_mode.h"

#include <string.h>

#include "copy_mode.h"
#include "utf8.h"
#include "vt.h"

/* The length of the escape sequence at s (s[0] is ESC), at most len: CSI up to its
 * final byte, OSC/DCS/APC/PM/SOS up to BEL or ST, else ESC, intermediates, final. */
static size_t escape_length(const char *s, size_t len)
{
    if (len < 2)
        return len;
    size_t i = 2;
    char kind = s[1];
    if (kind == '[') {
        while (i < len && !((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e))
            i++;
        return i < len ? i + 1 : len;
    }
    if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
        for (; i < len; i++) {
            if (s[i] == '\a')
                return i + 1;
            if (s[i] == '\033' && i + 1 < len && s[i + 1] == '\\')
                return i + 2;
        }
        return len;
    }
    i = 1;
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2f)
        i++;
    return i < len ? i + 1 : len;
}

/* One line without its '\n' into the view's screen, as tmux: cut at the view's width
 * (no wrapping). With parse, escape sequences and control characters go to the screen
 * (colours); without, control characters are left out. */
static void add_line(struct vt *vt, const char *line, size_t len, bool parse)
{
    int cols = vt_cols(vt), col = 0;
    struct utf8_decoder d = {0};
    size_t start = 0; /* the character being decoded starts here */
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)line[i];
        if (d.need == 0 && (ch < 0x20 || ch == 0x7f)) {
            size_t n = ch == 0x1b ? escape_length(line + i, len - i) : 1;
            if (parse) {
                vt_feed(vt, line + i, n);
                if (ch == '\r')
                    col = 0;
                else if (ch == '\b' && col > 0)
                    col--;
                else if (ch == '\t')
                    col = (col / 8 + 1) * 8;
            }
            i += n - 1;
            start = i + 1;
            continue;
        }
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, ch, &reprocess);
        if (cp == UTF8_MORE)
            continue;
        int w = cp == UTF8_INVALID ? 1 : utf8_width((uint32_t)cp);
        if (col + w <= cols) {
            vt_feed(vt, line + start, i + 1 - start);
            col += w;
        } else
            col = cols + 1; /* the first character that does not fit ends the line */
        start = i + 1;
        if (reprocess) {
            d = (struct utf8_decoder){0};
            start = i;
            i--;
        }
    }
}

void view_mode_add(struct pane *p, const char *text, size_t len, bool parse)
{
    if (p == NULL || len == 0)
        return;
    bool first;
    struct vt *vt = copy_mode_view(p, &first);
    while (len > 0) {
        const char *nl = memchr(text, '\n', len);
        size_t n = nl != NULL ? (size_t)(nl - text) : len;
        /* Each line starts on a new row of the view: at its top for the very first. */
        if (!first)
            vt_feed(vt, "\r\n", 2);
        first = false;
        add_line(vt, text, n, parse);
        if (parse)
            vt_feed(vt, "\033[m", 3); /* a line's colours end with it */
        text += n;
        len -= n;
        if (nl != NULL) {
            text++;
            len--;
        }
    }
    copy_mode_view_written(p);
}
