/* cmd_load_buffer.c - load-buffer: a file, or the client's stdin (-), as a paste buffer.
 * Files are read by the server (it runs as the user) and only regular ones, so that
 * reading never blocks it; stdin comes through MSG_READ_STDIN/MSG_STDIN. */
#include "cmd_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "client_frames.h"
#include "paste.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

/* The end of load-buffer -: the client's stdin, whole, becomes the buffer. */
static void load_stdin_done(struct client *c, struct evbuffer *data, bool too_big)
{
    if (too_big) {
        char *msg = xasprintf("tmx: load-buffer: the input is larger than %d MiB\n",
                              PASTE_SIZE_MAX >> 20);
        client_send(c, MSG_STDERR, msg, strlen(msg));
        free(msg);
        server_client_exit(c, 1, NULL);
        return;
    }
    size_t len = evbuffer_get_length(data);
    char *text = xmalloc(len + 1);
    evbuffer_remove(data, text, len);
    /* stdin_arg: "w" or "-" for -w, the -t client's id (0 none), ':', the buffer name. */
    const char *arg = c->stdin_arg;
    char *end;
    unsigned long id = strtoul(arg + 1, &end, 10);
    const char *name = *end == ':' ? end + 1 : "";
    struct paste_buffer *pb = paste_set(c->server, *name != '\0' ? name : NULL, text, len);
    if (arg[0] == 'w' && id != 0) {
        struct client *tc;
        TAILQ_FOREACH(tc, &c->server->clients, entry) {
            if (tc->id == id) {
                paste_to_client_clipboard(c->server, pb, tc);
                break;
            }
        }
    }
    server_client_exit(c, 0, NULL);
}

/* Read a regular file of at most PASTE_SIZE_MAX bytes; NULL with an error. */
static char *read_file(struct cmd_ctx *ctx, const char *path, size_t *lenp)
{
    char *full = cmd_client_path(ctx, path);
    int fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    char *data = NULL;
    if (fd < 0) {
        cmd_error(ctx, "%s: %s", path, strerror(errno));
    } else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        /* A pipe or device could block the server: the client reads those (-). */
        cmd_error(ctx, "%s: not a regular file (use load-buffer - < %s)", path, path);
    } else if (st.st_size > PASTE_SIZE_MAX) {
        cmd_error(ctx, "%s: larger than %d MiB", path, PASTE_SIZE_MAX >> 20);
    } else {
        size_t size = (size_t)st.st_size, len = 0;
        data = xmalloc(size + 1);
        while (len < size) {
            ssize_t n = read(fd, data + len, size - len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                cmd_error(ctx, "%s: %s", path, strerror(errno));
                free(data);
                data = NULL;
                break;
            }
            if (n == 0)
                break; /* shrank meanwhile */
            len += (size_t)n;
        }
        *lenp = len;
    }
    if (fd >= 0)
        close(fd);
    free(full);
    return data;
}

/* load-buffer [-w] [-b name] [-t target-client] path (-w -t: that client's clipboard): a file (or the client's stdin for -) as a buffer. */
static int cmd_load_buffer_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *path = args->argv[0];
    const char *name = args->flags['b'];
    if (strcmp(path, "-") == 0) {
        struct client *c = ctx->client;
        if (c == NULL || c->attached || ctx->from_key || !c->in_command) {
            cmd_error(ctx, "load-buffer -: stdin can only be read from the command line "
                      "(tmx load-buffer - < file)");
            return -1;
        }
        struct client *tc = args->flags['w'] != NULL
                                ? cmd_find_client(ctx, args->flags['t'], true) : NULL;
        char *arg = xasprintf("%c%u:%s", args->flags['w'] != NULL ? 'w' : '-',
                              tc != NULL ? tc->id : 0, name != NULL ? name : "");
        server_client_read_stdin(c, PASTE_SIZE_MAX, load_stdin_done, arg);
        ctx->wait = true;
        return 0;
    }
    size_t len = 0;
    char *data = read_file(ctx, path, &len);
    if (data == NULL)
        return -1;
    struct paste_buffer *pb = paste_set(ctx->server, name, data, len);
    if (args->flags['w'] != NULL) {
        /* The clipboard of the -t client, or of tmux's current client, alone (none if
         * it is not found, as in tmux). */
        struct client *tc = cmd_find_client(ctx, args->flags['t'], true);
        if (tc != NULL)
            paste_to_client_clipboard(ctx->server, pb, tc);
    }
    return 0;
}

const struct cmd_entry cmd_load_buffer_entry = {
    .name = "load-buffer",
    .alias = "loadb",
    .spec = "b:t:w",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-b buffer-name] [-t target-client] path",
    .exec = cmd_load_buffer_exec,
};
