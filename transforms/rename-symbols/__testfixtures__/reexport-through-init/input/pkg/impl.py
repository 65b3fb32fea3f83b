def _load(path):
    return path
