#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzerDriver

// libFuzzer's own main() is not used: SwiftPM gives an executable target its main, so this
// one hands argv to libFuzzer's driver. Run it as `make fuzz` (see the Makefile).
guard netra_fuzzer_linked() != 0 else {
    print("netra-fuzz: built without libFuzzer; build with -Xswiftc -sanitize=fuzzer,address (make fuzz)")
    exit(2)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in netraFuzzOneInput(data, size) })
