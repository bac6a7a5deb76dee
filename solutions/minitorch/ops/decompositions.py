"""Singular value decomposition ``A = U diag(S) Vh`` (``torch.svd``, ``torch.linalg.svd``).

NumPy's LAPACK does the work; signs of singular vectors may differ from PyTorch's, which
the decomposition allows (``U[:, k]`` and ``V[:, k]`` may flip together).
"""

import numpy as np

from . import return_types
from .elementwise import check_tensor
from .promotion import scalar_type_name
from .result import make_result


def _decompose(A, full_matrices):
    if not A.dtype.is_floating_point:
        raise RuntimeError("linalg.svd: Expected a floating point or complex tensor as input. "
                           f"Got {scalar_type_name(A.dtype)}")
    if A.dim() < 2:
        raise RuntimeError("linalg.svd: The input tensor A must have at least 2 dimensions.")
    array = A._array()
    compute = np.float32 if array.dtype == np.float16 else array.dtype
    u, s, vh = np.linalg.svd(array.astype(compute), full_matrices=full_matrices)
    return u, s, vh


def linalg_svd(A, full_matrices=True):
    """``torch.linalg.svd``: ``(U, S, Vh)`` with ``A = U @ diag(S) @ Vh``."""
    check_tensor("linalg_svd", A, "A")
    u, s, vh = _decompose(A, full_matrices)
    return return_types.linalg_svd(*(make_result(part, (A,), "LinalgSvdBackward0")
                                     for part in (u, s, vh)))


def svd(input, some=True, compute_uv=True):
    """``torch.svd``: ``(U, S, V)`` with ``A = U @ diag(S) @ V.T`` (V, not its transpose)."""
    check_tensor("svd", input)
    u, s, vh = _decompose(input, full_matrices=not some)
    v = np.swapaxes(vh, -1, -2)
    if not compute_uv:  # PyTorch then returns zero-filled (m, m) and (n, n) matrices
        m, n = input.shape[-2], input.shape[-1]
        u = np.zeros(input.shape[:-2] + (m, m), u.dtype)
        v = np.zeros(input.shape[:-2] + (n, n), v.dtype)
    return return_types.svd(*(make_result(part, (input,), "LinalgSvdBackward0")
                              for part in (u, s, v)))
