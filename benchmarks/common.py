"""Thread limits, timers and the BLAS description shared by every benchmark.

The machine is small and shared (2 cores, several people): every number is a median of
interleaved repeats, and numpy's BLAS and PyTorch run with the same thread count.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable

THREADS = int(os.environ.get("BENCH_THREADS", "2"))


def limit_threads(n: int = THREADS) -> None:
    """Set the thread-count variables every BLAS/OpenMP reads; call before numpy is imported."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(n)


def apply_thread_limits(n: int = THREADS) -> object | None:
    """Limit numpy's BLAS (threadpoolctl), the engine's MKL and torch to ``n`` threads; return
    the limiter."""
    from engine import blas

    limiter = None
    try:
        from threadpoolctl import threadpool_limits
        limiter = threadpool_limits(n)
    except ImportError:
        pass
    # After threadpoolctl: MKL (loaded through ctypes) is not one it sees, and the engine's
    # router gives numpy's OpenBLAS one thread whenever MKL has the cores.
    blas.set_threads(n)
    try:
        import torch
        torch.set_num_threads(n)
    except ImportError:
        pass
    return limiter


def cpu_description() -> dict[str, str]:
    """Return the CPU's vendor, model and the vector extensions that decide BLAS kernels."""
    fields: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                fields.setdefault(key.strip(), value.strip())
    except OSError:
        return {"cpu": platform.processor() or platform.machine()}
    flags = set(fields.get("flags", "").split())
    ext = [name for flag, name in (("avx512f", "AVX-512"), ("avx2", "AVX2"),
                                   ("amx_tile", "AMX")) if flag in flags]
    vendor = {"GenuineIntel": "Intel", "AuthenticAMD": "AMD"}.get(fields.get("vendor_id", ""),
                                                                  fields.get("vendor_id", "?"))
    return {"cpu_vendor": vendor,
            "cpu": f"{fields.get('model name', '?')} (family {fields.get('cpu family', '?')} "
                   f"model {fields.get('model', '?')}; {', '.join(ext) or 'no AVX2'}"
                   f"{'; virtual machine' if 'hypervisor' in flags else ''})"}


def mkl_kernels() -> str:
    """Return MKL's version and the code path it picked for this CPU, or "not installed"."""
    import ctypes

    from engine import blas

    lib = blas.find_mkl()
    if lib is None:
        return "not installed"

    class Version(ctypes.Structure):
        _fields_ = [("major", ctypes.c_int), ("minor", ctypes.c_int), ("update", ctypes.c_int),
                    ("status", ctypes.c_char_p), ("build", ctypes.c_char_p),
                    ("processor", ctypes.c_char_p), ("platform", ctypes.c_char_p)]

    try:
        path = lib.name.split(" ", 1)[1]
        rt = ctypes.CDLL(os.path.join(sys.prefix, "lib", path))
        v = Version()
        rt.MKL_Get_Version(ctypes.byref(v))
        return f"{v.major}.{v.minor} ({v.processor.decode(errors='replace')})"
    except (OSError, AttributeError, IndexError):
        return lib.name


def loadavg() -> str:
    """Return the 1, 5 and 15-minute load averages (as ``uptime`` shows them), or "?"."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return " ".join(fh.read().split()[:3])
    except OSError:
        return "?"


def openblas_kernel() -> str:
    """Return numpy's OpenBLAS version and the kernels (core type) it chose for this CPU."""
    import ctypes

    from engine.blas_libraries import _numpy_openblas_paths

    for path in _numpy_openblas_paths():
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                core = getattr(lib, f"{prefix}get_corename{suffix}", None)
                config = getattr(lib, f"{prefix}get_config{suffix}", None)
                if core is not None and config is not None:
                    core.restype = config.restype = ctypes.c_char_p
                    return f"{core().decode()} ({config().decode().strip()})"
    return "?"


def blas_description() -> dict[str, str]:
    """Return the CPU, and which BLAS numpy, the engine's MKL and torch use (kernels, threads)."""
    import numpy as np

    info: dict[str, str] = {**cpu_description(), "numpy": np.__version__,
                            "python": platform.python_version(),
                            "cpu_count": str(os.cpu_count()), "engine MKL": mkl_kernels(),
                            "numpy OpenBLAS kernel": openblas_kernel()}
    try:
        from threadpoolctl import threadpool_info
        for pool in threadpool_info():
            key = f"{pool.get('internal_api')} ({os.path.basename(pool.get('filepath', ''))})"
            info[key] = (f"{pool.get('version')} {pool.get('architecture', '')} "
                         f"threads={pool.get('num_threads')}")
    except ImportError:
        info["threadpoolctl"] = "not installed"
    try:
        import torch
        info["torch"] = f"{torch.__version__} threads={torch.get_num_threads()} " \
                        f"mkl={torch.backends.mkl.is_available()}"
    except ImportError:
        info["torch"] = "not installed"
    info["loadavg_at_start"] = loadavg()
    return info


def time_block(fn: Callable[[], object], n: int) -> float:
    """Return the mean wall time in seconds of ``n`` calls of ``fn``."""
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n


def calibrate(fn: Callable[[], object], target_s: float = 0.1) -> int:
    """Return how many calls of ``fn`` take about ``target_s`` seconds (at least 1)."""
    fn()
    n = 1
    while True:
        t = time_block(fn, n) * n
        if t >= target_s / 4 or n >= 1 << 20:
            return max(1, int(n * target_s / max(t, 1e-9)))
        n *= 4


def interleaved_medians(fns: dict[str, Callable[[], object]], repeats: int,
                        target_s: float = 0.1, settle_s: float = 0.0) -> dict[str, float]:
    """Return the median seconds per call of each function (see ``interleaved_samples``)."""
    samples = interleaved_samples(fns, repeats, target_s, settle_s)
    return {k: statistics.median(v) for k, v in samples.items()}


def paired_ratio(samples: dict[str, list[float]], slower: str, faster: str) -> float:
    """Return the median over repetitions of ``slower``'s block time ÷ ``faster``'s in the same
    repetition: two variants timed next to each other share that moment's load, so their ratio
    moves less with the load than the ratio of the two medians does."""
    return statistics.median(a / b for a, b in zip(samples[slower], samples[faster],
                                                   strict=True))


def interleaved_samples(fns: dict[str, Callable[[], object]], repeats: int,
                        target_s: float = 0.1, settle_s: float = 0.0) -> dict[str, list[float]]:
    """Return, per function, its seconds per call in each repetition, timed in interleaved
    blocks.

    Interleaving makes the noise of a shared machine hit every variant alike; the order is
    reversed every other repetition (A B C, C B A, A B C, ...) so that no variant always runs
    right after the same one.
    ``settle_s``: a pause before each block. BLAS and OpenMP worker threads spin for up to
    ~0.2 s after their last call (OpenBLAS, Intel and GNU OpenMP alike): without a pause, one
    variant's idle threads take a core from the next variant's (measured: MKL's f64 step 2×
    slower right after an OpenBLAS call).
    """
    counts = {k: calibrate(f, target_s) for k, f in fns.items()}
    samples: dict[str, list[float]] = {k: [] for k in fns}
    for r in range(repeats):
        for k in list(fns)[::-1] if r % 2 else list(fns):
            f = fns[k]
            if settle_s:
                time.sleep(settle_s)
            samples[k].append(time_block(f, counts[k]))
    return samples


def page_faults() -> int:
    """Return the minor + major page faults of this process so far."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_minflt + ru.ru_majflt


def percentile(values: list[float], q: float) -> float:
    """Return the ``q``-th percentile (0..100) of ``values`` by linear interpolation."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)
