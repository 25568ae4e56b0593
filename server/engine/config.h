/* config.h - configuration files: text in tmux's command language (cmd.h), parsed whole
 * first: a syntax error or a command that cannot be (unknown, bad flags) fails the whole
 * file, as in tmux; a command that fails when it runs fails only its own line and the
 * rest still applies. Errors are "FILE:LINE: message". The startup config runs on the
 * server's queue (cmd_queue.h) and the clients' commands wait until it is done, so that a
 * run-shell in it finishes before anything else runs. */
#ifndef TMX_CONFIG_H
#define TMX_CONFIG_H

#include <stdbool.h>

struct server;
struct client;
struct evbuffer;
struct cmd_list;
struct cmd_parse_input;

/* Read and parse the file at path (pi gives the server, target...; its file and line
 * are set here). NULL with *error (a new string), or NULL without one for a missing file
 * when quiet. */
struct cmd_list *config_parse_file(const char *path, const struct cmd_parse_input *pi,
                                   bool quiet, char **error);
/* The startup config (path NULL: none): queued on the server's queue; s->config_pending
 * is held until it is done. Errors go to s->config_errors and s->config_causes. */
void config_load_startup(struct server *s, const char *path, bool quiet);
/* Record a config error (shown to the first client attaching, kept for show-messages). */
void config_add_cause(struct server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Run every command of the file at path at once (nothing may wait). A missing file is
 * not an error when 'quiet'. Error lines (FILE:LINE: message) go to errors. Returns 0, or
 * -1 if anything failed. */
int config_load(struct server *s, struct client *c, const char *path, bool quiet,
                struct evbuffer *errors);

#endif
