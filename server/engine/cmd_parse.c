/* cmd_parse.c - the command language (see cmd.h): a lexer with tmux's rules for words,
 * quotes, escapes, ~ and $VAR, a parser of statements (commands separated by ';',
 * { } blocks, %if/%elif/%else/%endif, %hidden and NAME=value assignments), and the
 * builder that turns what was parsed into a command list, each command checked against
 * its entry (unknown command, flags, argument counts) before anything runs: as in tmux,
 * one bad command fails the whole text. Also the shell command line's form (an argv
 * split on ';' words and words ending in ';'), the printer of command lists and the
 * plain word splitter kept for callers that only want words. */
#include "cmd.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <event2/buffer.h>

#include "environ.h"
#include "format.h"
#include "options.h"
#include "server_state.h"
#include "utf8.h"
#include "xmalloc.h"

/* A growable string. */
struct sbuf {
    char *s;
    size_t len, size;
};

static void sbuf_add(struct sbuf *b, const char *p, size_t n)
{
    if (b->len + n + 1 > b->size) {
        while (b->len + n + 1 > b->size)
            b->size = b->size ? b->size * 2 : 32;
        b->s = xrealloc(b->s, b->size);
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sbuf_add1(struct sbuf *b, char c)
{
    sbuf_add(b, &c, 1);
}

static char *sbuf_take(struct sbuf *b)
{
    if (b->s == NULL)
        return xstrdup("");
    char *s = b->s;
    b->s = NULL;
    b->len = b->size = 0;
    return s;
}

/* Room for element n of an array grown geometrically (capacity 4, 8, 16...): a
 * command of 100,000 words is linear, not quadratic. */
static void *grow(void *p, size_t n, size_t size)
{
    if (n == 0)
        return xreallocarray(p, 4, size);
    if (n >= 4 && (n & (n - 1)) == 0)
        return xreallocarray(p, n * 2, size);
    return p;
}

/* ---- The lexer. ---- */

enum tok {
    T_EOF,
    T_NL,
    T_SEMI,
    T_LBRACE,
    T_RBRACE,
    T_TOKEN,  /* a word */
    T_EQUALS, /* a word NAME=value */
    T_FORMAT, /* #{...} after %if/%elif */
    T_HIDDEN,
    T_IF,
    T_ELIF,
    T_ELSE,
    T_ENDIF,
    T_ERROR,
};

#define LEX_EOF (-1)

struct lexer {
    const char *p, *end;
    int back[8];      /* raw characters pushed back */
    int nback;
    int escapes;      /* backslashes read ahead, still to give */
    unsigned line;
    bool eol;         /* the last token was a newline: the line counts at the next one */
    bool eof_given;   /* the final newline every text ends with was given */
    bool condition;   /* after %if or %elif: #{ starts a format */
    const struct cmd_parse_input *pi;
    char *error;      /* the first error */
};

static void lex_error(struct lexer *lx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void lex_error(struct lexer *lx, const char *fmt, ...)
{
    if (lx->error != NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    if (msg == NULL)
        msg = xstrdup("out of memory");
    if (lx->pi != NULL && lx->pi->file != NULL) {
        lx->error = xasprintf("%s:%u: %s", lx->pi->file, lx->line, msg);
        free(msg);
    } else
        lx->error = msg;
}

static int lex_raw(struct lexer *lx)
{
    if (lx->nback > 0)
        return lx->back[--lx->nback];
    if (lx->p >= lx->end)
        return LEX_EOF;
    return (unsigned char)*lx->p++;
}

static void lex_unget(struct lexer *lx, int ch)
{
    if (lx->nback < (int)(sizeof lx->back / sizeof lx->back[0]))
        lx->back[lx->nback++] = ch;
}

/* The next character, with backslash-newline (an odd number of backslashes before a
 * newline) removed wherever it is, even inside single quotes. */
static int lex_getc(struct lexer *lx)
{
    if (lx->escapes > 0) {
        lx->escapes--;
        return '\\';
    }
    for (;;) {
        int ch = lex_raw(lx);
        if (ch == '\\') {
            lx->escapes++;
            continue;
        }
        if (ch == '\n' && lx->escapes % 2 == 1) {
            lx->line++;
            lx->escapes--;
            continue;
        }
        if (lx->escapes > 0) {
            lex_unget(lx, ch);
            lx->escapes--;
            return '\\';
        }
        return ch;
    }
}

/* Push back a character lex_getc gave. */
static void lex_ungetc(struct lexer *lx, int ch)
{
    if (ch == '\\')
        lx->escapes++;
    else
        lex_unget(lx, ch);
}

static bool lex_is_var(int ch, bool first)
{
    if (ch == LEX_EOF)
        return false;
    if (first)
        return isalpha(ch) || ch == '_';
    return isalnum(ch) || ch == '_';
}

/* After a backslash: an escape (\e \n \t \r \a \b \f \v \s, \NNN octal, \uXXXX,
 * \UXXXXXXXX) or the character itself. */
static bool lex_escape(struct lexer *lx, struct sbuf *b)
{
    int ch = lex_getc(lx);
    if (ch >= '4' && ch <= '7') {
        lex_error(lx, "invalid octal escape");
        return false;
    }
    if (ch >= '0' && ch <= '3') {
        int o2 = lex_getc(lx);
        if (o2 >= '0' && o2 <= '7') {
            int o3 = lex_getc(lx);
            if (o3 >= '0' && o3 <= '7') {
                sbuf_add1(b, (char)(64 * (ch - '0') + 8 * (o2 - '0') + (o3 - '0')));
                return true;
            }
        }
        lex_error(lx, "invalid octal escape");
        return false;
    }
    int size = 0;
    switch (ch) {
    case LEX_EOF:
        return false;
    case 'a': ch = '\a'; break;
    case 'b': ch = '\b'; break;
    case 'e': ch = '\033'; break;
    case 'f': ch = '\f'; break;
    case 's': ch = ' '; break;
    case 'v': ch = '\v'; break;
    case 'r': ch = '\r'; break;
    case 'n': ch = '\n'; break;
    case 't': ch = '\t'; break;
    case 'u': size = 4; break;
    case 'U': size = 8; break;
    default: break;
    }
    if (size == 0) {
        sbuf_add1(b, (char)ch);
        return true;
    }
    int type = ch;
    uint32_t cp = 0;
    for (int i = 0; i < size; i++) {
        int h = lex_getc(lx);
        if (h == LEX_EOF || h == '\n')
            return false;
        if (!isxdigit(h)) {
            lex_error(lx, "invalid \\%c argument", type);
            return false;
        }
        cp = cp * 16 + (uint32_t)(isdigit(h) ? h - '0' : tolower(h) - 'a' + 10);
    }
    char m[8];
    int mlen = cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : utf8_encode(cp, m);
    if (mlen <= 0) {
        lex_error(lx, "invalid \\%c argument", type);
        return false;
    }
    sbuf_add(b, m, (size_t)mlen);
    return true;
}

/* After $: ${NAME} or $NAME from the global environment (unset: nothing); a $ not
 * followed by a name is itself. */
static bool lex_variable(struct lexer *lx, struct sbuf *b)
{
    char name[1024];
    size_t n = 0;
    bool brackets = false;
    int ch = lex_getc(lx);
    if (ch == LEX_EOF)
        return false;
    if (ch == '{')
        brackets = true;
    else if (!lex_is_var(ch, true)) {
        sbuf_add1(b, '$');
        lex_ungetc(lx, ch);
        return true;
    } else
        name[n++] = (char)ch;
    for (;;) {
        ch = lex_getc(lx);
        if (brackets && ch == '}')
            break;
        if (ch == LEX_EOF || !lex_is_var(ch, false)) {
            if (!brackets) {
                lex_ungetc(lx, ch);
                break;
            }
            lex_error(lx, "invalid environment variable");
            return false;
        }
        if (n == sizeof name - 2) {
            lex_error(lx, "environment variable is too long");
            return false;
        }
        name[n++] = (char)ch;
    }
    name[n] = '\0';
    const char *value = NULL;
    if (lx->pi != NULL && lx->pi->server != NULL) {
        const struct environ_entry *e = environ_find(lx->pi->server, name);
        if (e != NULL)
            value = e->value;
    } else
        value = getenv(name);
    if (value != NULL)
        sbuf_add(b, value, strlen(value));
    return true;
}

/* After ~: ~ is $HOME (else the user's home), ~user that user's home. */
static bool lex_tilde(struct lexer *lx, struct sbuf *b)
{
    char name[1024];
    size_t n = 0;
    for (;;) {
        int ch = lex_getc(lx);
        if (ch == LEX_EOF || strchr("/ \t\n\"'", ch) != NULL) {
            lex_ungetc(lx, ch);
            break;
        }
        if (n == sizeof name - 2) {
            lex_error(lx, "user name is too long");
            return false;
        }
        name[n++] = (char)ch;
    }
    name[n] = '\0';
    const char *home = NULL;
    struct passwd *pw;
    if (n == 0) {
        const struct environ_entry *e = NULL;
        if (lx->pi != NULL && lx->pi->server != NULL)
            e = environ_find(lx->pi->server, "HOME");
        const char *h = e != NULL ? e->value : lx->pi == NULL || lx->pi->server == NULL ?
                                                getenv("HOME") : NULL;
        if (h != NULL && *h != '\0')
            home = h;
        else if ((pw = getpwuid(getuid())) != NULL)
            home = pw->pw_dir;
    } else if ((pw = getpwnam(name)) != NULL)
        home = pw->pw_dir;
    if (home == NULL)
        return false;
    sbuf_add(b, home, strlen(home));
    return true;
}

/* A word starting with ch: quotes, escapes, ~ and $ as tmux reads them. NULL on error. */
static char *lex_word(struct lexer *lx, int ch)
{
    enum { START, NONE, DOUBLE, SINGLE } state = NONE, last = START;
    struct sbuf b = {0};
    for (;;) {
        if (ch == LEX_EOF || (state == NONE && ch == '\n'))
            break;
        if ((ch == ' ' || ch == '\t' || ch == ';' || ch == '}') && state == NONE)
            break;
        if (ch == '\n' && state != NONE) {
            /* A newline inside quotes stays; the next line's indent and comment lines
             * (but not #{ #, #} #: ##) go. */
            sbuf_add1(&b, '\n');
            while ((ch = lex_getc(lx)) == ' ' || ch == '\t')
                ;
            if (ch != '#')
                continue;
            ch = lex_getc(lx);
            if (ch != LEX_EOF && strchr(",#{}:", ch) != NULL) {
                lex_ungetc(lx, ch);
                ch = '#';
            } else {
                while ((ch = lex_getc(lx)) != '\n' && ch != LEX_EOF)
                    ;
            }
            continue;
        }
        if (ch == '\\' && state != SINGLE) {
            if (!lex_escape(lx, &b))
                goto error;
            goto skip;
        }
        if (ch == '~' && last != state && state != SINGLE) {
            if (!lex_tilde(lx, &b))
                goto error;
            goto skip;
        }
        if (ch == '$' && state != SINGLE) {
            if (!lex_variable(lx, &b))
                goto error;
            goto skip;
        }
        if (ch == '\'' && state != DOUBLE) {
            state = state == NONE ? SINGLE : NONE;
            goto next;
        }
        if (ch == '"' && state != SINGLE) {
            state = state == NONE ? DOUBLE : NONE;
            goto next;
        }
        sbuf_add1(&b, (char)ch);
    skip:
        last = state;
    next:
        ch = lex_getc(lx);
    }
    lex_ungetc(lx, ch);
    return sbuf_take(&b);
error:
    free(b.s);
    return NULL;
}

/* A %word: read to the next blank. */
static char *lex_percent_word(struct lexer *lx)
{
    struct sbuf b = {0};
    sbuf_add1(&b, '%');
    int ch;
    while ((ch = lex_getc(lx)) != LEX_EOF && strchr(" \t\n", ch) == NULL)
        sbuf_add1(&b, (char)ch);
    lex_ungetc(lx, ch);
    return sbuf_take(&b);
}

/* #{...} after %if: up to the matching brace (nested #{ counted). */
static char *lex_format(struct lexer *lx)
{
    struct sbuf b = {0};
    sbuf_add(&b, "#{", 2);
    int depth = 1, ch, last = 0;
    for (;;) {
        ch = lex_getc(lx);
        if (ch == LEX_EOF || ch == '\n') {
            free(b.s);
            return NULL;
        }
        if (ch == '{' && last == '#')
            depth++;
        if (ch == '}' && --depth == 0) {
            sbuf_add1(&b, '}');
            break;
        }
        sbuf_add1(&b, (char)ch);
        last = ch;
    }
    return sbuf_take(&b);
}

/* The next token; *text gets a word's text (caller frees). */
static enum tok lex_next(struct lexer *lx, char **text)
{
    *text = NULL;
    if (lx->eol)
        lx->line++;
    lx->eol = false;
    bool condition = lx->condition;
    lx->condition = false;
    for (;;) {
        int ch = lex_getc(lx);
        if (ch == LEX_EOF) {
            /* Every text ends with a newline, given or not. */
            if (lx->eof_given)
                return T_EOF;
            lx->eof_given = true;
            return T_NL;
        }
        if (ch == ' ' || ch == '\t')
            continue;
        if (ch == '\n') {
            lx->eol = true;
            return T_NL;
        }
        if (ch == ';')
            return T_SEMI;
        if (ch == '{')
            return T_LBRACE;
        if (ch == '}')
            return T_RBRACE;
        if (ch == '#') {
            int next = lex_getc(lx);
            if (condition && next == '{') {
                *text = lex_format(lx);
                if (*text == NULL) {
                    lex_error(lx, "invalid format");
                    return T_ERROR;
                }
                return T_FORMAT;
            }
            while (next != '\n' && next != LEX_EOF)
                next = lex_getc(lx);
            if (next == '\n') {
                lx->line++;
                return T_NL;
            }
            continue;
        }
        if (ch == '%') {
            char *w = lex_percent_word(lx);
            const char *cp = w;
            while (*cp == '%' || isdigit((unsigned char)*cp))
                cp++;
            if (*cp == '\0') {
                *text = w;
                return T_TOKEN;
            }
            lx->condition = true;
            enum tok t = T_ERROR;
            if (strcmp(w, "%hidden") == 0)
                t = T_HIDDEN;
            else if (strcmp(w, "%if") == 0)
                t = T_IF;
            else if (strcmp(w, "%elif") == 0)
                t = T_ELIF;
            else if (strcmp(w, "%else") == 0)
                t = T_ELSE;
            else if (strcmp(w, "%endif") == 0)
                t = T_ENDIF;
            free(w);
            return t;
        }
        char *w = lex_word(lx, ch);
        if (w == NULL)
            return T_ERROR;
        *text = w;
        const char *eq = strchr(w, '=');
        if (eq != NULL && lex_is_var((unsigned char)*w, true)) {
            const char *cp = w + 1;
            while (cp < eq && lex_is_var((unsigned char)*cp, false))
                cp++;
            if (cp == eq)
                return T_EQUALS;
        }
        return T_TOKEN;
    }
}

/* ---- The parser: text to a tree of raw commands. ---- */

struct raw_cmd;

/* One argument: a word, or a { } block of commands. */
struct raw_arg {
    char *text;
    struct raw_list *block;
};

struct raw_cmd {
    struct raw_arg *args; /* args[0] is the command's name */
    int nargs;
    unsigned line;
    unsigned group;
};

struct raw_list {
    struct raw_cmd *cmds;
    size_t n;
};

struct parser {
    struct lexer lx;
    enum tok tok;      /* the lookahead */
    char *text;
    bool have;
    unsigned groups;   /* groups given so far */
    bool one_group;    /* a string, not a file: every command in one group, as tmux */
};

static void raw_list_free(struct raw_list *l);

static void raw_cmd_free(struct raw_cmd *c)
{
    for (int i = 0; i < c->nargs; i++) {
        free(c->args[i].text);
        if (c->args[i].block != NULL) {
            raw_list_free(c->args[i].block);
            free(c->args[i].block);
        }
    }
    free(c->args);
}

static void raw_list_free(struct raw_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        raw_cmd_free(&l->cmds[i]);
    free(l->cmds);
    l->cmds = NULL;
    l->n = 0;
}

static enum tok peek(struct parser *p)
{
    if (!p->have) {
        p->tok = lex_next(&p->lx, &p->text);
        p->have = true;
    }
    return p->tok;
}

/* Consume the lookahead; returns its text (the caller owns it). */
static char *take(struct parser *p)
{
    peek(p);
    p->have = false;
    char *t = p->text;
    p->text = NULL;
    return t;
}

static bool syntax_error(struct parser *p)
{
    lex_error(&p->lx, "syntax error");
    return false;
}

/* NAME=value (or %hidden NAME=value) in the global environment, when active. */
static void assign(struct parser *p, const char *text, bool hidden, bool active)
{
    if (!active)
        return;
    const struct cmd_parse_input *pi = p->lx.pi;
    if (pi != NULL && pi->server != NULL)
        environ_put(pi->server, text, hidden);
}

enum stop { STOP_EOF, STOP_BRACE, STOP_CONDITION };

static bool parse_statements(struct parser *p, enum stop stop, bool active, struct raw_list *out);

/* A { } block as an argument (the '{' is consumed). */
static bool parse_block(struct parser *p, bool active, struct raw_list *out)
{
    if (!parse_statements(p, STOP_BRACE, active, out))
        return false;
    free(take(p)); /* '}' */
    return true;
}

/* One command: its name and arguments, up to ';', a newline or '}'. */
static bool parse_command(struct parser *p, bool active, unsigned group, struct raw_list *out)
{
    struct raw_cmd c = {.group = group};
    for (;;) {
        enum tok t = peek(p);
        if (t == T_TOKEN || t == T_EQUALS) {
            c.args = grow(c.args, (size_t)c.nargs, sizeof *c.args);
            c.args[c.nargs++] = (struct raw_arg){.text = take(p)};
            continue;
        }
        if (t == T_LBRACE) {
            free(take(p));
            struct raw_list *block = xcalloc(1, sizeof *block);
            c.args = grow(c.args, (size_t)c.nargs, sizeof *c.args);
            c.args[c.nargs++] = (struct raw_arg){.block = block};
            if (!parse_block(p, active, block))
                goto fail;
            continue;
        }
        break;
    }
    /* The line is the one where the command ended (its lookahead read), as tmux counts
     * it: a continued line is its last, a newline inside quotes does not count. */
    c.line = p->lx.line;
    if (!active) {
        raw_cmd_free(&c);
        return true;
    }
    out->cmds = grow(out->cmds, out->n, sizeof *out->cmds);
    out->cmds[out->n++] = c;
    return true;
fail:
    raw_cmd_free(&c);
    return false;
}

/* Commands separated by ';' (assignments among them), up to a newline or '}'. */
static bool parse_commands(struct parser *p, bool active, struct raw_list *out)
{
    unsigned group = p->one_group ? 1 : ++p->groups;
    for (;;) {
        enum tok t = peek(p);
        if (t == T_SEMI) {
            free(take(p));
            continue;
        }
        if (t == T_NL || t == T_EOF || t == T_RBRACE)
            return true;
        if (t == T_EQUALS) {
            char *a = take(p);
            assign(p, a, false, active);
            free(a);
            t = peek(p);
            if (t != T_TOKEN && t != T_SEMI && t != T_NL && t != T_EOF && t != T_RBRACE)
                return syntax_error(p);
            continue;
        }
        if (t != T_TOKEN)
            return syntax_error(p);
        if (!parse_command(p, active, group, out))
            return false;
        t = peek(p);
        if (t != T_SEMI && t != T_NL && t != T_EOF && t != T_RBRACE)
            return syntax_error(p);
    }
}

/* The condition after %if or %elif: a format, true when not empty and not 0. */
static bool parse_condition(struct parser *p, bool active, bool *yes)
{
    enum tok t = peek(p);
    if (t != T_FORMAT && t != T_TOKEN)
        return syntax_error(p);
    char *text = take(p);
    *yes = false;
    if (active) {
        const struct cmd_parse_input *pi = p->lx.pi;
        struct format_ctx f = {0};
        if (pi != NULL) {
            f.server = pi->server;
            f.client = pi->client;
            f.session = pi->session;
            f.window = pi->window;
            f.pane = pi->pane;
        }
        char *value = format_expand(pi != NULL && pi->server != NULL ? &f : NULL, text);
        *yes = *value != '\0' && strcmp(value, "0") != 0;
        free(value);
    }
    free(text);
    if (peek(p) != T_NL)
        return syntax_error(p);
    free(take(p));
    return true;
}

/* %if ... [%elif ...] [%else ...] %endif (the %if is consumed). */
static bool parse_if(struct parser *p, bool active, struct raw_list *out)
{
    bool yes;
    if (!parse_condition(p, active, &yes))
        return false;
    bool taken = yes;
    if (!parse_statements(p, STOP_CONDITION, active && yes, out))
        return false;
    for (;;) {
        enum tok t = peek(p);
        free(take(p));
        if (t == T_ENDIF)
            return true;
        if (t == T_ELIF) {
            if (!parse_condition(p, active && !taken, &yes))
                return false;
            if (!parse_statements(p, STOP_CONDITION, active && !taken && yes, out))
                return false;
            taken |= yes;
            continue;
        }
        /* %else */
        if (peek(p) != T_NL)
            return syntax_error(p);
        free(take(p));
        if (!parse_statements(p, STOP_CONDITION, active && !taken, out))
            return false;
        t = peek(p);
        if (t != T_ENDIF)
            return syntax_error(p);
        free(take(p));
        return true;
    }
}

/* Statements, one a line: commands, %hidden NAME=value, %if blocks. Stops before '}'
 * (blocks) or %elif/%else/%endif (conditions); anything else there is an error. */
static bool parse_statements(struct parser *p, enum stop stop, bool active, struct raw_list *out)
{
    for (;;) {
        enum tok t = peek(p);
        switch (t) {
        case T_ERROR:
            return syntax_error(p);
        case T_EOF:
            return stop == STOP_EOF ? true : syntax_error(p);
        case T_NL:
            free(take(p));
            continue;
        case T_RBRACE:
            return stop == STOP_BRACE ? true : syntax_error(p);
        case T_ELIF:
        case T_ELSE:
        case T_ENDIF:
            return stop == STOP_CONDITION ? true : syntax_error(p);
        case T_HIDDEN: {
            free(take(p));
            if (peek(p) != T_EQUALS)
                return syntax_error(p);
            char *a = take(p);
            assign(p, a, true, active);
            free(a);
            break;
        }
        case T_IF:
            free(take(p));
            if (!parse_if(p, active, out))
                return false;
            break;
        default:
            if (!parse_commands(p, active, out))
                return false;
            break;
        }
        /* A statement ends at a newline (or a '}' that closes its block). */
        t = peek(p);
        if (t == T_NL) {
            free(take(p));
            continue;
        }
        if (t == T_RBRACE && stop == STOP_BRACE)
            return true;
        if (t == T_EOF && stop == STOP_EOF)
            return true;
        return syntax_error(p);
    }
}

/* ---- The builder: raw commands to a checked command list. ---- */

/* Which arguments of a command may be { } blocks (and are command lists to it). */
static bool block_allowed(const struct cmd_entry *e, int index, const struct cmd_args *args)
{
    const char *n = e->name;
    if (strcmp(n, "bind-key") == 0)
        return index >= 1;
    if (strcmp(n, "choose-tree") == 0 || strcmp(n, "choose-client") == 0 ||
        strcmp(n, "choose-buffer") == 0)
        return index == 0;
    if (strcmp(n, "display-menu") == 0) {
        /* Items are NAME KEY COMMAND; an empty NAME alone is a separator. */
        int i = 0;
        while (i < index) {
            if (*args->argv[i] == '\0') {
                i++;
                continue;
            }
            if (i + 2 == index)
                return true;
            if (i + 1 == index)
                return false;
            i += 3;
        }
        return false;
    }
    if (strcmp(n, "if-shell") == 0)
        return index == 1 || index == 2;
    if (strcmp(n, "confirm-before") == 0 || strcmp(n, "command-prompt") == 0)
        return index == 0;
    if (strcmp(n, "run-shell") == 0)
        return index == 0 && args->flags['C'] != NULL;
    if (strcmp(n, "set-option") == 0 || strcmp(n, "set-window-option") == 0 ||
        strcmp(n, "set-hook") == 0)
        return index == 1;
    return false;
}

static void cmd_parsed_free(struct cmd_parsed *c)
{
    for (int i = 0; i < c->argc; i++) {
        free(c->argv[i]);
        if (c->blocks != NULL && c->blocks[i] != NULL)
            cmd_list_free(c->blocks[i]);
    }
    free(c->argv);
    free(c->blocks);
    free(c->file);
}

static struct cmd_list *list_new(void)
{
    struct cmd_list *l = xcalloc(1, sizeof *l);
    l->refs = 1;
    return l;
}

static bool build_list(struct raw_list *raw, const struct cmd_parse_input *pi, unsigned base,
                       struct cmd_list *out, char **error, unsigned *cur);

/* The error of a command, with FILE:LINE: when from a file. */
static char *build_error(const struct cmd_parse_input *pi, unsigned line, const char *msg)
{
    if (pi != NULL && pi->file != NULL)
        return xasprintf("%s:%u: %s", pi->file, line, msg);
    return xstrdup(msg);
}

/* Print commands [from, to) of a list (a group) as source-file -v does: FILE:LINE:
 * commands, the line being the one tmux's builder is at (after a block, its last). */
static void build_verbose(const struct cmd_parse_input *pi, const struct cmd_list *l,
                          size_t from, size_t to, unsigned line)
{
    if (pi == NULL || !pi->verbose || pi->verbose_out == NULL || from >= to)
        return;
    struct cmd_list part = {.cmds = l->cmds + from, .n = to - from, .refs = 1};
    char *text = cmd_list_print(&part, false);
    if (pi->file != NULL)
        evbuffer_add_printf(pi->verbose_out, "%s:%u: %s\n", pi->file, line, text);
    else
        evbuffer_add_printf(pi->verbose_out, "%s\n", text);
    free(text);
}

/* tmux 3.3a's default command-alias entries: NAME=COMMAND, the command's words coming
 * before the ones given: what the command-alias server option holds at start. */
static const char *const default_aliases[] = {
    "split-pane=split-window",     "splitp=split-window",
    "server-info=show-messages -JT", "info=show-messages -JT",
    "choose-window=choose-tree -w", "choose-session=choose-tree -s",
    NULL,
};

/* The alias item of name (NAME=COMMAND): from the command-alias server option, or the
 * defaults without a server. */
static const char *alias_item(const struct server *srv, const char *name)
{
    size_t len = strlen(name);
    if (srv != NULL && srv->options != NULL) {
        const char *item;
        for (long i = options_array_next(srv->options, "command-alias", -1, &item); i >= 0;
             i = options_array_next(srv->options, "command-alias", i, &item)) {
            if (strncmp(item, name, len) == 0 && item[len] == '=')
                return item;
        }
        return NULL;
    }
    for (const char *const *a = default_aliases; *a != NULL; a++) {
        if (strncmp(*a, name, len) == 0 && (*a)[len] == '=')
            return *a;
    }
    return NULL;
}

/* The words an alias stands for, or NULL (exact names only, before commands). */
static char **alias_words(const struct server *srv, const char *name, int *argc)
{
    const char *found = alias_item(srv, name);
    if (found == NULL)
        return NULL;
    char **argv = NULL;
    const char *err = NULL;
    int n = cmd_split(found + strlen(name) + 1, &argv, &err);
    if (n <= 0) {
        if (n == 0)
            cmd_free_argv(argv);
        return NULL;
    }
    *argc = n;
    return argv;
}

static bool build_command(struct raw_cmd *raw, const struct cmd_parse_input *pi, unsigned base,
                          struct cmd_list *out, char **error, unsigned *cur);

/* A command named by an alias: the alias's words, then the arguments given. */
static bool build_alias(struct raw_cmd *raw, char **words, int nwords,
                        const struct cmd_parse_input *pi, unsigned base, struct cmd_list *out,
                        char **error, unsigned *cur)
{
    struct raw_cmd c = {.line = raw->line, .group = raw->group};
    c.nargs = nwords + raw->nargs - 1;
    c.args = xcalloc((size_t)c.nargs, sizeof *c.args);
    for (int i = 0; i < nwords; i++)
        c.args[i].text = words[i];
    for (int i = 1; i < raw->nargs; i++)
        c.args[nwords + i - 1] = raw->args[i];
    free(words);
    /* The arguments moved: the raw command keeps only its name. */
    raw->nargs = 1;
    bool ok = build_command(&c, pi, base, out, error, cur);
    raw_cmd_free(&c);
    return ok;
}

static bool build_command(struct raw_cmd *raw, const struct cmd_parse_input *pi, unsigned base,
                          struct cmd_list *out, char **error, unsigned *cur)
{
    *cur = raw->line;
    const char *name = raw->args[0].text;
    if (name == NULL) {
        *error = build_error(pi, *cur, "syntax error");
        return false;
    }
    int nwords = 0;
    char **words = alias_words(pi != NULL ? pi->server : NULL, name, &nwords);
    if (words != NULL) {
        if (strcmp(words[0], name) != 0) /* an alias of itself would never end */
            return build_alias(raw, words, nwords, pi, base, out, error, cur);
        cmd_free_argv(words);
    }
    char *why = NULL;
    const struct cmd_entry *e = cmd_lookup_error(name, &why);
    if (e == NULL) {
        *error = build_error(pi, *cur, why);
        free(why);
        return false;
    }
    struct cmd_parsed c = {.entry = e, .argc = raw->nargs, .line = raw->line,
                           .group = base + raw->group, .depth = pi != NULL ? pi->depth : 0};
    c.argv = xcalloc((size_t)raw->nargs + 1, sizeof *c.argv);
    c.blocks = xcalloc((size_t)raw->nargs + 1, sizeof *c.blocks);
    if (pi != NULL && pi->file != NULL)
        c.file = xstrdup(pi->file);
    c.argv[0] = xstrdup(e->name);
    for (int i = 1; i < raw->nargs; i++) {
        if (raw->args[i].block == NULL) {
            c.argv[i] = xstrdup(raw->args[i].text);
            continue;
        }
        struct cmd_list *block = list_new();
        if (!build_list(raw->args[i].block, pi, 0, block, error, cur)) {
            cmd_list_free(block);
            goto fail;
        }
        c.blocks[i] = block;
        c.argv[i] = cmd_list_print(block, false);
    }
    /* Flags and counts checked now: a bad command fails the whole text. */
    struct cmd_args args;
    char *cause = NULL;
    if (cmd_args_parse(e, c.argc, c.argv, &args, &cause) != 0) {
        char *msg = xasprintf("command %s: %s", e->name, cause);
        *error = build_error(pi, *cur, msg);
        free(msg);
        free(cause);
        goto fail;
    }
    for (int i = 0; i < args.argc; i++) {
        int at = (int)(args.argv - c.argv) + i;
        if (c.blocks[at] != NULL && !block_allowed(e, i, &args)) {
            char *msg = xasprintf("command %s: argument %d must be \"string\"", e->name, i + 1);
            *error = build_error(pi, *cur, msg);
            free(msg);
            goto fail;
        }
    }
    for (int i = 1; i < args.argc + (int)(args.argv - c.argv) && i < c.argc; i++) {
        if (c.blocks[i] != NULL && i < (int)(args.argv - c.argv)) {
            /* a block given as a flag's value */
            char *msg = xasprintf("command %s: argument must be \"string\"", e->name);
            *error = build_error(pi, *cur, msg);
            free(msg);
            goto fail;
        }
    }
    out->cmds = grow(out->cmds, out->n, sizeof *out->cmds);
    out->cmds[out->n++] = c;
    return true;
fail:
    cmd_parsed_free(&c);
    return false;
}

/* Build every command; groups (one a line, as tmux makes them) are printed for -v as
 * each is complete. */
static bool build_list(struct raw_list *raw, const struct cmd_parse_input *pi, unsigned base,
                       struct cmd_list *out, char **error, unsigned *cur)
{
    size_t group_start = out->n;
    for (size_t i = 0; i < raw->n; i++) {
        if (i > 0 && raw->cmds[i].group != raw->cmds[i - 1].group) {
            build_verbose(pi, out, group_start, out->n, *cur);
            group_start = out->n;
        }
        if (!build_command(&raw->cmds[i], pi, base, out, error, cur))
            return false;
    }
    build_verbose(pi, out, group_start, out->n, *cur);
    return true;
}

static struct cmd_list *parse_text(const char *text, size_t len, const struct cmd_parse_input *pi,
                                   bool one_group, char **error)
{
    struct parser p = {.one_group = one_group};
    p.lx.p = text;
    p.lx.end = text + len;
    p.lx.line = pi != NULL && pi->line > 0 ? pi->line : 1;
    p.lx.pi = pi;
    struct raw_list raw = {0};
    bool ok = parse_statements(&p, STOP_EOF, true, &raw);
    free(p.text);
    *error = NULL;
    if (!ok) {
        *error = p.lx.error != NULL ? p.lx.error : xstrdup("syntax error");
        raw_list_free(&raw);
        return NULL;
    }
    free(p.lx.error);
    struct cmd_list *l = list_new();
    unsigned base = 0;
    unsigned cur = p.lx.line;
    if (!build_list(&raw, pi, base, l, error, &cur)) {
        raw_list_free(&raw);
        cmd_list_free(l);
        return NULL;
    }
    raw_list_free(&raw);
    return l;
}

struct cmd_list *cmd_parse_buffer(const char *text, size_t len, const struct cmd_parse_input *pi,
                                  char **error)
{
    return parse_text(text, len, pi, false, error);
}

struct cmd_list *cmd_parse_string(const char *text, const struct cmd_parse_input *pi, char **error)
{
    /* As tmux: a string's commands are one group whatever its lines, so that a block
     * { a <newline> b } given as a string is "a ; b". */
    return parse_text(text, strlen(text), pi, true, error);
}

/* The raw form of a built list (its commands' full names and words, its blocks), to
 * build again as part of another: bind-key's words that were { } blocks. */
static void raw_from_list(const struct cmd_list *l, struct raw_list *out)
{
    for (size_t i = 0; i < l->n; i++) {
        const struct cmd_parsed *c = &l->cmds[i];
        struct raw_cmd rc = {.line = c->line, .group = c->group, .nargs = c->argc};
        rc.args = xcalloc((size_t)c->argc + 1, sizeof *rc.args);
        for (int j = 0; j < c->argc; j++) {
            if (c->blocks != NULL && c->blocks[j] != NULL) {
                rc.args[j].block = xcalloc(1, sizeof *rc.args[j].block);
                raw_from_list(c->blocks[j], rc.args[j].block);
            } else
                rc.args[j].text = xstrdup(c->argv[j]);
        }
        out->cmds = grow(out->cmds, out->n, sizeof *out->cmds);
        out->cmds[out->n++] = rc;
    }
}

struct cmd_list *cmd_parse_argv(int argc, char *const *argv, const struct cmd_parse_input *pi,
                                char **error)
{
    return cmd_parse_argv_lists(argc, argv, NULL, pi, error);
}

struct cmd_list *cmd_parse_argv_lists(int argc, char *const *argv, struct cmd_list *const *lists,
                                      const struct cmd_parse_input *pi, char **error)
{
    /* Already words: a word ";" or ending in ";" ends a command ("\;" at the end of a word
     * is a literal ';' instead). */
    struct raw_list raw = {0};
    struct raw_cmd c = {.group = 1};
    unsigned line = pi != NULL && pi->line > 0 ? pi->line : 0;
    for (int i = 0; i < argc; i++) {
        if (lists != NULL && lists[i] != NULL) {
            /* A { } block: an argument of the command, never its end. */
            struct raw_list *block = xcalloc(1, sizeof *block);
            raw_from_list(lists[i], block);
            c.args = grow(c.args, (size_t)c.nargs, sizeof *c.args);
            c.args[c.nargs++] = (struct raw_arg){.block = block};
            continue;
        }
        char *copy = xstrdup(argv[i]);
        size_t n = strlen(copy);
        bool end = false;
        if (n > 0 && copy[n - 1] == ';') {
            copy[--n] = '\0';
            if (n > 0 && copy[n - 1] == '\\')
                copy[n - 1] = ';';
            else
                end = true;
        }
        if (!end || n != 0) {
            c.args = grow(c.args, (size_t)c.nargs, sizeof *c.args);
            c.args[c.nargs++] = (struct raw_arg){.text = copy};
        } else
            free(copy);
        if (end && c.nargs > 0) {
            c.line = line;
            raw.cmds = grow(raw.cmds, raw.n, sizeof *raw.cmds);
            raw.cmds[raw.n++] = c;
            c = (struct raw_cmd){.group = 1};
        }
    }
    if (c.nargs > 0) {
        c.line = line;
        raw.cmds = grow(raw.cmds, raw.n, sizeof *raw.cmds);
        raw.cmds[raw.n++] = c;
    }
    *error = NULL;
    struct cmd_list *l = list_new();
    unsigned base = 0;
    unsigned cur = line;
    if (!build_list(&raw, pi, base, l, error, &cur)) {
        raw_list_free(&raw);
        cmd_list_free(l);
        return NULL;
    }
    raw_list_free(&raw);
    return l;
}

void cmd_list_ref(struct cmd_list *l)
{
    l->refs++;
}

void cmd_list_free(struct cmd_list *l)
{
    if (l == NULL || --l->refs > 0)
        return;
    for (size_t i = 0; i < l->n; i++)
        cmd_parsed_free(&l->cmds[i]);
    free(l->cmds);
    free(l);
}

/* ---- Printing. ---- */

/* ---- Words only (for callers that split a line without running it). ---- */

int cmd_split(const char *line, char ***argvp, const char **err)
{
    return cmd_split_at(line, argvp, err, NULL);
}

/* Where a quote opened and does not close before the end of line (or NULL). */
static const char *unclosed_quote(const char *line)
{
    int state = 0;
    bool at_start = true;
    const char *open = NULL;
    for (const char *q = line; *q != '\0'; q++) {
        if (state == 0) {
            if (*q == ' ' || *q == '\t' || *q == '\n' || *q == ';') {
                at_start = true;
                continue;
            }
            if (*q == '#' && at_start)
                break;
            at_start = false;
            if (*q == '\\') {
                if (q[1] == '\0')
                    break;
                q++;
            } else if (*q == '\'' || *q == '"') {
                state = *q;
                open = q;
            }
        } else if (state == '\'') {
            if (*q == '\'')
                state = 0;
        } else if (*q == '\\') {
            if (q[1] == '\0')
                break;
            q++;
        } else if (*q == '"')
            state = 0;
    }
    return state != 0 ? open : NULL;
}

int cmd_split_at(const char *line, char ***argvp, const char **err, int *err_column)
{
    /* Quotes must close on the line here (a prompt's text is one line). */
    const char *open = unclosed_quote(line);
    if (open != NULL) {
        *err = *open == '\'' ? "missing closing '" : "missing closing \"";
        if (err_column != NULL)
            *err_column = (int)(open - line) + 1;
        return -1;
    }
    char **argv = xcalloc(1, sizeof *argv);
    int argc = 0;
    struct lexer lx = {.p = line, .end = line + strlen(line), .line = 1};
    for (;;) {
        int ch;
        do
            ch = lex_getc(&lx);
        while (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r');
        if (ch == LEX_EOF || ch == '#')
            break;
        if (ch == ';' || ch == '{' || ch == '}') {
            char w[2] = {(char)ch, '\0'};
            argv = xreallocarray(argv, (size_t)argc + 2, sizeof *argv);
            argv[argc++] = xstrdup(w);
            argv[argc] = NULL;
            continue;
        }
        char *w = lex_word(&lx, ch);
        if (w == NULL) {
            *err = "syntax error";
            if (err_column != NULL)
                *err_column = 1;
            free(lx.error);
            cmd_free_argv(argv);
            return -1;
        }
        argv = xreallocarray(argv, (size_t)argc + 2, sizeof *argv);
        argv[argc++] = w;
        argv[argc] = NULL;
    }
    free(lx.error);
    *argvp = argv;
    return argc;
}
