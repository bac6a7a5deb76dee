"""``minitorch.linalg``: linear algebra with PyTorch's names (``torch.linalg.svd`` ...)."""

from .ops.decompositions import linalg_svd as svd
from .ops.products import matmul
from .ops.reductions import norm

__all__ = ["svd", "matmul", "vector_norm"]


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):
    """``(sum |x|**ord) ** (1/ord)`` over ``dim`` (all elements by default)."""
    return norm(x, ord, dim, keepdim, dtype)
