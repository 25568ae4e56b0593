/* cmd_print.c - a command written back as tmux writes it (list-keys, source-file -v, the
 * message log of show-messages): its name, the flags without a value together ("-Pd", in
 * byte order, a repeated one repeated), then each flag with its value, then the
 * arguments, each quoted by cmd_escape_arg so that the parser reads it back; an argument
 * that was a { } block printed as one. The one printer of commands: the message log
 * calls it for every command a client runs, so it costs one pass over the flags given. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "format_out.h"
#include "keys.h"
#include "message_log.h"
#include "server_state.h"
#include "xmalloc.h"

/* A growing string without a bound (a command list may be long). */
struct pbuf {
    char *s;
    size_t len, size;
};

static void pb_add(struct pbuf *b, const char *s, size_t n)
{
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

static void pb_word(struct pbuf *b, const char *s)
{
    char *e = cmd_escape_arg(s);
    pb_str(b, e);
    free(e);
}

/* What -ch is to e: 1 a flag with a value, 0 one without, -1 none of its flags. */
static int flag_kind(const struct cmd_entry *e, int ch)
{
    const char *pos = ch != ':' && e->spec != NULL ? strchr(e->spec, ch) : NULL;
    return pos == NULL ? -1 : pos[1] == ':';
}

/* e and args (argument i a block when bit i of args->blocks is set: its text is then
 * the block's commands) as tmux's args_print orders them. */
static void print_args(struct pbuf *b, const struct cmd_entry *e, const struct cmd_args *args)
{
    pb_str(b, e->name);
    bool any = false;
    char one[8];
    for (int ch = 1; ch < 128; ch++) {
        if (args->flags[ch] == NULL || flag_kind(e, ch) != 0)
            continue;
        int n = args->count[ch] > 0 ? args->count[ch] : 1;
        for (int k = 0; k < n; k++) {
            int len = snprintf(one, sizeof one, any ? "%c" : " -%c", ch);
            pb_add(b, one, (size_t)len);
            any = true;
        }
    }
    for (int ch = 1; ch < 128; ch++) {
        if (args->flags[ch] == NULL || flag_kind(e, ch) != 1)
            continue;
        if (ch == 'e' && args->nenv > 0) {
            for (int i = 0; i < args->nenv; i++) {
                pb_str(b, " -e ");
                pb_word(b, args->env[i]);
            }
            continue;
        }
        int len = snprintf(one, sizeof one, " -%c ", ch);
        pb_add(b, one, (size_t)len);
        pb_word(b, args->flags[ch]);
    }
    for (int i = 0; i < args->argc; i++) {
        pb_add(b, " ", 1);
        if (i < 64 && (args->blocks & (1ULL << i))) {
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
    print_args(&b, e, args);
    format_out_add(o, b.s, b.len);
    free(b.s);
}

char *cmd_parsed_print(const struct cmd_parsed *c)
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
        print_args(&b, c->entry, &args);
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

void cmd_log_command(struct cmd_ctx *ctx, const struct cmd_entry *e, const struct cmd_args *args)
{
    if (ctx->client == NULL)
        return;
    struct pbuf b = {0};
    print_args(&b, e, args);
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
