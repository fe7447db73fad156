import mxnet as mx


def check(f):
    try:
        f()
        print('no error')
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().splitlines()[-1] if str(e).strip() else ''))


kv = mx.kv.create('local')
print(kv.type, kv.rank, kv.num_workers, mx.kv.create('device').type)
a = mx.nd.zeros((2, 3))
kv.init(3, mx.nd.ones((2, 3)))
kv.pull(3, out=a)
print(a)
kv.push(3, [mx.nd.ones((2, 3)) * i for i in range(1, 4)])
kv.pull(3, out=a)
print(a)
check(lambda: kv.init('a', mx.nd.ones(2)))
check(lambda: kv.init(3, mx.nd.ones((2, 3))))
check(lambda: kv.pull(99, out=a))
check(lambda: kv.push(99, a))
check(lambda: kv.pull(3))
check(lambda: kv.pull(3, out=mx.nd.ones(3)))
check(lambda: kv.is_capable('foo'))
print(kv.is_capable('optimizer'))
check(lambda: kv.save_optimizer_states('x.st'))
kvs = mx.kv.create('local')
kvs.init(['a', 'b'], [mx.nd.ones((2,))] * 2)
b = [mx.nd.zeros((2,)) for _ in range(2)]
kvs.push('a', mx.nd.ones((2,)) * 8)
kvs.pull('a', out=b)
print(b)
kvs.pushpull('b', [mx.nd.ones((2,)), mx.nd.ones((2,)) * 2], out=b)
print(b)
v = mx.nd.ones(2) * 7
kvs.pushpull('b', v)
print(v)
kvs.push(['a', 'b'], [[mx.nd.ones((2,))] * 2, [mx.nd.ones((2,)) * 3]])
c = mx.nd.zeros(2)
kvs.pull(['a', 'b'], out=[b, c])
print(b, c)
check(lambda: kvs.push(['a'], [mx.nd.ones(2), mx.nd.ones(2)]))
check(lambda: kvs.push('a', [mx.nd.ones(2), mx.nd.ones(3)]))
w = mx.nd.ones(2)
kvs.init('w', w)
w[:] = 5
kvs.pull('w', out=c)
print(c)
kvs.broadcast('z', mx.nd.ones(2) * 4, out=c)
print(c)
