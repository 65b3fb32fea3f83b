from app.validators import validate_language, validate_string_length
from app.validators import (
    MAX,
    validate_phone,
    validate_string_length as check_length,
)
from app.validators import validate_phone as phone, validate_string_length as unsorted_before

MAX = 3

print(validate_string_length("x"), validate_language("en"), check_length, phone, unsorted_before)
