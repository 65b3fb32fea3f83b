def load(path):
    return path


def twice(path):
    return load(load(path))
