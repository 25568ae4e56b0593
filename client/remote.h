/* remote.h - tmx -H [user@]host[:port] COMMAND: a command (attached or not) against the
 * server of another host, over the user's ssh; an attached one survives the link
 * (remote.c, docs/remote.md). */
#ifndef TMX_REMOTE_H
#define TMX_REMOTE_H

#include "client.h"

/* Run argv on each of hosts (only a command that does not attach on several; their
 * output lines get a host column, the hosts asked at once). With all_hosts (tmx ls -a),
 * the local server's own lines first and the hosts of its remote-hosts option too.
 * Returns the exit status. */
int remote_main(const struct client_options *opts, char **hosts, int nhosts, bool all_hosts,
                int argc, char **argv);

#endif
