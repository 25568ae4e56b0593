/* upfile.c - the Procfile and tmx's service-file parser (see upfile.h). */
#include "regex_bound.h"
#include "upfile.h"

#include <ctype.h>
#include <regex.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xmalloc.h"

/* What is parsed before the names of `after` can be resolved: each name with its line. */
struct pending_after {
    size_t service;
    char *name;
    int line;
};

struct parse {
    struct upfile *f;
    struct pending_after *after;
    size_t nafter;
    char *err;
    size_t errsize;
};

static int fail(struct parse *ps, int line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(ps->err, ps->errsize, "line %d: %s", line, msg);
    else
        snprintf(ps->err, ps->errsize, "%s", msg);
    return -1;
}

static const struct {
    const char *name;
    int sig;
} signals[] = {
    {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"KILL", SIGKILL},
    {"USR1", SIGUSR1}, {"USR2", SIGUSR2}, {"TERM", SIGTERM}, {"ALRM", SIGALRM},
    {"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}, {"WINCH", SIGWINCH},
    {"PWR", SIGPWR},
};

int upfile_signal(const char *name)
{
    if (isdigit((unsigned char)*name)) {
        char *end;
        long n = strtol(name, &end, 10);
        return *end == '\0' && n > 0 && n < 65 ? (int)n : 0;
    }
    if (strncasecmp(name, "SIG", 3) == 0)
        name += 3;
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (strcasecmp(name, signals[i].name) == 0)
            return signals[i].sig;
    }
    return 0;
}

/* A service name: letters, digits, '_', '-' and '.' (a window name a target can name). */
static bool valid_name(const char *s, size_t len)
{
    if (len == 0 || len > UPFILE_MAX_NAME)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c) && c != '_' && c != '-' && c != '.')
            return false;
    }
    return true;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static long find_service(const struct upfile *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(f->services[i].name, name) == 0)
            return (long)i;
    }
    return -1;
}

static struct upfile_service *add_service(struct parse *ps, const char *name, size_t len,
                                          int line)
{
    struct upfile *f = ps->f;
    if (!valid_name(name, len)) {
        fail(ps, line, "bad service name '%.*s' (letters, digits, _ - . and at most %d)",
             (int)(len > 64 ? 64 : len), name, UPFILE_MAX_NAME);
        return NULL;
    }
    char *copy = xstrndup(name, len);
    if (find_service(f, copy) >= 0) {
        fail(ps, line, "service %s is declared twice", copy);
        free(copy);
        return NULL;
    }
    if (f->n == UPFILE_MAX_SERVICES) {
        fail(ps, line, "more than %d services", UPFILE_MAX_SERVICES);
        free(copy);
        return NULL;
    }
    f->services = xreallocarray(f->services, f->n + 1, sizeof *f->services);
    struct upfile_service *sv = &f->services[f->n++];
    memset(sv, 0, sizeof *sv);
    sv->name = copy;
    sv->env = xcalloc(1, sizeof *sv->env);
    sv->stop_signal = SIGTERM;
    sv->stop_timeout = 10;
    sv->restart_delay = -1;
    sv->line = line;
    return sv;
}

/* A Procfile line: "name: command". */
static int procfile_line(struct parse *ps, char *s, int line)
{
    char *colon = strchr(s, ':');
    if (colon == NULL)
        return fail(ps, line, "expected 'name: command'");
    char *name = s;
    size_t nlen = (size_t)(colon - s);
    while (nlen > 0 && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
        nlen--;
    struct upfile_service *sv = add_service(ps, name, nlen, line);
    if (sv == NULL)
        return -1;
    char *cmd = trim(colon + 1);
    if (*cmd == '\0')
        return fail(ps, line, "service %s has no command", sv->name);
    sv->command = xstrdup(cmd);
    return 0;
}

static int parse_number(struct parse *ps, int line, const char *key, const char *v, long max,
                        long *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 0 || n > max)
        return fail(ps, line, "%s must be a number from 0 to %ld", key, max);
    *out = n;
    return 0;
}

/* "key = value" inside [name]. */
static int service_key(struct parse *ps, struct upfile_service *sv, const char *key, char *v,
                       int line)
{
    long n = 0;
    if (strcmp(key, "command") == 0) {
        if (*v == '\0')
            return fail(ps, line, "command is empty");
        free(sv->command);
        sv->command = xstrdup(v);
    } else if (strcmp(key, "cwd") == 0) {
        free(sv->cwd);
        sv->cwd = xstrdup(v);
    } else if (strcmp(key, "env") == 0) {
        char *eq = strchr(v, '=');
        if (eq == NULL || eq == v || !valid_name(v, (size_t)(eq - v)) || isdigit((unsigned char)*v))
            return fail(ps, line, "env must be NAME=VALUE");
        if (sv->nenv == 1000)
            return fail(ps, line, "too many env lines");
        sv->env = xreallocarray(sv->env, sv->nenv + 2, sizeof *sv->env);
        sv->env[sv->nenv++] = xstrdup(v);
        sv->env[sv->nenv] = NULL;
    } else if (strcmp(key, "after") == 0) {
        char *save = NULL;
        for (char *w = strtok_r(v, " \t,", &save); w != NULL; w = strtok_r(NULL, " \t,", &save)) {
            if (ps->nafter == 100000)
                return fail(ps, line, "too many after names");
            ps->after = xreallocarray(ps->after, ps->nafter + 1, sizeof *ps->after);
            ps->after[ps->nafter++] =
                (struct pending_after){.service = (size_t)(sv - ps->f->services),
                                       .name = xstrdup(w), .line = line};
        }
    } else if (strcmp(key, "ready-line") == 0) {
        regex_t re;
        int rc = regcomp_bounded(&re, v, REG_EXTENDED | REG_NOSUB);
        if (rc == REG_ESPACE)
            return fail(ps, line, "ready-line: the pattern is too large (its repetitions would "
                        "make more than %d copies; write it plainer)", REGEX_BOUND_NODES);
        if (rc != 0) {
            char why[128];
            regerror(rc, &re, why, sizeof why);
            regfree(&re);
            return fail(ps, line, "ready-line: %s", why);
        }
        regfree(&re);
        free(sv->ready_line);
        sv->ready_line = xstrdup(v);
    } else if (strcmp(key, "ready-command") == 0) {
        if (*v == '\0')
            return fail(ps, line, "ready-command is empty");
        free(sv->ready_command);
        sv->ready_command = xstrdup(v);
    } else if (strcmp(key, "stop-signal") == 0) {
        int sig = upfile_signal(v);
        if (sig == 0)
            return fail(ps, line, "unknown signal '%s' (TERM, INT, QUIT, HUP, USR1...)", v);
        sv->stop_signal = sig;
    } else if (strcmp(key, "stop-timeout") == 0) {
        if (parse_number(ps, line, key, v, 86400, &n) != 0)
            return -1;
        sv->stop_timeout = (int)n;
    } else if (strcmp(key, "restart") == 0) {
        static const char *const policies[] = {"never", "on-failure", "always"};
        sv->restart = NULL;
        for (size_t i = 0; i < 3; i++) {
            if (strcmp(v, policies[i]) == 0)
                sv->restart = policies[i];
        }
        if (sv->restart == NULL)
            return fail(ps, line, "restart must be never, on-failure or always");
    } else if (strcmp(key, "restart-delay") == 0) {
        if (parse_number(ps, line, key, v, 3600000, &n) != 0)
            return -1;
        sv->restart_delay = n;
    } else
        return fail(ps, line, "unknown key '%s' (command, cwd, env, after, ready-line, "
                    "ready-command, stop-signal, stop-timeout, restart, restart-delay)", key);
    return 0;
}

/* main's name, resolved once every service is known. */
struct top_keys {
    char *main;
    int main_line;
};

static int servicefile_line(struct parse *ps, char *s, int line, struct upfile_service **cur,
                            struct top_keys *top)
{
    if (*s == '[') {
        char *close = strchr(s, ']');
        if (close == NULL || *trim(close + 1) != '\0')
            return fail(ps, line, "expected '[name]'");
        char *name = s + 1;
        *close = '\0';
        name = trim(name);
        *cur = add_service(ps, name, strlen(name), line);
        return *cur == NULL ? -1 : 0;
    }
    char *eq = strchr(s, '=');
    if (eq == NULL)
        return fail(ps, line, "expected 'key = value' or '[name]'");
    *eq = '\0';
    char *key = trim(s), *v = trim(eq + 1);
    if (*cur != NULL) {
        /* The index, not the pointer: the array may move as services are added. */
        return service_key(ps, *cur, key, v, line);
    }
    if (strcmp(key, "session") == 0) {
        if (*v == '\0' || strpbrk(v, ":.") != NULL)
            return fail(ps, line, "session must be a name without ':' or '.'");
        free(ps->f->session);
        ps->f->session = xstrdup(v);
    } else if (strcmp(key, "main") == 0) {
        free(top->main);
        top->main = xstrdup(v);
        top->main_line = line;
    } else
        return fail(ps, line, "unknown key '%s' before the first [service] (session, main)", key);
    return 0;
}

/* Whether the first line that says something is tmx's format: "[name]" or "key =". */
static bool is_servicefile(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
            i++;
        if (i < len && text[i] == '#') {
            while (i < len && text[i] != '\n')
                i++;
        }
        if (i < len && text[i] == '\n') {
            i++;
            continue;
        }
        if (i >= len)
            return false;
        if (text[i] == '[')
            return true;
        for (; i < len && text[i] != '\n'; i++) {
            if (text[i] == ':')
                return false;
            if (text[i] == '=')
                return true;
        }
        return false;
    }
    return false;
}

/* Whether service i is on a cycle of `after` (three colours: 0 new, 1 on the path, 2 done). */
static bool has_cycle(const struct upfile *f, size_t i, unsigned char *colour)
{
    colour[i] = 1;
    for (size_t k = 0; k < f->services[i].nafter; k++) {
        size_t j = f->services[i].after[k];
        if (colour[j] == 1 || (colour[j] == 0 && has_cycle(f, j, colour)))
            return true;
    }
    colour[i] = 2;
    return false;
}

static int resolve(struct parse *ps, struct top_keys *top)
{
    struct upfile *f = ps->f;
    if (f->n == 0)
        return fail(ps, 0, "no services in the file (a line 'name: command', or a [name] "
                    "section with command = ...)");
    for (size_t i = 0; i < f->n; i++) {
        if (f->services[i].command == NULL)
            return fail(ps, f->services[i].line, "service %s has no command",
                        f->services[i].name);
    }
    for (size_t k = 0; k < ps->nafter; k++) {
        struct pending_after *a = &ps->after[k];
        long j = find_service(f, a->name);
        if (j < 0)
            return fail(ps, a->line, "after: no service named %s", a->name);
        if ((size_t)j == a->service)
            return fail(ps, a->line, "after: %s cannot start after itself", a->name);
        struct upfile_service *sv = &f->services[a->service];
        bool dup = false;
        for (size_t m = 0; m < sv->nafter; m++)
            dup = dup || sv->after[m] == (size_t)j;
        if (dup)
            continue;
        sv->after = xreallocarray(sv->after, sv->nafter + 1, sizeof *sv->after);
        sv->after[sv->nafter++] = (size_t)j;
    }
    /* Iterative enough: at most UPFILE_MAX_SERVICES deep. */
    unsigned char *colour = xcalloc(f->n, 1);
    for (size_t i = 0; i < f->n; i++) {
        if (colour[i] == 0 && has_cycle(f, i, colour)) {
            size_t on = i;
            for (size_t j = 0; j < f->n; j++) {
                if (colour[j] == 1) {
                    on = j;
                    break;
                }
            }
            free(colour);
            return fail(ps, f->services[on].line, "service %s is part of a cycle of after",
                        f->services[on].name);
        }
    }
    free(colour);
    if (top->main != NULL) {
        f->main = find_service(f, top->main);
        if (f->main < 0)
            return fail(ps, top->main_line, "main: no service named %s", top->main);
    }
    return 0;
}

int upfile_parse(const char *text, size_t len, struct upfile *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    out->main = -1;
    struct parse ps = {.f = out, .err = err, .errsize = errsize};
    struct top_keys top = {0};
    struct upfile_service *cur = NULL;
    size_t cur_index = 0;
    bool service_format = is_servicefile(text, len);
    out->procfile = !service_format;
    int rc = 0, line = 0;
    size_t i = 0;
    while (rc == 0 && i < len) {
        line++;
        size_t start = i;
        while (i < len && text[i] != '\n')
            i++;
        if (memchr(text + start, '\0', i - start) != NULL) {
            rc = fail(&ps, line, "a NUL byte: not a text file");
            break;
        }
        char *copy = xstrndup(text + start, i - start);
        if (i < len)
            i++;
        char *s = trim(copy);
        if (*s != '\0' && *s != '#') {
            if (service_format) {
                /* cur is looked up by index: adding a service may move the array. */
                if (cur != NULL)
                    cur = &out->services[cur_index];
                rc = servicefile_line(&ps, s, line, &cur, &top);
                if (cur != NULL)
                    cur_index = (size_t)(cur - out->services);
            } else
                rc = procfile_line(&ps, s, line);
        }
        free(copy);
    }
    if (rc == 0)
        rc = resolve(&ps, &top);
    for (size_t k = 0; k < ps.nafter; k++)
        free(ps.after[k].name);
    free(ps.after);
    free(top.main);
    if (rc != 0)
        upfile_free(out);
    return rc;
}

void upfile_free(struct upfile *f)
{
    for (size_t i = 0; i < f->n; i++) {
        struct upfile_service *sv = &f->services[i];
        free(sv->name);
        free(sv->command);
        free(sv->cwd);
        for (size_t k = 0; k < sv->nenv; k++)
            free(sv->env[k]);
        free(sv->env);
        free(sv->after);
        free(sv->ready_line);
        free(sv->ready_command);
    }
    free(f->services);
    free(f->session);
    memset(f, 0, sizeof *f);
    f->main = -1;
}
