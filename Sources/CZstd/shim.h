// The experimental part of the API, for ZSTD_estimateCCtxSize_usingCParams: what a
// context takes for a given input size. Exported by every libzstd since 1.4.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
