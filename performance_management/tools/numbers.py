"""Finite numbers: the addon's Float and Monetary fields refuse NaN and infinity.

A number reaches a field's cache and its column through the field's conversions, whatever
wrote it (create, write, onchange, import, a compute): these fields refuse there what is not
a finite number, before anything is rounded or stored. Odoo's own fields are left to Odoo.
"""

import math

from odoo import fields
from odoo.exceptions import ValidationError


class _FiniteNumber:
    def _check_finite(self, value, record):
        try:
            number = float(value or 0.0)
        except (TypeError, ValueError):
            return  # not a number at all: the field's own conversion says so
        if not math.isfinite(number):
            raise ValidationError(
                record.env._(
                    "%(field)s must be a finite number, not %(value)s.",
                    field=self._description_string(record.env),
                    value=value,
                )
            )

    def convert_to_column(self, value, record, values=None, validate=True):
        if validate:
            self._check_finite(value, record)
        return super().convert_to_column(value, record, values, validate)

    def convert_to_column_insert(self, value, record, values=None, validate=True):
        if validate:
            self._check_finite(value, record)
        return super().convert_to_column_insert(value, record, values, validate)

    def convert_to_cache(self, value, record, validate=True):
        if validate:
            self._check_finite(value, record)
        return super().convert_to_cache(value, record, validate)


class FiniteFloat(_FiniteNumber, fields.Float):
    """A Float that refuses NaN and infinity with a ValidationError."""


class FiniteMonetary(_FiniteNumber, fields.Monetary):
    """A Monetary that refuses NaN and infinity with a ValidationError."""
