# check_sha1 on a small file; download returns an existing file without fetching it
import hashlib
import os
from mxnet import gluon
U = gluon.utils
with open('data.bin', 'wb') as f:
    f.write(b'mxcompat' * 1000)
good = hashlib.sha1(b'mxcompat' * 1000).hexdigest()
print(U.check_sha1('data.bin', good), U.check_sha1('data.bin', '0' * 40))
os.makedirs('d', exist_ok=True)
with open(os.path.join('d', 'data.bin'), 'wb') as f:
    f.write(b'x')
print(U.download('http://example.invalid/files/data.bin'))
print(U.download('http://example.invalid/files/data.bin', path='data.bin', sha1_hash=good))
print(U.download('http://example.invalid/files/data.bin', path='d'))
print(U._get_repo_file_url('gluon/models', 'x.params'))
for bad in (dict(url='http://example.invalid/files/'), dict(url='http://example.invalid/data.bin', retries=-1)):
    try:
        U.download(**bad)
    except AssertionError as e:
        print('!! CAUGHT AssertionError:', e)
