/* prompt.h - the status-line prompt as an overlay (overlay.h): command-prompt (a line
 * of text edited with emacs keys, or vi keys with status-keys vi (prompt_vi.h), Up/Down
 * through the history of entries, Tab completing command names, Enter running the
 * template with the text in it) and confirm-before (y runs the command, any other key
 * cancels). Drawn over the status line (or the last row without one) in message-style
 * (message-command-style in vi's command mode). */
#ifndef TMX_PROMPT_H
#define TMX_PROMPT_H

#include <stdbool.h>

#include "server_state.h"

struct client;
struct server;
struct evbuffer;

/* What a status-line prompt is for. */
enum prompt_kind { PROMPT_INPUT, PROMPT_CONFIRM };

/* Start a prompt on client c (replacing any): label shown before the input, which
 * starts as initial (PROMPT_INPUT). command is the template run on Enter, %% and %1
 * replaced with the text quoted ("%1" alone: the text is the command line), or the
 * command run on y (PROMPT_CONFIRM). */
void prompt_open(struct client *c, enum prompt_kind kind, const char *label,
                 const char *initial, const char *command);

/* A y/n prompt (confirm-before) whose command runs on confirm_key ('y' also takes 'Y')
 * or, with enter_confirms (tmux 3.4's -y), on Enter too. */
void prompt_open_confirm(struct client *c, const char *label, const char *command,
                         char confirm_key, bool enter_confirms);

/* fn(arg) is called once when the prompt just opened on c closes, however it closes
 * (answered: after the command it ran; cancelled, replaced, or its client gone): what
 * waits for it (confirm-before and command-prompt without -b) goes on then. At once if
 * c has no prompt. */
void prompt_when_closed(struct client *c, void (*fn)(void *arg), void *arg);

/* command-prompt's flags (-1 -k -N -i). */
#define PROMPT_SINGLE 0x1      /* -1: one character is the answer */
#define PROMPT_KEY 0x2         /* -k: one key, its name is the answer */
#define PROMPT_NUMERIC 0x4     /* -N: digits only; another key answers and goes on */
#define PROMPT_INCREMENTAL 0x8 /* -i: the template runs at every change, with the text
                                  after '=' ('-' for C-r, '+' for C-s); Enter runs nothing */

/* command-prompt: prompts one after the other (labels: a comma-separated list, inputs:
 * their initial texts, also comma-separated) of a type (its history), then command with
 * the answers in it: %1..%9 the answer of that prompt, the first %% left the next
 * answer in turn (%%% the same with " \ $ ; ~ escaped by a backslash). */
void prompt_open_multi(struct client *c, enum prompt_type type, int flags, const char *labels,
                       const char *inputs, const char *command);

/* A type by its name; -1 if there is none. */
int prompt_type_find(const char *name);
const char *prompt_type_name(enum prompt_type type);
/* Forget the history of a type. */
void prompt_history_clear(struct server *s, enum prompt_type type);
/* Add an entry to the history of a type, as Enter at a prompt does (the oldest go
 * beyond prompt-history-limit). */
void prompt_history_add(struct server *s, enum prompt_type type, const char *text);
/* The history of a type as show-prompt-history prints it. */
void prompt_history_print(struct server *s, enum prompt_type type, struct evbuffer *out);

#endif
