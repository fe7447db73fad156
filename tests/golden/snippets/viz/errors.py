import mxnet as mx


def check(fn):
    try:
        fn()
    except Exception as e:
        print("!! CAUGHT %s: %s" % (type(e).__name__, e))


check(lambda: mx.viz.print_summary(mx.nd.ones((2,))))

