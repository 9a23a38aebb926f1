"""The maths beside the canvas: the math panel (equations and tables), the phase words and the
inspector."""
