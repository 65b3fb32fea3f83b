from app.helpers import _fetch


def run():
    return _fetch()
