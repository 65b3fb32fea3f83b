from app.helpers import fetch


def run():
    return fetch()
