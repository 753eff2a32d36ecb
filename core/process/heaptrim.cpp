#include "heaptrim.h"

#include <cstdlib> // defines __GLIBC__ on glibc (tested below)

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ct {

void releaseFreeHeapMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace ct
