from app.helpers import _helper as help_me


def run():
    return help_me()
