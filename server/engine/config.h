/* config.h - configuration files: lines of commands in tmux syntax (quotes, ';'
 * separators, '\' continuations, '#' comments, %if/%elif/%else/%endif on formats). A bad
 * line is reported as FILE:LINE: message and the rest of the file still loads. */
#ifndef TMX_CONFIG_H
#define TMX_CONFIG_H

#include <stdbool.h>

struct server;
struct client;
struct evbuffer;

/* Run every command of the file at path. A missing file is not an error when
 * 'quiet'. Error lines go to errors. Returns 0, or -1 if anything failed. */
int config_load(struct server *s, struct client *c, const char *path, bool quiet,
                struct evbuffer *errors);
/* The default file: ~/.tmx.conf, else $XDG_CONFIG_HOME/tmx/tmx.conf (~/.config/tmx/...).
 * Returns a new string, or NULL if neither exists. */
char *config_default_path(void);

#endif
