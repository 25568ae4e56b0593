#include "low.h"

#include "mid.h"
