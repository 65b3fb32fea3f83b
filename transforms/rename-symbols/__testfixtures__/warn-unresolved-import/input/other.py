from vendored.app.m import _load

print(_load())
