"""The project's tools (scripts/): their pure helpers on fixed inputs, and the Observatory scan."""
