/* format_job.h - #(command) in formats: the command runs in the background and the
 * format shows the last line of its last output, as tmux does (the first expansion
 * shows nothing; a finished command runs again at most once a second, when the format
 * is expanded again - the status line every status-interval). Results are kept per
 * client (none for the server's own expansions) in struct server. */
#ifndef TMX_FORMAT_JOB_H
#define TMX_FORMAT_JOB_H

struct format_ctx;
struct server;

/* The last output of command (as written in the format; expanded is what runs) for
 * ctx's client, starting it when due. A new string, never NULL ("" without a server or
 * when the server's format_jobs_off is set). */
char *format_job_get(const struct format_ctx *ctx, const char *command, const char *expanded);
/* Forget every result and every running command (the server is going away). */
void format_job_free_all(struct server *s);

#endif
