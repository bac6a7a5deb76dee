"""Code examples of lecture note 04-d2l-data-manipulation.md (tensor core topics:
arange/reshape, constructors, cat, indexing and slicing, item, NumPy conversion),
without their printed output."""

from harness import Snippet

NOTE = "04-d2l-data-manipulation.md"

SNIPPETS = [
    Snippet("04-arange", '''
x = torch.arange(12, dtype=torch.float64)
x
x.shape
x.size()
'''),
    Snippet("04-reshape", '''
x = torch.arange(12, dtype=torch.float64)
x = x.reshape((3, 2, 2))
x
x = torch.arange(12, dtype=torch.float64)
x.reshape((-1,4))
x.reshape((3,2,-1))
x.reshape((3,-1))
'''),
    Snippet("04-uninitialised", '''
x=torch.FloatTensor(2, 3)
print(x)
x.dtype
torch.Tensor(2, 3)
torch.empty(2, 3)
'''),
    Snippet("04-zeros-ones-tensor-randn", '''
torch.zeros((2, 3, 4))
torch.ones((2, 3, 4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
y
torch.randn(3, 4)
'''),
    Snippet("04-transpose-shapes", '''
y = torch.tensor([[1, 2, 3, 4], [4, 3, 2, 1], [4, 3, 2, 1]], dtype=torch.float32)
x = torch.arange(12, dtype=torch.float32).reshape((3, 4))
print(x.dtype)
print(x)
print(y)
print((y).shape)
print(y.t())
print((y.t()).shape)
y.shape
'''),
    Snippet("04-np-dot-on-tensors", '''
import numpy as np
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
print("np.dot:")
print(np.dot(x,y.t()))
x = torch.flatten(x)
y = torch.flatten(y)
x.shape, y.shape
x = torch.tensor([[1, 2, 3]], dtype=torch.float32)
y = torch.tensor([[0, 1, 2]], dtype=torch.float32)
print(np.dot(x, y.t()))
'''),
    Snippet("04-cat", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
z=torch.cat((x, y), dim=0)
print(z)
print(z.shape)
z=torch.cat((x, y), dim=1)
print(z)
print(z.shape)
'''),
    Snippet("04-cat-size-mismatch", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4]], dtype=torch.float32)
print(x)
print(x.shape,"\\n")
print(y)
print(y.shape,"\\n")
z=torch.cat((x, y), dim=0)
print(z)
print(z.shape,"\\n")
z=torch.cat((x, y), dim=1)
''', raises="RuntimeError"),
    Snippet("04-tuple-display", '''
a = torch.arange(3, dtype=torch.float).reshape((3, 1))
b = torch.arange(2, dtype=torch.float).reshape((1, 2))
a, b
'''),
    Snippet("04-indexing-and-writing", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
x[-1]
x[1:3]
x[1, 2] = 9
x
x[0:2, :] = 12
x
'''),
    Snippet("04-item", '''
x = torch.tensor([3.5])
x.item()
float(x), int(x)
'''),
    Snippet("04-numpy-conversion", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
a = x.numpy()
print(type(a))
b = torch.tensor(a)
print(type(b))
a[0, 0] = 100
b[0, 0]
x[0, 0]
'''),
    Snippet("04-saving-memory", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
before = id(y)
y = y + x
id(y) == before
z = torch.zeros_like(y)
before = id(z)
z[:] = x + y
id(z) == before
z
before = id(x)
x += y
id(x) == before
x
''', requires=("Tensor.__add__", "Tensor.__iadd__")),
]
