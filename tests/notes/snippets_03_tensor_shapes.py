"""Code examples of lecture note 03-tensor-shapes-and-sgd.md: the sizes of the
broadcasting examples' inputs (their sums are lesson 04's).  The note's first printed
sizes are wrong (see the notes' README); PyTorch's output is the reference here."""

from harness import Snippet

NOTE = "03-tensor-shapes-and-sgd.md"

SNIPPETS = [
    Snippet("03-tensor-plus-vector-sizes", '''
x = torch.FloatTensor([[1, 2]])
y = torch.FloatTensor([[3],
                       [5]])

print(x.size())
print(y.size())
''', note="the note prints torch.Size([2, 2]) and torch.Size([2]); PyTorch prints "
            "torch.Size([1, 2]) and torch.Size([2, 1])"),
    Snippet("03-tensor-plus-vector-3d-sizes", '''
x = torch.FloatTensor([[[1, 2]]])
y = torch.FloatTensor([3,
                       5])

print(x.size())
print(y.size())
'''),
    Snippet("03-typical-shapes", '''
batch = torch.zeros(64, 10)            # tabular mini-batch |x| = (k, n)
sentences = torch.zeros(32, 20, 300)   # NLP |x| = (batch, words, features)
gray = torch.zeros(16, 28, 28)         # grayscale |x| = (images, h, w)
color = torch.zeros(16, 3, 32, 32)     # color |x| = (images, channels, h, w)
print(batch[0].shape, sentences[1, 1].shape, sentences[2].shape)
print(gray[0].shape, color[0].shape, color[:, 0].shape)
'''),
]
