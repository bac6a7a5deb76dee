"""Code examples of lecture note 01-pytorch-basics.md (tensor core topics), without
their printed output.  Lesson-04+ examples (arithmetic, mm, softmax, autograd) are added
by their owners; ``requires`` names what a snippet needs beyond the tensor core."""

from harness import Snippet

NOTE = "01-pytorch-basics.md"

SNIPPETS = [
    Snippet("01-ndarray-vs-tensor", '''
import numpy as np

n_array = np.arange(10).reshape(2, 5)
print(n_array)
print("ndim :", n_array.ndim, "shape :", n_array.shape)

import torch

t_array = torch.FloatTensor(n_array)
print(t_array)
print("ndim :", t_array.ndim, "shape :", t_array.shape)
'''),
    Snippet("01-array-to-tensor", '''
data = [[3, 5], [10, 5]]
x_data = torch.tensor(data)
x_data

nd_array_ex = np.array(data)
tensor_array = torch.from_numpy(nd_array_ex)
tensor_array
# the note ran on Windows, where NumPy's default integer was int32:
torch.from_numpy(nd_array_ex.astype(np.int32))
'''),
    Snippet("01-numpy-like-slicing", '''
data = [[3, 5, 20], [10, 5, 50], [1, 5, 10]]
x_data = torch.tensor(data)

x_data[1:]
x_data[:2, 1:]
x_data.flatten()
torch.ones_like(x_data)
x_data.numpy()
x_data.shape
x_data.dtype
'''),
    Snippet("01-view-shares-memory", '''
z = torch.zeros(3, 2)
x = z.view(2, 3)
z.fill_(1)
x
''', requires=("Tensor.fill_",)),
    Snippet("01-view-of-transpose-fails", '''
z = torch.zeros(3, 2)
y = z.t()
y.size()
y.view(6)
''', raises="RuntimeError",
       note="the note shows PyTorch 1.x's text ('Call .contiguous() before .view()'); "
            "PyTorch 2 says 'Use .reshape(...) instead.'"),
    Snippet("01-reshape-copies-when-needed", '''
z = torch.zeros(3, 2)
y = z.reshape(6)
x = z.t().reshape(6)

z.fill_(1)
y
x
''', requires=("Tensor.fill_",)),
    Snippet("01-view-shares-memory-by-indexing", '''
z = torch.zeros(3, 2)
x = z.view(2, 3)
y = z.reshape(6)
w = z.t().reshape(6)
z[:] = 1
x
y
w
'''),
    Snippet("01-squeeze", '''
tensor_ex = torch.rand(size=(2, 1, 2))
tensor_ex
print(tensor_ex.squeeze())
print(tensor_ex.squeeze().shape)
'''),
    Snippet("01-unsqueeze", '''
tensor_ex = torch.rand(size=(2, 2))

tensor_ex.unsqueeze(0).shape
tensor_ex.unsqueeze(1).shape
tensor_ex.unsqueeze(2).shape
'''),
    Snippet("01-unsqueeze-function", '''
b = torch.rand(3)
torch.unsqueeze(b, 1)
'''),
]
