import json


def chosen():
    return json


def other():
    import csv

    return csv
