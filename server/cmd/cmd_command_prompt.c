/* cmd_command_prompt.c - command-prompt: read a command on the status line and run it. */
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
        /* A prompt of -p or "(command)" is followed by a space, ":" is not (tmux). */
        char *spaced = xasprintf("%s ", label);
        free(label);
        label = spaced;
    }
    char *initial = cmd_expand_for_client(ctx, args->flags['I'] != NULL ? args->flags['I'] : "");
    prompt_open(c, PROMPT_INPUT, label, initial, template);
    free(label);
    free(initial);
    free(expanded);
    ctx->client = issuer;
    return 0;
}

const struct cmd_entry cmd_command_prompt_entry = {
    .name = "command-prompt",
    .spec = "bFI:p:t:T:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-bF] [-I inputs] [-p prompts] [-t target-client] [-T type] [template]",
    .exec = cmd_command_prompt_exec,
};
