"""5 Whys and Ishikawa diagrams: networkx graphs, their edits and their layouts (no Qt)."""
