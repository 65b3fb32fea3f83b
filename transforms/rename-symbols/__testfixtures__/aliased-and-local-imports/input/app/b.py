def run():
    from app.helpers import _helper

    return _helper()
