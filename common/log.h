/* log.h - the server's debug log (tmx -v writes tmx-server-PID.log in the cwd). */
#ifndef TMX_LOG_H
#define TMX_LOG_H

void log_open(const char *name);
/* Log to stderr instead (tmx -D: the server in the foreground). */
void log_open_stderr(void);
void log_close(void);
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
