"""Code examples of lecture note 02-pytorch-tutorial-notes.md (tensor core topics:
creation, attributes, CUDA check, indexing, view, item, squeeze/unsqueeze,
stack/cat/chunk/split, NumPy interop), without their printed output.  Cells that build
on earlier cells repeat the lines they need."""

from harness import Snippet

NOTE = "02-pytorch-tutorial-notes.md"

SNIPPETS = [
    Snippet("02-from-data", '''
data = [[1,2], [3,4]]
x_data = torch.tensor(data)
x_data
'''),
    Snippet("02-from-numpy", '''
import numpy as np
data = [[1,2], [3,4]]
np_array = np.array(data, dtype=np.int32)  # the note's Windows default integer
print(np_array)
print(np_array.dtype)
x_np = torch.from_numpy(np_array)
print(x_np)
print(x_np.dtype)
'''),
    Snippet("02-from-other-tensors", '''
x_data = torch.tensor([[1,2], [3,4]])
x_ones = torch.ones_like(x_data)
print(f'Ones Tensor: \\n {x_ones} \\n')
print(x_ones.dtype)
x_rand = torch.rand_like(x_data, dtype = torch.float)
print(f'Random Tensor: \\n {x_rand} \\n')
print(x_rand.dtype)
'''),
    Snippet("02-random-or-constant", '''
shape = (2,3)
rand_tensor = torch.rand(shape)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)

print(rand_tensor)
print(ones_tensor)
print(zeros_tensor)
'''),
    Snippet("02-size", '''
x = torch.tensor([3, 2.3])
x.size()
x_data = torch.tensor([[1,2], [3,4]])
x_data
x_data.size()
'''),
    Snippet("02-new-ones-randn-like", '''
x = torch.tensor([3, 2.3])
print(x)
x = x.new_ones(2, 4, dtype = torch.double)
print(x)
x = torch.randn_like(x, dtype = torch.float)
x
x = torch.randn(5)
x
'''),
    Snippet("02-cuda-device", '''
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
print(device)
'''),
    Snippet("02-attributes", '''
t = torch.rand(3,4)
t.shape
t.dtype
t.device
'''),
    Snippet("02-indexing-slicing", '''
x = torch.Tensor([[1,2],
                  [3,4]])
x
print(x[0,0])
print(x[0,1])
print(x[1,0])
print(x[1,1])

print(x[:,0])
print(x[:,1])
print(x[0,:])
print(x[1,:])
'''),
    Snippet("02-shape-size-dim", '''
x = torch.randn(4,5)
x
x.shape
x.size()
x = torch.FloatTensor([
    [1,2],
    [3,4],
    [5,6],
    [7,8]
])
x
x.size()
x.shape
x.dim()
x.size(dim = 0)
x.shape[0]
'''),
    Snippet("02-view", '''
x = torch.randn(4,5)
x
y = x.view(5,-1)
y
'''),
    Snippet("02-item", '''
a = torch.randn(1)
print(a)
print(a.item())
print(a.dtype)
'''),
    Snippet("02-item-of-two-elements", '''
a = torch.randn(2)
print(a)
print(a.item())
''', raises="RuntimeError",
       note="the note shows PyTorch 1.13's ValueError; PyTorch 2 raises RuntimeError: "
            "'a Tensor with 2 elements cannot be converted to Scalar'"),
    Snippet("02-squeeze", '''
tensor = torch.rand(1,3,3)
tensor
tensor.shape
tensor.size()
t = tensor.squeeze()
t
t.shape
'''),
    Snippet("02-unsqueeze", '''
t = torch.rand(3,3)
t
t.shape
t1 = t.unsqueeze(dim=0)
t1.shape
t2 = t.unsqueeze(dim=1)
t2.shape
t3 = t.unsqueeze(dim=2)
t3.shape
'''),
    Snippet("02-stack", '''
x = torch.FloatTensor([1,4])
x
y = torch.FloatTensor([2,5])
y
z = torch.FloatTensor([3,6])
z
torch.stack([x,y,z])
torch.stack([x,y,z], dim=1)
'''),
    Snippet("02-cat-dim0", '''
a = torch.randn(1,3,3)
print(a)
b = torch.randn(1,3,3)
print(b)
c = torch.cat((a,b), dim = 0)
print(c)
print(c.shape)
'''),
    Snippet("02-cat-dim1", '''
a = torch.randn(1,3,3)
print(a)
b = torch.randn(1,3,3)
print(b)
c = torch.cat((a,b), dim = 1)
print(c)
print(c.shape)
'''),
    Snippet("02-cat-scientific-notation", '''
a = torch.tensor([[[-1.1733e-03, -4.3239e-01, -1.3567e+00],
                   [ 3.0471e+00, -4.4636e-03,  2.2223e+00],
                   [-1.9951e+00, -9.5557e-02,  5.6744e-01]]])
b = torch.tensor([[[ 1.7928, -0.4607, -1.4824],
                   [-1.0256,  1.5199, -0.5202],
                   [ 0.5470,  1.2833, -0.9503]]])
print(a)
print(b)
print(torch.cat((a,b), dim = 1))
'''),
    Snippet("02-chunk", '''
t = torch.rand(3,6)
t
t1, t2, t3 = torch.chunk(t, 3, dim = 1)
print(t1)
print(t2)
print(t3)
t1, t2, t3 = torch.chunk(t, 3, dim = 0)
print(t1)
print(t2)
print(t3)
'''),
    Snippet("02-split", '''
tensor = torch.rand(3,6)
t1, t2, t3 = torch.split(tensor, 2, dim = 1)

print(tensor)
print(t1)
print(t2)
print(t3)

t1, t2 = torch.split(tensor, 3, dim = 1)

print(tensor)
print(t1)
print(t2)
'''),
    Snippet("02-tensor-to-numpy", '''
a = torch.ones(7)
a
b = a.numpy()
print(b)
print(type(b))
c = torch.from_numpy(b)
print(c)
print(type(c))
'''),
    Snippet("02-numpy-shares-memory-add", '''
a = torch.ones(7)
b = a.numpy()
a.add_(1)
print(a)
print(type(a))
print(b)
print(type(b))
''', requires=("Tensor.add_",)),
    Snippet("02-numpy-shares-memory", '''
a = torch.ones(7)
b = a.numpy()
a[:] = 2
print(a)
print(b)
'''),
    Snippet("02-from-numpy-shares-memory", '''
import numpy as np

a = np.ones(7)
print(a)
b = torch.from_numpy(a)
np.add(a, 1, out = a)
print(a)
print(b)
b = b.numpy()
np.add(b, 2, out = b)
'''),
]
