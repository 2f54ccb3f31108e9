"""The classroom: worksheets made from a reference map (this branch's part of the package).

>>> import argmap
>>> from argmap.classroom import make_worksheet
>>> sheet = make_worksheet(argmap.examples.soviet_socialism(), "blank")
>>> len(sheet.positions)
5
"""

from .worksheet import Worksheet, make_worksheet, write_worksheet

__all__ = ["Worksheet", "make_worksheet", "write_worksheet"]
