"""``Tensor``: a strided view of a flat NumPy storage.

A tensor is four things: ``_storage`` (a 1-D NumPy array, shared by all views of it),
``_shape``, ``_strides`` (in elements) and ``_offset`` (where element 0 sits).  Every
kernel works on ``self._array()``, the NumPy view with exactly that layout, so writing
through any view writes the shared storage, as in PyTorch.
"""

import numpy as np

from . import dtypes
from .size import Size
from .ops.methods import OperationMethods
from .strides import contiguous_strides


class Tensor(OperationMethods):
    def __init__(self, storage, shape, strides, offset=0):
        self._storage = storage
        self._shape = tuple(shape)
        self._strides = tuple(strides)
        self._offset = offset

    # -- building tensors from NumPy arrays (the one way kernels return results) --------
    @classmethod
    def _from_array(cls, array):
        """A new tensor owning a fresh contiguous copy of ``array``."""
        array = np.array(array, copy=True, order="C")
        return cls(array.reshape(-1), array.shape, contiguous_strides(array.shape), 0)

    def _array(self):
        """The NumPy view of this tensor's elements (shares memory with the storage)."""
        itemsize = self._storage.itemsize
        return np.lib.stride_tricks.as_strided(
            self._storage[self._offset:] if self._storage.size else self._storage,
            shape=self._shape,
            strides=tuple(s * itemsize for s in self._strides),
            writeable=True,
        )

    def _view(self, shape, strides, offset=None):
        """Another tensor over the same storage (the building block of every view)."""
        return type(self)(self._storage, shape, strides, self._offset if offset is None else offset)

    # -- attributes ---------------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._shape)

    def size(self, dim=None):
        return self.shape if dim is None else self._shape[dim]

    def stride(self, dim=None):
        return self._strides if dim is None else self._strides[dim]

    def storage_offset(self):
        return self._offset

    def dim(self):
        return len(self._shape)

    @property
    def ndim(self):
        return self.dim()

    def numel(self):
        return Size(self._shape).numel()

    @property
    def dtype(self):
        return dtypes.from_numpy(self._storage.dtype)

    def data_ptr(self):
        """Address of element 0, so students can *see* that views share memory."""
        return self._storage.__array_interface__["data"][0] + self._offset * self._storage.itemsize

    def numpy(self):
        return self._array()
