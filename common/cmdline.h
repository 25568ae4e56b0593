/* cmdline.h - what a command line (tmx's words after the global flags, split into
 * commands on ';' words as the server splits them) asks for, before any server is
 * asked: whether it attaches a client (attach-session, new-session without -d), whether
 * it may start a server (new-session, start-server, attach-session, list-commands,
 * list-keys, as tmux). The client decides with these
 * whether to check the terminal and nesting and whether to start a server; the server
 * with the first, what to tell a real tmux that connected to it. No command means
 * new-session. */
#ifndef TMX_CMDLINE_H
#define TMX_CMDLINE_H

#include <stdbool.h>

bool cmdline_attaches(int argc, char **argv);
bool cmdline_starts_server(int argc, char **argv);

#endif
