/// Netra's version, as `netra --version` prints it and the Debian package is numbered (the
/// Makefile reads it from this line).
let netraVersion = "0.9.0"

/// The commit the binary was built from. `make install` and `make deb` write it into
/// BuildStamp.swift (not in git) and build with NETRA_STAMPED; a plain `swift build` of a
/// clean clone needs neither and says so.
#if NETRA_STAMPED
let netraCommit = buildStampCommit
#else
let netraCommit = "unknown: built without make"
#endif

/// `netra 0.9.0 (commit 1a2b3c4d5e6f)`.
let netraVersionLine = "netra \(netraVersion) (commit \(netraCommit))"
