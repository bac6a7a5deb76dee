"""The operator and method half of ``Tensor`` (``a + b``, ``a.sum()``, ``a @ b`` ...).

``Tensor`` inherits from ``OperationMethods`` so that ``tensor.py`` stays about storage
and views while the math lives here; each method is one hop to its kernel.
"""


class OperationMethods:
    pass
