/* cmd_set_buffer.c - set-buffer: make, append to (-a) or rename (-n) a paste buffer. */
#include "cmd_impl.h"

#include <string.h>

#include "paste.h"
#include "xmalloc.h"

/* set-buffer [-aw] [-b name] [-n new-name] [-t target-client] [data]; -w also sends
 * the buffer to the clipboard (of target-client alone with -t). */
static int cmd_set_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *name = args->flags['b'];
    if (args->flags['n'] != NULL) {
        struct paste_buffer *pb = cmd_find_buffer(ctx, name);
        if (pb == NULL)
            return -1;
        if (*args->flags['n'] == '\0') {
            cmd_error(ctx, "set-buffer -n: the new name is empty");
            return -1;
        }
        if (!paste_rename(s, pb, args->flags['n'])) {
            cmd_error(ctx, "a buffer named \"%s\" exists already (delete-buffer -b %s first)",
                      args->flags['n'], args->flags['n']);
            return -1;
        }
        return 0; /* -n only renames, as in tmux */
    }
    if (args->argc == 0) {
        cmd_error(ctx, "no data specified (set-buffer [-a] [-b buffer-name] data)");
        return -1;
    }
    const char *data = args->argv[0];
    size_t len = strlen(data);
    struct paste_buffer *pb = name != NULL ? paste_find(s, name) : paste_top(s);
    if (args->flags['a'] != NULL && pb != NULL) {
        if (pb->size + len > PASTE_SIZE_MAX) {
            cmd_error(ctx, "buffer %s would be larger than %d MiB", pb->name, PASTE_SIZE_MAX >> 20);
            return -1;
        }
        pb->data = xrealloc(pb->data, pb->size + len + 1);
        memcpy(pb->data + pb->size, data, len);
        pb->size += len;
    } else {
        char *copy = xmalloc(len + 1);
        memcpy(copy, data, len + 1);
        pb = paste_set(s, name, copy, len);
    }
    if (args->flags['w'] != NULL) {
        /* The clipboard of the -t client, or of tmux's current client, alone (none if
         * it is not found, as in tmux). */
        struct client *tc = cmd_find_client(ctx, args->flags['t'], true);
        if (tc != NULL)
            paste_to_client_clipboard(s, pb, tc);
    }
    return 0;
}

const struct cmd_entry cmd_set_buffer_entry = {
    .name = "set-buffer",
    .alias = "setb",
    .spec = "ab:n:t:w",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-aw] [-b buffer-name] [-n new-buffer-name] [-t target-client] data",
    .exec = cmd_set_buffer_exec,
};
