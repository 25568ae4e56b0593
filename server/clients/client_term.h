/* client_term.h - what a client's terminal can do, as tmux 3.3a decides it: its terminfo
 * entry (render caps), the features terminal-features gives its TERM, and the features
 * its kind and name imply when it answers DA2 and XTVERSION, asked at attach (as in tmux
 * 3.3a: by DA2 a VT420, mintty, tmux and rxvt-unicode are known, by XTVERSION iTerm2,
 * tmux, XTerm and mintty). Of the features tmx reads RGB, sync, hyperlinks
 * and extkeys; from them the client's caps and renderer are made, and made again when
 * the answer adds one. */
#ifndef TMX_CLIENT_TERM_H
#define TMX_CLIENT_TERM_H

#include <stdbool.h>
#include <stddef.h>

struct client;
struct evbuffer;

/* Whether c's terminal has FEATURE ("RGB", "sync", "hyperlinks", "extkeys"): given by
 * terminal-features to its TERM (comma-separated "pattern:feature:feature...",
 * patterns as in the shell), or implied by its DA2 or XTVERSION answer. */
bool client_term_has_feature(struct client *c, const char *feature);
/* Make c's caps (terminfo, COLORTERM and the features, then terminal-overrides) and
 * its renderer, replacing any it had. -1 with a message in err if TERM is unknown or
 * cannot draw (c is then left as it was). */
int client_term_setup(struct client *c, char *err, size_t errsize);
/* At attach, once per client: ask a VT100-like terminal (terminfo XT, or a clear that
 * is a CSI, as tmux) its kind and its name (DA2 and XTVERSION: ESC [ > c ESC [ > q). */
void client_term_ask(struct client *c, struct evbuffer *out);
/* Input from c's terminal at buf: the length of a DA2 or XTVERSION answer there, taken
 * (while it is awaited: c's caps and renderer remade and a full frame asked for when it
 * names a known terminal; an answer nobody awaits is dropped, never typed into a pane);
 * 0 when buf may be the start of one (wait for more bytes); -1 when it is not one (buf
 * holds keys). */
long client_term_reply(struct client *c, const char *buf, size_t len, bool timed_out);

#endif
