/* tmux_peer.h - a real tmux client on tmx's socket. A tmux started inside a tmx pane
 * follows $TMUX to tmx's server (tmux finds its server there, and tmx sets $TMUX for the
 * tools that test it). Such a client is known by its first message (tmux's identify, in
 * tmux's own framing, which no tmx client sends) and is answered in tmux's protocol: one
 * line on its stderr (tmux's nesting message when the command would attach, else what
 * the socket is) and exit status 1, as tmux's own server would refuse it, instead of a
 * dropped connection the tmux client reports as "server exited unexpectedly". */
#ifndef TMX_TMUX_PEER_H
#define TMX_TMUX_PEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct evbuffer;

/* Whether the first bytes a client sent (at least 4) are a tmux client's. */
bool tmux_peer_detect(const unsigned char *buf, size_t len);

/* Walk the tmux messages in buf up to the client's command. 0: not there yet; 1: found,
 * with *attaches (the command attaches a client, as cmdline_attaches) and *peerid (its
 * protocol version, echoed in the answer); -1: malformed or too much before it (drop). */
int tmux_peer_scan(const unsigned char *buf, size_t len, bool *attaches, uint32_t *peerid);

/* Append to out the answer: text written to the client's stderr, then exit status 1. */
void tmux_peer_answer(struct evbuffer *out, uint32_t peerid, const char *text);

#endif
