/* queue.h - <sys/queue.h> plus the _SAFE iteration macros glibc's copy lacks. */
#ifndef TMX_QUEUE_H
#define TMX_QUEUE_H

#include <sys/queue.h>

#ifndef TAILQ_FOREACH_SAFE
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)                                       \
    for ((var) = TAILQ_FIRST((head)); (var) && ((tvar) = TAILQ_NEXT((var), field), 1);  \
         (var) = (tvar))
#endif

#endif
