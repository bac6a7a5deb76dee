"""``Size``: the tuple PyTorch returns for shapes, printed as ``torch.Size([2, 3])``.

We print it exactly like PyTorch so that code from the lecture notes, run with
``import minitorch as torch``, shows the same text.
"""


class Size(tuple):
    def __repr__(self):
        return f"torch.Size({list(self)})"

    __str__ = __repr__

    def numel(self) -> int:
        count = 1
        for size in self:
            count *= size
        return count

    def __getitem__(self, key):
        found = super().__getitem__(key)
        return Size(found) if isinstance(key, slice) else found

    def __add__(self, other):
        return Size(tuple(self) + tuple(other))
