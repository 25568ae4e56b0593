/* prompt_file.c - the prompt history kept in history-file (see prompt_file.h). */
#include "prompt_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "options.h"
#include "prompt.h"
#include "server_state.h"
#include "xmalloc.h"

/* The file's path: history-file when absolute, or ~/ expanded with $HOME; NULL when
 * unset or anything else (as tmux). */
static char *history_path(struct server *s)
{
    if (options_find("history-file") == NULL)
        return NULL;
    const char *file = options_get_string(s->options, "history-file");
    if (*file == '/')
        return xstrdup(file);
    const char *home = getenv("HOME");
    if (file[0] != '~' || file[1] != '/' || home == NULL || *home == '\0')
        return NULL;
    return xasprintf("%s%s", home, file + 1);
}

void prompt_file_load(struct server *s)
{
    char *path = history_path(s);
    if (path == NULL)
        return;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        log_debug("history-file %s: %s", path, strerror(errno));
        free(path);
        return;
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t n;
    while ((n = getline(&line, &size, f)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if (n == 0)
            continue;
        enum prompt_type type = PROMPT_TYPE_COMMAND;
        const char *entry = line;
        char *colon = strchr(line, ':');
        if (colon != NULL) {
            *colon = '\0';
            int t = prompt_type_find(line);
            if (t >= 0) {
                type = (enum prompt_type)t;
                entry = colon + 1;
            } else
                *colon = ':';
        }
        if (*entry != '\0')
            prompt_history_add(s, type, entry);
    }
    free(line);
    fclose(f);
    free(path);
}

void prompt_file_save(struct server *s)
{
    char *path = history_path(s);
    if (path == NULL)
        return;
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        log_debug("history-file %s: %s", path, strerror(errno));
        free(path);
        return;
    }
    for (int t = 0; t < PROMPT_NTYPES; t++) {
        for (size_t i = 0; i < s->nprompt_history[t]; i++)
            fprintf(f, "%s:%s\n", prompt_type_name((enum prompt_type)t), s->prompt_history[t][i]);
    }
    fclose(f);
    free(path);
}
