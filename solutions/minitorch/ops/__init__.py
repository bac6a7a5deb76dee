"""Operations on tensors (lesson 04): elementwise math with type promotion and
broadcasting, reductions, in-place updates and matrix products.  Everything here is a
NumPy kernel on ``Tensor._array()``; ``methods.py`` binds them to ``Tensor``."""

__all__ = []
