/* options.c - option sets with inheritance, typed parsing (see options.h). */
#include "options.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "style.h"
#include "xmalloc.h"

struct option_value {
    bool set;
    long number;
    char *string;
};

struct options {
    struct options *parent;
    struct option_value *values; /* indexed like option_table; NULL until one is set */
};

static size_t table_size(void)
{
    size_t n = 0;
    while (option_table[n].name != NULL)
        n++;
    return n;
}

static long index_of(const char *name)
{
    for (size_t i = 0; option_table[i].name != NULL; i++) {
        if (strcmp(option_table[i].name, name) == 0)
            return (long)i;
    }
    return -1;
}

const struct option_def *options_find(const char *name)
{
    long i = index_of(name);
    return i < 0 ? NULL : &option_table[i];
}

const char *options_scope_name(enum option_scope scope)
{
    return scope == OPTION_SERVER ? "server" : scope == OPTION_SESSION ? "session" : "window";
}

struct options *options_create(struct options *parent)
{
    struct options *o = xcalloc(1, sizeof *o);
    o->parent = parent;
    return o; /* values come with the first set: most windows and panes never have one */
}

void options_free(struct options *o)
{
    if (o == NULL)
        return;
    size_t n = o->values != NULL ? table_size() : 0;
    for (size_t i = 0; i < n; i++)
        free(o->values[i].string);
    free(o->values);
    free(o);
}

void options_set_defaults(struct options *o, enum option_scope scope)
{
    char err[256];
    for (size_t i = 0; option_table[i].name != NULL; i++) {
        if (option_table[i].scope == scope &&
            options_set(o, option_table[i].name, option_table[i].default_value, false, err,
                        sizeof err) != 0)
            abort(); /* a default that does not parse is a bug in the table */
    }
}

/* The set holding a value for option i, walking up the parents; NULL if none does. */
static const struct option_value *lookup(const struct options *o, long i)
{
    for (; o != NULL; o = o->parent) {
        if (o->values != NULL && o->values[i].set)
            return &o->values[i];
    }
    return NULL;
}

long options_get_number(const struct options *o, const char *name)
{
    long i = index_of(name);
    if (i < 0)
        abort(); /* asking for an option that is not in the table is a bug */
    const struct option_value *v = lookup(o, i);
    return v != NULL ? v->number : 0;
}

const char *options_get_string(const struct options *o, const char *name)
{
    long i = index_of(name);
    if (i < 0)
        abort();
    const struct option_value *v = lookup(o, i);
    return v != NULL && v->string != NULL ? v->string : "";
}

bool options_is_set(const struct options *o, const char *name)
{
    long i = index_of(name);
    return i >= 0 && o->values != NULL && o->values[i].set;
}

static int parse_flag(const char *value, long current, long *out)
{
    if (value == NULL) {
        *out = !current;
        return 0;
    }
    if (strcmp(value, "on") == 0 || strcmp(value, "yes") == 0 || strcmp(value, "1") == 0) {
        *out = 1;
        return 0;
    }
    if (strcmp(value, "off") == 0 || strcmp(value, "no") == 0 || strcmp(value, "0") == 0) {
        *out = 0;
        return 0;
    }
    return -1;
}

/* A size: digits and an optional K, M, G or T (powers of 1024, an optional B after). */
static int parse_size(const char *value, long *out)
{
    if (value == NULL || *value < '0' || *value > '9')
        return -1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (errno != 0)
        return -1;
    static const char units[] = "KMGT";
    int shift = 0;
    const char *unit = *end != '\0' ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (unit != NULL) {
        shift = 10 * (int)(unit - units + 1);
        end++;
    }
    if (shift != 0 && (*end == 'b' || *end == 'B'))
        end++;
    if (*end != '\0' || n > (unsigned long long)LONG_MAX >> shift)
        return -1;
    *out = (long)(n << shift);
    return 0;
}

int options_set(struct options *o, const char *name, const char *value, bool append,
                char *err, size_t errsize)
{
    long i = index_of(name);
    if (i < 0) {
        snprintf(err, errsize, "invalid option: %s", name);
        return -1;
    }
    const struct option_def *d = &option_table[i];
    if (o->values == NULL)
        o->values = xcalloc(table_size(), sizeof *o->values);
    struct option_value *v = &o->values[i];
    long number = 0;
    char *string = NULL;
    const struct option_value *current = lookup(o, i);

    switch (d->type) {
    case OPTION_FLAG:
        if (parse_flag(value, current != NULL ? current->number : 0, &number) != 0) {
            snprintf(err, errsize, "%s: on or off, not \"%s\"", name, value);
            return -1;
        }
        break;
    case OPTION_NUMBER: {
        char *end;
        if (value == NULL || *value == '\0') {
            snprintf(err, errsize, "%s: needs a number", name);
            return -1;
        }
        number = strtol(value, &end, 10);
        if (*end != '\0' || number < d->min || number > d->max) {
            snprintf(err, errsize, "%s: not a number from %ld to %ld: %s", name, d->min, d->max,
                     value);
            return -1;
        }
        break;
    }
    case OPTION_SIZE:
        if (parse_size(value, &number) != 0 || number < d->min || number > d->max) {
            snprintf(err, errsize, "%s: not a size (like 0, 512K, 64M, 2G): %s", name,
                     value != NULL ? value : "");
            return -1;
        }
        break;
    case OPTION_KEY:
        if (value == NULL) {
            snprintf(err, errsize, "%s: needs a key", name);
            return -1;
        }
        number = strcasecmp(value, "None") == 0 ? (long)KEYC_NONE : (long)key_from_name(value);
        if (number == (long)KEYC_NONE && strcasecmp(value, "None") != 0) {
            snprintf(err, errsize, "%s: unknown key: %s", name, value);
            return -1;
        }
        break;
    case OPTION_CHOICE:
        number = -1;
        for (long c = 0; value != NULL && d->choices[c] != NULL; c++) {
            if (strcmp(d->choices[c], value) == 0)
                number = c;
        }
        if (number < 0) {
            char list[256] = "";
            for (long c = 0; d->choices[c] != NULL; c++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", c ? ", " : "",
                         d->choices[c]);
            snprintf(err, errsize, "%s: one of %s, not \"%s\"", name, list,
                     value != NULL ? value : "");
            return -1;
        }
        break;
    case OPTION_COLOUR: {
        uint32_t colour;
        if (value == NULL || style_parse_colour(value, &colour) != 0) {
            snprintf(err, errsize, "%s: not a colour: %s", name, value != NULL ? value : "");
            return -1;
        }
        number = (long)colour;
        break;
    }
    case OPTION_STYLE:
    case OPTION_STRING:
        if (d->type == OPTION_STYLE) {
            /* Checked now, kept as text. */
            struct grid_pen pen = {0};
            char serr[200];
            if (style_apply(&pen, value != NULL ? value : "", serr, sizeof serr) != 0) {
                snprintf(err, errsize, "%s: %s", name, serr);
                return -1;
            }
        }
        if (value == NULL)
            value = "";
        if (append && current != NULL && current->string != NULL)
            string = xasprintf("%s%s%s", current->string,
                               d->type == OPTION_STYLE && *current->string != '\0' ? "," : "",
                               value);
        else
            string = xstrdup(value);
        break;
    }
    free(v->string);
    v->string = string;
    v->number = number;
    v->set = true;
    return 0;
}

void options_unset(struct options *o, const char *name)
{
    long i = index_of(name);
    if (i < 0 || o->values == NULL)
        return;
    free(o->values[i].string);
    memset(&o->values[i], 0, sizeof o->values[i]);
}

const char *options_to_string(const struct options *o, const char *name, char *buf,
                              size_t size)
{
    long i = index_of(name);
    if (i < 0) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    const struct option_def *d = &option_table[i];
    const struct option_value *v = lookup(o, i);
    long n = v != NULL ? v->number : 0;
    switch (d->type) {
    case OPTION_FLAG:
        snprintf(buf, size, "%s", n ? "on" : "off");
        break;
    case OPTION_NUMBER:
        snprintf(buf, size, "%ld", n);
        break;
    case OPTION_SIZE: {
        /* The largest unit dividing it: 64M reads back as 64M. */
        const char *units = "KMGT";
        int u = -1;
        while (n != 0 && u < 3 && n % 1024 == 0) {
            n /= 1024;
            u++;
        }
        if (u >= 0)
            snprintf(buf, size, "%ld%c", n, units[u]);
        else
            snprintf(buf, size, "%ld", n);
        break;
    }
    case OPTION_KEY:
        if ((key_code)n == KEYC_NONE)
            snprintf(buf, size, "None");
        else
            key_to_name((key_code)n, buf, size);
        break;
    case OPTION_CHOICE:
        snprintf(buf, size, "%s", n >= 0 ? d->choices[n] : "");
        break;
    case OPTION_COLOUR:
        style_colour_name((uint32_t)n, buf, size);
        break;
    default: {
        /* Quoted as show-options does, so the line can be read back by set-option. */
        const char *s = v != NULL && v->string != NULL ? v->string : "";
        snprintf(buf, size, "\"%s\"", s);
        break;
    }
    }
    return buf;
}
