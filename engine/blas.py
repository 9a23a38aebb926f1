"""Matrix products for the training path: numpy's matmul, or MKL's GEMM when it is installed.

numpy's wheels ship OpenBLAS. On the 784-128-10 benchmark nearly 90 % of a training step is the
two large products W·Xᵀ and d·X, and there MKL's single-precision GEMM measured ~15-20 % faster
than OpenBLAS's on the same machine (benchmarks/README.md) — the whole gap to PyTorch, which
links MKL. So when the optional ``mkl`` package is installed (``pip install '.[mkl]'``), large
float32 products go to its ``cblas_sgemm`` through ctypes; everything else, and every product
when MKL is absent, stays ``np.matmul``. ``BACKPROP_BLAS=numpy`` in the environment turns MKL
off. (``gemm_into`` itself takes float64 too: the tests check both precisions.)

Only the standard library and numpy are used here: no Qt, no compiled extension of our own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROW_MAJOR, NO_TRANS, TRANS = 101, 111, 112

# Smaller products (flops/2 = M·N·K below this) stay with numpy: a ctypes call costs a few
# microseconds more than np.matmul's dispatch, which matters for the small networks only.
MIN_WORK = 1 << 20

# Only single precision goes to MKL. In double precision its GEMM was no faster on the
# engine's products and slower on W·Xᵀ with X read transposed (784-128-10, 2 threads: 20.5 ms
# against OpenBLAS's 17.5), so the whole f64 step measured slower (benchmarks/README.md).
_MKL_DTYPE = np.dtype(np.float32)


@dataclass(frozen=True)
class Cblas:
    """A CBLAS library's sgemm and dgemm, ready to call with row-major numpy arrays."""

    name: str
    gemm: dict[np.dtype, tuple[object, type]]   # dtype → (C function, its real type)
    set_threads: object = None                   # the library's "use n threads" call, if any

    @classmethod
    def load(cls, path: str, name: str, symbol: str = "cblas_{}gemm",
             index: type = ctypes.c_int) -> Cblas:
        """Open the library at ``path`` and bind its s/d GEMM (``symbol`` with "s" or "d";
        ``index`` is its integer type: c_int, or c_int64 for ILP64 builds). Raise OSError or
        AttributeError if the library or a symbol is missing."""
        lib = ctypes.CDLL(path)
        gemm = {}
        for letter, real, dtype in (("s", ctypes.c_float, np.float32),
                                    ("d", ctypes.c_double, np.float64)):
            fn = getattr(lib, symbol.format(letter))
            fn.restype = None
            fn.argtypes = [ctypes.c_int] * 3 + [index] * 3 + [
                real, ctypes.c_void_p, index, ctypes.c_void_p, index,
                real, ctypes.c_void_p, index]
            gemm[np.dtype(dtype)] = (fn, real)
        threads = getattr(lib, "MKL_Set_Num_Threads", None)
        if threads is not None:
            threads.restype = None
            threads.argtypes = [ctypes.c_int]
        return cls(name, gemm, threads)


def _operand(a: np.ndarray) -> tuple[int, int] | None:
    """Return (transpose flag, leading dimension) for a 2-D array BLAS can read in place, or
    None. A C-ordered array (rows may be a longer stride apart, e.g. Θ[:, 1:]) is read as is;
    the transpose of one (e.g. X.T) is read transposed."""
    item = a.itemsize
    s0, s1 = a.strides
    rows, cols = a.shape
    if s1 == item and s0 % item == 0 and s0 >= max(1, cols) * item:
        return NO_TRANS, s0 // item
    if s0 == item and s1 % item == 0 and s1 >= max(1, rows) * item:
        return TRANS, s1 // item
    return None


def gemm_into(lib: Cblas, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> bool:
    """Write a·b into ``out`` with ``lib`` and return True, or return False (nothing written)
    if the arrays are not float32/float64 matrices of one dtype and matching shapes that BLAS
    can use in place, or if ``out`` overlaps an operand."""
    if a.ndim != 2 or b.ndim != 2 or out.ndim != 2:
        return False
    entry = lib.gemm.get(out.dtype)
    if entry is None or a.dtype != out.dtype or b.dtype != out.dtype:
        return False
    (m, k), (k2, n) = a.shape, b.shape
    if k != k2 or out.shape != (m, n) or 0 in (m, n, k):
        return False
    op_a, op_b, op_c = _operand(a), _operand(b), _operand(out)
    if op_a is None or op_b is None or op_c is None or op_c[0] != NO_TRANS:
        return False
    if not out.flags.writeable or np.may_share_memory(out, a) or np.may_share_memory(out, b):
        return False
    fn, real = entry
    fn(ROW_MAJOR, op_a[0], op_b[0], m, n, k, real(1.0), a.ctypes.data, op_a[1],
       b.ctypes.data, op_b[1], real(0.0), out.ctypes.data, op_c[1])
    return True


def find_mkl() -> Cblas | None:
    """Return MKL's CBLAS if the ``mkl`` package (or a system MKL) is installed, else None."""
    candidates = sorted(glob.glob(os.path.join(sys.prefix, "lib", "libmkl_rt.so*")))
    found = ctypes.util.find_library("mkl_rt")
    if found:
        candidates.append(found)
    for path in candidates:
        try:
            return Cblas.load(path, "MKL " + Path(path).name, index=_mkl_index(path))
        except (OSError, AttributeError):
            continue
    return None


def _mkl_index(path: str) -> type:
    """Return the integer type MKL's CBLAS at ``path`` takes for sizes. Its single library picks
    LP64 (32-bit) or ILP64 (64-bit) once, from MKL_INTERFACE_LAYER unless told before its first
    call: ask for LP64, and use what it answers (ILP64 if something else fixed it first)."""
    set_layer = getattr(ctypes.CDLL(path), "MKL_Set_Interface_Layer", None)
    if set_layer is None:
        return ctypes.c_int
    set_layer.restype, set_layer.argtypes = ctypes.c_int, [ctypes.c_int]
    layer = set_layer(0)          # MKL_INTERFACE_LP64; the answer adds 1 for ILP64, 2 for GNU
    return ctypes.c_int64 if layer >= 0 and layer & 1 else ctypes.c_int


def numpy_openblas() -> Cblas | None:
    """Return the OpenBLAS bundled with numpy's wheels through the same ctypes binding (the
    tests use it to check ``gemm_into`` on any machine), or None if numpy has none."""
    libs = Path(np.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libs.glob("libscipy_openblas64_*.so")):
        try:
            return Cblas.load(str(path), "numpy's OpenBLAS", "scipy_cblas_{}gemm64_",
                              ctypes.c_int64)
        except (OSError, AttributeError):
            continue
    return None


def _choose() -> Cblas | None:
    if os.environ.get("BACKPROP_BLAS", "auto").strip().lower() == "numpy":
        return None
    return find_mkl()


backend: Cblas | None = _choose()


def name() -> str:
    """Return which library does the large products ("numpy" or the CBLAS's name)."""
    return "numpy" if backend is None else backend.name


def library_for(dtype: np.dtype) -> Cblas | None:
    """Return the library large products of ``dtype`` go to (None: numpy's matmul)."""
    return backend if np.dtype(dtype) == _MKL_DTYPE else None


def matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Write a·b into ``out`` (as ``np.matmul(a, b, out=out)``) and return ``out``."""
    lib = backend
    # Cheapest tests first: the small networks' products pass here thousands of times a second.
    if lib is None or out.dtype != _MKL_DTYPE or out.size * a.shape[-1] < MIN_WORK \
            or not gemm_into(lib, a, b, out):
        np.matmul(a, b, out=out)
    return out


def set_threads(n: int) -> None:
    """Let the library use ``n`` threads (MKL reads MKL_NUM_THREADS only when it loads)."""
    fn = None if backend is None else backend.set_threads
    if fn is not None:
        fn(int(n))
