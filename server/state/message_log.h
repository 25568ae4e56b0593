/* message_log.h - the server's message log (show-messages): every command a client runs
 * and every message or error shown to a client, oldest first, bounded by the server
 * option message-limit. */
#ifndef TMX_MESSAGE_LOG_H
#define TMX_MESSAGE_LOG_H

#include <stddef.h>
#include <sys/time.h>

struct server;
struct client;

struct message_entry {
    char *text;
    unsigned number;     /* #{message_number}: counts from 0 over the server's life */
    struct timeval time; /* #{message_time} */
};

/* Add a message, dropping the oldest beyond message-limit. */
void message_log_add(struct server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The i-th message from the oldest (0), or NULL past the newest. */
const struct message_entry *message_log_get(const struct server *s, size_t i);
/* What the log calls a client: its terminal, else client-PID. Returns buf. */
const char *message_log_client_name(const struct client *c, char *buf, size_t size);
/* Drop every message (the server is going). */
void message_log_free(struct server *s);

#endif
