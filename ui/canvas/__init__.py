"""The network canvas: the view, its graphics items (edges, neurons, pulses), layout, legend, and
the interaction and animation objects it owns."""
