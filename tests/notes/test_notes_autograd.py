"""The autograd examples of the lecture notes print the same with minitorch as with PyTorch:
01-pytorch-basics.md (end: ``w**2`` and the ``Q = 3a^3 - b^2`` example) and
02-pytorch-tutorial-notes.md (end: ``requires_grad``, ``requires_grad_``, ``detach``)."""

import pytest

import minitorch
from harness import Snippet, compare

SNIPPETS = [
    Snippet("01-autograd-w-squared", '''
w = torch.tensor(2.0, requires_grad  = True)
y = w**2
z = 10*y + 25
z.backward()
w.grad
'''),
    Snippet("01-autograd-external-grad", '''
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)

Q = 3*a**3 - b**2
external_grad = torch.tensor([1., 1.]) # 미분을 해서 알아내고 싶은 값의 수 만큼.
Q.backward(gradient = external_grad)

a.grad

b.grad
'''),
    Snippet("01-autograd-graph-printed", '''
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
Q
[type(node).__name__ for node, _ in Q.grad_fn.next_functions]
[type(node).__name__ for node, _ in Q.grad_fn.next_functions[1][0].next_functions]
Q.backward()
''', raises="RuntimeError",
            note="backward on a non-scalar output needs gradient="),
    Snippet("02-requires-grad-default", '''
a = torch.rand(3,3)
# ,requires_grad=True
a = a*3
print(a)
print(a.requires_grad)
'''),
    Snippet("02-requires-grad-true", '''
a = torch.rand(3,3, requires_grad=True)
a = a*3
print(a)
print(a.requires_grad)
'''),
    Snippet("02-requires-grad-in-place-and-detach", '''
x = torch.rand(2, 2)
print(x.requires_grad)
x.requires_grad_(True)
print(x.requires_grad)
y = (x * x).sum()
print(y)
d = y.detach()
print(d, d.requires_grad)
y.backward()
print(x.grad)
'''),
]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_autograd_snippet_prints_like_torch(torch, snippet):
    expected, got = compare(snippet, torch, minitorch)
    assert got == expected
