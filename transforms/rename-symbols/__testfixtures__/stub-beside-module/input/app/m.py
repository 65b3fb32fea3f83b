def _load(path):
    return path


def twice(path):
    return _load(_load(path))
