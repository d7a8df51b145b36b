#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers so the rest of the module needs no C library import.
@inline(__always) func sine(_ x: Double) -> Double { sin(x) }
@inline(__always) func cosine(_ x: Double) -> Double { cos(x) }
@inline(__always) func log10Of(_ x: Double) -> Double { log10(x) }
@inline(__always) func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
