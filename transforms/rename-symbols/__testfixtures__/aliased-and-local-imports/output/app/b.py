def run():
    from app.helpers import helper

    return helper()
