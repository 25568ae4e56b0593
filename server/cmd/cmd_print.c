/* cmd_print.c - a command list as tmux prints it (list-keys): each command by its full
 * name, flags without a value grouped and sorted, then flags with values sorted by
 * letter, then the arguments; words quoted and escaped as tmux escapes them; a { }
 * block printed inside braces with " ; " between its commands, " \; " between commands
 * at the top. The same structure gives the text tmx runs for a binding. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct cprint_list;

/* A word: a string, or a { } block of commands. */
struct cprint_word {
    char *s;
    struct cprint_list *block;
};

struct cprint_cmd {
    struct cprint_word *words;
    int nwords;
};

struct cprint_list {
    struct cprint_cmd *cmds;
    int ncmds;
};

/* A growable string. */
struct cprint_buf {
    char *s;
    size_t len, size;
};

static void buf_addn(struct cprint_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->size) {
        b->size = (b->len + n + 1) * 2;
        b->s = xrealloc(b->s, b->size);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_add(struct cprint_buf *b, const char *s)
{
    buf_addn(b, s, strlen(s));
}

static void buf_addc(struct cprint_buf *b, char c)
{
    buf_addn(b, &c, 1);
}

static char *buf_take(struct cprint_buf *b)
{
    return b->s != NULL ? b->s : xstrdup("");
}

static void list_free(struct cprint_list *l)
{
    if (l == NULL)
        return;
    for (int i = 0; i < l->ncmds; i++) {
        for (int j = 0; j < l->cmds[i].nwords; j++) {
            free(l->cmds[i].words[j].s);
            list_free(l->cmds[i].words[j].block);
        }
        free(l->cmds[i].words);
    }
    free(l->cmds);
    free(l);
}

static struct cprint_cmd *list_new_cmd(struct cprint_list *l)
{
    l->cmds = xreallocarray(l->cmds, (size_t)l->ncmds + 1, sizeof *l->cmds);
    struct cprint_cmd *c = &l->cmds[l->ncmds++];
    c->words = NULL;
    c->nwords = 0;
    return c;
}

static void cmd_add_word(struct cprint_cmd *c, char *s, struct cprint_list *block)
{
    c->words = xreallocarray(c->words, (size_t)c->nwords + 1, sizeof *c->words);
    c->words[c->nwords].s = s;
    c->words[c->nwords].block = block;
    c->nwords++;
}

/* ---- Reading a command string -------------------------------------------------- */

/* $NAME or ${NAME} at p (p at the '$'): the variable's value from the environment added
 * to w; returns the end. A '$' that starts no name is itself. */
static const char *expand_variable(struct cprint_buf *w, const char *p)
{
    const char *start = p + 1, *end;
    bool brace = *start == '{';
    if (brace)
        start++;
    end = start;
    while ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') || *end == '_' ||
           (end > start && *end >= '0' && *end <= '9'))
        end++;
    if (end == start || (brace && *end != '}')) {
        buf_addc(w, '$');
        return p + 1;
    }
    char *name = xstrndup(start, (size_t)(end - start));
    const char *value = getenv(name);
    free(name);
    buf_add(w, value != NULL ? value : "");
    return brace ? end + 1 : end;
}

/* Reads the commands of text at *pp up to the end or (in a block) the closing brace.
 * Returns NULL with *err on a syntax error. */
static struct cprint_list *read_list(const char **pp, bool in_block, const char **err)
{
    struct cprint_list *l = xcalloc(1, sizeof *l);
    struct cprint_cmd *cur = NULL;
    const char *p = *pp;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0') {
            if (in_block) {
                *err = "syntax error";
                list_free(l);
                return NULL;
            }
            break;
        }
        if (*p == '#') {
            while (*p != '\0' && *p != '\n')
                p++;
            continue;
        }
        if (*p == ';' || *p == '\n') {
            cur = NULL;
            p++;
            continue;
        }
        if (*p == '}') {
            if (!in_block) {
                *err = "syntax error";
                list_free(l);
                return NULL;
            }
            p++;
            break;
        }
        if (*p == '{') {
            p++;
            struct cprint_list *block = read_list(&p, true, err);
            if (block == NULL || cur == NULL) {
                if (block != NULL)
                    *err = "syntax error";
                list_free(block);
                list_free(l);
                return NULL;
            }
            cmd_add_word(cur, NULL, block);
            continue;
        }
        struct cprint_buf w = {0};
        bool ended = false; /* a ';' right after the word */
        if (*p == '~' && (p[1] == '/' || p[1] == '\0' || p[1] == ' ' || p[1] == '\t' ||
                          p[1] == '\n' || p[1] == ';')) {
            /* ~ at the start of a word: the home directory, as tmux expands it. */
            const char *home = getenv("HOME");
            buf_add(&w, home != NULL ? home : "");
            p++;
        }
        while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            if (*p == ';') {
                ended = true;
                p++;
                break;
            }
            if (*p == '}' && in_block)
                break; /* "{display a}": the word ends, the block too */
            if (*p == '\'') {
                /* Unclosed: to the end, as tmux takes it. */
                const char *end = strchr(p + 1, '\'');
                if (end == NULL)
                    end = p + strlen(p);
                buf_addn(&w, p + 1, (size_t)(end - p - 1));
                buf_addn(&w, "", 0);
                p = *end != '\0' ? end + 1 : end;
            } else if (*p == '"') {
                p++;
                buf_addn(&w, "", 0);
                while (*p != '"' && *p != '\0') {
                    if (*p == '\\' && p[1] != '\0') {
                        p++;
                        char c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r'
                               : *p == 'e' ? '\033' : *p;
                        buf_addc(&w, c);
                        p++;
                    } else if (*p == '$')
                        p = expand_variable(&w, p);
                    else
                        buf_addc(&w, *p++);
                }
                if (*p == '"')
                    p++;
            } else if (*p == '\\' && p[1] != '\0') {
                buf_addc(&w, p[1]);
                p += 2;
            } else if (*p == '$')
                p = expand_variable(&w, p);
            else
                buf_addc(&w, *p++);
        }
        if (w.s != NULL) {
            if (cur == NULL)
                cur = list_new_cmd(l);
            cmd_add_word(cur, w.s, NULL);
        }
        if (ended)
            cur = NULL;
    }
    *pp = p;
    return l;
}

/* The commands of argv, one word each (bind-key with several arguments): a word ending
 * in ';' ends a command. */
static struct cprint_list *read_argv(int argc, char **argv)
{
    struct cprint_list *l = xcalloc(1, sizeof *l);
    struct cprint_cmd *cur = NULL;
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]);
        bool ended = n > 0 && argv[i][n - 1] == ';';
        if (ended)
            n--;
        if (n > 0 || !ended) {
            if (cur == NULL)
                cur = list_new_cmd(l);
            cmd_add_word(cur, xstrndup(argv[i], n), NULL);
        }
        if (ended)
            cur = NULL;
    }
    return l;
}

/* ---- Checking and ordering --------------------------------------------------- */

/* A command's words split by its entry's spec. */
struct cprint_args {
    const struct cmd_entry *entry;
    int count[128];                 /* times each flag without value was given */
    struct cprint_word *values[128]; /* values of flags with one, in order */
    int nvalues[128];
    struct cprint_word *args;        /* the arguments (pointers into the command) */
    int nargs;
};

static void cargs_free(struct cprint_args *a)
{
    for (int i = 0; i < 128; i++)
        free(a->values[i]);
    free(a->args);
}

/* Split one command; -1 with an error as tmux words it. */
static int split_cmd(const struct cprint_cmd *c, struct cprint_args *a, char **err)
{
    memset(a, 0, sizeof *a);
    if (c->nwords == 0 || c->words[0].s == NULL) {
        *err = xstrdup("syntax error");
        return -1;
    }
    const char *why = NULL;
    a->entry = cmd_lookup(c->words[0].s, &why);
    if (a->entry == NULL) {
        *err = xasprintf("%s: %s", why != NULL ? why : "unknown command", c->words[0].s);
        return -1;
    }
    const char *spec = a->entry->spec != NULL ? a->entry->spec : "";
    int i = 1;
    for (; i < c->nwords; i++) {
        const char *w = c->words[i].s;
        if (w == NULL || w[0] != '-' || w[1] == '\0')
            break;
        if (strcmp(w, "--") == 0) {
            i++;
            break;
        }
        for (const char *f = w + 1; *f != '\0'; f++) {
            const char *in = (unsigned char)*f < 128 && *f != ':' ? strchr(spec, *f) : NULL;
            if (in == NULL) {
                *err = xasprintf("command %s: unknown flag -%c", a->entry->name, *f);
                return -1;
            }
            int fl = (unsigned char)*f;
            if (in[1] != ':') {
                a->count[fl]++;
                continue;
            }
            struct cprint_word v;
            if (f[1] != '\0')
                v = (struct cprint_word){(char *)f + 1, NULL};
            else if (i + 1 < c->nwords)
                v = c->words[++i];
            else {
                /* No value left: tmux keeps the flag without one (and prints it so). */
                a->count[fl]++;
                break;
            }
            a->values[fl] = xreallocarray(a->values[fl], (size_t)a->nvalues[fl] + 1,
                                          sizeof *a->values[fl]);
            a->values[fl][a->nvalues[fl]++] = v;
            break;
        }
    }
    a->nargs = c->nwords - i;
    a->args = xcalloc((size_t)a->nargs + 1, sizeof *a->args);
    for (int j = 0; j < a->nargs; j++)
        a->args[j] = c->words[i + j];
    int min = a->entry->min_args, max = a->entry->max_args;
    if (a->nargs < min) {
        *err = xasprintf("command %s: too few arguments (need at least %d)", a->entry->name, min);
        return -1;
    }
    if (max >= 0 && a->nargs > max) {
        *err = xasprintf("command %s: too many arguments (need at most %d)", a->entry->name, max);
        return -1;
    }
    return 0;
}

/* ---- Printing ---------------------------------------------------------------- */

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* s with control characters, backslashes (and in double quotes '"' and a '$' that
 * starts a variable) escaped C-style or in octal; other bytes (UTF-8) as they are. */
static void add_visible(struct cprint_buf *b, const char *s, bool dq)
{
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        char tmp[8];
        unsigned char c = *p;
        switch (c) {
        case '\n': buf_add(b, "\\n"); continue;
        case '\t': buf_add(b, "\\t"); continue;
        case '\r': buf_add(b, "\\r"); continue;
        case '\a': buf_add(b, "\\a"); continue;
        case '\b': buf_add(b, "\\b"); continue;
        case '\v': buf_add(b, "\\v"); continue;
        case '\f': buf_add(b, "\\f"); continue;
        case '\\': buf_add(b, "\\\\"); continue;
        }
        if (c < 0x20 || c == 0x7f) {
            snprintf(tmp, sizeof tmp, "\\%03o", c);
            buf_add(b, tmp);
        } else if (dq && (c == '"' || (c == '$' && (is_alpha((char)p[1]) || p[1] == '_' ||
                                                    p[1] == '{')))) {
            buf_addc(b, '\\');
            buf_addc(b, (char)c);
        } else if (c >= 0x80) {
            /* A whole UTF-8 character as it is; a byte that starts none in octal. */
            size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
            size_t k = 1;
            while (k < n && (p[k] & 0xc0) == 0x80)
                k++;
            if (n == 0 || k < n) {
                snprintf(tmp, sizeof tmp, "\\%03o", c);
                buf_add(b, tmp);
            } else {
                buf_addn(b, (const char *)p, n);
                p += n - 1;
            }
        } else
            buf_addc(b, (char)c);
    }
}

char *cmd_print_escape(const char *s)
{
    struct cprint_buf b = {0};
    if (*s == '\0')
        return xstrdup("''");
    int quotes = 0;
    if (strpbrk(s, " #';${}%") != NULL)
        quotes = '"';
    else if (strchr(s, '"') != NULL)
        quotes = '\'';
    if (s[0] != ' ' && s[1] == '\0' && (quotes != 0 || s[0] == '~'))
        return xasprintf("\\%c", s[0]);
    if (quotes == '\'') {
        buf_addc(&b, '\'');
        add_visible(&b, s, false);
        buf_addc(&b, '\'');
    } else if (quotes == '"') {
        buf_add(&b, s[0] == '~' ? "\"\\" : "\"");
        add_visible(&b, s, true);
        buf_addc(&b, '"');
    } else {
        if (s[0] == '~')
            buf_addc(&b, '\\');
        add_visible(&b, s, false);
    }
    return buf_take(&b);
}

static int print_list(struct cprint_buf *b, const struct cprint_list *l, bool top, bool run,
                      char **err);

static int print_word(struct cprint_buf *b, const struct cprint_word *w, bool run, char **err)
{
    if (w->block != NULL && run) {
        /* tmx runs a block as the string of its commands, which every command taking
         * a command accepts. */
        struct cprint_buf inner = {0};
        if (print_list(&inner, w->block, false, run, err) != 0) {
            free(inner.s);
            return -1;
        }
        buf_addc(b, '"');
        for (const char *p = inner.s != NULL ? inner.s : ""; *p != '\0'; p++) {
            if (*p == '"' || *p == '\\')
                buf_addc(b, '\\');
            buf_addc(b, *p);
        }
        buf_addc(b, '"');
        free(inner.s);
        return 0;
    }
    if (w->block != NULL) {
        buf_add(b, "{ ");
        if (print_list(b, w->block, false, run, err) != 0)
            return -1;
        buf_add(b, " }");
        return 0;
    }
    char *e = cmd_print_escape(w->s);
    buf_add(b, e);
    free(e);
    return 0;
}

static int print_cmd(struct cprint_buf *b, const struct cprint_cmd *c, bool run, char **err)
{
    struct cprint_args a;
    if (split_cmd(c, &a, err) != 0) {
        cargs_free(&a);
        return -1;
    }
    buf_add(b, a.entry->name);
    bool any = false;
    for (int f = 1; f < 128; f++) {
        for (int n = 0; n < a.count[f]; n++) {
            buf_add(b, any ? "" : " -");
            buf_addc(b, (char)f);
            any = true;
        }
    }
    int rc = 0;
    for (int f = 1; f < 128 && rc == 0; f++) {
        for (int n = 0; n < a.nvalues[f] && rc == 0; n++) {
            buf_add(b, " -");
            buf_addc(b, (char)f);
            buf_addc(b, ' ');
            rc = print_word(b, &a.values[f][n], run, err);
        }
    }
    for (int i = 0; i < a.nargs && rc == 0; i++) {
        /* What runs keeps an argument that looks like a flag an argument. */
        if (run && i == 0 && a.args[i].s != NULL && a.args[i].s[0] == '-')
            buf_add(b, " --");
        buf_addc(b, ' ');
        rc = print_word(b, &a.args[i], run, err);
    }
    cargs_free(&a);
    return rc;
}

static int print_list(struct cprint_buf *b, const struct cprint_list *l, bool top, bool run,
                      char **err)
{
    for (int i = 0; i < l->ncmds; i++) {
        if (i > 0)
            buf_add(b, top && !run ? " \\; " : " ; "); /* what runs: a plain ';' */
        if (print_cmd(b, &l->cmds[i], run, err) != 0)
            return -1;
    }
    return 0;
}

/* Print l both ways; -1 with *err if a command is wrong. */
static int print_both(struct cprint_list *l, char **display, char **run, char **err)
{
    struct cprint_buf d = {0}, r = {0};
    *err = NULL;
    if (l->ncmds == 0) {
        list_free(l);
        *display = xstrdup("");
        *run = xstrdup("");
        return 0;
    }
    if (print_list(&d, l, true, false, err) != 0 || print_list(&r, l, true, true, err) != 0) {
        free(d.s);
        free(r.s);
        list_free(l);
        return -1;
    }
    list_free(l);
    *display = buf_take(&d);
    *run = buf_take(&r);
    return 0;
}

int cmd_print_string(const char *text, char **display, char **run, char **err)
{
    const char *p = text, *why = NULL;
    struct cprint_list *l = read_list(&p, false, &why);
    if (l == NULL) {
        *err = xstrdup(why);
        return -1;
    }
    return print_both(l, display, run, err);
}

int cmd_print_argv(int argc, char **argv, char **display, char **run, char **err)
{
    return print_both(read_argv(argc, argv), display, run, err);
}
