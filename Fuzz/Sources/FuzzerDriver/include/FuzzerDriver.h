#ifndef NETRA_FUZZER_DRIVER_H
#define NETRA_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by -sanitize=fuzzer):
/// parses libFuzzer's flags from argv and calls `callback` once per input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// 1 when the binary was linked with libFuzzer (-sanitize=fuzzer), else 0.
int netra_fuzzer_linked(void);

#endif
