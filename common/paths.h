/* paths.h - where the server socket lives and the rules its directory must satisfy:
 * $TMX_TMPDIR (else tmux's $TMUX_TMPDIR, else /tmp) /tmx-UID/NAME, NAME "default" or
 * -L NAME; -S gives a path. Always tmx-UID, never tmux's tmux-UID, even when run as tmux:
 * a real tmux beside tmx never finds tmx's sockets (docs/manual.md, "Running as tmux").
 * Also which configuration files are read at start, and whether we run as "tmux".
 * The directory must be a real directory (not a symlink), owned by the user, with no
 * group/other access. */
#ifndef TMX_PATHS_H
#define TMX_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Check (and with 'create', make 0700) directory dir for user uid. Returns 0, or -1
 * with a message for the user in err. */
int paths_check_dir(const char *dir, uid_t uid, bool create, char *err, size_t errsize);

/* Compute the socket path: 'path' (-S) if given, else from tmpdir (NULL: $TMX_TMPDIR,
 * $TMUX_TMPDIR or /tmp) and 'label' (-L, NULL: "default"). Checks and, with 'create', creates the
 * directory. Returns 0, or -1 with err set (bad label, path too long for a socket,
 * unsafe directory). */
int paths_socket(const char *label, const char *path, const char *tmpdir, uid_t uid,
                 bool create, char *out, size_t size, char *err, size_t errsize);

/* connect() found nobody listening at path (ECONNREFUSED): may what is there be removed
 * to start a new server? 1: yes, it is a socket (a dead server's), or an empty regular
 * file of uid with one link in a directory of uid's closed to others (a socket turned
 * into a file by a copy or a restore); 0: nothing is there; -1: something that must stay
 * (a directory, a symbolic link, a file with data, another user's, in a shared
 * directory...): err says what it is and what to do, without the path. */
int paths_stale_socket(const char *path, uid_t uid, char *err, size_t errsize);

/* The longest socket path a sockaddr_un holds. */
size_t paths_socket_max(void);

/* Whether the program runs under a tmux name: argv[0]'s last part begins with "tmux"
 * (a link tmux -> tmx, "-tmux" as a login shell). */
bool paths_called_as_tmux(const char *argv0);

/* The configuration files to load at start when -f gives none, readable ones only, in
 * order, as a NULL-terminated array of new strings (paths_free_list). As tmx: the first
 * of ~/.tmx.conf, $XDG_CONFIG_HOME/tmx/tmx.conf, ~/.config/tmx/tmx.conf; when none exists
 * (and always as tmux): each of tmux's ~/.tmux.conf, $XDG_CONFIG_HOME/tmux/tmux.conf,
 * ~/.config/tmux/tmux.conf that exists, as tmux 3.3a loads them. Empty: none. */
char **paths_config_files(bool as_tmux);
void paths_free_list(char **list);

#endif
