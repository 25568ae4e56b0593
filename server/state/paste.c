/* paste.c - the server's paste buffers (see paste.h). */
#include "paste.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify.h"
#include "options.h"
#include "server_state.h"
#include "xmalloc.h"

static void paste_free(struct paste_buffer *pb)
{
    free(pb->name);
    free(pb->data);
    free(pb);
}

/* With set-clipboard on or external, the buffer's text goes to the terminals too. */
void paste_to_clipboard(struct server *s, const struct paste_buffer *pb)
{
    if (options_get_number(s->options, "set-clipboard") != 0) /* not "off" */
        notify_emit(s, &(struct notify){.type = NOTIFY_PASTE_COPIED, .data = pb->data,
                                        .size = pb->size});
}

void paste_to_client_clipboard(struct server *s, const struct paste_buffer *pb,
                               struct client *c)
{
    notify_emit(s, &(struct notify){.type = NOTIFY_PASTE_COPIED, .data = pb->data,
                                        .size = pb->size, .client = c});
}

void paste_trim(struct server *s)
{
    long long limit = options_get_number(s->options, "buffer-limit");
    long long automatic = 0;
    struct paste_buffer *pb, *next;
    /* Newest first: keep the first 'limit' automatic ones. */
    for (pb = TAILQ_FIRST(&s->paste_buffers); pb != NULL; pb = next) {
        next = TAILQ_NEXT(pb, entry);
        if (pb->automatic && ++automatic > limit)
            paste_delete(s, pb);
    }
}

struct paste_buffer *paste_add(struct server *s, char *data, size_t size)
{
    return paste_add_prefixed(s, NULL, data, size);
}

struct paste_buffer *paste_add_prefixed(struct server *s, const char *prefix, char *data,
                                        size_t size)
{
    struct paste_buffer *pb = xcalloc(1, sizeof *pb);
    if (prefix == NULL)
        prefix = "buffer";
    /* bufferN with the first N free (a named buffer may have taken one). */
    do
        pb->name = xasprintf("%s%u", prefix, s->next_paste_index++);
    while (paste_find(s, pb->name) != NULL && (free(pb->name), 1));
    pb->data = data;
    pb->size = size;
    pb->created = time(NULL);
    pb->automatic = true;
    TAILQ_INSERT_HEAD(&s->paste_buffers, pb, entry);
    paste_trim(s);
    return pb;
}

struct paste_buffer *paste_copy(struct server *s, const char *prefix, char *data, size_t size)
{
    struct paste_buffer *pb = paste_add_prefixed(s, prefix, data, size);
    paste_to_clipboard(s, pb);
    return pb;
}

struct paste_buffer *paste_set(struct server *s, const char *name, char *data, size_t size)
{
    if (name == NULL)
        return paste_add(s, data, size);
    struct paste_buffer *pb = paste_find(s, name);
    if (pb != NULL) {
        free(pb->data);
        TAILQ_REMOVE(&s->paste_buffers, pb, entry);
    } else {
        pb = xcalloc(1, sizeof *pb);
        pb->name = xstrdup(name);
    }
    pb->data = data;
    pb->size = size;
    pb->created = time(NULL);
    pb->automatic = false; /* a buffer named by the user is kept until deleted */
    TAILQ_INSERT_HEAD(&s->paste_buffers, pb, entry);
    return pb;
}

struct paste_buffer *paste_top(struct server *s)
{
    return TAILQ_FIRST(&s->paste_buffers);
}

struct paste_buffer *paste_find(struct server *s, const char *name)
{
    struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &s->paste_buffers, entry) {
        if (strcmp(pb->name, name) == 0)
            return pb;
    }
    return NULL;
}

bool paste_rename(struct server *s, struct paste_buffer *pb, const char *to)
{
    struct paste_buffer *other = paste_find(s, to);
    if (other == pb)
        return true;
    if (other != NULL)
        return false;
    free(pb->name);
    pb->name = xstrdup(to);
    pb->automatic = false;
    return true;
}

void paste_delete(struct server *s, struct paste_buffer *pb)
{
    TAILQ_REMOVE(&s->paste_buffers, pb, entry);
    paste_free(pb);
}

size_t paste_count(const struct server *s)
{
    size_t n = 0;
    const struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &s->paste_buffers, entry)
        n++;
    return n;
}

void paste_free_all(struct server *s)
{
    struct paste_buffer *pb;
    while ((pb = TAILQ_FIRST(&s->paste_buffers)) != NULL)
        paste_delete(s, pb);
}

char *paste_sample(const struct paste_buffer *pb, size_t width)
{
    /* As tmux: the first width bytes, C-style escapes for \a \b \t \n \v \f \r and the
     * backslash, octal for other control bytes; the result cut at width with "...". */
    size_t n = pb->size < width ? pb->size : width;
    char *out = xmalloc(n * 4 + 4);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)pb->data[i];
        const char *c = NULL;
        switch (ch) {
        case '\a': c = "\\a"; break;
        case '\b': c = "\\b"; break;
        case '\t': c = "\\t"; break;
        case '\n': c = "\\n"; break;
        case '\v': c = "\\v"; break;
        case '\f': c = "\\f"; break;
        case '\r': c = "\\r"; break;
        case '\\': c = "\\\\"; break;
        default: break;
        }
        if (c != NULL) {
            memcpy(out + o, c, 2);
            o += 2;
        } else if (ch < 0x20 || ch == 0x7f)
            o += (size_t)sprintf(out + o, "\\%03o", ch);
        else
            out[o++] = (char)ch;
    }
    if (n < pb->size || o > width) {
        if (o > width)
            o = width;
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

void paste_replace(struct paste_buffer *pb, char *data, size_t size)
{
    free(pb->data);
    pb->data = data;
    pb->size = size;
}
