// The benchmark is being written; see docs/PERFORMANCE.md.
print("netra-bench: not ready")
