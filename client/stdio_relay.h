/* stdio_relay.h - the remote end of tmx -H: relays the local client's messages between
 * ssh's stdin/stdout and this host's server (see stdio_relay.c, docs/remote.md). */
#ifndef TMX_STDIO_RELAY_H
#define TMX_STDIO_RELAY_H

#include "client.h"

/* The word that starts it: `tmx [-L NAME|-S PATH] remote-stdio TIMEOUT_MS TOKEN`. */
#define STDIO_RELAY_WORD "remote-stdio"

/* argv[0] is STDIO_RELAY_WORD. Returns the exit status. */
int stdio_relay_main(const struct client_options *opts, int argc, char **argv);

#endif
