/* message_log.c - the server's message log (see message_log.h). */
#include "message_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "options.h"
#include "server_state.h"
#include "xmalloc.h"

/* message-limit, or tmux's default while the option table lacks it. */
static size_t message_limit(const struct server *s)
{
    if (s->options == NULL || options_find("message-limit") == NULL)
        return 1000;
    long v = options_get_number(s->options, "message-limit");
    return v < 0 ? 0 : (size_t)v;
}

/* The i-th entry from the oldest: the log is a ring of messages_size slots from
 * messages_first, so that adding to a full log drops the oldest without moving the
 * others (a config of thousands of lines logs every command). */
static struct message_entry *slot(struct server *s, size_t i)
{
    return &s->messages[(s->messages_first + i) % s->messages_size];
}

const struct message_entry *message_log_get(const struct server *s, size_t i)
{
    if (i >= s->nmessages)
        return NULL;
    return &s->messages[(s->messages_first + i) % s->messages_size];
}

void message_log_add(struct server *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    if (vasprintf(&text, fmt, ap) < 0)
        text = NULL;
    va_end(ap);
    unsigned number = s->next_message++;
    size_t limit = message_limit(s);
    /* Room for one more within the limit (which may have been lowered). */
    while (s->nmessages > 0 && s->nmessages >= limit) {
        free(slot(s, 0)->text);
        s->messages_first = (s->messages_first + 1) % s->messages_size;
        s->nmessages--;
    }
    if (limit == 0 || text == NULL) {
        free(text);
        return;
    }
    if (s->nmessages == s->messages_size) {
        /* Full below the limit: a bigger ring, oldest first at 0. */
        size_t size = s->messages_size != 0 ? s->messages_size * 2 : 16;
        struct message_entry *grown = xreallocarray(NULL, size, sizeof *grown);
        for (size_t i = 0; i < s->nmessages; i++)
            grown[i] = *slot(s, i);
        free(s->messages);
        s->messages = grown;
        s->messages_size = size;
        s->messages_first = 0;
    }
    struct message_entry *m = slot(s, s->nmessages++);
    m->text = text;
    m->number = number;
    gettimeofday(&m->time, NULL);
}

const char *message_log_client_name(const struct client *c, char *buf, size_t size)
{
    if (c->tty_name != NULL)
        snprintf(buf, size, "%s", c->tty_name);
    else
        snprintf(buf, size, "client-%ld", (long)c->pid);
    return buf;
}

void message_log_free(struct server *s)
{
    for (size_t i = 0; i < s->nmessages; i++)
        free(slot(s, i)->text);
    free(s->messages);
    s->messages = NULL;
    s->nmessages = s->messages_size = s->messages_first = 0;
}
