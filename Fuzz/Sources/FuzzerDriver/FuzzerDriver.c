#include "FuzzerDriver.h"

// Weak, so that a build without -sanitize=fuzzer still links and can say what is wrong.
__attribute__((weak)) int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t));

int netra_fuzzer_linked(void) { return LLVMFuzzerRunDriver != 0; }
