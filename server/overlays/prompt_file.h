/* prompt_file.h - history-file: the prompt history read from a file when the server
 * starts (after its config) and written back when it exits, one "type:entry" line per
 * entry (a line with no known type is a command entry), as tmux 3.3a keeps it. */
#ifndef TMX_PROMPT_FILE_H
#define TMX_PROMPT_FILE_H

struct server;

/* Add the entries of the history-file (if set and readable) to the prompt history. */
void prompt_file_load(struct server *s);
/* Write the prompt history to the history-file (if set); errors are only logged. */
void prompt_file_save(struct server *s);

#endif
