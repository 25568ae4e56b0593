/* cmd_buffer.c - paste buffer commands: list-buffers, show-buffer, set-buffer,
 * load-buffer, save-buffer, paste-buffer, delete-buffer, choose-buffer. The buffers
 * themselves are in paste.c. Files are opened by the server (it runs as the user),
 * relative to the client's directory, and never block the server: only regular files
 * are read, writes are non-blocking. */
#include "cmd_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "chooser.h"
#include "format.h"
#include "pane.h"
#include "paste.h"
#include "proto.h"
#include "server_client.h"
#include "server_state.h"
#include "vt.h"
#include "xmalloc.h"

/* Default list-buffers line, as tmux prints it. */
#define LIST_BUFFERS_FORMAT "#{buffer_name}: #{buffer_size} bytes: \"#{buffer_sample}\""

/* Buffer -b NAME, or the newest one when name is NULL; NULL with an error if none. */
static struct paste_buffer *find_buffer(struct cmd_ctx *ctx, const char *name)
{
    struct paste_buffer *pb;
    if (name != NULL) {
        pb = paste_find(ctx->server, name);
        if (pb == NULL)
            cmd_error(ctx, "no buffer named \"%s\" (tmx list-buffers lists them)", name);
        return pb;
    }
    pb = paste_top(ctx->server);
    if (pb == NULL)
        cmd_error(ctx, "no buffers (copy some text in copy mode, or use set-buffer)");
    return pb;
}

/* A path as the user typed it: relative to the client's directory. Caller frees. */
static char *client_path(struct cmd_ctx *ctx, const char *path)
{
    if (*path != '/' && ctx->client != NULL && ctx->client->cwd != NULL)
        return xasprintf("%s/%s", ctx->client->cwd, path);
    return xstrdup(path);
}

int cmd_list_buffers(struct cmd_ctx *ctx, struct cmd_args *args)
{
    const char *template = args->flags['F'] != NULL ? args->flags['F'] : LIST_BUFFERS_FORMAT;
    struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &ctx->server->paste_buffers, entry) {
        struct format_ctx f = {.server = ctx->server, .client = ctx->client, .buffer = pb};
        char *line = format_expand(&f, template);
        cmd_print(ctx, "%s", line);
        free(line);
    }
    return 0;
}

int cmd_show_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    evbuffer_add(ctx->out, pb->data, pb->size);
    /* The text as it is, with a newline after it if it lacks one, as tmux shows it. */
    if (pb->size == 0 || pb->data[pb->size - 1] != '\n')
        evbuffer_add(ctx->out, "\n", 1);
    return 0;
}

/* set-buffer [-aw] [-b name] [-n new-name] [data] */
int cmd_set_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    const char *name = args->flags['b'];
    if (args->flags['n'] != NULL) {
        struct paste_buffer *pb = find_buffer(ctx, name);
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
        cmd_error(ctx, "set-buffer: no data (set-buffer [-a] [-b buffer-name] data)");
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
    if (args->flags['w'] != NULL)
        paste_to_clipboard(s, pb);
    return 0;
}

/* The end of load-buffer -: the client's stdin, whole, becomes the buffer. */
static void load_stdin_done(struct client *c, struct evbuffer *data, bool too_big)
{
    if (too_big) {
        char *msg = xasprintf("tmx: load-buffer: the input is larger than %d MiB\n",
                              PASTE_SIZE_MAX >> 20);
        server_client_send(c, MSG_STDERR, msg, strlen(msg));
        free(msg);
        server_client_exit(c, 1, NULL);
        return;
    }
    size_t len = evbuffer_get_length(data);
    char *text = xmalloc(len + 1);
    evbuffer_remove(data, text, len);
    /* stdin_arg: "w" or "-" for -w, then the buffer name if any. */
    const char *arg = c->stdin_arg;
    struct paste_buffer *pb = paste_set(c->server, arg[1] != '\0' ? arg + 1 : NULL, text, len);
    if (arg[0] == 'w')
        paste_to_clipboard(c->server, pb);
    server_client_exit(c, 0, NULL);
}

/* Read a regular file of at most PASTE_SIZE_MAX bytes; NULL with an error. */
static char *read_file(struct cmd_ctx *ctx, const char *path, size_t *lenp)
{
    char *full = client_path(ctx, path);
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

/* load-buffer [-w] [-b name] path: a file (or the client's stdin for -) as a buffer. */
int cmd_load_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
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
        char *arg = xasprintf("%c%s", args->flags['w'] != NULL ? 'w' : '-', name != NULL ? name : "");
        server_client_read_stdin(c, PASTE_SIZE_MAX, load_stdin_done, arg);
        ctx->wait = true;
        return 0;
    }
    size_t len = 0;
    char *data = read_file(ctx, path, &len);
    if (data == NULL)
        return -1;
    struct paste_buffer *pb = paste_set(ctx->server, name, data, len);
    if (args->flags['w'] != NULL)
        paste_to_clipboard(ctx->server, pb);
    return 0;
}

/* save-buffer [-a] [-b name] path: the buffer to a file, or to stdout for -. */
int cmd_save_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    const char *path = args->argv[0];
    if (strcmp(path, "-") == 0) {
        evbuffer_add(ctx->out, pb->data, pb->size);
        return 0;
    }
    char *full = client_path(ctx, path);
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

/* The bytes paste-buffer types: each LF replaced by sep (NULL: keep LF), bracketed
 * with ESC[200~ ... ESC[201~ when asked and the program enabled mode 2004. */
static void paste_bytes(struct evbuffer *out, const struct paste_buffer *pb, const char *sep,
                        bool bracket)
{
    if (bracket)
        evbuffer_add(out, "\033[200~", 6);
    size_t start = 0;
    for (size_t i = 0; i < pb->size; i++) {
        if (pb->data[i] != '\n' || sep == NULL)
            continue;
        evbuffer_add(out, pb->data + start, i - start);
        evbuffer_add(out, sep, strlen(sep));
        start = i + 1;
    }
    evbuffer_add(out, pb->data + start, pb->size - start);
    if (bracket)
        evbuffer_add(out, "\033[201~", 6);
}

/* paste-buffer [-dpr] [-s separator] [-b name] [-t target-pane] */
int cmd_paste_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    struct paste_buffer *pb;
    if (args->flags['b'] != NULL) {
        pb = find_buffer(ctx, args->flags['b']);
        if (pb == NULL)
            return -1;
    } else {
        pb = paste_top(ctx->server);
        if (pb == NULL)
            return 0; /* nothing copied yet: nothing to paste, as in tmux */
    }
    const char *sep = args->flags['s'] != NULL ? args->flags['s'] : "\r";
    if (args->flags['r'] != NULL && args->flags['s'] == NULL)
        sep = NULL;
    bool bracket = args->flags['p'] != NULL && (vt_modes(p->vt) & VT_MODE_BRACKETED_PASTE);
    if (p->dead) {
        cmd_error(ctx, "pane %%%u is dead: nothing reads a paste (respawn-pane -k)", p->id);
        return -1;
    }
    struct evbuffer *bytes = evbuffer_new();
    paste_bytes(bytes, pb, sep, bracket);
    size_t len = evbuffer_get_length(bytes);
    bool taken = pane_write(p, evbuffer_pullup(bytes, -1), len);
    evbuffer_free(bytes);
    if (!taken) {
        cmd_error(ctx, "pane %%%u did not take the paste (%zu bytes): its program is not "
                  "reading its input (over %u MiB wait for it)", p->id, len,
                  PANE_INPUT_MAX >> 20);
        return -1;
    }
    if (args->flags['d'] != NULL)
        paste_delete(ctx->server, pb);
    return 0;
}

int cmd_delete_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct paste_buffer *pb = find_buffer(ctx, args->flags['b']);
    if (pb == NULL)
        return -1;
    paste_delete(ctx->server, pb);
    return 0;
}

/* choose-buffer [-t target-pane]: the list over the client's screen (chooser.c);
 * Enter pastes the chosen buffer into the pane, d deletes it. */
int cmd_choose_buffer(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess;
    struct window *w;
    struct pane *p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
    if (p == NULL)
        return -1;
    struct client *c = ctx->client;
    if (c == NULL || !c->attached) {
        cmd_error(ctx, "choose-buffer: needs an attached client (C-b = in a session)");
        return -1;
    }
    if (paste_top(ctx->server) == NULL) {
        cmd_error(ctx, "no buffers (copy some text in copy mode, or use set-buffer)");
        return -1;
    }
    chooser_open_buffers(c, p->id);
    return 0;
}
