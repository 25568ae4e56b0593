/* cmd_print.c - a command written back as tmux writes it (list-keys, source-file -v, the
 * message log of show-messages): its name, the flags without a value together ("-Pd", in
 * byte order, a repeated one repeated), then each flag with its value, then the
 * arguments, each quoted by cmd_escape_arg so that the parser reads it back; an argument
 * that was a { } block printed as one. The one printer of commands: the message log
 * calls it for every command a client runs, so it costs one pass over the flags given.
 * Also a command written from a template (cmd_template_replace: the prompts', the
 * choosers' and display-panes' %%). */
#include "cmd.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "format_out.h"
#include "keys.h"
#include "message_log.h"
#include "server_state.h"
#include "xmalloc.h"

/* A growing string, bounded by max when it is not 0 (the rest is dropped). */
struct pbuf {
    char *s;
    size_t len, size;
    size_t max;
};

static void pb_add(struct pbuf *b, const char *s, size_t n)
{
    if (b->max != 0 && b->len + n > b->max)
        n = b->len < b->max ? b->max - b->len : 0;
    if (b->len + n + 1 > b->size) {
        b->size = (b->len + n + 1) * 2;
        b->s = xrealloc(b->s, b->size);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void pb_str(struct pbuf *b, const char *s)
{
    pb_add(b, s, strlen(s));
}

/* The length of the valid UTF-8 character at p, or 0. */
static size_t utf8_valid_length(const unsigned char *p)
{
    size_t n;
    uint32_t cp;
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        n = 2;
        cp = p[0] & 0x1f;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        n = 3;
        cp = p[0] & 0x0f;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        n = 4;
        cp = p[0] & 0x07;
    } else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

/* Append s as vis(3) would with octal, C-style, tab and newline escapes (and, dq, '"'
 * and '$' before a name): valid UTF-8 is kept. */
static void escape_vis(struct pbuf *b, const char *s, bool dq)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p != '\0') {
        /* A run that needs no escape, at once. */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7f && *p != '\\' && (!dq || (*p != '"' && *p != '$')))
            p++;
        if (p > run)
            pb_add(b, (const char *)run, (size_t)(p - run));
        unsigned char c = *p;
        if (c == '\0')
            break;
        if (c >= 0x80) {
            size_t n = utf8_valid_length(p);
            if (n > 1) {
                pb_add(b, (const char *)p, n);
                p += n;
                continue;
            }
        }
        char tmp[8];
        switch (c) {
        case '\n': pb_add(b, "\\n", 2); break;
        case '\t': pb_add(b, "\\t", 2); break;
        case '\r': pb_add(b, "\\r", 2); break;
        case '\b': pb_add(b, "\\b", 2); break;
        case '\a': pb_add(b, "\\a", 2); break;
        case '\v': pb_add(b, "\\v", 2); break;
        case '\f': pb_add(b, "\\f", 2); break;
        case '\\': pb_add(b, "\\\\", 2); break;
        default:
            if (dq && (c == '"' || (c == '$' && (p[1] == '{' || p[1] == '_' || isalpha(p[1]))))) {
                tmp[0] = '\\';
                tmp[1] = (char)c;
                pb_add(b, tmp, 2);
            } else if (c < 0x20 || c >= 0x7f) {
                snprintf(tmp, sizeof tmp, "\\%03o", c);
                pb_add(b, tmp, 4);
            } else
                pb_add(b, (const char *)p, 1);
            break;
        }
        p++;
    }
}

/* One argument quoted as tmux's args_escape quotes it. */
static void pb_word(struct pbuf *b, const char *s)
{
    if (*s == '\0') {
        pb_add(b, "''", 2);
        return;
    }
    int quotes = 0;
    if (s[strcspn(s, " #';${}%")] != '\0')
        quotes = '"';
    else if (s[strcspn(s, " \"")] != '\0')
        quotes = '\'';
    char q = (char)quotes;
    if (s[0] != ' ' && s[1] == '\0' && (quotes != 0 || s[0] == '~')) {
        char two[2] = {'\\', s[0]};
        pb_add(b, two, 2);
        return;
    }
    if (quotes != 0)
        pb_add(b, &q, 1);
    if (*s == '~')
        pb_add(b, "\\", 1);
    escape_vis(b, s, quotes == '"');
    if (quotes != 0)
        pb_add(b, &q, 1);
}

char *cmd_escape_arg(const char *s)
{
    struct pbuf b = {0};
    pb_word(&b, s);
    return b.s;
}

/* What -ch is to e: 1 a flag with a value, 0 one without, -1 none of its flags. */
static int flag_kind(const struct cmd_entry *e, int ch)
{
    const char *pos = ch != ':' && e->spec != NULL ? strchr(e->spec, ch) : NULL;
    return pos == NULL ? -1 : pos[1] == ':';
}

/* e and args (argument i a block when bit i of args->blocks is set: its text is then
 * the block's commands) as tmux's args_print orders them; run: with "--" before a first
 * argument that would read as a flag, so that the text parses back into the same. */
static void print_args(struct pbuf *b, const struct cmd_entry *e, const struct cmd_args *args,
                       bool run)
{
    pb_str(b, e->name);
    bool any = false;
    char one[8];
    for (int ch = 1; ch < 128; ch++) {
        if (args->flags[ch] == NULL)
            continue;
        int kind = flag_kind(e, ch), n;
        if (kind == 0)
            n = args->count[ch] > 0 ? args->count[ch] : 1;
        else if (kind == 1 && (args->missing[ch / 64] & (1ULL << (ch % 64))))
            n = 1; /* wanted a value and had none: printed without, as tmux */
        else
            continue;
        for (int k = 0; k < n; k++) {
            if (!any)
                pb_add(b, " -", 2);
            one[0] = (char)ch;
            pb_add(b, one, 1);
            any = true;
        }
    }
    for (int ch = 1; ch < 128; ch++) {
        if (args->flags[ch] == NULL || flag_kind(e, ch) != 1)
            continue;
        one[0] = ' ';
        one[1] = '-';
        one[2] = (char)ch;
        one[3] = ' ';
        size_t len = 4;
        bool given = false;
        for (int i = 0; i < args->nvalues; i++) {
            if ((unsigned char)args->values[i].flag != ch)
                continue;
            pb_add(b, one, len);
            pb_word(b, args->values[i].value);
            given = true;
        }
        if (given || (args->missing[ch / 64] & (1ULL << (ch % 64))))
            continue;
        /* Values not recorded (more than args->values holds, or args made by hand). */
        if (ch == 'e' && args->nenv > 0) {
            for (int i = 0; i < args->nenv; i++) {
                pb_add(b, one, len);
                pb_word(b, args->env[i]);
            }
            continue;
        }
        pb_add(b, one, len);
        pb_word(b, args->flags[ch]);
    }
    if (run && args->argc > 0 && args->argv[0][0] == '-' && args->argv[0][1] != '\0' &&
        !(args->blocks & 1))
        pb_str(b, " --");
    for (int i = 0; i < args->argc; i++) {
        pb_add(b, " ", 1);
        if (run && args->lists != NULL && args->lists[i] != NULL) {
            char *inner = cmd_list_run_text(args->lists[i]);
            pb_str(b, "{ ");
            pb_str(b, inner);
            pb_str(b, " }");
            free(inner);
        } else if (i < 64 && (args->blocks & (1ULL << i))) {
            pb_str(b, "{ ");
            pb_str(b, args->argv[i]);
            pb_str(b, " }");
        } else
            pb_word(b, args->argv[i]);
    }
}

void cmd_print_command(const struct cmd_entry *e, const struct cmd_args *args,
                       struct format_out *o)
{
    struct pbuf b = {0};
    print_args(&b, e, args, false);
    format_out_add(o, b.s, b.len);
    free(b.s);
}

static char *parsed_print(const struct cmd_parsed *c, bool run)
{
    struct pbuf b = {0};
    struct cmd_args args;
    char *cause = NULL;
    if (cmd_args_parse(c->entry, c->argc, c->argv, &args, &cause) == 0) {
        int first = (int)(args.argv - c->argv);
        for (int i = 0; i < args.argc && i < 64; i++) {
            if (c->blocks != NULL && c->blocks[first + i] != NULL)
                args.blocks |= 1ULL << i;
        }
        if (c->blocks != NULL)
            args.lists = c->blocks + first;
        print_args(&b, c->entry, &args, run);
        return b.s;
    }
    /* Not a command its entry takes (never built so): its words as they are. */
    free(cause);
    pb_str(&b, c->entry->name);
    for (int i = 1; i < c->argc; i++) {
        pb_add(&b, " ", 1);
        if (c->blocks != NULL && c->blocks[i] != NULL) {
            pb_str(&b, "{ ");
            pb_str(&b, c->argv[i]);
            pb_str(&b, " }");
        } else
            pb_word(&b, c->argv[i]);
    }
    return b.s;
}

char *cmd_parsed_print(const struct cmd_parsed *c)
{
    return parsed_print(c, false);
}

char *cmd_list_print(const struct cmd_list *l, bool escaped)
{
    struct pbuf b = {0};
    pb_add(&b, "", 0);
    for (size_t i = 0; i < l->n; i++) {
        char *one = cmd_parsed_print(&l->cmds[i]);
        pb_str(&b, one);
        free(one);
        if (i + 1 < l->n) {
            if (l->cmds[i].group != l->cmds[i + 1].group)
                pb_str(&b, escaped ? " \\;\\; " : " ;; ");
            else
                pb_str(&b, escaped ? " \\; " : " ; ");
        }
    }
    return b.s;
}

char *cmd_list_run_text(const struct cmd_list *l)
{
    struct pbuf b = {0};
    pb_add(&b, "", 0);
    for (size_t i = 0; i < l->n; i++) {
        if (i > 0)
            pb_str(&b, " ; ");
        char *one = parsed_print(&l->cmds[i], true);
        pb_str(&b, one);
        free(one);
    }
    return b.s;
}

void cmd_log_command(struct cmd_ctx *ctx, const struct cmd_entry *e, const struct cmd_args *args)
{
    if (ctx->client == NULL)
        return;
    /* A message is bounded: a client's command of 100,000 words logs its first 64 KiB. */
    struct pbuf b = {.max = FORMAT_MAX_OUTPUT};
    print_args(&b, e, args, false);
    char name[64], key[64];
    message_log_client_name(ctx->client, name, sizeof name);
    if (ctx->from_key && ctx->client->in_key) {
        /* A key's binding, or a prompt it opened: said as tmux says it. */
        message_log_add(ctx->server, "%s key %s: %s", name,
                        key_to_name(ctx->client->cmd_key, key, sizeof key), b.s);
    } else
        message_log_add(ctx->server, "%s command: %s", name, b.s);
    free(b.s);
}

char *cmd_template_replace(const char *template, int idx, const char *answer)
{
    size_t alen = strlen(answer), cap = strlen(template) + 1, len = 0;
    for (const char *t = template; *t; t++)
        if (*t == '%')
            cap += 2 * alen;
    char *out = xmalloc(cap);
    bool replaced = false;
    for (const char *t = template; *t; t++) {
        if (t[0] == '%' && t[1] == '0' + idx) {
            memcpy(out + len, answer, alen);
            len += alen;
            t++;
        } else if (t[0] == '%' && t[1] == '%' && !replaced) {
            bool quote = t[2] == '%';
            for (const char *a = answer; *a; a++) {
                if (quote && strchr("\"\\$;~", *a) != NULL)
                    out[len++] = '\\';
                out[len++] = *a;
            }
            t += quote ? 2 : 1;
            replaced = true;
        } else
            out[len++] = *t;
    }
    out[len] = '\0';
    return out;
}
