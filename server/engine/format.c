/* format.c - tmux-compatible format expansion (-F templates, the status line,
 * display-message, hooks), as tmux 3.3a's FORMATS section describes it.
 *
 * A template is text with directives:
 *   #{name}              a variable (format_vars.c), an option's value, or a variable of
 *                        the session's or the global environment
 *   #S #W #I #P #T #H #h #D #F   shorthands; ## a '#', #, a ',', #} a '}'
 *   #(command)           the last line of a shell command's output (format_job.c): run
 *                        in the background, the last result shown meanwhile
 *   #[style]             passed through (the status line draws it; see style.h); inside
 *                        it #{...} and shorthands expand (as tmux 3.3a); "##[" stays "##["
 *   #{MODS:operand}      modifiers separated by ';' applied to operand. A modifier is a
 *                        letter or operator, with arguments either right after it (=10,
 *                        p-5) or between a separator character (s/a/b/, e|+|f|2, =/8/...).
 *                        Arguments are expanded first.
 * What a modifier does (in the order tmux applies them):
 *   l literal; a the character of a code; c a colour as hex RGB; S: W: P: loops over
 *   sessions, windows (",alt" for the current one), panes (",alt" for the active);
 *   N/s N/w 1 if a session / window of that name exists; C[/ri] the line of the pane
 *   where text is (0 if none); == != < > <= >= || && m[/ri] comparisons of "a,b";
 *   ?cond,a,b a conditional; e|op|[f]|[precision] arithmetic; then E expand the result
 *   again (T with strftime too), s/re/rep/[i] regex substitution, =N =-N =/N/marker
 *   trimming to N columns, pN p-N padding, n length, w width. t[/p|/f/FMT] (time as a
 *   date), b basename, d dirname, q (shell) and q/h (#) quoting apply to a variable's
 *   value only, not to a nested format.
 * An operand with "#{" is a format expanded; else a name looked up. A directive that
 * cannot be read (an unclosed "#{", a conditional without its commas, a loop without a
 * session) ends the expansion there, as in tmux. Nesting stops at FORMAT_MAX_DEPTH,
 * the work at FORMAT_MAX_STEPS and the output at FORMAT_MAX_OUTPUT bytes. */
#include "format.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client_state.h"
#include "format_job.h"
#include "format_out.h"
#include "format_vars.h"
#include "grid.h"
#include "model.h"
#include "regex_bound.h"
#include "server_state.h"
#include "style.h"
#include "utf8.h"
#include "vt.h"
#include "xmalloc.h"

#define FORMAT_MAX_DEPTH 32
#define FORMAT_MAX_STEPS 100000 /* #{...} expanded per format_expand call */
#define FORMAT_MAX_MODS 16
#define FORMAT_MAX_ARGS 4

/* One format_expand call: the context, whether strftime runs on each template, the
 * time it shows, and the work done so far (so that self-expanding formats stay cheap). */
struct fstate {
    const struct format_ctx *ctx;
    bool time;
    time_t now;
    unsigned long steps;
    bool failed; /* a directive could not be read: the expansion stops */
};

static void expand(struct fstate *st, const char *fmt, int depth, struct format_out *o);

static char *expand_new(struct fstate *st, const char *fmt, int depth)
{
    struct format_out o = {0};
    bool failed = st->failed;
    st->failed = false;
    expand(st, fmt, depth, &o);
    st->failed = failed; /* a failure inside a nested format ends only that one */
    return format_out_take(&o);
}

/* True as tmux reads a condition: not empty and not "0". */
static bool format_true(const char *s)
{
    return s[0] != '\0' && strcmp(s, "0") != 0;
}

/* The first character of s found in ends and not inside a nested #{...}, skipping the
 * escapes ## #, #{ #} #:; NULL if none. */
static const char *format_skip(const char *s, const char *ends)
{
    int braces = 0;
    for (; *s != '\0'; s++) {
        if (s[0] == '#' && s[1] == '{')
            braces++;
        if (s[0] == '#' && s[1] != '\0' && strchr(",#{}:", s[1]) != NULL) {
            s++;
            continue;
        }
        if (s[0] == '}')
            braces--;
        if (braces == 0 && strchr(ends, s[0]) != NULL)
            return s;
    }
    return NULL;
}

/* s without the '#' of its escapes (outside nested formats): a strftime format
 * given as an argument ("%H#:%M"). */
static char *format_strip(const char *s)
{
    char *out = xmalloc(strlen(s) + 1), *p = out;
    int braces = 0;
    for (; *s != '\0'; s++) {
        if (s[0] == '#' && s[1] == '{')
            braces++;
        if (s[0] == '#' && s[1] != '\0' && strchr(",#{}:", s[1]) != NULL) {
            if (braces != 0)
                *p++ = *s;
            continue;
        }
        if (s[0] == '}')
            braces--;
        *p++ = *s;
    }
    *p = '\0';
    return out;
}

/* Split s at its first top-level comma into left and right (new strings, expanded when
 * asked); false if there is none. */
static bool format_choose(struct fstate *st, const char *s, int depth, char **left, char **right,
                          bool expand_them)
{
    const char *comma = format_skip(s, ",");
    if (comma == NULL)
        return false;
    char *l = xstrndup(s, (size_t)(comma - s));
    char *r = xstrdup(comma + 1);
    if (expand_them) {
        *left = expand_new(st, l, depth + 1);
        *right = expand_new(st, r, depth + 1);
        free(l);
        free(r);
    } else {
        *left = l;
        *right = r;
    }
    return true;
}

/* One modifier of #{MODS:...}: its name ("=", "t", "==", "e"...) and arguments. */
struct format_mod {
    char name[3];
    char *argv[FORMAT_MAX_ARGS];
    int argc;
};

static void free_mods(struct format_mod *mods, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < mods[i].argc; j++)
            free(mods[i].argv[j]);
    }
}

static bool mod_end(char c)
{
    return c == ';' || c == ':';
}

static struct format_mod *mod_add(struct format_mod *mods, int *n, const char *name, size_t len)
{
    if (*n == FORMAT_MAX_MODS)
        return NULL;
    struct format_mod *m = &mods[(*n)++];
    memset(m, 0, sizeof *m);
    memcpy(m->name, name, len);
    return m;
}

static void mod_arg(struct fstate *st, struct format_mod *m, const char *s, size_t len, int depth)
{
    char *raw = xstrndup(s, len);
    if (m->argc < FORMAT_MAX_ARGS)
        m->argv[m->argc++] = expand_new(st, raw, depth + 1);
    free(raw);
}

/* Read the modifiers at the start of *s ("=10;t:name"). Returns their count with *s
 * past the ':', or 0 with *s unchanged when s does not start with modifiers. */
static int parse_mods(struct fstate *st, const char **s, struct format_mod *mods, int depth)
{
    static const char *const twos[] = {"||", "&&", "!=", "==", "<=", ">=", "!!"};
    const char *cp = *s;
    int n = 0;
    while (*cp != '\0' && *cp != ':') {
        if (*cp == ';')
            cp++;
        /* A letter without arguments. */
        if (*cp != '\0' && strchr("labcdnwETSWPLR!<>", *cp) != NULL && mod_end(cp[1])) {
            if (mod_add(mods, &n, cp, 1) == NULL)
                goto fail;
            cp++;
            continue;
        }
        bool two = false;
        for (size_t i = 0; i < sizeof twos / sizeof twos[0]; i++) {
            if (strncmp(cp, twos[i], 2) == 0 && mod_end(cp[2]))
                two = true;
        }
        if (two) {
            if (mod_add(mods, &n, cp, 2) == NULL)
                goto fail;
            cp += 2;
            continue;
        }
        /* A letter that takes arguments. */
        if (*cp == '\0' || strchr("mCNst=peqSWPL", *cp) == NULL)
            break;
        struct format_mod *m = mod_add(mods, &n, cp, 1);
        if (m == NULL)
            goto fail;
        if (mod_end(cp[1])) {
            cp++;
            continue;
        }
        if (!ispunct((unsigned char)cp[1]) || cp[1] == '-') {
            /* One argument right after the letter: =10, p-5. */
            const char *end = format_skip(cp + 1, ":;");
            if (end == NULL)
                break;
            mod_arg(st, m, cp + 1, (size_t)(end - cp - 1), depth);
            cp = end;
            continue;
        }
        /* Arguments between a separator: s/a/b/, e|+|f|2, the last may end at ':'. */
        char ends[4] = {cp[1], ';', ':', '\0'};
        cp++;
        for (;;) {
            if (cp[0] == ends[0] && mod_end(cp[1])) {
                cp++;
                break;
            }
            const char *end = format_skip(cp + 1, ends);
            if (end == NULL)
                break;
            mod_arg(st, m, cp + 1, (size_t)(end - cp - 1), depth);
            cp = end;
            if (mod_end(*cp))
                break;
        }
    }
    if (*cp != ':') {
        free_mods(mods, n);
        return 0;
    }
    *s = cp + 1;
    return n;
fail:
    free_mods(mods, n);
    return 0;
}

/* Decode the character at s[i] (len bytes in all); returns its length in bytes and
 * its width in *width (a broken sequence is one byte of width 1; a control character
 * is width 0 and dropped by trimming, as tmux does). */
static size_t char_at(const char *s, size_t len, size_t i, int *width, bool *control)
{
    unsigned char c = (unsigned char)s[i];
    *control = false;
    if (c < 0x80) {
        *width = 1;
        if (c <= 0x1f || c == 0x7f) {
            *width = 0;
            *control = true;
        }
        return 1;
    }
    struct utf8_decoder d = {0};
    for (size_t j = i; j < len; j++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, (uint8_t)s[j], &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            *width = 0;
            *control = true;
            return 1;
        }
        int w = utf8_width((uint32_t)cp);
        *width = w < 0 ? 0 : w;
        return j - i + 1;
    }
    *width = 0;
    *control = true;
    return 1;
}

/* A run of '#' at s: its length in *n and the columns it shows in *width. An odd run
 * before '[' starts a style (returned pointing at its last '#'); else the run is
 * escapes ("##" shows one '#'). */
static const char *leading_hashes(const char *s, size_t *n, long *width)
{
    for (*n = 0; s[*n] == '#'; (*n)++)
        ;
    if (s[*n] != '[') {
        *width = (long)(*n / 2 + *n % 2);
        return s + *n;
    }
    *width = (long)(*n / 2);
    if (*n % 2 == 0)
        return s + *n;
    return s + *n - 1;
}

/* Columns text takes on a status line: #[styles] take none, "##" one. */
static long format_width(const char *s)
{
    long width = 0, lw;
    size_t n, len = strlen(s);
    const char *cp = s;
    while (*cp != '\0') {
        if (*cp == '#') {
            cp = leading_hashes(cp, &n, &lw);
            width += lw;
            if (*cp == '#') {
                const char *end = format_skip(cp + 2, "]");
                if (end == NULL)
                    return 0;
                cp = end + 1;
            }
            continue;
        }
        int w;
        bool control;
        cp += char_at(s, len, (size_t)(cp - s), &w, &control);
        width += w;
    }
    return width;
}

/* The first limit columns of s, styles kept (tmux's trim from the left). */
static char *trim_left(const char *s, long limit)
{
    size_t len = strlen(s), n;
    struct format_out o = {0};
    long width = 0, lw;
    const char *cp = s;
    while (*cp != '\0' && width < limit) {
        if (*cp == '#') {
            cp = leading_hashes(cp, &n, &lw);
            if (lw > limit - width)
                lw = limit - width;
            if (lw != 0) {
                for (long i = 0; i < (n == 1 ? 1 : 2 * lw); i++)
                    format_out_add(&o, "#", 1);
                width += lw;
            }
            if (*cp == '#') {
                const char *end = format_skip(cp + 2, "]");
                if (end == NULL)
                    break;
                format_out_add(&o, cp, (size_t)(end + 1 - cp));
                cp = end + 1;
            }
            continue;
        }
        int w;
        bool control;
        size_t cl = char_at(s, len, (size_t)(cp - s), &w, &control);
        if (!control && width + w <= limit)
            format_out_add(&o, cp, cl);
        width += w;
        cp += cl;
    }
    return format_out_take(&o);
}

/* The last limit columns of s, styles kept (tmux's trim from the right). */
static char *trim_right(const char *s, long limit)
{
    long total = format_width(s);
    if (total <= limit)
        return xstrdup(s);
    long skip = total - limit, width = 0, lw;
    size_t len = strlen(s), n;
    struct format_out o = {0};
    const char *cp = s;
    while (*cp != '\0') {
        if (*cp == '#') {
            cp = leading_hashes(cp, &n, &lw);
            long copy = lw;
            if (width <= skip)
                copy = skip - width >= copy ? 0 : copy - (skip - width);
            for (long i = 0; copy != 0 && i < (n == 1 ? 1 : 2 * copy); i++)
                format_out_add(&o, "#", 1);
            width += lw;
            if (*cp == '#') {
                const char *end = format_skip(cp + 2, "]");
                if (end == NULL)
                    break;
                format_out_add(&o, cp, (size_t)(end + 1 - cp));
                cp = end + 1;
            }
            continue;
        }
        int w;
        bool control;
        size_t cl = char_at(s, len, (size_t)(cp - s), &w, &control);
        if (!control && width >= skip)
            format_out_add(&o, cp, cl);
        width += w;
        cp += cl;
    }
    return format_out_take(&o);
}

/* Plain width of s for padding (every character counts, styles too, as in tmux). */
static long plain_width(const char *s)
{
    size_t len = strlen(s);
    long width = 0;
    for (size_t i = 0; i < len;) {
        int w;
        bool control;
        i += char_at(s, len, i, &w, &control);
        width += w;
    }
    return width;
}

/* s padded with spaces to width columns: after it (width > 0) or before it. */
static char *pad(const char *s, long width)
{
    long have = plain_width(s), want = width < 0 ? -width : width;
    if (have >= want || want > FORMAT_MAX_OUTPUT)
        return xstrdup(s);
    struct format_out o = {0};
    if (width > 0)
        format_out_str(&o, s);
    for (long i = have; i < want; i++)
        format_out_add(&o, " ", 1);
    if (width < 0)
        format_out_str(&o, s);
    return format_out_take(&o);
}

/* Append rep with \0-\9 replaced by the groups of the match (an empty group gives the
 * digit itself, as tmux). */
static void regsub_expand(struct format_out *o, const char *rep, const char *text,
                          const regmatch_t *m, size_t nm)
{
    for (const char *cp = rep; *cp != '\0'; cp++) {
        if (*cp == '\\') {
            cp++;
            if (*cp == '\0')
                break;
            if (*cp >= '0' && *cp <= '9') {
                size_t i = (size_t)(*cp - '0');
                if (i < nm && m[i].rm_so != m[i].rm_eo && m[i].rm_so >= 0) {
                    format_out_add(o, text + m[i].rm_so, (size_t)(m[i].rm_eo - m[i].rm_so));
                    continue;
                }
            }
        }
        format_out_add(o, cp, 1);
    }
}

/* Every match of the extended regex pattern in text replaced by rep; NULL if the
 * pattern is bad. */
static char *regsub(const char *pattern, const char *rep, const char *text, int flags)
{
    if (*text == '\0')
        return xstrdup("");
    regex_t r;
    if (regcomp_bounded(&r, pattern, flags) != 0)
        return NULL;
    struct format_out o = {0};
    regmatch_t m[10];
    size_t start = 0, last = 0, end = strlen(text);
    bool empty = false;
    while (start <= end) {
        if (regexec(&r, text + start, 10, m, start > 0 ? REG_NOTBOL : 0) != 0) {
            format_out_add(&o, text + last, end - last);
            break;
        }
        format_out_add(&o, text + last, start + (size_t)m[0].rm_so - last);
        if (empty || start + (size_t)m[0].rm_so != last || m[0].rm_so != m[0].rm_eo) {
            regsub_expand(&o, rep, text + start, m, 10);
            last = start + (size_t)m[0].rm_eo;
            start += (size_t)m[0].rm_eo;
            empty = false;
        } else {
            last = start + (size_t)m[0].rm_eo;
            start += (size_t)m[0].rm_eo + 1;
            empty = true;
        }
        if (*pattern == '^') {
            format_out_add(&o, text + last, end - last);
            break;
        }
    }
    regfree(&r);
    return format_out_take(&o);
}

/* A time as ctime prints it, with a strftime format, or (pretty) as tmux's t/p: the
 * time of day within a day, the day within a month, the date within a year. */
static char *format_time(time_t t, const char *strftime_fmt, bool pretty)
{
    struct tm tm;
    char buf[256];
    if (localtime_r(&t, &tm) == NULL)
        return xstrdup("");
    if (pretty) {
        time_t now = time(NULL);
        if (now < t)
            now = t;
        time_t age = now - t;
        struct tm now_tm;
        localtime_r(&now, &now_tm);
        const char *f;
        if (age < 24 * 3600)
            f = "%H:%M";
        else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon == now_tm.tm_mon) ||
                 age < 28 * 24 * 3600)
            f = "%a%d";
        else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon < now_tm.tm_mon) ||
                 (tm.tm_year == now_tm.tm_year - 1 && tm.tm_mon > now_tm.tm_mon))
            f = "%d%b";
        else
            f = "%h%y";
        strftime(buf, sizeof buf, f, &tm);
        return xstrdup(buf);
    }
    size_t n = strftime(buf, sizeof buf, strftime_fmt != NULL ? strftime_fmt : "%a %b %e %H:%M:%S %Y", &tm);
    buf[n] = '\0';
    return xstrdup(buf);
}

/* Backslash before the characters a shell treats specially (q:), tmux 3.3a's set and
 * rule (a newline or ~ stays as it is): scripts compare this output with tmux's, so it
 * is not common/sh_quote's single quoting. */
static char *quote_shell(const char *s)
{
    struct format_out o = {0};
    for (; *s != '\0'; s++) {
        if (strchr("|&;<>()$`\\\"'*?[# =%", *s) != NULL)
            format_out_add(&o, "\\", 1);
        format_out_add(&o, s, 1);
    }
    return format_out_take(&o);
}

/* Every '#' doubled, so a style does not read it (q/h:). */
static char *quote_style(const char *s)
{
    struct format_out o = {0};
    for (; *s != '\0'; s++) {
        if (*s == '#')
            format_out_add(&o, "#", 1);
        format_out_add(&o, s, 1);
    }
    return format_out_take(&o);
}

/* What the modifiers ask of a looked-up value. */
enum {
    FM_TIME = 1 << 0, FM_PRETTY = 1 << 1, FM_BASENAME = 1 << 2, FM_DIRNAME = 1 << 3,
    FM_QUOTE = 1 << 4, FM_QUOTE_STYLE = 1 << 5, FM_LITERAL = 1 << 6, FM_CHAR = 1 << 7,
    FM_COLOUR = 1 << 8, FM_LENGTH = 1 << 9, FM_WIDTH = 1 << 10, FM_EXPAND = 1 << 11,
    FM_EXPAND_TIME = 1 << 12, FM_SESSIONS = 1 << 13, FM_WINDOWS = 1 << 14, FM_PANES = 1 << 15,
    FM_WINDOW_NAME = 1 << 16, FM_SESSION_NAME = 1 << 17, FM_CLIENTS = 1 << 18, FM_REPEAT = 1 << 19,
    FM_NOT = 1 << 20, FM_NOT_NOT = 1 << 21,
};

/* The value of a name: an option, a variable, or an environment variable; NULL if it
 * is none (or, with t:, not a time). Then b: d: q: apply. */
static char *format_find(struct fstate *st, const char *key, int flags, const char *time_fmt)
{
    struct format_out o = {0};
    char *found = NULL;
    if (flags & FM_TIME) {
        long long t;
        if (format_option_value(st->ctx, key, &o)) {
            found = format_out_take(&o);
        } else {
            free(format_out_take(&o));
            if (!format_variable_time(st->ctx, key, &t) || t == 0)
                return NULL;
            return format_time((time_t)t, time_fmt, (flags & FM_PRETTY) != 0);
        }
    } else if (format_variable(st->ctx, key, &o) && !o.unset) {
        found = format_out_take(&o);
    } else {
        free(format_out_take(&o));
        return NULL;
    }
    if (flags & FM_BASENAME) {
        char *copy = xstrdup(found);
        free(found);
        found = xstrdup(basename(copy));
        free(copy);
    }
    if (flags & FM_DIRNAME) {
        char *copy = xstrdup(found);
        free(found);
        found = xstrdup(dirname(copy));
        free(copy);
    }
    if (flags & FM_QUOTE) {
        char *q = quote_shell(found);
        free(found);
        found = q;
    }
    if (flags & FM_QUOTE_STYLE) {
        char *q = quote_style(found);
        free(found);
        found = q;
    }
    return found;
}

/* m: fnmatch (i: ignoring case) or, with r, an extended regex. */
static char *format_match(const struct format_mod *m, const char *pattern, const char *text)
{
    const char *f = m->argc >= 1 ? m->argv[0] : "";
    if (strchr(f, 'r') == NULL) {
        int flags = strchr(f, 'i') != NULL ? FNM_CASEFOLD : 0;
        return xstrdup(fnmatch(pattern, text, flags) == 0 ? "1" : "0");
    }
    regex_t r;
    int flags = REG_EXTENDED | REG_NOSUB | (strchr(f, 'i') != NULL ? REG_ICASE : 0);
    if (regcomp_bounded(&r, pattern, flags) != 0)
        return xstrdup("0");
    int rc = regexec(&r, text, 0, NULL, 0);
    regfree(&r);
    return xstrdup(rc == 0 ? "1" : "0");
}

/* C: the number (from 1) of the first visible line of the pane holding text (an
 * fnmatch "*text*", or a regex with r; i ignores case), 0 if none. */
static char *format_search(const struct format_mod *m, const struct pane *p, const char *text)
{
    const char *f = m->argc >= 1 ? m->argv[0] : "";
    bool regex = strchr(f, 'r') != NULL, icase = strchr(f, 'i') != NULL;
    if (p->vt == NULL)
        return xstrdup("0");
    regex_t r;
    char *pattern = NULL;
    if (regex) {
        if (regcomp_bounded(&r, text, REG_EXTENDED | REG_NOSUB | (icase ? REG_ICASE : 0)) != 0)
            return xstrdup("0");
    } else
        pattern = xasprintf("*%s*", text);
    int rows = vt_rows(p->vt), found = 0;
    size_t size = (size_t)vt_cols(p->vt) * 8 + 8;
    char *line = xmalloc(size);
    for (int y = 0; y < rows && found == 0; y++) {
        vt_line_text(p->vt, y, line, size);
        bool hit = regex ? regexec(&r, line, 0, NULL, 0) == 0
                         : fnmatch(pattern, line, icase ? FNM_CASEFOLD : 0) == 0;
        if (hit)
            found = y + 1;
    }
    free(line);
    if (regex)
        regfree(&r);
    free(pattern);
    return xasprintf("%d", found);
}

/* A double as tmux's e| prints it: as the integer a C cast gives on x86 (which makes
 * what does not fit the smallest long long). */
static long long to_integer(double d)
{
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return LLONG_MIN;
    return (long long)d;
}

/* x modulo y as C's fmod gives it, exactly (bit for bit, NaNs by their sign: checked
 * against glibc's on 2M pairs): tmx links no libm for this one function (every tmx
 * command loaded it: 0.04 ms of each start). |x| less the largest y * 2^k that fits, k
 * going down: each step is exact (m <= r < 2m), as is halving m (a multiple of |y|,
 * never below it). */
static double format_fmod(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) ? x : y;
    if (isinf(x) || y == 0)
        return (x * y) / (x * y); /* the invalid operation's NaN, as fmod's (-nan on x86) */
    double r = fabs(x), ay = fabs(y);
    if (r >= ay) {
        double m = ay;
        while (m + m <= r)
            m += m;
        for (;;) {
            if (r >= m)
                r -= m;
            if (m == ay)
                break;
            m /= 2;
        }
    }
    return copysign(r, x);
}

/* e|op|[f]|[precision]: arithmetic or a numeric comparison of "a,b"; NULL on an
 * unknown operator or something not a number. */
static char *format_expression(struct fstate *st, const struct format_mod *m, const char *operand,
                               int depth)
{
    if (m->argc < 1)
        return NULL;
    bool fp = m->argc >= 2 && strchr(m->argv[1], 'f') != NULL;
    int prec = 0;
    if (m->argc >= 3) {
        char *end;
        errno = 0;
        long v = strtol(m->argv[2], &end, 10);
        if (*m->argv[2] == '\0' || *end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX)
            return NULL;
        prec = (int)v;
    } else if (fp)
        prec = 2;
    if (prec > 100)
        prec = 100;
    static const char *const ops[] = {"+", "-", "*", "/", "%", "m", "==", "!=", ">", ">=", "<", "<="};
    int op = -1;
    for (int i = 0; i < (int)(sizeof ops / sizeof ops[0]); i++) {
        if (strcmp(m->argv[0], ops[i]) == 0)
            op = i;
    }
    if (op < 0)
        return NULL;
    char *left, *right;
    if (!format_choose(st, operand, depth, &left, &right, true))
        return NULL;
    char *end1, *end2;
    double a = strtod(left, &end1), b = strtod(right, &end2);
    bool ok = *end1 == '\0' && *end2 == '\0';
    free(left);
    free(right);
    if (!ok)
        return NULL;
    if (!fp) {
        a = (double)to_integer(a);
        b = (double)to_integer(b);
    }
    double r = 0;
    switch (op) {
    case 0: r = a + b; break;
    case 1: r = a - b; break;
    case 2: r = a * b; break;
    case 3: r = a / b; break;
    case 4:
    case 5: r = format_fmod(a, b); break;
    case 6: r = fabs(a - b) < 1e-9; break;
    case 7: r = fabs(a - b) > 1e-9; break;
    case 8: r = a > b; break;
    case 9: r = a >= b; break;
    case 10: r = a < b; break;
    case 11: r = a <= b; break;
    }
    if (fp)
        return xasprintf("%.*f", prec, r);
    return xasprintf("%.*f", prec, (double)to_integer(r));
}

/* How a loop orders its items (tmux 3.4+: S/W/P/L with an argument): by index (W:
 * P: L: by default), by name (n; S: by default), by time (t: sessions by activity),
 * reversed with r. */
struct loop_order {
    char by;
    bool reverse;
};

static struct loop_order loop_order(const struct format_mod *m, char by)
{
    struct loop_order lo = {.by = by};
    const char *f = m != NULL && m->argc >= 1 ? m->argv[0] : "";
    for (; *f != '\0'; f++) {
        if (*f == 'r')
            lo.reverse = true;
        else if (strchr("int", *f) != NULL)
            lo.by = *f;
    }
    return lo;
}

/* Sort items (pointers) in place, stable, with cmp; reversed when asked. */
static void loop_sort(void **items, size_t n, int (*cmp)(const void *, const void *),
                      bool reverse)
{
    for (size_t i = 1; i < n; i++) {
        for (size_t j = i; j > 0 && cmp(items[j - 1], items[j]) > 0; j--) {
            void *t = items[j];
            items[j] = items[j - 1];
            items[j - 1] = t;
        }
    }
    for (size_t i = 0; reverse && i < n / 2; i++) {
        void *t = items[i];
        items[i] = items[n - 1 - i];
        items[n - 1 - i] = t;
    }
}

static int session_by_name(const void *a, const void *b)
{
    return strcmp(((const struct session *)a)->name, ((const struct session *)b)->name);
}

static int session_by_index(const void *a, const void *b)
{
    uint32_t x = ((const struct session *)a)->id, y = ((const struct session *)b)->id;
    return x < y ? -1 : x > y;
}

static int session_by_time(const void *a, const void *b)
{
    time_t x = ((const struct session *)a)->activity, y = ((const struct session *)b)->activity;
    return x > y ? -1 : x < y; /* most recent first */
}

static int window_by_name(const void *a, const void *b)
{
    const char *x = ((const struct winlink *)a)->window->name;
    const char *y = ((const struct winlink *)b)->window->name;
    return strcmp(x != NULL ? x : "", y != NULL ? y : "");
}

static int by_list_order(const void *a, const void *b)
{
    (void)a;
    (void)b;
    return 0;
}

/* Expand fmt for another client/session/window/pane (a loop's item). */
static char *expand_for(struct fstate *st, struct client *c, struct session *s, struct winlink *wl,
                        struct window *w, struct pane *p, const char *fmt, int depth,
                        enum format_type type)
{
    struct format_ctx ctx = {.server = st->ctx->server, .session = s, .wl = wl, .window = w,
                             .pane = p, .client = c, .type = type, .command = st->ctx->command};
    format_defaults(&ctx);
    const struct format_ctx *saved = st->ctx;
    st->ctx = &ctx;
    char *r = expand_new(st, fmt, depth + 1);
    st->ctx = saved;
    return r;
}

/* S: W: P: L: loops; NULL when the context lacks what the loop walks. */
static char *format_loop(struct fstate *st, int kind, const struct format_mod *m, const char *fmt,
                         int depth)
{
    const struct format_ctx *ctx = st->ctx;
    struct format_out o = {0};
    char *all = NULL, *alt = NULL;
    struct session *s = ctx->session;
    struct window *w = ctx->window;
    if (w == NULL && ctx->pane != NULL)
        w = ctx->pane->window;
    if (s == NULL && w != NULL && !TAILQ_EMPTY(&w->links))
        s = TAILQ_FIRST(&w->links)->session;
    if ((kind == FM_SESSIONS || kind == FM_CLIENTS) && ctx->server == NULL)
        return NULL;
    if ((kind == FM_WINDOWS && s == NULL) || (kind == FM_PANES && w == NULL))
        return NULL;
    /* tmux 3.3a's S: has no second format; W: P: L: do. */
    if (kind == FM_SESSIONS || !format_choose(st, fmt, depth, &all, &alt, false)) {
        all = xstrdup(fmt);
        alt = NULL;
    }
    void **items = NULL;
    size_t n = 0;
    if (kind == FM_SESSIONS) {
        struct session *x;
        TAILQ_FOREACH(x, &ctx->server->sessions, entry) {
            items = xreallocarray(items, n + 1, sizeof *items);
            items[n++] = x;
        }
        struct loop_order lo = loop_order(m, 'n');
        loop_sort(items, n, lo.by == 'n' ? session_by_name : lo.by == 't' ? session_by_time : session_by_index,
                  lo.reverse);
    } else if (kind == FM_WINDOWS) {
        struct winlink *x;
        TAILQ_FOREACH(x, &s->windows, entry) {
            items = xreallocarray(items, n + 1, sizeof *items);
            items[n++] = x;
        }
        struct loop_order lo = loop_order(m, 'i');
        loop_sort(items, n, lo.by == 'n' ? window_by_name : by_list_order, lo.reverse);
    } else if (kind == FM_PANES) {
        struct pane *x;
        TAILQ_FOREACH(x, &w->panes, entry) {
            items = xreallocarray(items, n + 1, sizeof *items);
            items[n++] = x;
        }
        loop_sort(items, n, by_list_order, loop_order(m, 'i').reverse);
    } else {
        struct client *x;
        TAILQ_FOREACH(x, &ctx->server->clients, entry) {
            if (!x->attached || x->session == NULL)
                continue;
            items = xreallocarray(items, n + 1, sizeof *items);
            items[n++] = x;
        }
        loop_sort(items, n, by_list_order, loop_order(m, 'i').reverse);
    }
    for (size_t i = 0; i < n; i++) {
        char *e;
        if (kind == FM_SESSIONS) {
            e = expand_for(st, ctx->client, items[i], NULL, NULL, NULL, all, depth,
                           FORMAT_TYPE_SESSION);
        } else if (kind == FM_WINDOWS) {
            struct winlink *x = items[i];
            e = expand_for(st, ctx->client, s, x, x->window, NULL,
                           alt != NULL && x == s->current ? alt : all, depth, FORMAT_TYPE_WINDOW);
        } else if (kind == FM_PANES) {
            struct pane *x = items[i];
            e = expand_for(st, ctx->client, s, ctx->wl, w, x,
                           alt != NULL && x == w->active ? alt : all, depth, FORMAT_TYPE_PANE);
        } else {
            struct client *x = items[i];
            e = expand_for(st, x, x->session, NULL, NULL, NULL,
                           alt != NULL && x == ctx->client ? alt : all, depth, FORMAT_TYPE_UNSET);
        }
        format_out_str(&o, e);
        free(e);
    }
    free(items);
    free(all);
    free(alt);
    return format_out_take(&o);
}

/* R: (tmux 3.4+) "text,N": text N times. */
static char *format_repeat(struct fstate *st, const char *operand, int depth)
{
    char *left, *right;
    if (!format_choose(st, operand, depth, &left, &right, true))
        return NULL;
    char *end;
    errno = 0;
    long n = strtol(right, &end, 10);
    struct format_out o = {0};
    if (*right != '\0' && *end == '\0' && errno == 0 && n > 0) {
        for (long i = 0; i < n && o.len < FORMAT_MAX_OUTPUT && *left != '\0'; i++)
            format_out_str(&o, left);
    }
    free(left);
    free(right);
    return format_out_take(&o);
}

/* N/s N/w: "1" if a session (of the server) or a window (of the session) has the
 * name; NULL when there is nothing to look in. */
static char *format_name_exists(struct fstate *st, bool session, const char *fmt, int depth)
{
    const struct format_ctx *ctx = st->ctx;
    struct session *s = ctx->session;
    if (s == NULL && ctx->window != NULL && !TAILQ_EMPTY(&ctx->window->links))
        s = TAILQ_FIRST(&ctx->window->links)->session;
    if ((session && ctx->server == NULL) || (!session && s == NULL))
        return NULL;
    char *name = expand_new(st, fmt, depth + 1);
    bool found = false;
    if (session) {
        struct session *x;
        TAILQ_FOREACH(x, &ctx->server->sessions, entry)
            found = found || strcmp(x->name, name) == 0;
    } else {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry)
            found = found || (wl->window->name != NULL && strcmp(wl->window->name, name) == 0);
    }
    free(name);
    return xstrdup(found ? "1" : "0");
}

/* c: a colour as six hex digits of its RGB ("" for default or not a colour). */
static char *format_colour(const char *name)
{
    uint32_t c;
    if (style_parse_colour(name, &c) != 0)
        return xstrdup("");
    uint32_t rgb;
    if (COLOUR_KIND(c) == COLOUR_RGB)
        rgb = COLOUR_VALUE(c);
    else if (COLOUR_KIND(c) == COLOUR_PALETTE) {
        unsigned i = COLOUR_VALUE(c) & 0xff;
        static const uint32_t base[16] = {0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080,
                                          0x008080, 0xc0c0c0, 0x808080, 0xff0000, 0x00ff00, 0xffff00,
                                          0x0000ff, 0xff00ff, 0x00ffff, 0xffffff};
        static const uint32_t levels[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
        if (i < 16)
            rgb = base[i];
        else if (i < 232) {
            i -= 16;
            rgb = levels[i / 36] << 16 | levels[(i / 6) % 6] << 8 | levels[i % 6];
        } else {
            uint32_t g = 8 + 10 * (i - 232);
            rgb = g << 16 | g << 8 | g;
        }
    } else
        return xstrdup("");
    return xasprintf("%06x", rgb);
}

/* Expand the inside of one #{...} (key, len bytes) into o; false if it cannot be
 * read (the expansion stops there). */
static bool replace(struct fstate *st, const char *key, size_t len, int depth, struct format_out *o)
{
    if (++st->steps > FORMAT_MAX_STEPS)
        return true;
    char *copy0 = xstrndup(key, len);
    const char *copy = copy0;
    struct format_mod mods[FORMAT_MAX_MODS];
    int nmods = parse_mods(st, &copy, mods, depth);
    const struct format_mod *cmp = NULL, *search = NULL, *expr = NULL, *loop = NULL;
    const struct format_mod *subs[FORMAT_MAX_MODS];
    int nsubs = 0, flags = 0;
    long limit = 0, width = 0;
    const char *marker = NULL;
    char *time_fmt = NULL, *value = NULL;
    bool ok = true;

    for (int i = 0; i < nmods; i++) {
        const struct format_mod *m = &mods[i];
        if (strcmp(m->name, "!!") == 0) {
            flags |= FM_NOT_NOT;
            continue;
        }
        if (m->name[1] != '\0') {
            cmp = m;
            continue;
        }
        char *end;
        switch (m->name[0]) {
        case 'm':
        case '<':
        case '>':
            cmp = m;
            break;
        case 'C':
            search = m;
            break;
        case 's':
            if (m->argc >= 2)
                subs[nsubs++] = m;
            break;
        case '=':
        case 'p':
            if (m->argc < 1)
                break;
            errno = 0;
            long v = strtol(m->argv[0], &end, 10);
            if (*m->argv[0] == '\0' || *end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX)
                v = 0;
            if (m->name[0] == 'p')
                width = v;
            else {
                limit = v;
                if (m->argc >= 2)
                    marker = m->argv[1];
            }
            break;
        case 'w': flags |= FM_WIDTH; break;
        case 'e':
            if (m->argc >= 1 && m->argc <= 3)
                expr = m;
            break;
        case 'l': flags |= FM_LITERAL; break;
        case 'a': flags |= FM_CHAR; break;
        case 'b': flags |= FM_BASENAME; break;
        case 'c': flags |= FM_COLOUR; break;
        case 'd': flags |= FM_DIRNAME; break;
        case 'n': flags |= FM_LENGTH; break;
        case 't':
            flags |= FM_TIME;
            if (m->argc < 1)
                break;
            if (strchr(m->argv[0], 'p') != NULL)
                flags |= FM_PRETTY;
            else if (m->argc >= 2 && strchr(m->argv[0], 'f') != NULL) {
                free(time_fmt);
                time_fmt = format_strip(m->argv[1]);
            }
            break;
        case 'q':
            if (m->argc < 1)
                flags |= FM_QUOTE;
            else if (strchr(m->argv[0], 'e') != NULL || strchr(m->argv[0], 'h') != NULL)
                flags |= FM_QUOTE_STYLE;
            break;
        case 'E': flags |= FM_EXPAND; break;
        case 'T': flags |= FM_EXPAND_TIME; break;
        case 'N':
            if (m->argc < 1 || strchr(m->argv[0], 'w') != NULL)
                flags |= FM_WINDOW_NAME;
            else if (strchr(m->argv[0], 's') != NULL)
                flags |= FM_SESSION_NAME;
            break;
        case 'S': flags |= FM_SESSIONS; loop = m; break;
        case 'W': flags |= FM_WINDOWS; loop = m; break;
        case 'P': flags |= FM_PANES; loop = m; break;
        case 'L': flags |= FM_CLIENTS; loop = m; break; /* tmux 3.4+ */
        case 'R': flags |= FM_REPEAT; break;            /* tmux 3.4+ */
        case '!': flags |= FM_NOT; break;               /* tmux 3.4+ */
        }
    }

    if (flags & FM_LITERAL) {
        value = xstrdup(copy);
    } else if (flags & FM_CHAR) {
        char *e = expand_new(st, copy, depth + 1), *end;
        errno = 0;
        long c = strtol(e, &end, 10);
        value = *e != '\0' && *end == '\0' && errno == 0 && c >= 32 && c <= 126 ? xasprintf("%c", (int)c)
                                                                                : xstrdup("");
        free(e);
    } else if (flags & FM_COLOUR) {
        char *e = expand_new(st, copy, depth + 1);
        value = format_colour(e);
        free(e);
    } else if (flags & (FM_SESSIONS | FM_WINDOWS | FM_PANES | FM_CLIENTS)) {
        int kind = (flags & FM_SESSIONS)  ? FM_SESSIONS
                   : (flags & FM_WINDOWS) ? FM_WINDOWS
                   : (flags & FM_PANES)   ? FM_PANES
                                          : FM_CLIENTS;
        value = format_loop(st, kind, loop, copy, depth);
    } else if (flags & FM_REPEAT) {
        value = format_repeat(st, copy, depth);
    } else if (flags & (FM_WINDOW_NAME | FM_SESSION_NAME)) {
        value = format_name_exists(st, (flags & FM_WINDOW_NAME) == 0, copy, depth);
    } else if (search != NULL) {
        char *e = expand_new(st, copy, depth + 1);
        value = st->ctx->pane == NULL ? xstrdup("0") : format_search(search, st->ctx->pane, e);
        free(e);
    } else if (cmp != NULL) {
        char *left, *right;
        if (format_choose(st, copy, depth, &left, &right, true)) {
            const char *n = cmp->name;
            int c = strcmp(left, right), r = 0;
            if (strcmp(n, "||") == 0)
                r = format_true(left) || format_true(right);
            else if (strcmp(n, "&&") == 0)
                r = format_true(left) && format_true(right);
            else if (strcmp(n, "==") == 0)
                r = c == 0;
            else if (strcmp(n, "!=") == 0)
                r = c != 0;
            else if (strcmp(n, "<") == 0)
                r = c < 0;
            else if (strcmp(n, ">") == 0)
                r = c > 0;
            else if (strcmp(n, "<=") == 0)
                r = c <= 0;
            else if (strcmp(n, ">=") == 0)
                r = c >= 0;
            if (strcmp(n, "m") == 0)
                value = format_match(cmp, left, right);
            else
                value = xstrdup(r ? "1" : "0");
            free(left);
            free(right);
        }
    } else if (*copy == '?') {
        /* ?cond,a,b: cond is a name, else a format, false when nothing in it expands (a
         * word, a style, ##[, an unknown #a: tmux's "not found; assuming false"). */
        const char *comma = format_skip(copy + 1, ",");
        if (comma != NULL) {
            char *cond = xstrndup(copy + 1, (size_t)(comma - copy - 1));
            char *found = format_find(st, cond, flags, time_fmt);
            if (found == NULL) {
                found = strchr(cond, '#') != NULL ? expand_new(st, cond, depth + 1) : xstrdup(cond);
                if (strcmp(found, cond) == 0)
                    found[0] = '\0';
            }
            char *left, *right;
            if (format_choose(st, comma + 1, depth, &left, &right, false)) {
                value = expand_new(st, format_true(found) ? left : right, depth + 1);
                free(left);
                free(right);
            }
            free(cond);
            free(found);
        }
    } else if (expr != NULL) {
        value = format_expression(st, expr, copy, depth);
        if (value == NULL)
            value = xstrdup("");
    } else if (strstr(copy, "#{") != NULL) {
        value = expand_new(st, copy, depth + 1);
    } else {
        value = format_find(st, copy, flags, time_fmt);
        if (value == NULL)
            value = xstrdup("");
    }
    if (value == NULL) {
        ok = false;
        goto out;
    }

    if (flags & FM_EXPAND) {
        char *e = expand_new(st, value, depth + 1);
        free(value);
        value = e;
    } else if (flags & FM_EXPAND_TIME) {
        bool was = st->time;
        st->time = true;
        char *e = expand_new(st, value, depth + 1);
        st->time = was;
        free(value);
        value = e;
    }
    for (int i = 0; i < nsubs; i++) {
        char *pat = expand_new(st, subs[i]->argv[0], depth + 1);
        char *rep = expand_new(st, subs[i]->argv[1], depth + 1);
        int rflags = REG_EXTENDED;
        if (subs[i]->argc >= 3 && strchr(subs[i]->argv[2], 'i') != NULL)
            rflags |= REG_ICASE;
        char *r = regsub(pat, rep, value, rflags);
        if (r != NULL) {
            free(value);
            value = r;
        }
        free(pat);
        free(rep);
    }
    if (limit != 0) {
        char *t = limit > 0 ? trim_left(value, limit) : trim_right(value, -limit);
        if (marker != NULL && strcmp(t, value) != 0) {
            char *m = limit > 0 ? xasprintf("%s%s", t, marker) : xasprintf("%s%s", marker, t);
            free(t);
            t = m;
        }
        free(value);
        value = t;
    }
    if (width != 0) {
        char *t = pad(value, width);
        free(value);
        value = t;
    }
    if (flags & (FM_NOT | FM_NOT_NOT)) {
        bool yes = format_true(value) == ((flags & FM_NOT_NOT) != 0);
        free(value);
        value = xstrdup(yes ? "1" : "0");
    }
    if (flags & FM_LENGTH) {
        char *t = xasprintf("%zu", strlen(value));
        free(value);
        value = t;
    }
    if (flags & FM_WIDTH) {
        char *t = xasprintf("%ld", format_width(value));
        free(value);
        value = t;
    }
    format_out_str(o, value);
out:
    free(value);
    free(time_fmt);
    free_mods(mods, nmods);
    free(copy0);
    return ok;
}

static const char *const format_upper[26] = {
    ['D' - 'A'] = "pane_id",      ['F' - 'A'] = "window_flags", ['H' - 'A'] = "host",
    ['I' - 'A'] = "window_index", ['P' - 'A'] = "pane_index",   ['S' - 'A'] = "session_name",
    ['T' - 'A'] = "pane_title",   ['W' - 'A'] = "window_name",
};

/* fmt with strftime's % sequences replaced (T:, display-message, the status line). */
static char *expand_time(const struct fstate *st, const char *fmt)
{
    struct tm tm;
    if (localtime_r(&st->now, &tm) == NULL)
        return xstrdup(fmt);
    size_t size = strlen(fmt) * 4 + 256;
    if (size > FORMAT_MAX_OUTPUT)
        size = FORMAT_MAX_OUTPUT;
    char *buf = xmalloc(size);
    if (strftime(buf, size, fmt, &tm) == 0)
        buf[0] = '\0';
    return buf;
}

static void expand(struct fstate *st, const char *fmt, int depth, struct format_out *o)
{
    if (depth >= FORMAT_MAX_DEPTH || st->steps > FORMAT_MAX_STEPS)
        return;
    char *timed = NULL;
    if (st->time && strchr(fmt, '%') != NULL)
        fmt = timed = expand_time(st, fmt);
    const char *p = fmt;
    while (*p != '\0' && o->len < FORMAT_MAX_OUTPUT && !st->failed) {
        if (p[0] != '#' || p[1] == '\0') {
            size_t n = p[0] == '#' ? 1 : strcspn(p, "#");
            format_out_add(o, p, n);
            p += n;
            continue;
        }
        char c = p[1];
        if (c == '(') {
            /* #(command): up to the matching parenthesis. */
            int depth_paren = 1;
            const char *q = p + 2;
            for (; *q != '\0'; q++) {
                if (*q == '(')
                    depth_paren++;
                if (*q == ')' && --depth_paren == 0)
                    break;
            }
            if (*q != ')')
                break;
            char *cmd = xstrndup(p + 2, (size_t)(q - p - 2));
            char *expanded = expand_new(st, cmd, depth + 1);
            char *out = format_job_get(st->ctx, cmd, expanded);
            char *shown = expand_new(st, out, depth + 1);
            format_out_str(o, shown);
            free(shown);
            free(out);
            free(expanded);
            free(cmd);
            p = q + 1;
        } else if (c == '{') {
            const char *end = format_skip(p, "}");
            if (end == NULL)
                break;
            if (!replace(st, p + 2, (size_t)(end - p - 2), depth, o)) {
                st->failed = true;
                break;
            }
            p = end + 1;
        } else if (c == '[' || c == '#') {
            /* #[ and ##[ (any run of '#' before '['): a style, left for the status line
             * to draw; otherwise ## is one '#'. */
            const char *q = c == '[' ? p + 1 : p + 2;
            size_t n = c == '[' ? 1 : 2;
            while (*q == '#') {
                q++;
                n++;
            }
            if (*q == '[') {
                format_out_add(o, p, n + 1);
                p = q + 1;
                continue;
            }
            format_out_add(o, "#", 1);
            p += 2;
        } else if (c == '}' || c == ',') {
            format_out_add(o, &c, 1);
            p += 2;
        } else {
            /* Inside a #[style] too, as tmux 3.3a: #[bg=#D0D0D0] needs ##D0D0D0. */
            const char *name = NULL;
            if (c >= 'A' && c <= 'Z')
                name = format_upper[c - 'A'];
            else if (c == 'h')
                name = "host_short";
            if (name == NULL) {
                format_out_add(o, p, 2);
                p += 2;
                continue;
            }
            if (!replace(st, name, strlen(name), depth, o)) {
                st->failed = true;
                break;
            }
            p += 2;
        }
    }
    free(timed);
}

void format_defaults(struct format_ctx *ctx)
{
    if (ctx->type == FORMAT_TYPE_UNSET)
        ctx->type = ctx->pane != NULL     ? FORMAT_TYPE_PANE
                    : ctx->window != NULL ? FORMAT_TYPE_WINDOW
                    : ctx->session != NULL ? FORMAT_TYPE_SESSION
                                           : FORMAT_TYPE_UNSET;
    if (ctx->session != NULL && ctx->window == NULL && ctx->session->current != NULL) {
        ctx->wl = ctx->session->current;
        ctx->window = ctx->wl->window;
    }
    if (ctx->window != NULL && ctx->pane == NULL)
        ctx->pane = ctx->window->active;
}

static char *format_expand1(const struct format_ctx *ctx, const char *template, bool with_time)
{
    static const struct format_ctx empty = {0};
    struct fstate st = {.ctx = ctx != NULL ? ctx : &empty, .time = with_time, .now = time(NULL)};
    struct format_out o = {0};
    if (template != NULL)
        expand(&st, template, 0, &o);
    return format_out_take(&o);
}

char *format_expand(const struct format_ctx *ctx, const char *template)
{
    return format_expand1(ctx, template, false);
}

char *format_expand_time(const struct format_ctx *ctx, const char *template)
{
    return format_expand1(ctx, template, true);
}
