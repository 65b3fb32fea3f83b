def stamp():
    from datetime import datetime

    return datetime.now()
