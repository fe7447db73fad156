import mxnet as mx
from mxnet import nd, autograd


def body(x, s):
    return x * 2 + s, s + x


out, state = nd.contrib.foreach(body, nd.arange(6).reshape((3, 2)), nd.zeros((2,)))
print(out, state)


def body2(xs, ss):
    a, b = xs
    s0, s1 = ss
    return [a + s0, [b * s1]], [s0 + 1, s1 * 2]


print(nd.contrib.foreach(body2, [nd.arange(3), nd.ones((3, 2))], [nd.zeros((1,)), nd.ones((2,))]))
try:
    nd.contrib.foreach(body, 3, nd.zeros((1,)))
except AssertionError as e:
    print("!! CAUGHT AssertionError:", e)

outs, final = nd.contrib.while_loop(lambda i, s: i < 4, lambda i, s: ([i * 10, s], [i + 1, s + i]),
                                    [nd.array([0]), nd.array([1])], max_iterations=6)
print([o[:4] for o in outs], final)
print(nd.contrib.while_loop(lambda x: x < 3, lambda x: (None, x + 1), (nd.array([0]),), max_iterations=5))
print(nd.contrib.while_loop(lambda x: x < 0, lambda x: (x, x + 1), [nd.array([0])], max_iterations=5))
for args in [dict(max_iterations=None), dict(max_iterations=3, func=lambda i, s: ([i], [i + 1]))]:
    try:
        kw = dict(cond=lambda i, s: i < 4, func=lambda i, s: ([i], [i + 1, s]),
                  loop_vars=[nd.array([0]), nd.array([1])])
        kw.update(args)
        nd.contrib.while_loop(**kw)
    except ValueError as e:
        print("!! CAUGHT ValueError:", e)

print(nd.contrib.cond(nd.array([1]), lambda: nd.ones((2,)), lambda: nd.zeros((2,))))
print(nd.contrib.cond(nd.array([0]), lambda: [nd.ones((2,)), nd.ones((1,))],
                      lambda: [nd.zeros((2,)), nd.zeros((1,))]))

x = nd.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
x.attach_grad()
with autograd.record():
    o, s = nd.contrib.foreach(lambda a, st: (a * st, st + a), x, nd.ones((2,)))
    loss = o.sum() + s.sum()
loss.backward()
print(x.grad)
y = nd.array([2.0, 3.0])
y.attach_grad()
with autograd.record():
    _, (v,) = nd.contrib.while_loop(lambda v: v.sum() < 50, lambda v: (None, [v * v]), [y], max_iterations=4)
v.backward()
print(v, y.grad)
print(nd.contrib.isnan(nd.array([1, 2], dtype='int32')), nd.contrib.isfinite(nd.array([1, 2], dtype='int32')))
