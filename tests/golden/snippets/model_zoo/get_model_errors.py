import mxnet as mx
from mxnet.gluon.model_zoo import vision


def check(fn):
    try:
        fn()
    except Exception as e:
        print("!! CAUGHT %s: %s" % (type(e).__name__, e))


check(lambda: vision.get_model("resnet19_v1"))
check(lambda: vision.get_resnet(1, 20))
check(lambda: vision.get_resnet(3, 18))
print(vision.get_model("ResNet18_V1").name)
