/* format.c - tmux-compatible format expansion (-F templates, the status line,
 * display-message, hooks).
 *
 * A template is text with directives:
 *   #{name}              a variable (format_vars.c) or an option's value
 *   #S #W #I #P #T #H #h #D #F   shorthands; ## a '#', #, a ',', #} a '}'
 *   #{?cond,a,b}         a if cond is true (non-empty and not "0") else b; cond is a
 *                        variable name or, if it contains '#', a format. More pairs may
 *                        follow: #{?c1,a,c2,b,else}.
 *   #{==:a,b} #{!=:a,b} #{<:a,b} #{>:a,b} #{<=:a,b} #{>=:a,b}   string comparisons
 *   #{||:a,b} #{&&:a,b}  logic; #{m:pattern,string} fnmatch; all give "1" or "0"
 *   #{e|op|:a,b}         integer arithmetic (+ - * / %) or comparison (== != < > <= >=)
 *   #{MODS:name}         name's value (or, if it contains '#', the expansion of the
 *                        format) through modifiers applied left to right, separated by ';':
 *                        =N / =-N (first / last N columns), =/N/marker (marker added when
 *                        cut), t (a time as a date), t/f/strftime, b (basename), d
 *                        (dirname), l (the text itself, not a name), s/pat/rep/ (plain
 *                        text, every occurrence), n (length in bytes), w (width in
 *                        columns), q (quote shell characters), E (expand the value again)
 *   #[style]             passed through (the status line draws it; see style.h); a
 *                        "##[" stays "##[" so that style_split shows a literal "#[".
 * Nested directives expand inside arguments; commas and colons inside a nested #{...}
 * or #[...] do not split. Malformed input is copied literally (an unclosed "#{"); an
 * unknown variable or modifier gives "". Expansion stops at FORMAT_MAX_DEPTH levels of
 * nesting and the output at FORMAT_MAX_OUTPUT bytes. */
#include "format.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format_out.h"
#include "format_vars.h"
#include "session.h"
#include "utf8.h"
#include "xmalloc.h"

#define FORMAT_MAX_DEPTH 16
#define FORMAT_MAX_STEPS 100000 /* #{...} expanded per format_expand call */

/* One format_expand call: the context and the work done so far (so that formats
 * expanding themselves through E: stay cheap). */
struct fstate {
    const struct format_ctx *ctx;
    unsigned long steps;
};

static void expand(struct fstate *st, const char *fmt, int depth, struct format_out *o);

static char *expand_new(struct fstate *st, const char *fmt, int depth)
{
    struct format_out o = {0};
    expand(st, fmt, depth, &o);
    return format_out_take(&o);
}

/* The value of a name, or if it looks like a format (has a '#'), its expansion. */
static char *value_of(struct fstate *st, const char *s, int depth)
{
    if (strchr(s, '#') != NULL)
        return expand_new(st, s, depth);
    struct format_out o = {0};
    format_variable(st->ctx, s, &o);
    return format_out_take(&o);
}

static bool format_true(const char *s)
{
    return s[0] != '\0' && strcmp(s, "0") != 0;
}

/* The first character of s that is in ends and not inside a nested #{...} (nor, when
 * styles is set, inside #[...]), skipping escapes (##, #, #} #{); NULL if none. */
static const char *format_skip(const char *s, const char *ends, bool styles)
{
    int braces = 0, brackets = 0;
    for (; *s != '\0'; s++) {
        if (s[0] == '#' && s[1] == '{') {
            braces++;
            s++;
            continue;
        }
        if (s[0] == '#' && s[1] == '[' && styles && braces == 0) {
            brackets++;
            s++;
            continue;
        }
        if (s[0] == '#' && s[1] != '\0' && strchr("#,}", s[1]) != NULL) {
            s++;
            continue;
        }
        if (s[0] == '}' && braces > 0) {
            braces--;
            continue;
        }
        if (s[0] == ']' && brackets > 0 && braces == 0) {
            brackets--;
            continue;
        }
        if (braces == 0 && brackets == 0 && strchr(ends, s[0]) != NULL)
            return s;
    }
    return NULL;
}

/* Split s at top-level commas into at most max new strings; returns the count. */
static int split_args(const char *s, char **argv, int max)
{
    int n = 0;
    while (n < max) {
        const char *comma = format_skip(s, ",", true);
        if (comma == NULL || n == max - 1) {
            argv[n++] = xstrdup(s);
            break;
        }
        argv[n++] = xstrndup(s, (size_t)(comma - s));
        s = comma + 1;
    }
    return n;
}

static void free_args(char **argv, int n)
{
    for (int i = 0; i < n; i++)
        free(argv[i]);
}

/* One modifier of #{MODS:...}: its name ("=", "t", "==", "e"...) and arguments. */
struct format_mod {
    char name[3];
    char *argv[3];
    int argc;
};

#define FORMAT_MAX_MODS 8

static void free_mods(struct format_mod *mods, int n)
{
    for (int i = 0; i < n; i++)
        free_args(mods[i].argv, mods[i].argc);
}

/* Parse "MOD;MOD:" at the start of s. Returns the operand (after the ':') and the
 * modifiers, or NULL if s does not start with modifiers. */
static const char *parse_mods(const char *s, struct format_mod *mods, int *nmods)
{
    static const char *const binary[] = {"||", "&&", "==", "!=", "<=", ">=", "<", ">"};
    *nmods = 0;
    const char *p = s;
    for (;;) {
        if (*nmods == FORMAT_MAX_MODS)
            goto fail;
        struct format_mod *m = &mods[*nmods];
        memset(m, 0, sizeof *m);
        bool found = false;
        for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++) {
            size_t n = strlen(binary[i]);
            if (strncmp(p, binary[i], n) == 0 && p[n] == ':') {
                memcpy(m->name, binary[i], n);
                p += n;
                found = true;
                break;
            }
        }
        if (!found) {
            if (*p == '\0' || strchr("=tbdlsenwqmET", *p) == NULL)
                goto fail;
            m->name[0] = *p++;
            if (m->name[0] == '=' && (isdigit((unsigned char)*p) || *p == '-')) {
                size_t n = strcspn(p, ";:");
                m->argv[m->argc++] = xstrndup(p, n);
                p += n;
            } else if (*p != '\0' && *p != ';' && *p != ':' && ispunct((unsigned char)*p)) {
                /* Arguments between separators: s/pat/rep/, e|+|, =/5/..., t/f/%H#:%M.
                 * The last may end at the ':' or ';'; "#:" and "#;" stand for the
                 * characters themselves. */
                char sep = *p++;
                for (;;) {
                    struct format_out arg = {0};
                    while (*p != '\0' && *p != sep && *p != ':' && *p != ';') {
                        if (p[0] == '#' && (p[1] == ':' || p[1] == ';'))
                            p++;
                        format_out_add(&arg, p++, 1);
                    }
                    if (*p == '\0') {
                        free(arg.s);
                        goto fail_mod;
                    }
                    if (m->argc < 3)
                        m->argv[m->argc++] = format_out_take(&arg);
                    else
                        free(arg.s);
                    if (*p == sep)
                        p++;
                    if (*p == ';' || *p == ':')
                        break;
                }
            }
        }
        (*nmods)++;
        if (*p == ';') {
            p++;
            continue;
        }
        if (*p == ':')
            return p + 1;
        goto fail;
    fail_mod:
        free_args(m->argv, m->argc);
        goto fail;
    }
fail:
    free_mods(mods, *nmods);
    *nmods = 0;
    return NULL;
}

/* Decode the character at s[i] (len bytes in all); returns its length in bytes and
 * its width in *width (a broken sequence is one byte of width 1). */
static size_t char_at(const char *s, size_t len, size_t i, int *width)
{
    struct utf8_decoder d = {0};
    for (size_t j = i; j < len; j++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, (uint8_t)s[j], &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            *width = 1;
            return reprocess && j > i ? j - i : j - i + 1;
        }
        *width = utf8_width((uint32_t)cp);
        return j - i + 1;
    }
    *width = 1;
    return len - i;
}

static int text_width(const char *s)
{
    size_t len = strlen(s);
    int w = 0, cw;
    for (size_t i = 0; i < len;) {
        i += char_at(s, len, i, &cw);
        w += cw;
    }
    return w;
}

/* The first (n > 0) or last (n < 0) |n| columns of s, with marker where text was cut. */
static char *trim_width(const char *s, long n, const char *marker)
{
    size_t len = strlen(s);
    long limit = n < 0 ? -n : n;
    size_t cut = len;
    int cw;
    if (n >= 0) {
        long w = 0;
        for (size_t i = 0; i < len;) {
            size_t cl = char_at(s, len, i, &cw);
            if (w + cw > limit) {
                cut = i;
                break;
            }
            w += cw;
            i += cl;
        }
        if (cut == len)
            return xstrdup(s);
        return xasprintf("%.*s%s", (int)cut, s, marker);
    }
    long total = text_width(s), w = 0;
    if (total <= limit)
        return xstrdup(s);
    for (size_t i = 0; i < len;) {
        size_t cl = char_at(s, len, i, &cw);
        if (cw > 0 && total - w <= limit) /* never start on a combining mark */
            return xasprintf("%s%s", marker, s + i);
        w += cw;
        i += cl;
    }
    return xstrdup(marker);
}

/* Plain-text substitution of every occurrence of pat by rep. */
static char *substitute(const char *s, const char *pat, const char *rep)
{
    size_t plen = strlen(pat);
    if (plen == 0)
        return xstrdup(s);
    struct format_out o = {0};
    const char *hit;
    while ((hit = strstr(s, pat)) != NULL) {
        format_out_add(&o, s, (size_t)(hit - s));
        format_out_str(&o, rep);
        s = hit + plen;
    }
    format_out_str(&o, s);
    return format_out_take(&o);
}

/* A time (seconds since the epoch, as text) as a date, like ctime ("Sun Nov 22
 * 10:14:03 2026") or with a strftime format; "" if value is not a number. */
static char *format_time(const char *value, const char *strftime_fmt)
{
    char *end;
    errno = 0;
    long long t = strtoll(value, &end, 10);
    if (*value == '\0' || *end != '\0' || errno != 0)
        return xstrdup("");
    time_t tt = (time_t)t;
    struct tm tm;
    if (localtime_r(&tt, &tm) == NULL)
        return xstrdup("");
    char buf[256];
    size_t n = strftime(buf, sizeof buf, strftime_fmt != NULL ? strftime_fmt : "%a %b %e %H:%M:%S %Y",
                        &tm);
    buf[n] = '\0';
    return xstrdup(buf);
}

/* Backslash before the characters a shell treats specially. */
static char *quote_shell(const char *s)
{
    struct format_out o = {0};
    for (; *s != '\0'; s++) {
        if (strchr("|&;<>()$`\\\"' \t*?[#=%~{}!", *s) != NULL)
            format_out_add(&o, "\\", 1);
        format_out_add(&o, s, 1);
    }
    return format_out_take(&o);
}

/* Apply a one-value modifier to value (freed); returns the new value. */
static char *apply_mod(struct fstate *st, const struct format_mod *m, char *value,
                       int depth)
{
    char *r = NULL;
    const char *path;
    switch (m->name[0]) {
    case 't':
        r = format_time(value, m->argc >= 2 && strcmp(m->argv[0], "f") == 0 ? m->argv[1] : NULL);
        break;
    case 'b':
    case 'd': {
        char *copy = xstrdup(value);
        path = m->name[0] == 'b' ? basename(copy) : dirname(copy);
        r = xstrdup(path);
        free(copy);
        break;
    }
    case 's':
        r = m->argc >= 2 ? substitute(value, m->argv[0], m->argv[1]) : xstrdup(value);
        break;
    case '=': {
        const char *num = m->argc >= 1 ? m->argv[0] : "";
        char *end;
        long n = strtol(num, &end, 10);
        if (*num == '\0' || *end != '\0')
            r = xstrdup(value);
        else if (n > FORMAT_MAX_OUTPUT || n < -FORMAT_MAX_OUTPUT)
            r = xstrdup(value); /* wider than any output */
        else
            r = trim_width(value, n, m->argc >= 2 ? m->argv[1] : "");
        break;
    }
    case 'n':
        r = xasprintf("%zu", strlen(value));
        break;
    case 'w':
        r = xasprintf("%d", text_width(value));
        break;
    case 'q':
        r = quote_shell(value);
        break;
    case 'E':
    case 'T':
        r = expand_new(st, value, depth + 1);
        break;
    default: /* 'l' is handled by the caller */
        r = xstrdup(value);
        break;
    }
    free(value);
    return r;
}

/* #{e|op|:a,b}: integers; "" for a bad number, an unknown op, or division by zero. */
static void arithmetic(const char *op, const char *a, const char *b, struct format_out *o)
{
    char *ea, *eb;
    errno = 0;
    long long x = strtoll(a, &ea, 10), y = strtoll(b, &eb, 10), r;
    if (*a == '\0' || *b == '\0' || *ea != '\0' || *eb != '\0' || errno != 0)
        return;
    if (strcmp(op, "+") == 0) {
        if (__builtin_add_overflow(x, y, &r))
            return;
    } else if (strcmp(op, "-") == 0) {
        if (__builtin_sub_overflow(x, y, &r))
            return;
    } else if (strcmp(op, "*") == 0) {
        if (__builtin_mul_overflow(x, y, &r))
            return;
    } else if (strcmp(op, "/") == 0 || strcmp(op, "%") == 0) {
        if (y == 0 || (x == LLONG_MIN && y == -1))
            return;
        r = op[0] == '/' ? x / y : x % y;
    } else if (strcmp(op, "==") == 0)
        r = x == y;
    else if (strcmp(op, "!=") == 0)
        r = x != y;
    else if (strcmp(op, "<") == 0)
        r = x < y;
    else if (strcmp(op, ">") == 0)
        r = x > y;
    else if (strcmp(op, "<=") == 0)
        r = x <= y;
    else if (strcmp(op, ">=") == 0)
        r = x >= y;
    else
        return;
    format_out_printf(o, "%lld", r);
}

/* A two-operand modifier (comparison, logic, m, e) on "a,b". */
static void binary_op(struct fstate *st, const struct format_mod *m,
                      const char *operand, int depth, struct format_out *o)
{
    char *argv[2];
    int argc = split_args(operand, argv, 2);
    if (argc != 2) {
        free_args(argv, argc);
        return;
    }
    char *a = expand_new(st, argv[0], depth + 1);
    char *b = expand_new(st, argv[1], depth + 1);
    const char *n = m->name;
    int cmp = strcmp(a, b), r = -1;
    if (strcmp(n, "==") == 0)
        r = cmp == 0;
    else if (strcmp(n, "!=") == 0)
        r = cmp != 0;
    else if (strcmp(n, "<") == 0)
        r = cmp < 0;
    else if (strcmp(n, ">") == 0)
        r = cmp > 0;
    else if (strcmp(n, "<=") == 0)
        r = cmp <= 0;
    else if (strcmp(n, ">=") == 0)
        r = cmp >= 0;
    else if (strcmp(n, "||") == 0)
        r = format_true(a) || format_true(b);
    else if (strcmp(n, "&&") == 0)
        r = format_true(a) && format_true(b);
    else if (strcmp(n, "m") == 0)
        r = fnmatch(a, b, 0) == 0;
    else if (strcmp(n, "e") == 0 && m->argc >= 1)
        arithmetic(m->argv[0], a, b, o);
    if (r >= 0)
        format_out_str(o, r ? "1" : "0");
    free(a);
    free(b);
    free_args(argv, argc);
}

/* #{?cond,a,cond2,b,...,else}. */
static void conditional(struct fstate *st, const char *body, int depth,
                        struct format_out *o)
{
    enum { MAX_ARGS = 33 };
    char *argv[MAX_ARGS];
    int argc = split_args(body, argv, MAX_ARGS);
    int i;
    if (argc < 2) {
        free_args(argv, argc);
        return;
    }
    for (i = 0; i + 1 < argc; i += 2) {
        char *cond = value_of(st, argv[i], depth + 1);
        bool yes = format_true(cond);
        free(cond);
        if (yes) {
            expand(st, argv[i + 1], depth + 1, o);
            break;
        }
    }
    if (i + 1 >= argc && i < argc)
        expand(st, argv[i], depth + 1, o); /* the else branch */
    free_args(argv, argc);
}

/* Expand the inside of one #{...}. */
static void replace(struct fstate *st, const char *body, int depth, struct format_out *o)
{
    if (++st->steps > FORMAT_MAX_STEPS)
        return;
    if (body[0] == '?') {
        conditional(st, body + 1, depth, o);
        return;
    }
    struct format_mod mods[FORMAT_MAX_MODS];
    int nmods;
    const char *operand = parse_mods(body, mods, &nmods);
    if (operand == NULL) {
        format_variable(st->ctx, body, o);
        return;
    }
    for (int i = 0; i < nmods; i++) {
        const char *n = mods[i].name;
        if (n[1] != '\0' || strchr("<>me", n[0]) != NULL) {
            binary_op(st, &mods[i], operand, depth, o);
            free_mods(mods, nmods);
            return;
        }
    }
    bool literal = false;
    for (int i = 0; i < nmods; i++)
        literal = literal || mods[i].name[0] == 'l';
    char *value = literal ? xstrdup(operand) : value_of(st, operand, depth + 1);
    for (int i = 0; i < nmods; i++)
        value = apply_mod(st, &mods[i], value, depth);
    format_out_str(o, value);
    free(value);
    free_mods(mods, nmods);
}

static const struct {
    char c;
    const char *name;
} format_shorthands[] = {
    {'D', "pane_id"},      {'F', "window_flags"}, {'H', "host"},       {'I', "window_index"},
    {'P', "pane_index"},   {'S', "session_name"}, {'T', "pane_title"}, {'W', "window_name"},
    {'h', "host_short"},
};

static void expand(struct fstate *st, const char *fmt, int depth, struct format_out *o)
{
    if (depth >= FORMAT_MAX_DEPTH)
        return;
    const char *p = fmt;
    while (*p != '\0' && o->len < FORMAT_MAX_OUTPUT) {
        if (p[0] != '#') {
            size_t n = strcspn(p, "#");
            format_out_add(o, p, n);
            p += n;
            continue;
        }
        char c = p[1];
        if (c == '#') {
            /* "##[" stays for style_split (a literal "#["); otherwise one '#'. */
            format_out_add(o, p, p[2] == '[' ? 2 : 1);
            p += 2;
        } else if (c == ',' || c == '}') {
            format_out_add(o, &p[1], 1);
            p += 2;
        } else if (c == '{') {
            const char *end = format_skip(p + 2, "}", false);
            if (end == NULL) {
                format_out_str(o, p); /* unclosed: copied as it is */
                return;
            }
            char *body = xstrndup(p + 2, (size_t)(end - p - 2));
            replace(st, body, depth, o);
            free(body);
            p = end + 1;
        } else if (c == '[') {
            /* A style: copied, with any #{...} inside expanded, shorthands not. */
            const char *end = format_skip(p + 2, "]", false);
            if (end == NULL) {
                format_out_str(o, p);
                return;
            }
            format_out_add(o, "#[", 2);
            for (const char *q = p + 2; q < end;) {
                const char *close;
                if (q[0] == '#' && q[1] == '{' && (close = format_skip(q + 2, "}", false)) != NULL &&
                    close < end) {
                    char *body = xstrndup(q + 2, (size_t)(close - q - 2));
                    replace(st, body, depth, o);
                    free(body);
                    q = close + 1;
                } else
                    format_out_add(o, q++, 1);
            }
            format_out_add(o, "]", 1);
            p = end + 1;
        } else {
            bool done = false;
            for (size_t i = 0; c != '\0' && i < sizeof format_shorthands / sizeof format_shorthands[0]; i++) {
                if (c == format_shorthands[i].c) {
                    format_variable(st->ctx, format_shorthands[i].name, o);
                    done = true;
                    break;
                }
            }
            format_out_add(o, p, done ? 0 : 1);
            p += done ? 2 : 1;
        }
    }
}

void format_defaults(struct format_ctx *ctx)
{
    if (ctx->session != NULL && ctx->window == NULL)
        ctx->window = ctx->session->current;
    if (ctx->window != NULL && ctx->pane == NULL)
        ctx->pane = ctx->window->active;
}

char *format_expand(const struct format_ctx *ctx, const char *template)
{
    static const struct format_ctx empty = {0};
    struct fstate st = {.ctx = ctx != NULL ? ctx : &empty};
    struct format_out o = {0};
    if (template != NULL)
        expand(&st, template, 0, &o);
    return format_out_take(&o);
}
