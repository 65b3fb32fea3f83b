from app.m import *

value = make()
