/* format_out.h - the output of a format expansion (format.c, and the variables of
 * format_vars.c that write into it): a string that grows up to FORMAT_MAX_OUTPUT bytes
 * and silently drops the rest. */
#ifndef TMX_FORMAT_OUT_H
#define TMX_FORMAT_OUT_H

#include <stdbool.h>
#include <stddef.h>

#define FORMAT_MAX_OUTPUT (64 * 1024)

/* A growing output string, never longer than FORMAT_MAX_OUTPUT; {0} is empty. */
struct format_out {
    char *s;
    size_t len, size;
    bool unset; /* a variable's: tmux leaves it unset here (b:, d: then give "", not ".") */
};

void format_out_add(struct format_out *o, const char *s, size_t n);
void format_out_str(struct format_out *o, const char *s);
void format_out_printf(struct format_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Take the string out of o (never NULL; the caller frees it); o is empty again. */
char *format_out_take(struct format_out *o);

#endif
