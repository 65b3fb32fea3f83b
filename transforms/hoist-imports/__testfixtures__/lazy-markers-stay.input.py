def handler(event):
    import json  # noqa: PLC0415

    # Imported lazily: the driver is heavy and most events never need it.
    import sqlite3

    # deferred to avoid a circular import with app.models
    from . import models

    return json.dumps(event), sqlite3, models
