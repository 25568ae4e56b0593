#include "dup.h"
#include "missing.h"
