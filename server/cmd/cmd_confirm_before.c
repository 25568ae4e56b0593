/* cmd_confirm_before.c - confirm-before: ask y/n on the status line before running a
 * command. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "prompt.h"
#include "server_client.h"
#include "xmalloc.h"

static int cmd_confirm_before_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_target_client(ctx, args, "confirm-before");
    if (c == NULL)
        return -1;
    /* Formats expand for the client that will see the prompt. */
    struct client *issuer = ctx->client;
    ctx->client = c;
    /* tmux 3.3a's labels end in a space (the cursor after it); its own names the
     * command in full (display for display-message). */
    char *label;
    if (args->flags['p'] != NULL) {
        char *text = cmd_expand_for_client(ctx, args->flags['p']);
        label = xasprintf("%s ", text);
        free(text);
    } else {
        char *first = xstrdup(args->argv[0]);
        first[strcspn(first, " ")] = '\0';
        const char *err = NULL;
        const struct cmd_entry *entry = cmd_lookup(first, &err);
        label = xasprintf("Confirm '%s'? (y/n) ", entry != NULL ? entry->name : first);
        free(first);
    }
    prompt_open(c, PROMPT_CONFIRM, label, NULL, args->argv[0]);
    free(label);
    ctx->client = issuer;
    cmd_wait_for_prompt(ctx, args, c);
    return 0;
}

const struct cmd_entry cmd_confirm_before_entry = {
    .name = "confirm-before",
    .alias = "confirm",
    .spec = "bp:t:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-b] [-p prompt] [-t target-client] command",
    .exec = cmd_confirm_before_exec,
};
