def read(path):
    def _inner():
        return path

    return _inner()
