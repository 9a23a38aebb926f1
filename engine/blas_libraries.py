"""The BLAS libraries ``engine.blas`` can route a product to, reached through ctypes: MKL (the
optional ``mkl`` package) and numpy's own bundled OpenBLAS (for its thread count), with the
operand layouts their row-major GEMM reads in place.

Only the standard library and numpy are used here: no Qt, no compiled extension of our own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROW_MAJOR, NO_TRANS, TRANS = 101, 111, 112


@dataclass(frozen=True)
class Cblas:
    """A CBLAS library's sgemm and dgemm, ready to call with row-major numpy arrays."""

    name: str
    gemm: dict[np.dtype, tuple[object, type]]   # dtype → (C function, its real type)
    set_threads: object = None                   # the library's "use n threads" call, if any
    # The calling thread's own count, which overrides the global one on that thread (MKL's
    # MKL_Set_Num_Threads_Local, which threadpoolctl calls); returns the thread's previous
    # count, 0 meaning "the global one". None if the library has no such call.
    set_local_threads: object = None

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
        local = getattr(lib, "MKL_Set_Num_Threads_Local", None)
        if local is not None:
            local.restype = ctypes.c_int
            local.argtypes = [ctypes.c_int]
        return cls(name, gemm, threads, local)


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


def plan(lib: Cblas, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> tuple | None:
    """Return the arguments of ``lib``'s GEMM for a·b → ``out``, or None if the arrays are not
    float32/float64 matrices of one dtype and matching shapes that BLAS can use in place, or if
    ``out`` overlaps an operand."""
    if a.ndim != 2 or b.ndim != 2 or out.ndim != 2:
        return None
    entry = lib.gemm.get(out.dtype)
    if entry is None or a.dtype != out.dtype or b.dtype != out.dtype:
        return None
    (m, k), (k2, n) = a.shape, b.shape
    if k != k2 or out.shape != (m, n) or 0 in (m, n, k):
        return None
    op_a, op_b, op_c = _operand(a), _operand(b), _operand(out)
    if op_a is None or op_b is None or op_c is None or op_c[0] != NO_TRANS:
        return None
    if not out.flags.writeable or np.may_share_memory(out, a) or np.may_share_memory(out, b):
        return None
    fn, real = entry
    return fn, (ROW_MAJOR, op_a[0], op_b[0], m, n, k, real(1.0), a.ctypes.data, op_a[1],
                b.ctypes.data, op_b[1], real(0.0), out.ctypes.data, op_c[1])


def gemm_into(lib: Cblas, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> bool:
    """Write a·b into ``out`` with ``lib`` and return True, or return False (nothing written)
    if ``lib`` cannot take these arrays in place (see ``plan``)."""
    call = plan(lib, a, b, out)
    if call is None:
        return False
    fn, args = call
    fn(*args)
    return True


def find_mkl() -> Cblas | None:
    """Return MKL's CBLAS if the ``mkl`` package (or a system MKL) is installed, else None.
    Its OpenMP workers are told not to spin after a call (see the module docstring)."""
    candidates = sorted(glob.glob(os.path.join(sys.prefix, "lib", "libmkl_rt.so*")))
    found = ctypes.util.find_library("mkl_rt")
    if found:
        candidates.append(found)
    for path in candidates:
        try:
            os.environ.setdefault("KMP_BLOCKTIME", "0")   # read when Intel OpenMP starts
            lib = Cblas.load(path, "MKL " + Path(path).name, index=_mkl_index(path))
        except (OSError, AttributeError):
            continue
        _no_spin(Path(path).parent)
        return lib
    return None


def _no_spin(folder: Path) -> None:
    """Make Intel OpenMP's workers sleep right after each parallel region, in case the runtime
    was started before KMP_BLOCKTIME could be set (it then ignores the variable)."""
    if os.environ.get("KMP_BLOCKTIME") != "0":
        return                                      # the user chose a block time: keep it
    for path in [*sorted(folder.glob("libiomp5.so*")), "libiomp5.so"]:
        try:
            ctypes.CDLL(str(path)).kmp_set_blocktime(ctypes.c_int(0))
            return
        except (OSError, AttributeError):
            continue


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


def _numpy_openblas_paths() -> list[Path]:
    libs = Path(np.__file__).resolve().parent.parent / "numpy.libs"
    return sorted(libs.glob("lib*openblas*.so*"))


def numpy_openblas() -> Cblas | None:
    """Return the OpenBLAS bundled with numpy's wheels through the same ctypes binding (the
    tests use it to check ``gemm_into`` on any machine), or None if numpy has none."""
    for path in _numpy_openblas_paths():
        try:
            return Cblas.load(str(path), "numpy's OpenBLAS", "scipy_cblas_{}gemm64_",
                              ctypes.c_int64)
        except (OSError, AttributeError):
            continue
    return None


@dataclass(frozen=True)
class Threads:
    """A library's thread count, read and set through its own C functions."""

    get: Callable[[], int]
    set: Callable[[int], None]


def numpy_openblas_threads() -> Threads | None:
    """Return the thread control of the OpenBLAS numpy uses (the one threadpoolctl calls
    "openblas"), or None if numpy's wheel has none we can reach."""
    names = (("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
             ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
             ("openblas_get_num_threads", "openblas_set_num_threads"))
    for path in _numpy_openblas_paths():
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for get_name, set_name in names:
            get, put = getattr(lib, get_name, None), getattr(lib, set_name, None)
            if get is not None and put is not None:
                get.restype, get.argtypes = ctypes.c_int, []
                put.restype, put.argtypes = None, [ctypes.c_int]
                return Threads(get, put)
    return None
