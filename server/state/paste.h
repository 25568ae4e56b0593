/* paste.h - paste buffers: text copied in copy mode or set with set-buffer /
 * load-buffer, newest first. Automatic buffers (named bufferN) are capped by the
 * buffer-limit option, the oldest dropped first; named ones stay until deleted. */
#ifndef TMX_PASTE_H
#define TMX_PASTE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "queue.h"

struct server;

/* Largest buffer load-buffer, set-buffer -a and stdin make (bytes). */
#define PASTE_SIZE_MAX (16 * 1024 * 1024)

struct paste_buffer {
    TAILQ_ENTRY(paste_buffer) entry;
    char *name;
    char *data;      /* not NUL-terminated: may hold any bytes */
    size_t size;
    time_t created;
    bool automatic;  /* named by tmx (bufferN), counted against buffer-limit */
};

/* Add an automatic buffer (newest), taking ownership of data; drops the oldest
 * automatic buffers beyond buffer-limit. Returns it. */
struct paste_buffer *paste_add(struct server *s, char *data, size_t size);
/* The same, named prefixN instead of bufferN (prefix NULL: "buffer"), as tmux names the
 * buffer a copy mode command given a prefix makes; it counts as automatic too. */
struct paste_buffer *paste_add_prefixed(struct server *s, const char *prefix, char *data,
                                        size_t size);
/* Text the user copied (copy mode): paste_add_prefixed, and when the server
 * option set-clipboard is on or external, also sent to the clipboard of the terminals
 * of all attached clients that take OSC 52 (server_clipboard_set). Takes ownership of
 * data. Returns the new buffer. */
struct paste_buffer *paste_copy(struct server *s, const char *prefix, char *data, size_t size);
/* Send a buffer's text to the terminals' clipboard if set-clipboard allows it. */
void paste_to_clipboard(struct server *s, const struct paste_buffer *pb);
/* The same for one client's terminal only, whatever set-clipboard says, as tmux's
 * set-buffer -w and load-buffer -w. */
struct client;
void paste_to_client_clipboard(struct server *s, const struct paste_buffer *pb,
                               struct client *c);
/* Set buffer 'name' (replacing its data, and making it the newest), or add an
 * automatic one when name is NULL; takes ownership of data. */
struct paste_buffer *paste_set(struct server *s, const char *name, char *data, size_t size);
/* Replace pb's text, taking ownership of data; its name, age and place stay (tmux's
 * paste_replace: choose-buffer's e). */
void paste_replace(struct paste_buffer *pb, char *data, size_t size);
/* The newest buffer, or NULL if there are none. */
struct paste_buffer *paste_top(struct server *s);
struct paste_buffer *paste_find(struct server *s, const char *name);
/* Rename a buffer; false if 'to' is taken by another buffer. */
bool paste_rename(struct server *s, struct paste_buffer *pb, const char *to);
void paste_delete(struct server *s, struct paste_buffer *pb);
/* Apply buffer-limit now (the option was lowered). */
void paste_trim(struct server *s);
size_t paste_count(const struct server *s);
void paste_free_all(struct server *s);
/* A one-line sample of the buffer for lists, as tmux's #{buffer_sample}: C-style escapes
 * (\n \t \\...), octal for other control bytes (\033), cut at 'width' with "...".
 * Caller frees. */
char *paste_sample(const struct paste_buffer *pb, size_t width);

#endif
