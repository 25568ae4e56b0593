/* sh_quote.c - words quoted for a POSIX shell (sh_quote.h). */
#include "sh_quote.h"

#include <stdbool.h>
#include <string.h>

#include "xmalloc.h"

char *sh_quote(const char *s)
{
    size_t n = 3;
    for (const char *c = s; *c != '\0'; c++)
        n += *c == '\'' ? 4 : 1;
    char *out = xmalloc(n), *o = out;
    *o++ = '\'';
    for (const char *c = s; *c != '\0'; c++) {
        if (*c == '\'') {
            memcpy(o, "'\\''", 4); /* close, an escaped quote, open again */
            o += 4;
        } else
            *o++ = *c;
    }
    *o++ = '\'';
    *o = '\0';
    return out;
}

static bool plain_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("_@%+=:,./-", c) != NULL);
}

/* NAME=...: an assignment where sh expects a command word. */
static bool looks_like_assignment(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    return s[n] == '=';
}

char *sh_quote_word(const char *s)
{
    bool plain = *s != '\0' && !looks_like_assignment(s);
    for (const char *c = s; plain && *c != '\0'; c++)
        plain = plain_byte((unsigned char)*c);
    return plain ? xstrdup(s) : sh_quote(s);
}
