"""Differential tests: propstd against independent implementations."""
