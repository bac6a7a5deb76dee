"""``nn.Parameter``: a tensor that a ``Module`` lists among its ``parameters()``.

It shares the memory of the tensor it wraps and requires grad by default.  Only the
parameter object itself is special: its views, copies and ``detach()`` are plain tensors,
as in PyTorch.
"""

from ..creation import empty
from ..tensor import Tensor


class Parameter(Tensor):
    __module__ = "minitorch.nn"

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            data = empty(0)
        made = object.__new__(cls)
        made._adopt(data._storage, data._shape, data._strides, data._offset)
        if requires_grad and not data.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require "
                               "gradients")
        made.requires_grad = requires_grad
        return made

    def __init__(self, data=None, requires_grad=True):
        pass  # everything happened in __new__ (Tensor.__init__ would build a new tensor)

    @classmethod
    def _make(cls, storage, shape, strides, offset=0):
        """Views of a parameter are ordinary tensors."""
        return Tensor._make(storage, shape, strides, offset)

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__

    def __reduce_ex__(self, protocol):  # copy.deepcopy(model) and pickling
        return Parameter, (self.detach().clone(), self.requires_grad)
