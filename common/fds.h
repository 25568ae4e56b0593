/* fds.h - the file descriptors a process starts with: stdin, stdout and stderr are
 * always open (on /dev/null when the caller closed them), and the server keeps nothing
 * it inherited beyond them. */
#ifndef TMX_FDS_H
#define TMX_FDS_H

/* Open /dev/null on each of fds 0-2 that is closed (cron, systemd units, launchers
 * that close stdio), so that no file opened later lands there and is then taken for
 * stdin, stdout or stderr. Call first thing in main, before anything opens a file.
 * Returns 0, or -1 when /dev/null cannot be opened (the fds stay closed). */
int fds_open_stdio(void);

/* Close every descriptor above 2 but 'keep' and 'keep2' (-1: none): what a daemon
 * inherits from whoever started it (a pipe on fd 7 would keep `tmx new -d 7>&1 | cat`
 * from ending, a lock file would stay held). */
void fds_close_inherited(int keep, int keep2);

#endif
