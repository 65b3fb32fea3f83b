def chosen():
    import json

    return json


def other():
    import csv

    return csv
