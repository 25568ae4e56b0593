/* clipboard.h - text for the terminals' clipboard (OSC 52). */
#ifndef TMX_CLIPBOARD_H
#define TMX_CLIPBOARD_H

struct server;
struct notify;

/* Largest text sent to the terminals' clipboard: more is not sent (it stays a buffer). */
#define CLIPBOARD_MAX (1024 * 1024)

/* The listener (registered at start-up). */
void clipboard_notify(struct server *s, const struct notify *n);

#endif
