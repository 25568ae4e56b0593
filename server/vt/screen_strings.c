/* screen_strings.c - the strings a program gives its terminal, cleaned and kept: the
 * title (OSC 0/2) and its stack (XTWINOPS 22/23), the working directory (OSC 7) and
 * screen's window name (ESC k). Invalid UTF-8 and control characters never get in.
 * Built on screen.h; screen.c never calls them. */
#include "screen_strings.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

/* Copy text to out (size bytes, NUL-terminated) keeping valid UTF-8 only and
 * dropping every control character; never cuts a character. */
static void copy_clean(char *out, size_t size, const uint8_t *text, size_t len)
{
    struct utf8_decoder d = { 0 };
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        int again;
        int32_t cp = utf8_decode_byte(&d, text[i], &again);
        if (cp == UTF8_INVALID && again)
            cp = utf8_decode_byte(&d, text[i], &again);
        if (cp < 0)
            continue;
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
            continue;
        char buf[4];
        int n = utf8_encode((uint32_t)cp, buf);
        if (o + (size_t)n >= size)
            break;
        memcpy(out + o, buf, (size_t)n);
        o += (size_t)n;
    }
    out[o] = '\0';
}

/* *field = text cleaned by copy_clean to at most size - 1 bytes (NULL for ""). */
static void set_clean(char **field, size_t size, const uint8_t *text, size_t len)
{
    char buf[SCREEN_TITLE_MAX > SCREEN_CWD_MAX ? SCREEN_TITLE_MAX : SCREEN_CWD_MAX];
    copy_clean(buf, size < sizeof buf ? size : sizeof buf, text, len);
    if (*field != NULL && strcmp(*field, buf) == 0)
        return;
    free(*field);
    *field = buf[0] != '\0' ? xstrdup(buf) : NULL;
}

/* Store a title, keeping valid UTF-8 only and dropping every control character. */
void screen_set_title(struct screen *s, const uint8_t *text, size_t len)
{
    set_clean(&s->title, SCREEN_TITLE_MAX, text, len);
}

void screen_push_title(struct screen *s)
{
    if (s->ntitle_stack == SCREEN_TITLE_STACK_MAX) {
        free(s->title_stack[0]);
        memmove(s->title_stack, s->title_stack + 1,
                (SCREEN_TITLE_STACK_MAX - 1) * sizeof *s->title_stack);
        s->ntitle_stack--;
    }
    s->title_stack[s->ntitle_stack++] = s->title != NULL ? xstrdup(s->title) : NULL;
}

void screen_pop_title(struct screen *s)
{
    if (s->ntitle_stack == 0)
        return;
    free(s->title);
    s->title = s->title_stack[--s->ntitle_stack];
}

/* Store the window name from ESC k, cleaned like a title (so capped at 255 bytes,
 * never cutting a character); "" too is a change (tmux: back to automatic naming). */
void screen_set_window_name(struct screen *s, const uint8_t *text, size_t len)
{
    set_clean(&s->window_name, SCREEN_WINDOW_NAME_MAX, text, len);
    if (s->ops->window_name != NULL)
        s->ops->window_name(s->ops_arg);
}

static int hex_digit(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* OSC 7: keep the path of a file://host/path URL, percent-decoded; anything else
 * as sent. Control characters and invalid UTF-8 are dropped (as for titles). */
void screen_set_cwd(struct screen *s, const uint8_t *text, size_t len)
{
    uint8_t buf[SCREEN_CWD_MAX];
    size_t n = 0;
    if (len > 7 && memcmp(text, "file://", 7) == 0) {
        size_t i = 7;
        while (i < len && text[i] != '/')
            i++; /* the host */
        for (; i < len && n < sizeof buf; i++) {
            uint8_t c = text[i];
            if (c == '%' && i + 2 < len) {
                int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
                if (hi >= 0 && lo >= 0) {
                    c = (uint8_t)(hi << 4 | lo);
                    i += 2;
                }
            }
            buf[n++] = c;
        }
    } else {
        n = len < sizeof buf ? len : sizeof buf;
        memcpy(buf, text, n);
    }
    set_clean(&s->cwd, SCREEN_CWD_MAX, buf, n);
}
