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
    /* -c (tmux 3.4): the key that confirms, one printable character. */
    const char *key = args->flags['c'] != NULL ? args->flags['c'] : "y";
    if (strlen(key) != 1 || key[0] <= ' ' || key[0] > '~') {
        cmd_error(ctx, "invalid confirm key");
        return -1;
    }
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
        label = xasprintf("Confirm '%s'? (%c/n) ", entry != NULL ? entry->name : first, key[0]);
        free(first);
    }
    prompt_open_confirm(c, label, args->argv[0], key[0], args->flags['y'] != NULL);
    free(label);
    ctx->client = issuer;
    cmd_wait_for_prompt(ctx, args, c);
    return 0;
}

const struct cmd_entry cmd_confirm_before_entry = {
    .name = "confirm-before",
    .alias = "confirm",
    .spec = "bc:p:t:y",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-by] [-c confirm-key] [-p prompt] [-t target-client] command",
    .exec = cmd_confirm_before_exec,
};
