"""Client."""

import os


def fetch(url):
    import requests

    return requests.get(url, timeout=os.cpu_count())
