/* prompt.h - the status-line prompt as an overlay (overlay.h): command-prompt (a line
 * of text edited with emacs keys, Up/Down through the history of entries, Tab completing
 * command names, Enter running the template with the text in it) and confirm-before
 * (y runs the command, any other key cancels). Drawn over the status line (or the last
 * row without one) in message-style. */
#ifndef TMX_PROMPT_H
#define TMX_PROMPT_H

struct client;

/* What a status-line prompt is for. */
enum prompt_kind { PROMPT_INPUT, PROMPT_CONFIRM };

/* Start a prompt on client c (replacing any): label shown before the input, which
 * starts as initial (PROMPT_INPUT). command is the template run on Enter, %% and %1
 * replaced with the text quoted ("%1" alone: the text is the command line), or the
 * command run on y (PROMPT_CONFIRM). */
void prompt_open(struct client *c, enum prompt_kind kind, const char *label,
                 const char *initial, const char *command);

#endif
