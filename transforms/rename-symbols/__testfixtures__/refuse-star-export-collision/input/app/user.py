def shared():
    return "mine"


from app.m import *  # noqa: E402,F403

print(shared(), helper())
