/* cmd_save_buffer.c - save-buffer: a paste buffer to a file (written without blocking)
 * or to stdout (-). */
#include "cmd_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "paste.h"

/* save-buffer [-a] [-b name] path: the buffer to a file, or to stdout for -. */
static int cmd_save_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = cmd_find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    const char *path = args->argv[0];
    if (strcmp(path, "-") == 0) {
        evbuffer_add(ctx->out, pb->data, pb->size);
        return 0;
    }
    char *full = cmd_client_path(ctx, path);
    int flags = O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
    flags |= args->flags['a'] != NULL ? O_APPEND : O_TRUNC;
    int fd = open(full, flags, 0666);
    free(full);
    if (fd < 0) {
        cmd_error(ctx, "%s: %s", path, strerror(errno));
        return -1;
    }
    size_t done = 0;
    int status = 0;
    while (done < pb->size) {
        ssize_t n = write(fd, pb->data + done, pb->size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            /* EAGAIN: a pipe nobody reads; the server does not wait for it. */
            cmd_error(ctx, "%s: %s", path, errno == EAGAIN ? "would block (nobody is reading it)"
                                                           : strerror(errno));
            status = -1;
            break;
        }
        done += (size_t)n;
    }
    if (close(fd) != 0 && status == 0) {
        cmd_error(ctx, "%s: %s", path, strerror(errno));
        status = -1;
    }
    return status;
}

const struct cmd_entry cmd_save_buffer_entry = {
    .name = "save-buffer",
    .alias = "saveb",
    .spec = "ab:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-a] [-b buffer-name] path",
    .exec = cmd_save_buffer_exec,
};
