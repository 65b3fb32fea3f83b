from app.m import *

value = build()
