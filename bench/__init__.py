"""Benchmarks: numbers, not pass/fail."""
