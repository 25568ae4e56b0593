/* term_reply.c - a terminal's answers to the server's queries (see term_reply.h). */
#include "term_reply.h"

#include <string.h>

long term_reply_xtversion(const char *buf, size_t len, char *name)
{
    static const char intro[] = "\033P>|";
    size_t n = sizeof intro - 1;
    for (size_t i = 0; i < n; i++) {
        if (i == len)
            return 0;
        if (buf[i] != intro[i])
            return -1;
    }
    /* TEXT up to ST (ESC \); a BEL ends it too, as some terminals end their DCS. */
    size_t t = 0;
    for (size_t i = n; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == '\033') {
            if (i + 1 == len)
                return 0;
            if (buf[i + 1] != '\\')
                return -1;
            name[t] = '\0';
            return (long)(i + 2);
        }
        if (c == '\a') {
            name[t] = '\0';
            return (long)(i + 1);
        }
        if (t == TERM_REPLY_NAME_MAX)
            return -1;
        name[t++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    return 0;
}
