/* caps.c - a client terminal's capabilities: read once per TERM from terminfo through
 * ncurses' low-level interface, copied into a struct render_caps (padding removed), and
 * cached for the life of the process. Also expands parametrised capability strings
 * (terminfo(5) "%" language) itself, so rendering never touches ncurses state. */
#include "caps.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <term.h>

#include "xmalloc.h"

struct render_caps {
    char *term;
    bool truecolor;             /* asked for by the client (COLORTERM) */
    int colours;                /* 0 (monochrome), 8, 16, 256 or RENDER_COLOURS_RGB */
    bool flags[RENDER_FLAG_COUNT];
    char *strings[RENDER_CAP_COUNT];
    int ncolors;                /* terminfo colors */
    bool rgb;                   /* terminfo RGB or Tc */
    struct render_caps *next;
};

/* terminfo names of the string capabilities, in enum render_cap order. */
static const char *const cap_names[RENDER_CAP_COUNT] = {
    [RENDER_CAP_CUP] = "cup",     [RENDER_CAP_CUU1] = "cuu1",  [RENDER_CAP_CUD1] = "cud1",
    [RENDER_CAP_CUF1] = "cuf1",   [RENDER_CAP_CUB1] = "cub1",  [RENDER_CAP_CUU] = "cuu",
    [RENDER_CAP_CUD] = "cud",     [RENDER_CAP_CUF] = "cuf",    [RENDER_CAP_CUB] = "cub",
    [RENDER_CAP_CR] = "cr",       [RENDER_CAP_HOME] = "home",  [RENDER_CAP_CLEAR] = "clear",
    [RENDER_CAP_EL] = "el",       [RENDER_CAP_ECH] = "ech",    [RENDER_CAP_CSR] = "csr",
    [RENDER_CAP_IND] = "ind",     [RENDER_CAP_RI] = "ri",      [RENDER_CAP_SGR0] = "sgr0",
    [RENDER_CAP_BOLD] = "bold",   [RENDER_CAP_DIM] = "dim",    [RENDER_CAP_SITM] = "sitm",
    [RENDER_CAP_SMUL] = "smul",   [RENDER_CAP_BLINK] = "blink", [RENDER_CAP_REV] = "rev",
    [RENDER_CAP_INVIS] = "invis", [RENDER_CAP_SMXX] = "smxx",  [RENDER_CAP_SETAF] = "setaf",
    [RENDER_CAP_SETAB] = "setab", [RENDER_CAP_OP] = "op",      [RENDER_CAP_CIVIS] = "civis",
    [RENDER_CAP_CNORM] = "cnorm", [RENDER_CAP_SS] = "Ss",      [RENDER_CAP_SE] = "Se",
    [RENDER_CAP_SMAM] = "smam",   [RENDER_CAP_RMAM] = "rmam",  [RENDER_CAP_RMUL] = "rmul",
    [RENDER_CAP_REP] = "rep",     [RENDER_CAP_TSL] = "tsl",    [RENDER_CAP_FSL] = "fsl",
    [RENDER_CAP_SYNC] = "Sync",   [RENDER_CAP_KMOUS] = "kmous",
    [RENDER_CAP_MS] = "Ms",       [RENDER_CAP_SMULX] = "Smulx", [RENDER_CAP_SETULC] = "Setulc",
    [RENDER_CAP_SMOL] = "Smol",   [RENDER_CAP_HLS] = "Hls",    [RENDER_CAP_CS] = "Cs",
    [RENDER_CAP_CRC] = "Cr",
};

/* TERM prefixes of terminals known to take xterm's OSC 2 title even when their
 * terminfo entry says nothing about it. */
static const char *const title_terms[] = {
    "xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "kitty",
};

/* The process-wide cache: one entry per (TERM, truecolor) pair ever asked for. It is
 * the render module's only global state; entries are immutable once loaded and live
 * until render_caps_free_all(). The server is single-threaded. */
static struct render_caps *caps_cache;

/* Remove terminfo padding specifications ("$<5>", "$<2*>") from s, in place. */
static void strip_padding(char *s)
{
    char *w = s;
    for (const char *r = s; *r != '\0';) {
        if (r[0] == '$' && r[1] == '<') {
            const char *e = r + 2;
            while (*e != '\0' && strchr("0123456789.*/", *e) != NULL)
                e++;
            if (*e == '>') {
                r = e + 1;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

/* A TERM value comes from a client: accept only a plausible terminfo name, so it can
 * never be taken for a path. */
static bool term_name_ok(const char *term)
{
    size_t len = strlen(term);
    if (len == 0 || len > 128)
        return false;
    for (const char *p = term; *p != '\0'; p++) {
        if (*p <= ' ' || *p >= 0x7f || *p == '/' || *p == '\\')
            return false;
    }
    return strcmp(term, ".") != 0 && strcmp(term, "..") != 0;
}

static void caps_colours(struct render_caps *caps);

/* Read everything tmx needs from the terminfo entry now current in ncurses. */
static void caps_read_current(struct render_caps *caps)
{
    for (int i = 0; i < RENDER_CAP_COUNT; i++) {
        char *s = tigetstr(cap_names[i]);
        if (s == NULL || s == (char *)-1 || *s == '\0')
            continue;
        caps->strings[i] = xstrdup(s);
        strip_padding(caps->strings[i]);
    }
    caps->flags[RENDER_FLAG_AM] = tigetflag("am") > 0;
    caps->flags[RENDER_FLAG_XENL] = tigetflag("xenl") > 0;
    caps->flags[RENDER_FLAG_BCE] = tigetflag("bce") > 0;
    caps->flags[RENDER_FLAG_XT] = tigetflag("XT") > 0;

    /* Direct colour: the RGB extension (boolean, number or string form) or Tc. */
    char *rgb_str = tigetstr("RGB");
    caps->rgb = tigetflag("RGB") > 0 || tigetnum("RGB") > 0 || tigetflag("Tc") > 0 ||
                (rgb_str != NULL && rgb_str != (char *)-1);
    caps->ncolors = tigetnum("colors");
    caps_colours(caps);
}

/* How many colours: from the client's COLORTERM, RGB/Tc, colors and setaf. */
static void caps_colours(struct render_caps *caps)
{
    int n = caps->ncolors;
    if (caps->truecolor || caps->rgb)
        caps->colours = RENDER_COLOURS_RGB;
    else if (caps->strings[RENDER_CAP_SETAF] == NULL || n < 8)
        caps->colours = 0;
    else if (n >= 256)
        caps->colours = RENDER_COLOURS_256;
    else if (n >= 16)
        caps->colours = RENDER_COLOURS_16;
    else
        caps->colours = RENDER_COLOURS_8;
    if (caps->colours == RENDER_COLOURS_RGB && caps->strings[RENDER_CAP_SETAF] == NULL &&
        !caps->truecolor)
        caps->colours = 0;
}

/* True if cap s is exactly the ANSI/ECMA-48 SGR sequence "ESC [ <code> m". */
static bool is_sgr(const char *s, const char *code)
{
    char want[16];
    snprintf(want, sizeof want, "\033[%sm", code);
    return s != NULL && strcmp(s, want) == 0;
}

/* Decide whether SGR parameters may be combined and sent directly (ESC[0;1;38;5;Nm):
 * the attribute caps the terminal has must all be the standard ANSI ones. Off codes
 * (22-29) are trusted only on terminals that also have ANSI colours and rmul=ESC[24m,
 * i.e. xterm-like terminals of this century. */
static void caps_classify(struct render_caps *caps)
{
    static const struct {
        enum render_cap cap;
        const char *code;
    } std[] = {
        { RENDER_CAP_BOLD, "1" },  { RENDER_CAP_DIM, "2" },   { RENDER_CAP_SITM, "3" },
        { RENDER_CAP_SMUL, "4" },  { RENDER_CAP_BLINK, "5" }, { RENDER_CAP_REV, "7" },
        { RENDER_CAP_INVIS, "8" }, { RENDER_CAP_SMXX, "9" },
    };
    const char *sgr0 = caps->strings[RENDER_CAP_SGR0];
    bool ansi = sgr0 != NULL && (strstr(sgr0, "\033[m") != NULL || strstr(sgr0, "\033[0m") != NULL);
    for (size_t i = 0; ansi && i < sizeof std / sizeof std[0]; i++) {
        const char *s = caps->strings[std[i].cap];
        if (s != NULL && !is_sgr(s, std[i].code))
            ansi = false;
    }
    bool ansi_colour = false;
    const char *setaf = caps->strings[RENDER_CAP_SETAF];
    const char *setab = caps->strings[RENDER_CAP_SETAB];
    if (setaf != NULL && setab != NULL) {
        char fg[64], bg[64];
        render_tparm(fg, sizeof fg, setaf, 1, 0);
        render_tparm(bg, sizeof bg, setab, 1, 0);
        ansi_colour = is_sgr(fg, "31") && is_sgr(bg, "41");
        if (caps->colours >= RENDER_COLOURS_16 && caps->colours <= RENDER_COLOURS_256) {
            render_tparm(fg, sizeof fg, setaf, 9, 0);
            if (!is_sgr(fg, "91") && !is_sgr(fg, "38;5;9"))
                ansi_colour = false;
        }
    }
    if (caps->colours > 0 && setaf != NULL && !ansi_colour)
        ansi = false; /* colours must then go through setaf/setab */
    caps->flags[RENDER_FLAG_ANSI_SGR] = ansi;
    caps->flags[RENDER_FLAG_ANSI_OFF] = ansi && ansi_colour &&
                                       is_sgr(caps->strings[RENDER_CAP_RMUL], "24");

    /* The title: terminfo's own way (tsl ... fsl), or OSC 2 on xterm-like terminals. */
    bool title = (caps->strings[RENDER_CAP_TSL] != NULL &&
                  caps->strings[RENDER_CAP_FSL] != NULL) || caps->flags[RENDER_FLAG_XT];
    for (size_t i = 0; !title && i < sizeof title_terms / sizeof title_terms[0]; i++) {
        if (strncmp(caps->term, title_terms[i], strlen(title_terms[i])) == 0)
            title = true;
    }
    caps->flags[RENDER_FLAG_TITLE] = title;
    /* Mouse, paste and focus modes are xterm's: a terminal whose entry describes
     * mouse input (kmous) or says it is xterm-like (XT) is taken to have them. */
    caps->flags[RENDER_FLAG_XTERM_MODES] = caps->strings[RENDER_CAP_KMOUS] != NULL ||
                                          caps->flags[RENDER_FLAG_XT];
    /* OSC 52: an entry that says so (Ms), or a TERM naming xterm, tmux or screen, the
     * usual values inside terminals that take OSC 52 but whose entries omit Ms. */
    bool clipboard = caps->strings[RENDER_CAP_MS] != NULL;
    static const char *const clipboard_terms[] = {"xterm", "tmux", "screen"};
    for (size_t i = 0; !clipboard && i < sizeof clipboard_terms / sizeof clipboard_terms[0]; i++) {
        if (strncmp(caps->term, clipboard_terms[i], strlen(clipboard_terms[i])) == 0)
            clipboard = true;
    }
    caps->flags[RENDER_FLAG_CLIPBOARD] = clipboard;
}

static struct render_caps *caps_load(const char *term, bool truecolor, char *err,
                                     size_t errsize)
{
    if (!term_name_ok(term)) {
        char shown[65];
        size_t n = 0;
        for (const char *p = term; *p != '\0' && n < sizeof shown - 1; p++)
            shown[n++] = (*p < ' ' || *p >= 0x7f) ? '?' : *p;
        shown[n] = '\0';
        snprintf(err, errsize, "unknown terminal \"%s\" (no terminfo entry)", shown);
        return NULL;
    }

    /* setupterm allocates a new TERMINAL and makes it current; everything is copied
     * out and the TERMINAL deleted again, restoring whatever was current before. */
    TERMINAL *saved = cur_term;
    int status = 0;
    if (setupterm(term, -1, &status) != OK) {
        set_curterm(saved);
        if (status == 0 || status == -1)
            snprintf(err, errsize, "unknown terminal \"%s\" (no terminfo entry)", term);
        else
            snprintf(err, errsize, "terminal \"%s\" cannot be used", term);
        return NULL;
    }
    struct render_caps *caps = xcalloc(1, sizeof *caps);
    caps->term = xstrdup(term);
    caps->truecolor = truecolor;
    caps_read_current(caps);
    TERMINAL *mine = cur_term;
    set_curterm(saved);
    del_curterm(mine);

    if (caps->strings[RENDER_CAP_CUP] == NULL) {
        snprintf(err, errsize, "terminal \"%s\" lacks cursor addressing (cup)", term);
        for (int i = 0; i < RENDER_CAP_COUNT; i++)
            free(caps->strings[i]);
        free(caps->term);
        free(caps);
        return NULL;
    }
    caps_classify(caps);
    return caps;
}

const struct render_caps *render_caps_get(const char *term, bool truecolor, char *err,
                                          size_t errsize)
{
    char dummy[1];
    if (err == NULL || errsize == 0) {
        err = dummy;
        errsize = sizeof dummy;
    }
    if (term == NULL)
        term = "";
    for (struct render_caps *c = caps_cache; c != NULL; c = c->next) {
        if (c->truecolor == truecolor && strcmp(c->term, term) == 0)
            return c;
    }
    struct render_caps *caps = caps_load(term, truecolor, err, errsize);
    if (caps == NULL)
        return NULL;
    caps->next = caps_cache;
    caps_cache = caps;
    return caps;
}

/* One override value: \E and \e are ESC, \: a colon, \\ a backslash, \n \r \t \a,
 * \NNN octal; anything else as it is. */
static char *override_value(const char *v, size_t len)
{
    char *out = xmalloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = v[i];
        if (c != '\\' || i + 1 == len) {
            out[n++] = c;
            continue;
        }
        c = v[++i];
        switch (c) {
        case 'E': case 'e': out[n++] = '\033'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'a': out[n++] = '\a'; break;
        default:
            if (c >= '0' && c <= '7') {
                int o = 0, k = 0;
                while (k < 3 && i < len && v[i] >= '0' && v[i] <= '7') {
                    o = o * 8 + (v[i++] - '0');
                    k++;
                }
                i--;
                if (o != 0)
                    out[n++] = (char)o;
            } else
                out[n++] = c;
        }
    }
    out[n] = '\0';
    return out;
}

/* Apply one "name", "name@" or "name=value" to caps. */
static void override_one(struct render_caps *caps, const char *item, size_t len)
{
    const char *eq = memchr(item, '=', len);
    size_t nlen = eq != NULL ? (size_t)(eq - item) : len;
    bool remove = eq == NULL && nlen > 0 && item[nlen - 1] == '@';
    if (remove)
        nlen--;
    if (nlen == 0 || nlen > 32)
        return;
    char name[33];
    memcpy(name, item, nlen);
    name[nlen] = '\0';
    char *value = eq != NULL ? override_value(eq + 1, len - nlen - 1) : NULL;
    for (int i = 0; i < RENDER_CAP_COUNT; i++) {
        if (strcmp(cap_names[i], name) != 0)
            continue;
        free(caps->strings[i]);
        caps->strings[i] = NULL;
        if (value != NULL && *value != '\0') {
            caps->strings[i] = xstrdup(value);
            strip_padding(caps->strings[i]);
        }
    }
    static const struct {
        const char *name;
        enum render_flag flag;
    } flags[] = {
        { "am", RENDER_FLAG_AM }, { "xenl", RENDER_FLAG_XENL }, { "bce", RENDER_FLAG_BCE },
        { "XT", RENDER_FLAG_XT },
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (strcmp(flags[i].name, name) == 0)
            caps->flags[flags[i].flag] = !remove;
    }
    if (strcmp(name, "RGB") == 0 || strcmp(name, "Tc") == 0)
        caps->rgb = !remove;
    else if (strcmp(name, "colors") == 0 && value != NULL) {
        char *end;
        long n = strtol(value, &end, 0);
        if (*value != '\0' && *end == '\0' && n >= 0 && n <= (1 << 24))
            caps->ncolors = (int)n;
    } else if (strcmp(name, "colors") == 0 && remove)
        caps->ncolors = 0;
    free(value);
}

struct render_caps *render_caps_override(const struct render_caps *base,
                                         const char *const *entries, size_t n)
{
    struct render_caps *caps = xcalloc(1, sizeof *caps);
    *caps = *base;
    caps->next = NULL;
    caps->term = xstrdup(base->term);
    for (int i = 0; i < RENDER_CAP_COUNT; i++)
        caps->strings[i] = base->strings[i] != NULL ? xstrdup(base->strings[i]) : NULL;
    bool any = false;
    for (size_t e = 0; e < n; e++) {
        const char *entry = entries[e];
        /* The pattern up to the first unescaped colon. */
        const char *colon = entry;
        while (*colon != '\0' && *colon != ':')
            colon++;
        if (*colon == '\0' || colon == entry)
            continue;
        char *pattern = xmalloc((size_t)(colon - entry) + 1);
        memcpy(pattern, entry, (size_t)(colon - entry));
        pattern[colon - entry] = '\0';
        bool match = fnmatch(pattern, caps->term, 0) == 0;
        free(pattern);
        if (!match)
            continue;
        any = true;
        const char *p = colon + 1;
        while (*p != '\0') {
            const char *q = p;
            while (*q != '\0' && *q != ':') {
                if (*q == '\\' && q[1] != '\0')
                    q++;
                q++;
            }
            override_one(caps, p, (size_t)(q - p));
            p = *q == ':' ? q + 1 : q;
        }
    }
    (void)any;
    caps_colours(caps);
    caps_classify(caps);
    return caps;
}

void render_caps_free(struct render_caps *caps)
{
    if (caps == NULL)
        return;
    for (int i = 0; i < RENDER_CAP_COUNT; i++)
        free(caps->strings[i]);
    free(caps->term);
    free(caps);
}

void render_caps_free_all(void)
{
    while (caps_cache != NULL) {
        struct render_caps *c = caps_cache;
        caps_cache = c->next;
        for (int i = 0; i < RENDER_CAP_COUNT; i++)
            free(c->strings[i]);
        free(c->term);
        free(c);
    }
}

int render_caps_colours(const struct render_caps *caps)
{
    return caps->colours;
}

const char *render_caps_name(const struct render_caps *caps)
{
    return caps->term;
}

const char *render_caps_string(const struct render_caps *caps, enum render_cap cap)
{
    if ((int)cap < 0 || cap >= RENDER_CAP_COUNT)
        return NULL;
    return caps->strings[cap];
}

bool render_caps_flag(const struct render_caps *caps, enum render_flag flag)
{
    if ((int)flag < 0 || flag >= RENDER_FLAG_COUNT)
        return false;
    return caps->flags[flag];
}

/* --- Parametrised strings (terminfo(5), "Parameterized Strings") --- */

struct tparm_out {
    char *buf;
    size_t size, len; /* len may exceed size-1: output is then truncated */
};

static void tp_putc(struct tparm_out *o, char ch)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = ch;
    o->len++;
}

static void tp_puts(struct tparm_out *o, const char *s)
{
    while (*s != '\0')
        tp_putc(o, *s++);
}

/* Skip a conditional branch. With to_else, stop after the "%e" or "%;" that ends the
 * current "%t" part; otherwise after the "%;" that ends the whole "%?". */
static const char *tp_skip(const char *s, bool to_else)
{
    int level = 0;
    while (*s != '\0') {
        if (*s != '%') {
            s++;
            continue;
        }
        s++;
        char c = *s;
        if (c == '\0')
            break;
        s++;
        if (c == '\'') { /* %'c' constant: skip the character and the quote */
            if (*s != '\0')
                s++;
            if (*s == '\'')
                s++;
        } else if (c == '?') {
            level++;
        } else if (c == ';') {
            if (level == 0)
                return s;
            level--;
        } else if (c == 'e' && level == 0 && to_else) {
            return s;
        }
    }
    return s;
}

size_t render_tparm(char *out, size_t size, const char *fmt, int p1, int p2)
{
    struct tparm_out o = { out, size, 0 };
    int params[9] = { p1, p2, 0, 0, 0, 0, 0, 0, 0 };
    int stack[32];
    int sp = 0;
    int vars[52] = { 0 };
#define PUSH(v) do { if (sp < 32) stack[sp++] = (v); } while (0)
#define POP() (sp > 0 ? stack[--sp] : 0)
#define DIV_OK(a, b) ((b) != 0 && !((a) == INT_MIN && (b) == -1))

    const char *s = fmt != NULL ? fmt : "";
    while (*s != '\0') {
        if (*s != '%') {
            tp_putc(&o, *s++);
            continue;
        }
        s++;
        const char *spec = s; /* start of a printf-like conversion, if it is one */
        char c = *s;
        if (c == '\0')
            break;
        s++;
        int a, b;
        switch (c) {
        case '%': tp_putc(&o, '%'); break;
        case 'c': /* a NUL would end the string: ncurses sends 0200 instead */
            a = POP();
            tp_putc(&o, (char)(a == 0 ? 0x80 : a));
            break;
        case 's': (void)POP(); break; /* string parameters are not used by tmx */
        case 'l': (void)POP(); PUSH(0); break;
        case 'p':
            if (*s >= '1' && *s <= '9')
                PUSH(params[*s - '1']);
            if (*s != '\0')
                s++;
            break;
        case 'P':
        case 'g':
            if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) {
                int v = *s >= 'a' ? *s - 'a' : 26 + *s - 'A';
                if (c == 'P')
                    vars[v] = POP();
                else
                    PUSH(vars[v]);
            }
            if (*s != '\0')
                s++;
            break;
        case '\'':
            if (*s != '\0') {
                PUSH((unsigned char)*s);
                s++;
            }
            if (*s == '\'')
                s++;
            break;
        case '{': {
            long v = 0;
            bool neg = false;
            if (*s == '-') {
                neg = true;
                s++;
            }
            while (*s >= '0' && *s <= '9') {
                if (v < 100000000)
                    v = v * 10 + (*s - '0');
                s++;
            }
            if (*s == '}')
                s++;
            PUSH((int)(neg ? -v : v));
            break;
        }
        case '+': b = POP(); a = POP(); PUSH((int)((unsigned)a + (unsigned)b)); break;
        case '-': b = POP(); a = POP(); PUSH((int)((unsigned)a - (unsigned)b)); break;
        case '*': b = POP(); a = POP(); PUSH((int)((unsigned)a * (unsigned)b)); break;
        case '/': b = POP(); a = POP(); PUSH(DIV_OK(a, b) ? a / b : 0); break;
        case 'm': b = POP(); a = POP(); PUSH(DIV_OK(a, b) ? a % b : 0); break;
        case '&': b = POP(); a = POP(); PUSH(a & b); break;
        case '|': b = POP(); a = POP(); PUSH(a | b); break;
        case '^': b = POP(); a = POP(); PUSH(a ^ b); break;
        case '=': b = POP(); a = POP(); PUSH(a == b); break;
        case '>': b = POP(); a = POP(); PUSH(a > b); break;
        case '<': b = POP(); a = POP(); PUSH(a < b); break;
        case 'A': b = POP(); a = POP(); PUSH(a && b); break;
        case 'O': b = POP(); a = POP(); PUSH(a || b); break;
        case '!': a = POP(); PUSH(!a); break;
        case '~': a = POP(); PUSH(~a); break;
        case 'i': params[0]++; params[1]++; break;
        case '?': break;
        case ';': break;
        case 't':
            if (!POP())
                s = tp_skip(s, true);
            break;
        case 'e': s = tp_skip(s, false); break;
        default: {
            /* %[[:]flags][width[.precision]][doxX] */
            char pf[32];
            size_t n = 0;
            s = spec;
            pf[n++] = '%';
            if (*s == ':')
                s++;
            while (*s != '\0' && strchr("-+# ", *s) != NULL && n < 8)
                pf[n++] = *s++;
            if (*s == '0')
                pf[n++] = *s++; /* zero padding */
            int width = 0, prec = -1;
            while (*s >= '0' && *s <= '9') {
                width = width < 100 ? width * 10 + (*s - '0') : width;
                s++;
            }
            if (*s == '.') {
                s++;
                prec = 0;
                while (*s >= '0' && *s <= '9') {
                    prec = prec < 100 ? prec * 10 + (*s - '0') : prec;
                    s++;
                }
            }
            if (width > 64)
                width = 64;
            if (prec > 64)
                prec = 64;
            if (*s == '\0' || strchr("doxXs", *s) == NULL)
                break; /* not a conversion: ignore the '%' */
            char conv = *s++;
            if (width > 0)
                n += (size_t)snprintf(pf + n, sizeof pf - n, "%d", width);
            if (prec >= 0)
                n += (size_t)snprintf(pf + n, sizeof pf - n, ".%d", prec);
            int v = POP();
            if (conv == 's')
                break;
            pf[n++] = conv;
            pf[n] = '\0';
            char num[160];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            snprintf(num, sizeof num, pf, v);
#pragma GCC diagnostic pop
            tp_puts(&o, num);
            break;
        }
        }
    }
#undef PUSH
#undef POP
#undef DIV_OK
    if (size > 0)
        out[o.len < size ? o.len : size - 1] = '\0';
    return o.len < size ? o.len : (size > 0 ? size - 1 : 0);
}
