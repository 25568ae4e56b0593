/* cmd_command_prompt.c - command-prompt: read a command on the status line and run it. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "prompt.h"
#include "server_client.h"
#include "xmalloc.h"

static int cmd_command_prompt_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_attached_client(ctx, "command-prompt");
    if (c == NULL)
        return -1;
    const char *template = args->argc > 0 ? args->argv[0] : "%1";
    /* Without -p, the template's command in brackets, as tmux: "(rename-window)". */
    char *named = NULL;
    if (args->flags['p'] == NULL && args->argc > 0) {
        size_t n = strcspn(template, " ");
        named = n > 0 ? xasprintf("(%.*s)", (int)n, template) : NULL;
    }
    char *label = cmd_expand_for_client(ctx, args->flags['p'] != NULL ? args->flags['p']
                                             : named != NULL ? named : ":");
    free(named);
    char *initial = cmd_expand_for_client(ctx, args->flags['I'] != NULL ? args->flags['I'] : "");
    prompt_open(c, PROMPT_INPUT, label, initial, template);
    free(label);
    free(initial);
    return 0;
}

const struct cmd_entry cmd_command_prompt_entry = {
    .name = "command-prompt",
    .spec = "I:p:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-I inputs] [-p prompts] [template]",
    .exec = cmd_command_prompt_exec,
};
