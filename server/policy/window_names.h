/* window_names.h - windows named by their programs (ESC k, automatic-rename). */
#ifndef TMX_WINDOW_NAMES_H
#define TMX_WINDOW_NAMES_H

struct server;
struct notify;

/* The listener (registered at start-up). */
void window_names_notify(struct server *s, const struct notify *n);

#endif
