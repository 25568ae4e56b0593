/* cmd_print.c - a parsed command written back as tmux writes it (the message log,
 * show-messages): its name, the flags without a value together ("-Pd", in byte order),
 * then each flag with its value, then the arguments, quoted where the parser needs it. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "format_out.h"
#include "keys.h"
#include "message_log.h"
#include "server_state.h"

/* One word quoted so that the parser reads it back: "..." around words with spaces or
 * characters the parser treats specially, '...' around words with only a '"'. */
static void cmd_print_word(struct format_out *o, const char *s)
{
    if (*s == '\0') {
        format_out_str(o, "''");
        return;
    }
    char quote = 0;
    if (s[strcspn(s, " #';${}%")] != '\0')
        quote = '"';
    else if (s[strcspn(s, " \"")] != '\0')
        quote = '\'';
    if (s[0] != ' ' && s[1] == '\0' && (quote != 0 || s[0] == '~')) {
        format_out_printf(o, "\\%c", s[0]);
        return;
    }
    if (quote != 0)
        format_out_printf(o, "%c", quote);
    if (*s == '~')
        format_out_str(o, "\\");
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p == '\\')
            format_out_str(o, "\\\\");
        else if (*p == '"' && quote == '"')
            format_out_str(o, "\\\"");
        else if (*p == '$' && quote == '"')
            format_out_str(o, "\\$");
        else if (*p == '\n')
            format_out_str(o, "\\n");
        else if (*p == '\t')
            format_out_str(o, "\\t");
        else if (*p == '\r')
            format_out_str(o, "\\r");
        else if (*p < 0x20 || *p == 0x7f)
            format_out_printf(o, "\\%03o", *p);
        else
            format_out_printf(o, "%c", *p);
    }
    if (quote != 0)
        format_out_printf(o, "%c", quote);
}

void cmd_print_command(const struct cmd_entry *e, const struct cmd_args *args,
                       struct format_out *o)
{
    format_out_str(o, e->name);
    bool any = false;
    for (int ch = 1; ch < 128; ch++) {
        const char *pos = ch != ':' ? strchr(e->spec, ch) : NULL;
        if (args->flags[ch] == NULL || pos == NULL || pos[1] == ':')
            continue;
        format_out_printf(o, any ? "%c" : " -%c", ch);
        any = true;
    }
    for (int ch = 1; ch < 128; ch++) {
        const char *pos = ch != ':' ? strchr(e->spec, ch) : NULL;
        if (args->flags[ch] == NULL || pos == NULL || pos[1] != ':')
            continue;
        if (ch == 'e' && args->nenv > 0) {
            for (int i = 0; i < args->nenv; i++) {
                format_out_str(o, " -e ");
                cmd_print_word(o, args->env[i]);
            }
            continue;
        }
        format_out_printf(o, " -%c ", ch);
        cmd_print_word(o, args->flags[ch]);
    }
    for (int i = 0; i < args->argc; i++) {
        format_out_str(o, " ");
        cmd_print_word(o, args->argv[i]);
    }
}

void cmd_log_command(struct cmd_ctx *ctx, const struct cmd_entry *e, const struct cmd_args *args)
{
    if (ctx->client == NULL)
        return;
    struct format_out o = {0};
    cmd_print_command(e, args, &o);
    char *text = format_out_take(&o);
    char name[64], key[64];
    message_log_client_name(ctx->client, name, sizeof name);
    if (ctx->from_key && ctx->client->in_key) {
        /* A key's binding, or a prompt it opened: said as tmux says it. */
        message_log_add(ctx->server, "%s key %s: %s", name,
                        key_to_name(ctx->client->cmd_key, key, sizeof key), text);
    } else
        message_log_add(ctx->server, "%s command: %s", name, text);
    free(text);
}
