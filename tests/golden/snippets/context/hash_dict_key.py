import mxnet as mx
print(hash(mx.cpu(1)) == hash((1, 1)))
print(hash(mx.gpu(3)) == hash((2, 3)))
d = {mx.cpu(0): 'a', mx.gpu(0): 'b'}
print(d[mx.cpu()], d[mx.gpu()])
print(len({mx.cpu(), mx.cpu(0), mx.Context('cpu', 0)}))
