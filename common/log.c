/* log.c - the server's debug log, enabled by tmx -v. The log file is process-wide
 * state by nature (like stderr), the one exception to "state lives in the server". */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <sys/time.h>

static FILE *log_file;

void log_open(const char *name)
{
    log_close();
    log_file = fopen(name, "a");
    if (log_file != NULL)
        setvbuf(log_file, NULL, _IOLBF, 0);
}

void log_open_stderr(void)
{
    log_close();
    log_file = stderr;
}

void log_close(void)
{
    if (log_file != NULL && log_file != stderr)
        fclose(log_file);
    log_file = NULL;
}

void log_debug(const char *fmt, ...)
{
    if (log_file == NULL)
        return;
    struct timeval tv;
    gettimeofday(&tv, NULL);
    fprintf(log_file, "%lld.%06ld ", (long long)tv.tv_sec, (long)tv.tv_usec);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file, fmt, ap);
    va_end(ap);
    fputc('\n', log_file);
}
