/* term_reply.c - a terminal's answers to the server's queries (see term_reply.h). */
#include "term_reply.h"

#include <stdbool.h>
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

long term_reply_da2(const char *buf, size_t len, int *kind)
{
    if (len >= 1 && buf[0] != '\033')
        return -1;
    if (len >= 2 && buf[1] != '[')
        return -1;
    if (len >= 3 && buf[2] != '>' && buf[2] != '?')
        return -1;
    if (len < 3)
        return 0;
    bool first = true;
    long pp = 0;
    bool digits = false;
    for (size_t i = 3; i < len; i++) {
        char c = buf[i];
        if (c == 'c') {
            *kind = buf[2] == '>' && digits ? (int)pp : -1;
            return (long)(i + 1);
        }
        if (i - 3 == 64)
            return -1;
        if (c == ';')
            first = false;
        else if (c >= '0' && c <= '9') {
            if (first) {
                digits = true;
                if (pp < 100000)
                    pp = pp * 10 + (c - '0');
            }
        } else
            return -1;
    }
    return 0;
}
