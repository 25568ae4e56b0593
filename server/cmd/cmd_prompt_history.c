/* cmd_prompt_history.c - show-prompt-history and clear-prompt-history: what was entered
 * at prompts, for one type (-T command, search, target, window-target) or all. */
#include "cmd_impl.h"

#include "prompt.h"

/* The types -T names (all without it) as [*first, *last); -1 with an error if none. */
static int prompt_types(struct cmd_ctx *ctx, struct cmd_args *args, int *first, int *last)
{
    *first = 0;
    *last = PROMPT_NTYPES;
    if (args->flags['T'] == NULL)
        return 0;
    int t = prompt_type_find(args->flags['T']);
    if (t < 0) {
        cmd_error(ctx, "invalid type: %s", args->flags['T']);
        return -1;
    }
    *first = t;
    *last = t + 1;
    return 0;
}

static int cmd_show_prompt_history_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    int first, last;
    if (prompt_types(ctx, args, &first, &last) != 0)
        return -1;
    for (int t = first; t < last; t++)
        prompt_history_print(ctx->server, t, ctx->out);
    return 0;
}

static int cmd_clear_prompt_history_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    int first, last;
    if (prompt_types(ctx, args, &first, &last) != 0)
        return -1;
    for (int t = first; t < last; t++)
        prompt_history_clear(ctx->server, t);
    return 0;
}

const struct cmd_entry cmd_show_prompt_history_entry = {
    .name = "show-prompt-history",
    .alias = "showphist",
    .spec = "T:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-T type]",
    .exec = cmd_show_prompt_history_exec,
};

const struct cmd_entry cmd_clear_prompt_history_entry = {
    .name = "clear-prompt-history",
    .alias = "clearphist",
    .spec = "T:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-T type]",
    .exec = cmd_clear_prompt_history_exec,
};
