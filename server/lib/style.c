/* style.c - parsing tmux-style style strings into pens, and cutting "#[style]text" into
 * runs for the status line (see style.h for the syntax). */
#include "style.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xmalloc.h"

static const char *const colour_names[8] = {"black", "red",     "green", "yellow",
                                            "blue",  "magenta", "cyan",  "white"};

/* Attribute words: the bits a word sets and the bits its "no" form clears. */
struct style_attr {
    const char *name;
    uint16_t set;        /* bits set by the word (underline style included) */
    uint16_t clear;      /* bits cleared by "noWORD" */
};

#define UL_STYLE(n) ((uint16_t)(ATTR_UNDERLINE | ((n) << ATTR_UNDERLINE_STYLE_SHIFT)))
#define UL_ALL ((uint16_t)(ATTR_UNDERLINE | ATTR_UNDERLINE_STYLE_MASK))

static const struct style_attr style_attrs[] = {
    {"bold", ATTR_BOLD, ATTR_BOLD},
    {"bright", ATTR_BOLD, ATTR_BOLD},
    {"dim", ATTR_DIM, ATTR_DIM},
    {"italics", ATTR_ITALIC, ATTR_ITALIC},
    {"underscore", UL_STYLE(0), UL_ALL},
    {"double-underscore", UL_STYLE(2), UL_ALL},
    {"curly-underscore", UL_STYLE(3), UL_ALL},
    {"dotted-underscore", UL_STYLE(4), UL_ALL},
    {"dashed-underscore", UL_STYLE(5), UL_ALL},
    {"blink", ATTR_BLINK, ATTR_BLINK},
    {"reverse", ATTR_REVERSE, ATTR_REVERSE},
    {"hidden", ATTR_HIDDEN, ATTR_HIDDEN},
    {"strikethrough", ATTR_STRIKE, ATTR_STRIKE},
    {"overline", ATTR_OVERLINE, ATTR_OVERLINE},
    {"acs", 0, 0}, /* the line-drawing set: not an attribute here, accepted */
};

/* What a style says beyond the pen (status-line layout), for style_split. */
struct style_extra {
    bool has_align;
    enum style_align align;
    bool push_default, pop_default;
    bool has_list, has_range, has_fill;
    enum style_list list;
    enum style_range range;
    long range_arg;
    uint32_t fill;
};

/* range=VALUE: left, right, window|N, pane|%N, session|$N. */
static int parse_range(const char *val, struct style_extra *extra)
{
    static const struct {
        const char *name;
        enum style_range range;
        char prefix;
    } kinds[] = {{"window", STYLE_RANGE_WINDOW, 0},
                 {"pane", STYLE_RANGE_PANE, '%'},
                 {"session", STYLE_RANGE_SESSION, '$'}};
    extra->has_range = true;
    extra->range_arg = 0;
    if (strcasecmp(val, "left") == 0) {
        extra->range = STYLE_RANGE_LEFT;
        return 0;
    }
    if (strcasecmp(val, "right") == 0) {
        extra->range = STYLE_RANGE_RIGHT;
        return 0;
    }
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t n = strlen(kinds[i].name);
        if (strncasecmp(val, kinds[i].name, n) != 0 || val[n] != '|')
            continue;
        const char *arg = val + n + 1;
        if (kinds[i].prefix != 0 && *arg == kinds[i].prefix)
            arg++;
        char *end = NULL;
        long v = isdigit((unsigned char)*arg) ? strtol(arg, &end, 10) : -1;
        if (v < 0 || end == NULL || *end != '\0')
            return -1;
        extra->range = kinds[i].range;
        extra->range_arg = v;
        return 0;
    }
    return -1;
}

/* Parse a non-negative decimal number of at most 3 digits filling all of s. */
static int parse_small(const char *s, int *out)
{
    int n = 0;
    size_t len = strlen(s);
    if (len == 0 || len > 3)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        n = n * 10 + (s[i] - '0');
    }
    *out = n;
    return 0;
}

int style_parse_colour(const char *name, uint32_t *colour)
{
    int n;
    if (strcasecmp(name, "default") == 0) {
        *colour = COLOUR_DEFAULT;
        return 0;
    }
    if (name[0] == '#') {
        if (strlen(name) != 7)
            return -1;
        uint32_t rgb = 0;
        for (int i = 1; i < 7; i++) {
            int c = (unsigned char)name[i];
            if (!isxdigit(c))
                return -1;
            rgb = rgb * 16 + (uint32_t)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
        }
        *colour = COLOUR_RGB | rgb;
        return 0;
    }
    if (strncasecmp(name, "colour", 6) == 0 || strncasecmp(name, "color", 5) == 0) {
        const char *num = name + (tolower((unsigned char)name[4]) == 'u' ? 6 : 5);
        if (parse_small(num, &n) != 0 || n > 255)
            return -1;
        *colour = COLOUR_PALETTE | (uint32_t)n;
        return 0;
    }
    bool bright = strncasecmp(name, "bright", 6) == 0;
    for (uint32_t i = 0; i < 8; i++) {
        if (strcasecmp(bright ? name + 6 : name, colour_names[i]) == 0) {
            *colour = COLOUR_PALETTE | (bright ? i + 8 : i);
            return 0;
        }
    }
    /* As tmux: 0-7 are the basic colours, 90-97 the bright ones. */
    if (parse_small(name, &n) == 0 && (n <= 7 || (n >= 90 && n <= 97))) {
        *colour = COLOUR_PALETTE | (uint32_t)(n <= 7 ? n : n - 90 + 8);
        return 0;
    }
    return -1;
}

const char *style_colour_name(uint32_t colour, char *buf, size_t size)
{
    uint32_t v = COLOUR_VALUE(colour);
    switch (COLOUR_KIND(colour)) {
    case COLOUR_PALETTE:
        if (v < 8)
            snprintf(buf, size, "%s", colour_names[v]);
        else if (v < 16)
            snprintf(buf, size, "bright%s", colour_names[v - 8]);
        else
            snprintf(buf, size, "colour%u", (unsigned)v);
        break;
    case COLOUR_RGB:
        snprintf(buf, size, "#%06x", (unsigned)v);
        break;
    default:
        snprintf(buf, size, "default");
        break;
    }
    return buf;
}

/* Apply one token (already cut out, NUL-terminated) to *pen. */
static int style_token(struct grid_pen *pen, const char *tok, const struct grid_pen *base,
                       struct style_extra *extra, char *err, size_t errsize)
{
    const char *eq = strchr(tok, '=');
    if (eq != NULL) {
        size_t klen = (size_t)(eq - tok);
        const char *val = eq + 1;
        uint32_t colour;
        if ((klen == 2 && (strncasecmp(tok, "fg", 2) == 0 || strncasecmp(tok, "bg", 2) == 0 ||
                           strncasecmp(tok, "us", 2) == 0)) ||
            (klen == 4 && strncasecmp(tok, "fill", 4) == 0)) {
            if (style_parse_colour(val, &colour) != 0) {
                snprintf(err, errsize, "bad colour: %s", val);
                return -1;
            }
            char k = (char)tolower((unsigned char)tok[0]);
            if (k == 'f' && klen == 2)
                pen->fg = colour != COLOUR_DEFAULT ? colour : base->fg;
            else if (k == 'b')
                pen->bg = colour != COLOUR_DEFAULT ? colour : base->bg;
            else if (k == 'u')
                pen->ul = colour != COLOUR_DEFAULT ? colour : base->ul;
            else {
                extra->has_fill = true; /* fill: not a pen property */
                extra->fill = colour;
            }
            return 0;
        }
        if (klen == 5 && strncasecmp(tok, "align", 5) == 0) {
            if (strcasecmp(val, "left") == 0)
                extra->align = STYLE_ALIGN_LEFT;
            else if (strcasecmp(val, "centre") == 0 || strcasecmp(val, "center") == 0)
                extra->align = STYLE_ALIGN_CENTRE;
            else if (strcasecmp(val, "absolute-centre") == 0)
                extra->align = STYLE_ALIGN_ABSOLUTE_CENTRE;
            else if (strcasecmp(val, "right") == 0)
                extra->align = STYLE_ALIGN_RIGHT;
            else {
                snprintf(err, errsize, "bad align: %s", val);
                return -1;
            }
            extra->has_align = true;
            return 0;
        }
        if (klen == 4 && strncasecmp(tok, "list", 4) == 0) {
            static const char *const lists[] = {"on", "focus", "left-marker", "right-marker"};
            for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
                if (strcasecmp(val, lists[i]) == 0) {
                    extra->has_list = true;
                    extra->list = (enum style_list)(STYLE_LIST_ON + i);
                    return 0;
                }
            }
            snprintf(err, errsize, "bad list: %s", val);
            return -1;
        }
        if (klen == 5 && strncasecmp(tok, "range", 5) == 0) {
            if (parse_range(val, extra) == 0)
                return 0;
            snprintf(err, errsize, "bad range: %s", val);
            return -1;
        }
        snprintf(err, errsize, "unknown style: %s", tok);
        return -1;
    }
    if (strcasecmp(tok, "default") == 0) {
        *pen = *base;
        return 0;
    }
    if (strcasecmp(tok, "none") == 0) {
        pen->attr = 0;
        return 0;
    }
    if (strcasecmp(tok, "push-default") == 0) {
        extra->push_default = true;
        return 0;
    }
    if (strcasecmp(tok, "pop-default") == 0) {
        extra->pop_default = true;
        return 0;
    }
    if (strcasecmp(tok, "noalign") == 0) {
        extra->has_align = true;
        extra->align = STYLE_ALIGN_LEFT;
        return 0;
    }
    if (strcasecmp(tok, "nolist") == 0) {
        extra->has_list = true;
        extra->list = STYLE_LIST_OFF;
        return 0;
    }
    if (strcasecmp(tok, "norange") == 0) {
        extra->has_range = true;
        extra->range = STYLE_RANGE_NONE;
        return 0;
    }
    bool no = strncasecmp(tok, "no", 2) == 0;
    for (size_t i = 0; i < sizeof style_attrs / sizeof style_attrs[0]; i++) {
        const struct style_attr *a = &style_attrs[i];
        if (strcasecmp(tok, a->name) == 0) {
            pen->attr = (uint16_t)((pen->attr & ~(a->set & ATTR_UNDERLINE ? UL_ALL : 0)) | a->set);
            return 0;
        }
        if (no && strcasecmp(tok + 2, a->name) == 0) {
            pen->attr = (uint16_t)(pen->attr & ~a->clear);
            return 0;
        }
    }
    snprintf(err, errsize, "unknown style: %s", tok);
    return -1;
}

/* Parse a whole style onto a copy of *pen; *pen changes only on success. */
static int style_parse(struct grid_pen *pen, const char *style, const struct grid_pen *base,
                       struct style_extra *extra, char *err, size_t errsize)
{
    char dummy[1];
    if (err == NULL || errsize == 0) {
        err = dummy;
        errsize = sizeof dummy;
    }
    err[0] = '\0';
    if (style == NULL)
        return 0;
    struct grid_pen p = *pen;
    struct style_extra x = *extra;
    const char *s = style;
    while (*s != '\0') {
        size_t n = strcspn(s, ", \t\n");
        if (n == 0) {
            s++;
            continue;
        }
        if (n >= 128) {
            snprintf(err, errsize, "style too long: %.20s...", s);
            return -1;
        }
        char tok[128];
        memcpy(tok, s, n);
        tok[n] = '\0';
        if (style_token(&p, tok, base, &x, err, errsize) != 0)
            return -1;
        s += n;
    }
    *pen = p;
    *extra = x;
    return 0;
}

int style_apply_base(struct grid_pen *pen, const char *style, const struct grid_pen *base,
                     char *err, size_t errsize)
{
    struct style_extra extra = {0};
    return style_parse(pen, style, base, &extra, err, errsize);
}

int style_apply(struct grid_pen *pen, const char *style, char *err, size_t errsize)
{
    static const struct grid_pen none = {0};
    return style_apply_base(pen, style, &none, err, errsize);
}

/* Walks text for style_split and style_strip: calls emit for every piece of text
 * with the pen and alignment in force; returns the number of non-empty pieces. */
struct split_state {
    struct grid_pen pen, deflt;
    enum style_align align;
    enum style_list list;
    enum style_range range;
    long range_arg;
    uint32_t fill;
    struct style_run *runs;
    size_t max, n;
};

static void split_emit(struct split_state *st, const char *text, size_t len)
{
    if (len == 0)
        return;
    if (st->n < st->max) {
        struct style_run *r = &st->runs[st->n];
        r->text = text;
        r->len = len;
        r->pen = st->pen;
        r->align = st->align;
        r->list = st->list;
        r->range = st->range;
        r->range_arg = st->range_arg;
        r->fill = st->fill;
    }
    st->n++;
}

size_t style_split(const char *text, const struct grid_pen *base, struct style_run *runs,
                   size_t max)
{
    static const struct grid_pen none = {0};
    if (base == NULL)
        base = &none;
    struct split_state st = {.pen = *base, .deflt = *base, .runs = runs, .max = max};
    if (text == NULL)
        return 0;
    const char *start = text, *s = text;
    while (*s != '\0') {
        if (s[0] == '#' && s[1] == '#') {
            /* "##": one literal '#'; the second one starts the next piece. */
            split_emit(&st, start, (size_t)(s - start));
            start = s + 1;
            s += 2;
            continue;
        }
        if (s[0] != '#' || s[1] != '[') {
            s++;
            continue;
        }
        const char *end = strchr(s + 2, ']');
        if (end == NULL)
            break; /* unclosed: the rest is text */
        split_emit(&st, start, (size_t)(s - start));
        char *style = xstrndup(s + 2, (size_t)(end - s - 2));
        struct style_extra extra = {0};
        struct grid_pen pen = st.pen;
        int rc = style_parse(&pen, style, &st.deflt, &extra, NULL, 0);
        if (rc == 0 && extra.pop_default) {
            /* pop-default first, so "default" in the same block means the base. */
            st.deflt = *base;
            pen = st.pen;
            extra = (struct style_extra){0};
            rc = style_parse(&pen, style, &st.deflt, &extra, NULL, 0);
        }
        if (rc == 0) {
            st.pen = pen;
            if (extra.has_align)
                st.align = extra.align;
            if (extra.has_list)
                st.list = extra.list;
            if (extra.has_range) {
                st.range = extra.range;
                st.range_arg = extra.range_arg;
            }
            if (extra.has_fill)
                st.fill = extra.fill;
            if (extra.push_default)
                st.deflt = st.pen;
        }
        free(style);
        s = end + 1;
        start = s;
    }
    split_emit(&st, start, strlen(start));
    return st.n;
}

char *style_strip(const char *text)
{
    size_t n = style_split(text, NULL, NULL, 0);
    struct style_run *runs = xcalloc(n + 1, sizeof *runs);
    style_split(text, NULL, runs, n);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += runs[i].len;
    char *out = xmalloc(len + 1), *p = out;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, runs[i].text, runs[i].len);
        p += runs[i].len;
    }
    *p = '\0';
    free(runs);
    return out;
}
