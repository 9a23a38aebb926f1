"""Backprop Visualizer's Qt user interface: it draws and reacts; all maths lives in ``engine``."""
