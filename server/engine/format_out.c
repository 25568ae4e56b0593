/* format_out.c - the output of a format expansion: a string that grows up to
 * FORMAT_MAX_OUTPUT bytes and silently drops the rest. */
#include "format_out.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xmalloc.h"

void format_out_add(struct format_out *o, const char *s, size_t n)
{
    size_t room = o->len < FORMAT_MAX_OUTPUT ? FORMAT_MAX_OUTPUT - o->len : 0;
    if (n > room)
        n = room;
    if (o->s == NULL || o->len + n + 1 > o->size) {
        o->size = (o->len + n + 1) * 2;
        o->s = xrealloc(o->s, o->size);
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

void format_out_str(struct format_out *o, const char *s)
{
    format_out_add(o, s, strlen(s));
}

void format_out_printf(struct format_out *o, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    format_out_str(o, buf);
}

/* Take the string out of o (never NULL). */
char *format_out_take(struct format_out *o)
{
    if (o->s == NULL)
        format_out_add(o, "", 0);
    char *s = o->s;
    o->s = NULL;
    o->len = o->size = 0;
    o->unset = false;
    return s;
}
