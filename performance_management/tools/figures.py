"""How a figure shows as a whole percentage, the same on every screen and in every PDF."""

from odoo.tools import float_round


def percent(value):
    """A 0-100 figure as the whole number every screen shows.

    Rounded half up by Odoo's ``float_round``, as the web client's progress bars
    (``Math.round``) and QWeb's float widget with ``precision`` 0 do: the backend, the
    portal, the overview and the PDFs then agree to the digit (46.5 shows 47 everywhere,
    never 46 on a page that truncates).
    """
    return int(float_round(value or 0.0, precision_digits=0))
