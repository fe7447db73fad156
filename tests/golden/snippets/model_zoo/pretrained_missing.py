from mxnet.gluon.model_zoo import model_store


def check(fn):
    try:
        fn()
    except Exception as e:
        print("!! CAUGHT %s: %s" % (type(e).__name__, e))


check(lambda: model_store.short_hash("resnet19_v1"))
print(model_store.short_hash("resnet18_v1"), model_store.short_hash("mobilenetv2_0.25"))
