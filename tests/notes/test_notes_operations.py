"""Lesson 04: the lecture notes' operation examples print the same with minitorch as with
PyTorch (arithmetic, clamp, max(dim), out=, in-place, mm/matmul/dot, softmax, one_hot,
cartesian_prod, svd, broadcasting, gather, and the d2l memory examples).

Where a note's printed output is wrong, PyTorch's output is what is compared: note 03
prints ``[[4, 7], [7, 13]]`` for ``[[1, 2]] + [[3], [5]]``; PyTorch (and minitorch) print
``[[4., 5.], [6., 7.]]``.
"""

import pytest

import minitorch
from harness import Snippet, compare, missing_features

SNIPPETS = [
    # -- 01-pytorch-basics.md ---------------------------------------------------------------
    Snippet("ops-01-arithmetic", '''
import numpy as np
n1 = np.arange(10).reshape(2, 5)
n2 = np.arange(10).reshape(5, 2)
t1 = torch.FloatTensor(n1)
t2 = torch.FloatTensor(n2)
t1 + t1
t1 - t1
t1 + 10
t1.mm(t2)
t1.matmul(t2)
'''),
    Snippet("ops-01-dot-of-matrices", '''
import numpy as np
t1 = torch.FloatTensor(np.arange(10).reshape(2, 5))
t2 = torch.FloatTensor(np.arange(10).reshape(5, 2))
t1.dot(t2)
''', raises="RuntimeError"),
    Snippet("ops-01-mm-does-not-broadcast", '''
a = torch.rand(5, 2, 3)
b = torch.rand(3)
a.mm(b)
''', raises="RuntimeError",
       note="the note shows a NameError; PyTorch says 'self must be a matrix'"),
    Snippet("ops-01-matmul-broadcasts", '''
a = torch.rand(5, 2, 3)
b = torch.rand(3)
a.matmul(b)
a[0].mm(torch.unsqueeze(b, 1))
a[4].mm(torch.unsqueeze(b, 1))
'''),
    Snippet("ops-01-softmax", '''
import torch.nn.functional as F
tensor = torch.FloatTensor([0.5, 0.7, 0.1])
h_tensor = F.softmax(tensor, dim = 0)
h_tensor
'''),
    Snippet("ops-01-argmax-one-hot", '''
import torch.nn.functional as F
y = torch.randint(5, (10, 5))
y_label = y.argmax(dim = 1)
F.one_hot(y_label)
'''),
    Snippet("ops-01-cartesian-prod", '''
import itertools
a = [1, 2, 3]
b = [4, 5]
list(itertools.product(a, b))
tensor_a = torch.tensor(a)
tensor_b = torch.tensor(b)
torch.cartesian_prod(tensor_a, tensor_b)
'''),
    # -- 02-pytorch-tutorial-notes.md -------------------------------------------------------
    Snippet("ops-02-math-and-aggregates", '''
a = torch.randn(1,2) * 2 - 1
a
torch.abs(a)
torch.ceil(a)
torch.floor(a)
torch.min(a)
torch.max(a)
torch.mean(a)
torch.std(a)
torch.prod(a)
torch.unique(torch.tensor([1,2,3,1,2,1]))
torch.clamp(a, -0.5, 0.5)
'''),
    Snippet("ops-02-clamp", '''
b = torch.randn(2,3) * 2 - 1
b
torch.clamp(b, -0.2, 0.2)
'''),
    Snippet("ops-02-max-with-dim", '''
x = torch.rand(2,2)
x
x.max(dim=0)
x.max(dim=1)
'''),
    Snippet("ops-02-out-argument", '''
x = torch.rand(2,2)
y = torch.rand(2,2)
result = torch.empty(2,4)
print(result)
torch.add(x, y, out = result)
print(result)
'''),
    Snippet("ops-02-add-sub", '''
x = torch.rand(2,2)
y = torch.rand(2,2)
print(x+y)
print(torch.add(x,y))
print(x-y)
print(torch.sub(x,y))
'''),
    Snippet("ops-02-in-place", '''
x = torch.rand(2,2)
y = torch.rand(2,2)
x
y
print(x+y)
y.add_(x)
y
print(x * y)
print(torch.mul(x,y))
print(x.mul(y))
print(x / y)
print(torch.div(x,y))
print(x.div(y))
'''),
    Snippet("ops-02-matmul-mm-svd", '''
x = torch.randn(1,2)
y = torch.randn(2,3)
print(torch.matmul(x,y))
print(torch.mm(x,y))
z = torch.mm(x,y)
print(torch.svd(z))
'''),
    # -- 03-tensor-shapes-and-sgd.md (the note's printed result is wrong, see above) -------
    Snippet("ops-03-tensor-plus-vector", '''
x = torch.FloatTensor([[1, 2]])
y = torch.FloatTensor([[3],
                       [5]])
print(x.size())
print(y.size())
z = x + y
print(z)
print(z.size())
'''),
    Snippet("ops-03-tensor-plus-vector-3d", '''
x = torch.FloatTensor([[[1, 2]]])
y = torch.FloatTensor([3,
                       5])
z = x + y
print(z)
print(z.size())
'''),
    # -- 04-d2l-data-manipulation.md --------------------------------------------------------
    Snippet("ops-04-elementwise", '''
x = torch.tensor([1, 2, 4, 8], dtype=torch.float32)
y = torch.ones_like(x) * 2
print('x =', x)
print('x + y', x + y)
print('x - y', x - y)
print('x * y', x * y)
print('x / y', x / y)
torch.exp(x)
'''),
    Snippet("ops-04-mm-matmul", '''
x = torch.arange(12, dtype=torch.float32).reshape((3, 4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
print(torch.mm(x, y.t()))
print(torch.matmul(x, y.t()))
print((x*y).shape)
s = torch.tensor([[60, 30, 10, 30], [10, 20, 30, 40], [40, 30, 20, 10], [40, 30, 20, 10],[40, 30, 20, 10]], dtype=torch.float32)
weight = torch.tensor([[0.3, 0.3, 0.2, 0.2]], dtype=torch.float32)
print(torch.mm(s, weight.t()))
s.sum(dim=1)
s.sum(dim=0)
'''),
    Snippet("ops-04-dot-of-flattened", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
x = torch.flatten(x)
y = torch.flatten(y)
print(f"torch.dot:{torch.dot(x,y)}")
'''),
    Snippet("ops-04-comparison-sum-norm", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
x == y
z = y
print(z == y)
x.sum()
print( x.norm().item() )
'''),
    Snippet("ops-04-broadcasting", '''
a = torch.arange(3, dtype=torch.float).reshape((3, 1))
b = torch.arange(2, dtype=torch.float).reshape((1, 2))
a, b
a + b
'''),
    Snippet("ops-04-saving-memory", '''
x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], dtype=torch.float32)
before = id(y)
y = y + x
id(y) == before
z = torch.zeros_like(y)
before = id(z)
z[:] = x + y
id(z) == before
torch.add(x, y, out=z)
id(z) == before
before = id(x)
x += y
id(x) == before
x
'''),
    # -- 05-gather.md: the note describes torch.gather; these are its two cases ---------------
    Snippet("ops-05-gather-2d", '''
t = torch.tensor([[1, 2], [3, 4]])
torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]]))
torch.gather(t, 0, torch.tensor([[0, 0], [1, 0]]))
t.gather(1, torch.tensor([[1], [0]]))
'''),
    Snippet("ops-05-gather-3d-diagonals", '''
A = torch.arange(18).reshape(2, 3, 3)
index = torch.arange(3).expand(2, 3).unsqueeze(2)
output = torch.gather(A, 2, index).squeeze(2)
output
output.shape
'''),
]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_operation_snippet_prints_like_torch(torch, snippet):
    missing = missing_features(minitorch, snippet.requires)
    if missing:
        pytest.skip(f"minitorch does not have {', '.join(missing)} yet")
    expected, got = compare(snippet, torch, minitorch)
    assert got == expected
