import csv as json_like
import os

path = "/tmp/data"


def join(name):
    from os import path

    return path.join(name)


def rebinds(value):
    import json

    json = json.dumps(value)
    return json


def outer():
    import decimal

    def inner():
        import decimal

        return decimal.Decimal(1)

    decimal = 1
    return inner, json_like, decimal


def opener(p):
    from io import open

    return open(p)


def reader(p):
    return open(p).read()
