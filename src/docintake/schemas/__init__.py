"""JSON Schemas of the command-line contract, shipped with the package."""
