from app.helpers import helper as help_me


def run():
    return help_me()
