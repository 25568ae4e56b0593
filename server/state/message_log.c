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

void message_log_add(struct server *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(text, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    if (s->nmessages == s->messages_size) {
        s->messages_size = s->messages_size != 0 ? s->messages_size * 2 : 16;
        s->messages = xreallocarray(s->messages, s->messages_size, sizeof *s->messages);
    }
    struct message_entry *m = &s->messages[s->nmessages++];
    m->text = text;
    m->number = s->next_message++;
    gettimeofday(&m->time, NULL);
    size_t limit = message_limit(s), drop = 0;
    if (s->nmessages > limit)
        drop = s->nmessages - limit;
    for (size_t i = 0; i < drop; i++)
        free(s->messages[i].text);
    if (drop > 0) {
        memmove(s->messages, s->messages + drop, (s->nmessages - drop) * sizeof *s->messages);
        s->nmessages -= drop;
    }
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
        free(s->messages[i].text);
    free(s->messages);
    s->messages = NULL;
    s->nmessages = s->messages_size = 0;
}
