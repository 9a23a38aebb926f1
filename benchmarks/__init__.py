"""Benchmarks for issue 6: the engine against PyTorch and the GEMM bound, and the app's UI.

Run with ``python -m benchmarks`` (or ``make bench``); the table is printed and saved to
``benchmarks/results/latest.md`` and ``latest.json``. Not part of ``make test``: nothing here
asserts, it measures.
"""
