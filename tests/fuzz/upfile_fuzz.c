/* upfile_fuzz.c - libFuzzer target for the files tmx up reads (server/lib/upfile.c):
 * the input is a whole Procfile or tmx service file. Checked: no crash, no leak; a file
 * that was refused kept nothing and said which line (or why); one that was taken has
 * services each with a name and a command, and `after` indices in range. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "upfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct upfile f;
    char err[256] = "";
    if (upfile_parse((const char *)data, size, &f, err, sizeof err) != 0) {
        if (f.n != 0 || f.services != NULL || err[0] == '\0')
            abort();
        return 0;
    }
    if (f.n == 0 || f.main >= (long)f.n)
        abort();
    for (size_t i = 0; i < f.n; i++) {
        if (f.services[i].name == NULL || f.services[i].command == NULL ||
            f.services[i].env == NULL || f.services[i].env[f.services[i].nenv] != NULL)
            abort();
        for (size_t k = 0; k < f.services[i].nafter; k++) {
            if (f.services[i].after[k] >= f.n || f.services[i].after[k] == i)
                abort();
        }
    }
    upfile_free(&f);
    return 0;
}
