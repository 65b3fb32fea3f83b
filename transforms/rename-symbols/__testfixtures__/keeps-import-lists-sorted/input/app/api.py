from app.validators import _validate_string_length, validate_language
from app.validators import (
    MAX,
    _validate_string_length as check_length,
    validate_phone,
)
from app.validators import validate_phone as phone, _validate_string_length as unsorted_before

MAX = 3

print(_validate_string_length("x"), validate_language("en"), check_length, phone, unsorted_before)
