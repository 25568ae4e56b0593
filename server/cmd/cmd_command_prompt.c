/* cmd_command_prompt.c - command-prompt: read a command (or the answers to prompts, -p
 * a,b,...) on the status line and run it; -1 one character, -k one key's name, -N
 * digits, -i the template runs as the text changes (incremental search), -T the
 * history it uses. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "prompt.h"
#include "server_client.h"
#include "xmalloc.h"

static int cmd_command_prompt_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_target_client(ctx, args, "command-prompt");
    if (c == NULL)
        return -1;
    enum prompt_type type = PROMPT_TYPE_COMMAND;
    if (args->flags['T'] != NULL) {
        int t = prompt_type_find(args->flags['T']);
        if (t < 0) {
            cmd_error(ctx, "unknown type: %s", args->flags['T']);
            return -1;
        }
        type = (enum prompt_type)t;
    }
    /* Formats expand for the client that will see the prompt. */
    struct client *issuer = ctx->client;
    ctx->client = c;
    const char *template = args->argc > 0 ? args->argv[0] : "%1";
    char *expanded = NULL;
    if (args->flags['F'] != NULL)
        template = expanded = cmd_expand_for_client(ctx, template); /* -F: a format */
    /* Without -p, the template's command in brackets, as tmux: "(rename-window)". */
    char *named = NULL;
    if (args->flags['p'] == NULL && args->argc > 0) {
        size_t n = strcspn(template, " ");
        named = n > 0 ? xasprintf("(%.*s)", (int)n, template) : NULL;
    }
    char *label = cmd_expand_for_client(ctx, args->flags['p'] != NULL ? args->flags['p']
                                             : named != NULL ? named : ":");
    free(named);
    if (args->flags['p'] != NULL || args->argc > 0) {
        /* Each prompt of -p, or "(command)", is followed by a space; ":" is not (tmux). */
        size_t n = 0;
        for (const char *q = label; *q; q++)
            n += *q == ',' ? 2 : 1;
        char *spaced = xmalloc(n + 2), *w = spaced;
        for (const char *q = label; *q; q++) {
            if (*q == ',')
                *w++ = ' ';
            *w++ = *q;
        }
        strcpy(w, " ");
        free(label);
        label = spaced;
    }
    char *initial = args->flags['I'] != NULL ? cmd_expand_for_client(ctx, args->flags['I'])
                                             : NULL;
    int flags = 0;
    if (args->flags['1'] != NULL)
        flags |= PROMPT_SINGLE;
    if (args->flags['k'] != NULL)
        flags |= PROMPT_KEY;
    if (args->flags['N'] != NULL)
        flags |= PROMPT_NUMERIC;
    if (args->flags['i'] != NULL)
        flags |= PROMPT_INCREMENTAL;
    prompt_open_multi(c, type, flags, label, initial, template);
    free(label);
    free(initial);
    free(expanded);
    ctx->client = issuer;
    cmd_wait_for_prompt(ctx, args, c);
    return 0;
}

const struct cmd_entry cmd_command_prompt_entry = {
    .name = "command-prompt",
    .spec = "1bFikI:Np:t:T:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-1bFkiN] [-I inputs] [-p prompts] [-t target-client] [-T type] "
             "[template]",
    .exec = cmd_command_prompt_exec,
};
