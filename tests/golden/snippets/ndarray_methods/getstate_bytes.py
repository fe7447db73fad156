from mxnet import nd
st = nd.array([1, 2]).__getstate__()
print(sorted(st.keys()), type(st['handle']).__name__)
print(bytes(st['handle']).hex())
print(bytes(nd.array([[1, 2, 3]], dtype='int32').__getstate__()['handle']).hex())
